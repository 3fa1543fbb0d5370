//! The kind of each figure on an image, as the explainer's note for it says (reported, derived,
//! an assumption, or the reader's choice), in the data table's words ([`Locale::basis`]).

use crate::locale::Locale;
use crate::model::export::Basis;
use crate::model::{Outcome, Scenario, Story};
use crate::view::provenance::{note, NoteKind, Ref};

/// A figure's kind, and its word in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Where the figure comes from.
    pub basis: Basis,
    word: &'static str,
}

impl Kind {
    /// The kind of the figure that `reference` names, in the scenario on screen: the kind of
    /// the note the explainer opens for it.
    pub fn of(
        story: &Story,
        scenario: &Scenario,
        outcome: &Outcome,
        locale: &Locale,
        reference: &Ref,
    ) -> Option<Kind> {
        let note = note(story, scenario, outcome, locale, reference)?;
        let basis = match note.kind {
            NoteKind::Reported | NoteKind::PartlyReported => Basis::Reported,
            NoteKind::Assumption => Basis::Assumption,
            NoteKind::Choice => Basis::ReadersChoice,
            NoteKind::Derived => Basis::Derived,
        };
        Some(Kind::new(basis, locale))
    }

    /// The kind `basis` in the words of `locale`.
    pub fn new(basis: Basis, locale: &Locale) -> Kind {
        Kind {
            basis,
            word: basis.said(locale),
        }
    }

    /// "derived", "reader's choice"…
    pub fn word(self) -> &'static str {
        self.word
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
