//! Amounts of money: parsing the story file's decimal strings and formatting them for readers.
//!
//! Every amount is a [`Decimal`] of whole currency units, parsed from text and never through a
//! float. The story format accepts plain digits (`"50000000000"`) and the shorthand newsrooms
//! write (`"50B"`, `"$50 billion"`, `"1.5T"`, `"500 million"`, `"11,000,000,000"`).

use core::fmt;
use rust_decimal::{Decimal, RoundingStrategy};

use super::checked::Checked;
use super::currency::split_symbol;

const THOUSAND: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
const BILLION: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
// 10^12 does not fit the low 32 bits: 10^12 = 232 * 2^32 + 3_567_587_328.
const TRILLION: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Why a piece of text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// The text is empty or only white space.
    Empty,
    /// The amount starts with a minus sign.
    Negative(String),
    /// The text is not a number with an optional currency symbol and unit word.
    NotAnAmount(String),
    /// The word after the number is not a known unit.
    UnknownUnit(String),
    /// The amount is beyond what a 96-bit decimal holds (about 7.9 × 10^28).
    TooLarge(String),
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the amount is empty"),
            Self::Negative(text) => write!(f, "the amount \"{text}\" is negative"),
            Self::NotAnAmount(text) => write!(
                f,
                "\"{text}\" is not an amount: write digits such as \"50000000000\" or shorthand such as \"50B\" or \"$50 billion\""
            ),
            Self::UnknownUnit(unit) => write!(
                f,
                "unknown unit \"{unit}\": use K, M, B or T (or thousand, million, billion, trillion)"
            ),
            Self::TooLarge(text) => write!(
                f,
                "the amount \"{text}\" is too large: the largest supported amount is about 7.9 × 10^28"
            ),
        }
    }
}

impl std::error::Error for AmountError {}

/// Parses an amount such as `"50000000000"`, `"50B"`, `"$50 billion"` or `"1,250.5M"`.
///
/// Fractions are exact (`"37.5B"` is 37 500 000 000). Negative amounts, floats in exponent
/// notation and anything that would lose digits are refused.
///
/// ```
/// use round_explainer::model::money::parse_amount;
/// use rust_decimal::Decimal;
///
/// assert_eq!(parse_amount("$50 billion"), Ok(Decimal::from(50_000_000_000u64)));
/// assert_eq!(parse_amount("37.5B"), Ok(Decimal::from(37_500_000_000u64)));
/// assert!(parse_amount("-5B").is_err());
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    parse_amount_with_symbol(text).map(|(amount, _)| amount)
}

/// Parses an amount as [`parse_amount`] does, and gives the currency symbol it was written
/// with, if any (`€` for `"€1.3bn"`), for the story to check against its currency.
pub fn parse_amount_with_symbol(
    text: &str,
) -> Result<(Decimal, Option<&'static str>), AmountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let unsigned = trimmed.strip_prefix('-');
    let (symbol, body) = split_symbol(unsigned.unwrap_or(trimmed));
    if unsigned.is_some() || body.starts_with('-') {
        return Err(AmountError::Negative(trimmed.to_owned()));
    }
    let number_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(body.len());
    // `find` gives a char boundary, so this never falls back; `split_at` would bring a panic
    // path and its char-escaping tables into the wasm.
    let (number, unit) = body.split_at_checked(number_end).unwrap_or((body, ""));
    let number =
        plain_digits(number).ok_or_else(|| AmountError::NotAnAmount(trimmed.to_owned()))?;
    let multiplier = unit_multiplier(unit.trim())?;
    let value = exact_decimal(&number).ok_or_else(|| AmountError::TooLarge(trimmed.to_owned()))?;
    value
        .mul_checked(multiplier)
        .map(|amount| (amount.normalize(), symbol))
        .ok_or_else(|| AmountError::TooLarge(trimmed.to_owned()))
}

/// Removes thousands separators after checking they stand every three digits.
fn plain_digits(number: &str) -> Option<String> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    let first_ok = !first.is_empty() && (!grouped || first.len() <= 3);
    let rest_ok = groups.clone().all(|group| group.len() == 3);
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let fraction_ok = fraction.is_none_or(|f| !f.is_empty() && all_digits(f));
    if !(first_ok && rest_ok && fraction_ok && all_digits(first)) {
        return None;
    }
    let mut digits: String = whole.chars().filter(|c| *c != ',').collect();
    if let Some(fraction) = fraction {
        digits.push('.');
        digits.push_str(fraction);
    }
    Some(digits)
}

