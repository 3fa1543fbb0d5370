//! Exact fractions of a whole, and percentages for display that add up to exactly 100.

// `ok_or_else` on purpose: ComputeError has variants that own Strings, so building one only to
// drop it has a cost in the per-investor hot path that clippy does not see.
#![allow(clippy::unnecessary_lazy_evaluations)]

use rust_decimal::Decimal;
use serde::Serialize;

use super::checked::{self, Checked};
use super::outcome::ComputeError;

/// An exact fraction `part / whole`, kept unevaluated so that nothing is lost to rounding:
/// Amazon's default stake is 50B / 600B, not 0.0833….
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    /// The numerator, e.g. Amazon's amount.
    pub part: Decimal,
    /// The denominator, e.g. the post-money valuation; never zero.
    pub whole: Decimal,
}

impl Share {
    /// `part / whole`; `whole` must be above zero.
    pub fn new(part: Decimal, whole: Decimal) -> Self {
        debug_assert!(whole > Decimal::ZERO, "a share of nothing");
        Self { part, whole }
    }

    /// True when both fractions are the same number (`1/2 == 2/4`).
    pub fn same_value(&self, other: &Share) -> Result<bool, ComputeError> {
        let left = self
            .part
            .mul_checked(other.whole)
            .ok_or_else(|| ComputeError::Overflow("comparing stakes"))?;
        let right = other
            .part
            .mul_checked(self.whole)
            .ok_or_else(|| ComputeError::Overflow("comparing stakes"))?;
        Ok(left == right)
    }

    /// The fraction as a percentage rounded half away from zero to `decimals` places; for
    /// single figures. Sets of stakes use [`display_percentages`] instead.
    pub fn percent(&self, decimals: u32) -> Result<Decimal, ComputeError> {
        let hundred_parts = self
            .part
            .mul_checked(Decimal::ONE_HUNDRED)
            .ok_or_else(|| ComputeError::Overflow("a percentage"))?;
        let value = hundred_parts
            .div_checked(self.whole)
            .ok_or_else(|| ComputeError::Overflow("a percentage"))?;
        Ok(super::money::rounded(value, decimals))
    }
}

/// `floor(part * units / whole)` and the exact remainder `part * units - floor * whole`.
fn floor_and_remainder(
    part: Decimal,
    units: Decimal,
    whole: Decimal,
) -> Option<(Decimal, Decimal)> {
    // Whole amounts (the usual case) divide as integers: exact, and far faster than Decimal's
    // 28-digit division, which counts with a thousand investors.
    if part.scale() == 0 && whole.scale() == 0 && units.scale() == 0 {
        let scaled = part.mantissa().checked_mul(units.mantissa())?;
        let whole = whole.mantissa();
        let floor = Decimal::try_from_i128_with_scale(scaled.div_euclid(whole), 0).ok()?;
        let remainder = Decimal::try_from_i128_with_scale(scaled.rem_euclid(whole), 0).ok()?;
        return Some((floor, remainder));
    }
    let scaled = part.mul_checked(units)?;
    let mut floor = checked::floor(scaled.div_checked(whole)?);
    let mut remainder = scaled.sub_checked(floor.mul_checked(whole)?)?;
    // Decimal division rounds at 28 digits, so the floor can be one off; the exact remainder
    // tells and corrects it.
    if remainder.is_sign_negative() && !remainder.is_zero() {
        floor = floor.sub_checked(Decimal::ONE)?;
        remainder = remainder.add_checked(whole)?;
    } else if remainder >= whole {
        floor = floor.add_checked(Decimal::ONE)?;
        remainder = remainder.sub_checked(whole)?;
    }
    Some((floor, remainder))
}

