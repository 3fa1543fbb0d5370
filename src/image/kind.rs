//! The kind of each figure on an image, as the explainer's note for it says (reported, derived,
//! an assumption, or the reader's choice), in the data table's words ([`Basis::label`]).

use crate::model::export::Basis;
use crate::model::{Outcome, Scenario, Story};
use crate::view::provenance::{kind, note, Ref};

/// A figure's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind(pub Basis);

impl Kind {
    /// The kind of the figure that `reference` names, in the scenario on screen: the kind of
    /// the note the explainer opens for it.
    pub fn of(
        story: &Story,
        scenario: &Scenario,
        outcome: &Outcome,
        reference: &Ref,
    ) -> Option<Kind> {
        let note = note(story, scenario, outcome, reference)?;
        let basis = match note.kind {
            kind::REPORTED | kind::PARTLY_REPORTED => Basis::Reported,
            kind::ASSUMPTION => Basis::Assumption,
            kind::CHOICE => Basis::ReadersChoice,
            kind::DERIVED => Basis::Derived,
            _ => return None,
        };
        Some(Kind(basis))
    }

    /// "derived", "reader's choice"…
    pub fn word(self) -> &'static str {
        self.0.label()
    }

    /// `text` with its kind after it, "$600B (derived)", unless its words already say it
    /// ("reported: about 13%").
    pub fn after(kind: Option<Kind>, text: &str) -> String {
        match kind {
            Some(kind) if !text.starts_with(kind.word()) => format!("{text} ({})", kind.word()),
            _ => text.to_owned(),
        }
    }
}
