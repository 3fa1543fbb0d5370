//! Numbers, money and percentages in a locale's CLDR formats: `$50B`, `50 Mrd. $`, `50 Md $`,
//! `8,33 %`.
//!
//! The explainer decides the digits, exactly, in `rust_decimal` (two decimals of the amount's
//! unit, as [`rounded_for_readers`] says); the locale's CLDR data decides how those digits are
//! written. Natively that data is ICU4X's (`icu.rs`); in the wasm it is the browser's own `Intl`
//! (`intl.rs`), so the wasm carries none. Both are handed the digits as text, never as a float,
//! and asked to show every one of them, so neither rounds.
//!
//! Money is composed the same way by both: the locale's compact number (`50 Mrd.`, or
//! `50 Milliarden` in the long style) inside the locale's currency pattern, whose prefix and
//! suffix (`$` before, or ` $` after) come from writing one unit of the currency with its
//! narrow symbol (or its standard one, where the narrow one is letters). ICU4X's own compact
//! currency formatter rounds to two significant digits, which would turn `$37.5B` into `$38B`;
//! and `Intl` has no long compact currency with a symbol.
//! The native and browser texts are compared in `tests/web/locale.rs` against
//! `tests/fixtures/number-formats.tsv`, which the native tests write and check.

use std::cell::RefCell;

use rust_decimal::{Decimal, RoundingStrategy};

#[cfg(not(target_arch = "wasm32"))]
use super::icu::Cldr;
#[cfg(target_arch = "wasm32")]
use super::intl::Cldr;

const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
const BILLION: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
// 10^12 does not fit the low 32 bits: 10^12 = 232 * 2^32 + 3_567_587_328.
const TRILLION: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// How an amount is written: short for the eye, long for sentences and the ear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `$50B`, `50 Mrd. $`: for charts, tables and tight spaces.
    Short,
    /// `$50 billion`, `50 Milliarden $`: for sentences and `aria-valuetext`.
    Long,
}

/// A locale's number formats, with the formatters made once and kept.
#[derive(Debug)]
pub struct Numbers {
    cldr: Cldr,
    /// The currency pattern's prefix and suffix, by ISO code.
    affixes: RefCell<Vec<(String, (String, String))>>,
}

impl Numbers {
    /// The formats of a canonical BCP 47 tag (`de-AT`).
    pub(super) fn new(tag: &str) -> Numbers {
        Numbers {
            cldr: Cldr::new(tag),
            affixes: RefCell::default(),
        }
    }

    /// What stands before and after the number in an amount of `code`: its narrow symbol
    /// (`$`, `€`, `£`) where that is a sign, else its standard symbol (`CHF`, `SEK`: a narrow
    /// `Fr.` or `kr` abbreviates a word, and says less than the code).
    fn currency_affixes(&self, code: &str) -> (String, String) {
        if let Some((_, affixes)) = self.affixes.borrow().iter().find(|(c, _)| c == code) {
            return affixes.clone();
        }
        let narrow = affixes_around_digits(&self.cldr.one_unit(code, true));
        let lettered = |(prefix, suffix): &(String, String)| {
            prefix.chars().chain(suffix.chars()).any(is_letter)
        };
        let affixes = if lettered(&narrow) {
            affixes_around_digits(&self.cldr.one_unit(code, false))
        } else {
            narrow
        };
        self.affixes
            .borrow_mut()
            .push((code.to_owned(), affixes.clone()));
        affixes
    }

    /// An amount of `currency` (ISO 4217) for readers: `$50B` or `$50 billion` in English,
    /// `50 Mrd. $` or `50 Milliarden $` in German, with at most two decimals of its unit;
    /// below a million, written out: `$16,000`, `16.000 $`.
    pub fn money(&self, amount: Decimal, currency: &str, style: Style) -> String {
        let shown = rounded_for_readers(amount.abs());
        // Below a million the amount is written out (`$16,000`): compact thousands would need
        // more digits than they save (`$16.00056K`). Cents are written as cents (`$16,000.50`);
        // `shown` is normalized, so it has a scale only if it has cents (and `fract` would
        // bring in subtraction).
        let number = if shown < MILLION {
            let decimals = if shown.scale() > 0 { 2 } else { 0 };
            let mut written = shown;
            written.rescale(decimals);
            self.cldr.decimal_fixed(&written.to_string(), decimals)
        } else {
            self.cldr.compact(&shown.to_string(), style == Style::Long)
        };
        let (prefix, suffix) = self.currency_affixes(currency);
        let sign = if amount.is_sign_negative() && !shown.is_zero() {
            // No amount the explainer shows is negative; were one to be, it is not hidden.
            "-"
        } else {
            ""
        };
        format!("{sign}{prefix}{number}{suffix}")
    }

    /// A percentage as its digits say, `8.33` → `8.33%` or `8,33 %`: the digits are shown as
    /// they are, trailing zeros included (`12.50`), as the stakes' rounding chose them.
    pub fn percent(&self, percent: Decimal) -> String {
        let percent = at_most_20_decimals(percent);
        self.cldr.percent(&percent.to_string(), percent.scale())
    }

    /// A plain number with the locale's separators: `4.5` → `4,5`, `12345` → `12.345`.
    pub fn number(&self, value: Decimal) -> String {
        self.cldr
            .decimal(&at_most_20_decimals(value).normalize().to_string())
    }
}

