//! A locale's words for what every part writes: money, percentages, plain numbers, lists.

use super::{Locale, Style};
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
