//! Checked Decimal arithmetic, compiled once. `rust_decimal` marks its operations `#[inline]`, so
//! every call site got its own copy of the addition, multiplication and division code: tens of
//! KB of wasm, and as much again for the browser to compile when the explainer first mounts.

use rust_decimal::Decimal;

/// Checked arithmetic on `Decimal` that is not inlined; `None` on overflow or division by zero.
pub trait Checked: Sized {
    /// `self + other`.
    fn add_checked(self, other: Decimal) -> Option<Decimal>;
    /// `self - other`.
    fn sub_checked(self, other: Decimal) -> Option<Decimal>;
    /// `self * other`.
    fn mul_checked(self, other: Decimal) -> Option<Decimal>;
    /// `self / other`, rounded at Decimal's 28 digits.
    fn div_checked(self, other: Decimal) -> Option<Decimal>;
}

impl Checked for Decimal {
    #[inline(never)]
    fn add_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[inline(never)]
    fn sub_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[inline(never)]
    fn mul_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    #[inline(never)]
    fn div_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

/// The largest whole number not above `value`, as `Decimal::floor` gives it. That one inlines a
/// whole subtraction for the negative case (2.4 KB of wasm); this one subtracts through
/// [`Checked::sub_checked`].
pub fn floor(value: Decimal) -> Decimal {
    let whole = value.trunc();
    if value < whole {
        // Only a value with a fraction gets here, and that is more than one above Decimal's
        // minimum: the subtraction cannot overflow.
        whole.sub_checked(Decimal::ONE).unwrap_or(whole)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::{floor, Checked};
    use rust_decimal::Decimal;

    #[test]
    fn floor_is_rust_decimals_floor() {
        let cases = [
            "0",
            "2",
            "2.5",
            "2.999",
            "-2",
            "-2.5",
            "-0.1",
            "0.1",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "-7922816251426433759354395033.5",
        ];
        for text in cases {
            let value: Decimal = text.parse().expect("a decimal");
            assert_eq!(floor(value), value.floor(), "floor({text})");
        }
    }

    #[test]
    fn none_at_decimals_limits_and_for_division_by_zero() {
        let two = Decimal::TWO;
        assert_eq!(Decimal::MAX.add_checked(Decimal::ONE), None, "MAX + 1");
        assert_eq!(Decimal::MIN.sub_checked(Decimal::ONE), None, "MIN - 1");
        assert_eq!(Decimal::MAX.mul_checked(two), None, "MAX * 2");
        assert_eq!(Decimal::ONE.div_checked(Decimal::ZERO), None, "1 / 0");
    }

    #[test]
    fn exact_otherwise() {
        let (a, b) = (Decimal::new(50, 0), Decimal::new(600, 0));
        assert_eq!(a.add_checked(b), Some(Decimal::new(650, 0)), "50 + 600");
        assert_eq!(b.sub_checked(a), Some(Decimal::new(550, 0)), "600 - 50");
        assert_eq!(a.mul_checked(b), Some(Decimal::new(30_000, 0)), "50 * 600");
        assert_eq!(b.div_checked(a), Some(Decimal::new(12, 0)), "600 / 50");
    }
}