/// The value with at most 20 decimals (halves away from zero): the most `Intl.NumberFormat`
/// shows, so that both formatters are given the same digits.
fn at_most_20_decimals(value: Decimal) -> Decimal {
    if value.scale() > 20 {
        value.round_dp_with_strategy(20, RoundingStrategy::MidpointAwayFromZero)
    } else {
        value
    }
}

/// The digits a reader is shown of an amount: two decimals of its unit (trillion, billion or
/// million), or of the currency below a million; halves round away from zero; trailing zeros
/// are dropped. `37_512_000_000` → `37_510_000_000` (`$37.51B`).
pub fn rounded_for_readers(amount: Decimal) -> Decimal {
    let unit = [TRILLION, BILLION, MILLION]
        .into_iter()
        .find(|unit| amount.abs() >= *unit)
        .unwrap_or(Decimal::ONE);
    let scaled = amount
        .checked_div(unit)
        .map(|scaled| scaled.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero));
    scaled
        .and_then(|scaled| scaled.checked_mul(unit))
        .unwrap_or(amount)
        .normalize()
}

/// A letter of the Latin, Greek or Cyrillic scripts (`Fr.`, `kr`, `zł`, `руб.`), which no
/// currency sign is: a small test in place of Unicode's alphabetic table, kilobytes of wasm.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(u32::from(c), 0xC0..=0x24F | 0x370..=0x3FF | 0x400..=0x4FF)
            && !matches!(c, '×' | '÷')
}

/// What stands before the first digit and after the last of a written amount: the currency's
/// place in the pattern. `"1,00\u{a0}$"` gives `("", "\u{a0}$")`. Both formatters read their
/// currency pattern this way, so the pattern's place is found by one rule.
pub(super) fn affixes_around_digits(written: &str) -> (String, String) {
    // The locales the explainer speaks write Latin digits; Unicode's digit tables would cost
    // the wasm kilobytes for none of them.
    let first = written
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(written.len());
    let last = written
        .char_indices()
        .rfind(|(_, c)| c.is_ascii_digit())
        .map_or(written.len(), |(at, c)| at + c.len_utf8());
    let prefix = written.get(..first).unwrap_or_default();
    let suffix = written.get(last..).unwrap_or_default();
    (prefix.to_owned(), suffix.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_currency_stands_where_its_pattern_puts_it() {
        let cases = [
            ("$1.00", ("$", "")),
            ("1,00\u{a0}$", ("", "\u{a0}$")),
            ("CHF\u{a0}1.00", ("CHF\u{a0}", "")),
            ("1\u{a0}JPY", ("", "\u{a0}JPY")),
        ];
        for (written, (prefix, suffix)) in cases {
            assert_eq!(
                affixes_around_digits(written),
                (prefix.to_owned(), suffix.to_owned()),
                "the affixes of {written:?}"
            );
        }
    }

    #[test]
    fn amounts_keep_two_decimals_of_their_unit() {
        let cases = [
            ("37512000000", "37510000000"),
            ("37515000000", "37520000000"),
            ("1250000000000", "1250000000000"),
            ("33333333333.33", "33330000000"),
            ("16000.555", "16000.56"),
            ("0", "0"),
        ];
        for (amount, expected) in cases {
            assert_eq!(
                rounded_for_readers(dec(amount)),
                dec(expected),
                "rounding {amount}"
            );
        }
    }

    // The browser's formats for the same cases are checked in tests/web/locale.rs.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn money_and_percentages_follow_the_locale() {
        let cases = [
            ("en", "50000000000", Style::Short, "$50B"),
            ("en", "50000000000", Style::Long, "$50 billion"),
            ("en", "37500000000", Style::Long, "$37.5 billion"),
            ("en", "1250000000000", Style::Short, "$1.25T"),
            ("de", "50000000000", Style::Short, "50\u{a0}Mrd.\u{a0}$"),
            ("de", "50000000000", Style::Long, "50 Milliarden\u{a0}$"),
            ("de", "37500000000", Style::Short, "37,5\u{a0}Mrd.\u{a0}$"),
            ("fr", "50000000000", Style::Short, "50\u{a0}Md\u{a0}$"),
            (
                "es",
                "50000000000",
                Style::Short,
                "50\u{a0}mil\u{a0}M\u{a0}$",
            ),
            ("en-GB", "50000000000", Style::Short, "$50bn"),
        ];
        for (tag, amount, style, expected) in cases {
            let locale = crate::locale::Locale::parse(tag).unwrap();
            assert_eq!(
                locale.numbers().money(dec(amount), "USD", style),
                expected,
                "{amount} USD in {tag}, {style:?}"
            );
        }
        let german = crate::locale::Locale::parse("de").unwrap();
        assert_eq!(german.numbers().percent(dec("8.33")), "8,33\u{a0}%");
        assert_eq!(german.numbers().percent(dec("12.50")), "12,50\u{a0}%");
        assert_eq!(german.numbers().number(dec("4.5")), "4,5");
        assert_eq!(
            german
                .numbers()
                .money(dec("1300000000"), "EUR", Style::Short),
            "1,3\u{a0}Mrd.\u{a0}€"
        );
    }
}
