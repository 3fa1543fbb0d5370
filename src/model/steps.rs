//! Slider positions for a range. Browsers give a range input's value as a float, so money never
//! goes through it: the input holds a whole position index, and this maps it to an exact amount.

use rust_decimal::Decimal;

use super::checked::{floor, Checked};
use super::story::{Amount, Range};

/// The most positions a slider gets; a finer step is coarsened to this.
pub const MAX_POSITIONS: u32 = 10_000;

/// The exact amounts a slider can take: `low`, `low + step`, …, and `high` last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps {
    low: Decimal,
    high: Decimal,
    step: Decimal,
    last: u32,
}

impl Steps {
    /// The positions of a range, with its step (or a hundredth of its span).
    pub fn of(range: &Range) -> Steps {
        let (low, high) = (range.low.0, range.high.0);
        // A validated range has 0 <= low <= high, so its span, and the quotients below by a
        // positive step, cannot overflow; the fallbacks only keep this free of panics.
        let span = high.sub_checked(low).unwrap_or(Decimal::ZERO);
        if span.is_zero() {
            return Steps {
                low,
                high,
                step: Decimal::ONE,
                last: 0,
            };
        }
        let positions = Decimal::from(MAX_POSITIONS);
        let steps_in = |step: Decimal| span.div_checked(step).unwrap_or(positions);
        let mut step = match range.step {
            Some(step) if step.0 > Decimal::ZERO => step.0,
            _ => span.div_checked(Decimal::ONE_HUNDRED).unwrap_or(span),
        };
        if steps_in(step) > positions {
            step = span.div_checked(positions).unwrap_or(step);
        }
        let whole_steps = floor(steps_in(step));
        let whole_steps = u32::try_from(whole_steps.mantissa())
            .unwrap_or(MAX_POSITIONS)
            .min(MAX_POSITIONS);
        // A span that is not a whole number of steps still ends at `high`.
        let reached = step
            .mul_checked(Decimal::from(whole_steps))
            .and_then(|covered| low.add_checked(covered));
        let ends_short = reached.is_some_and(|reached| reached < high);
        let last = if ends_short {
            whole_steps + 1
        } else {
            whole_steps
        };
        Steps {
            low,
            high,
            step,
            last,
        }
    }

    /// The index of the last position (`high`).
    pub fn last(&self) -> u32 {
        self.last
    }

    /// The amount at a position; positions past the end give `high`.
    pub fn value_at(&self, index: u32) -> Amount {
        if index >= self.last {
            return Amount(self.high);
        }
        let value = self
            .step
            .mul_checked(Decimal::from(index))
            .and_then(|covered| self.low.add_checked(covered));
        // Past what a Decimal holds is past `high`.
        Amount(value.map_or(self.high, |value| value.min(self.high)))
    }

    /// The position nearest to an amount.
    pub fn index_of(&self, value: Amount) -> u32 {
        if value.0 <= self.low || self.last == 0 {
            return 0;
        }
        if value.0 >= self.high {
            return self.last;
        }
        // low < value < high here, so the differences are positive and cannot overflow.
        let from_low = value.0.sub_checked(self.low).unwrap_or(Decimal::ZERO);
        let index = from_low
            .div_checked(self.step)
            .unwrap_or(Decimal::ZERO)
            .round();
        let index = u32::try_from(index.mantissa()).map_or(self.last, |index| index.min(self.last));
        // The last position can be closer than a whole step to the one before it.
        let before_last = index + 1 == self.last;
        let to_high = self.high.sub_checked(value.0);
        let to_before = value.0.sub_checked(self.value_at(index).0);
        if before_last && matches!((to_high, to_before), (Some(a), Some(b)) if a < b) {
            return self.last;
        }
        index
    }

    /// How many positions PageUp and PageDown move: a tenth of the range, at least one.
    pub fn page(&self) -> u32 {
        (self.last / 10).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::parse_amount;

    fn range(low: &str, high: &str, step: Option<&str>) -> Range {
        let amount = |text: &str| Amount(parse_amount(text).unwrap());
        Range {
            low_source: None,
            high_source: None,
            low: amount(low),
            high: amount(high),
            step: step.map(amount),
            assumption: None,
        }
    }

    fn text(amount: Amount) -> String {
        crate::model::money::format_exact(amount.0)
    }

    #[test]
    fn positions_are_exact_amounts() {
        let cases = [
            // (low, high, step, last index, value at 1, value at last)
            ("10B", "50B", Some("1B"), 40, "11B", "50B"),
            ("300B", "1T", Some("10B"), 70, "310B", "1T"),
            ("0", "1B", None, 100, "10M", "1B"),
            ("0", "10", Some("3"), 4, "3", "10"),
            ("5B", "5B", None, 0, "5B", "5B"),
            ("0", "1", Some("0.00000001"), 10_000, "0.0001", "1"),
        ];
        for (low, high, step, last, first, end) in cases {
            let steps = Steps::of(&range(low, high, step));
            assert_eq!(steps.last(), last, "{low}..{high} by {step:?}: last index");
            assert_eq!(text(steps.value_at(1)), first, "{low}..{high}: position 1");
            assert_eq!(
                text(steps.value_at(last)),
                end,
                "{low}..{high}: last position"
            );
            assert_eq!(
                steps.index_of(steps.value_at(last)),
                last,
                "{low}..{high}: round trip of the end"
            );
        }
    }

    #[test]
    fn amounts_map_to_the_nearest_position() {
        let steps = Steps::of(&range("0", "10", Some("3")));
        let cases = [
            ("0", 0),
            ("1", 0),
            ("2", 1),
            ("9", 3),
            ("9.5", 3),
            ("9.6", 4),
            ("10", 4),
            ("99", 4),
        ];
        for (value, index) in cases {
            assert_eq!(
                steps.index_of(Amount(parse_amount(value).unwrap())),
                index,
                "position of {value}"
            );
        }
        assert_eq!(steps.page(), 1, "a short range pages by one");
        assert_eq!(Steps::of(&range("10B", "50B", Some("1B"))).page(), 4);
    }
}
