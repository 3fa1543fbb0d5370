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