/// The exact value of digits with at most one point, as [`plain_digits`] leaves them; `None`
/// when a `Decimal` cannot hold it (more than 28 places after the point, or beyond 2^96 - 1 in
/// all). rust_decimal's own parser is 3 KB of wasm, in its many paths for every kind of input;
/// this is all these digits need.
fn exact_decimal(digits: &str) -> Option<Decimal> {
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    // Zeros at the end of the fraction change nothing: without them the scale stays in range.
    let fraction = fraction.trim_end_matches('0');
    let mut mantissa: i128 = 0;
    for digit in whole.chars().chain(fraction.chars()) {
        let digit = i128::from(digit.to_digit(10)?);
        mantissa = mantissa.checked_mul(10)?.checked_add(digit)?;
    }
    let scale = u32::try_from(fraction.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

fn unit_multiplier(unit: &str) -> Result<Decimal, AmountError> {
    Ok(match unit.to_ascii_lowercase().as_str() {
        "" => Decimal::ONE,
        "k" | "thousand" => THOUSAND,
        "m" | "mn" | "million" => MILLION,
        "b" | "bn" | "billion" => BILLION,
        "t" | "tn" | "trillion" => TRILLION,
        _ => return Err(AmountError::UnknownUnit(unit.to_owned())),
    })
}

pub use crate::locale::Style;

/// Writes an amount as an English article does, with at most two decimals of its unit:
/// `$50B`, `$37.5 billion`, `$1.25T`, `$500M`, `$16,000`. `check` looks for these spellings
/// in the article; readers are shown amounts in their locale's CLDR format
/// (`crate::locale::Numbers::money`).
///
/// ```
/// use round_explainer::model::money::{format_money, Style};
/// use rust_decimal::Decimal;
///
/// let post_money = Decimal::from(630_000_000_000u64);
/// assert_eq!(format_money(post_money, "$", Style::Short), "$630B");
/// assert_eq!(format_money(post_money, "$", Style::Long), "$630 billion");
/// ```
pub fn format_money(amount: Decimal, currency_symbol: &str, style: Style) -> String {
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    let magnitude = amount.abs();
    let units = [
        (TRILLION, "T", " trillion"),
        (BILLION, "B", " billion"),
        (MILLION, "M", " million"),
    ];
    for (size, short, long) in units {
        if magnitude < size {
            continue;
        }
        // Dividing by a unit cannot fail; were it to, the amount is written out in full below.
        let Some(scaled) = magnitude.div_checked(size) else {
            break;
        };
        let unit = if style == Style::Short { short } else { long };
        return format!(
            "{sign}{currency_symbol}{}{unit}",
            group_thousands(rounded(scaled, 2))
        );
    }
    format!(
        "{sign}{currency_symbol}{}",
        group_thousands(rounded(magnitude, 2))
    )
}

/// Writes an amount exactly, in the shortest shorthand that [`parse_amount`] reads back to the
/// same value: `50B`, `37.5B`, `1250000001`. Used in URL fragments and data files.
pub fn format_exact(amount: Decimal) -> String {
    let amount = amount.normalize();
    for (size, unit) in [(TRILLION, "T"), (BILLION, "B"), (MILLION, "M")] {
        if amount.abs() >= size {
            if let Some(scaled) = amount.div_checked(size) {
                let scaled = scaled.normalize();
                // Exact only when the scaled value times the unit gives the amount back.
                if scaled.scale() <= 3 && scaled.mul_checked(size) == Some(amount) {
                    return format!("{scaled}{unit}");
                }
            }
        }
    }
    amount.to_string()
}

/// Rounds half away from zero to `decimals` places and drops trailing zeros.
pub(crate) fn rounded(value: Decimal, decimals: u32) -> Decimal {
    value
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Writes a number with thousands separators: `1234567.5` → `1,234,567.5`.
pub fn group_thousands(value: Decimal) -> String {
    let text = value.to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn parses_plain_and_shorthand_amounts() {
        let cases = [
            ("50000000000", "50000000000"),
            ("50B", "50000000000"),
            ("50b", "50000000000"),
            ("$50 billion", "50000000000"),
            ("$ 50bn", "50000000000"),
            ("37.5B", "37500000000"),
            ("1.25T", "1250000000000"),
            ("500 million", "500000000"),
            ("11,000,000,000", "11000000000"),
            ("16,000", "16000"),
            ("2.5K", "2500"),
            ("0", "0"),
            ("  $125B  ", "125000000000"),
            ("007", "7"),
            ("1.5000", "1.5"),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            ("1.000000000000000000000000000000000", "1"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount(text), Ok(dec(expected)), "parsing {text:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        let cases = [
            ("", AmountError::Empty),
            ("   ", AmountError::Empty),
            ("-5B", AmountError::Negative("-5B".into())),
            ("$-5B", AmountError::Negative("$-5B".into())),
            ("1e9", AmountError::UnknownUnit("e9".into())),
            ("fifty", AmountError::NotAnAmount("fifty".into())),
            ("5.B", AmountError::NotAnAmount("5.B".into())),
            ("1,00", AmountError::NotAnAmount("1,00".into())),
            ("1.2.3", AmountError::NotAnAmount("1.2.3".into())),
            ("50 gazillion", AmountError::UnknownUnit("gazillion".into())),
            (
                "1000000000000000000000000000000",
                AmountError::TooLarge("1000000000000000000000000000000".into()),
            ),
            (
                "100000000000000000T",
                AmountError::TooLarge("100000000000000000T".into()),
            ),
            // One more than a Decimal holds; then more digits than an i128 holds.
            (
                "79228162514264337593543950336",
                AmountError::TooLarge("79228162514264337593543950336".into()),
            ),
            (
                "1234567890123456789012345678901234567890",
                AmountError::TooLarge("1234567890123456789012345678901234567890".into()),
            ),
            // 29 places after the point: one more than a Decimal keeps.
            (
                "0.00000000000000000000000000001",
                AmountError::TooLarge("0.00000000000000000000000000001".into()),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount(text), Err(expected), "parsing {text:?}");
        }
    }

    // proptest is a native-only dev-dependency (Cargo.toml); clippy also builds these for wasm32.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Our digit reader agrees with rust_decimal's on every value a Decimal holds.
        #[test]
        fn exact_decimal_reads_what_rust_decimal_writes(
            mantissa in 0u128..(1u128 << 96),
            scale in 0u32..=28,
        ) {
            let value = Decimal::from_i128_with_scale(mantissa as i128, scale);
            proptest::prop_assert_eq!(exact_decimal(&value.to_string()), Some(value));
        }
    }

    #[test]
    fn formats_for_readers() {
        let cases = [
            ("50000000000", Style::Short, "$50B"),
            ("50000000000", Style::Long, "$50 billion"),
            ("37500000000", Style::Long, "$37.5 billion"),
            ("33333333333.33", Style::Short, "$33.33B"),
            ("1000000000000", Style::Short, "$1T"),
            ("1250000000000", Style::Long, "$1.25 trillion"),
            ("600000000000", Style::Short, "$600B"),
            ("500000000", Style::Short, "$500M"),
            ("16000", Style::Short, "$16,000"),
            ("0", Style::Short, "$0"),
            ("-5000000000", Style::Short, "-$5B"),
        ];
        for (amount, style, expected) in cases {
            assert_eq!(
                format_money(dec(amount), "$", style),
                expected,
                "formatting {amount}"
            );
        }
    }

    #[test]
    fn exact_format_reads_back_to_the_same_amount() {
        let cases = [
            ("50000000000", "50B"),
            ("37500000000", "37.5B"),
            ("1250000000000", "1.25T"),
            ("1250000001", "1250000001"),
            ("999", "999"),
            ("0.5", "0.5"),
        ];
        for (amount, expected) in cases {
            let text = format_exact(dec(amount));
            assert_eq!(text, expected, "writing {amount}");
            assert_eq!(parse_amount(&text), Ok(dec(amount)), "reading back {text}");
        }
    }
}
