//! The model's enumerations in the locale's words: a figure with its qualifier ("as much as
//! $50 billion"), the deal's status, a figure's basis, the price's kind.

use super::Locale;
use crate::model::export::Basis;
use crate::model::money::Style;
use crate::model::scenario::PriceKind;
use crate::model::story::{Qualifier, Status};
use rust_decimal::Decimal;

impl Locale {
    /// An amount of the story's currency, in this locale's format.
    pub fn money(&self, amount: Decimal, currency: &str, style: Style) -> String {
        self.numbers().money(amount, currency, style)
    }

    /// A percentage from its digits: `8.33` → `8.33%`, `8,33 %`.
    pub fn percent(&self, percent: Decimal) -> String {
        self.numbers().percent(percent)
    }

    /// A plain number: `4.5` → `4,5`.
    pub fn number(&self, value: Decimal) -> String {
        self.numbers().number(value)
    }

    /// A figure as written with the article's qualifier: "as much as $50 billion".
    pub fn qualified(&self, qualifier: Qualifier, figure: &str) -> String {
        let m = self.messages();
        let template = match qualifier {
            Qualifier::Exactly => return figure.to_owned(),
            Qualifier::Approximately => m.qualifier_approximately,
            Qualifier::About => m.qualifier_about,
            Qualifier::Roughly => m.qualifier_roughly,
            Qualifier::CloseTo => m.qualifier_close_to,
            Qualifier::AsMuchAs => m.qualifier_as_much_as,
            Qualifier::UpTo => m.qualifier_up_to,
        };
        super::fill(template, &[("figure", figure)])
    }

    /// How far the deal has got: "in talks".
    pub fn status(&self, status: Status) -> &'static str {
        let m = self.messages();
        match status {
            Status::Expected => m.status_expected,
            Status::InTalks => m.status_in_talks,
            Status::TermSheet => m.status_term_sheet,
            Status::Closed => m.status_closed,
        }
    }

    /// Where a figure comes from, as the table and the CSV say it: "reader's choice".
    pub fn basis(&self, basis: Basis) -> &'static str {
        let m = self.messages();
        match basis {
            Basis::Reported => m.basis_reported,
            Basis::ReadersChoice => m.basis_choice,
            Basis::Assumption => m.basis_assumption,
            Basis::Derived => m.basis_derived,
        }
    }

    /// The price's kind inside a sentence: "an assumption", "your choice".
    pub fn price_words(&self, kind: PriceKind) -> &'static str {
        let m = self.messages();
        match kind {
            PriceKind::Assumed => m.price_assumed_words,
            PriceKind::Reported => m.price_reported_words,
            PriceKind::Derived => m.price_derived_words,
            PriceKind::Chosen => m.price_chosen_words,
        }
    }

    /// The price's kind as one word: "$500B assumed before + $100B new".
    pub fn price_word(&self, kind: PriceKind) -> &'static str {
        let m = self.messages();
        match kind {
            PriceKind::Assumed => m.price_assumed_word,
            PriceKind::Reported => m.price_reported_word,
            PriceKind::Derived => m.price_derived_word,
            PriceKind::Chosen => m.price_chosen_word,
        }
    }

    /// Names as a list: "A, B and C".
    pub fn list(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => super::fill(
                self.messages().list_and,
                &[("rest", &rest.join(", ")), ("last", last)],
            ),
        }
    }
}