/// Percentages of `parts` (all of one whole) shown to `decimals` places that add up to exactly
/// 100 — largest-remainder (Hamilton) rounding: each part is rounded down, then the units left
/// over go to the largest remainders; a tie goes to the larger part, then to the earlier one.
pub fn display_percentages(
    parts: &[Decimal],
    whole: Decimal,
    decimals: u32,
) -> Result<Vec<Decimal>, ComputeError> {
    const OVERFLOW: ComputeError = ComputeError::Overflow("display percentages");
    let divisor = Decimal::from(10u64.pow(decimals));
    let unit_count = divisor.mul_checked(Decimal::ONE_HUNDRED).ok_or(OVERFLOW)?;
    let mut floors = Vec::with_capacity(parts.len());
    for &part in parts {
        floors.push(floor_and_remainder(part, unit_count, whole).ok_or(OVERFLOW)?);
    }
    let assigned = floors
        .iter()
        .try_fold(Decimal::ZERO, |sum, (units, _)| sum.add_checked(*units));
    let left_over = unit_count
        .sub_checked(assigned.ok_or(OVERFLOW)?)
        .ok_or(OVERFLOW)?;
    let left_over = usize::try_from(left_over.mantissa())
        .ok()
        .filter(|_| left_over.scale() == 0);
    let left_over = left_over
        .filter(|n| *n <= parts.len())
        .ok_or(ComputeError::PartsDoNotAddUp)?;
    // Only which parts get a unit matters, not their order: select, don't sort.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    let before = |&a: &usize, &b: &usize| {
        floors[b]
            .1
            .cmp(&floors[a].1)
            .then(parts[b].cmp(&parts[a]))
            .then(a.cmp(&b))
    };
    if left_over > 0 && left_over < order.len() {
        order.select_nth_unstable_by(left_over - 1, before);
    }
    for &index in order.iter().take(left_over) {
        floors[index].0 = floors[index].0.add_checked(Decimal::ONE).ok_or(OVERFLOW)?;
    }
    let mut shown = Vec::with_capacity(floors.len());
    for (units, _) in floors {
        let mut percent = units.div_checked(divisor).ok_or(OVERFLOW)?;
        percent.rescale(decimals);
        shown.push(percent);
    }
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn percents(parts: &[&str], whole: &str, decimals: u32) -> Vec<String> {
        let parts: Vec<Decimal> = parts.iter().map(|p| dec(p)).collect();
        let shown = display_percentages(&parts, dec(whole), decimals).unwrap();
        shown.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn largest_remainder_rounding_adds_up_to_exactly_one_hundred() {
        let cases: [(&[&str], &str, u32, &[&str]); 6] = [
            // The article's default: a tie of three equal remainders goes to the largest part.
            (&["500", "50", "50"], "600", 2, &["83.34", "8.33", "8.33"]),
            (
                &["500", "50", "50", "30"],
                "630",
                2,
                &["79.36", "7.94", "7.94", "4.76"],
            ),
            (&["1", "1", "1"], "3", 2, &["33.34", "33.33", "33.33"]),
            (&["1", "1", "1"], "3", 0, &["34", "33", "33"]),
            (&["1", "0"], "1", 2, &["100.00", "0.00"]),
            (&["2", "1"], "3", 1, &["66.7", "33.3"]),
        ];
        for (parts, whole, decimals, expected) in cases {
            let shown = percents(parts, whole, decimals);
            assert_eq!(
                shown,
                expected.to_vec(),
                "parts {parts:?} of {whole} at {decimals} decimals"
            );
        }
    }

    #[test]
    fn parts_that_are_not_the_whole_are_refused() {
        let parts = [dec("1"), dec("1")];
        assert_eq!(
            display_percentages(&parts, dec("10"), 2),
            Err(ComputeError::PartsDoNotAddUp)
        );
    }

    #[test]
    fn shares_compare_by_value() {
        let half = Share::new(dec("1"), dec("2"));
        assert!(
            half.same_value(&Share::new(dec("300"), dec("600")))
                .unwrap(),
            "1/2 is 300/600"
        );
        assert!(
            !half.same_value(&Share::new(dec("1"), dec("3"))).unwrap(),
            "1/2 is not 1/3"
        );
        assert_eq!(
            Share::new(dec("50"), dec("600")).percent(2).unwrap(),
            dec("8.33")
        );
    }
}
