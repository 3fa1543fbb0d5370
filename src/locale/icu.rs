//! CLDR formats from ICU4X's compiled data, for the native renderer (pre-rendered pages, feeds,
//! images, CSV). The wasm asks the browser's `Intl` instead (`intl.rs`); both are given exact
//! digits as text and show all of them.

use std::cell::OnceCell;
use std::str::FromStr;

use fixed_decimal::Decimal as Digits;
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale::preferences::extensions::unicode::keywords::CurrencyType;
use icu_locale::Locale as IcuLocale;

/// One locale's formatters, made when first needed.
#[derive(Debug)]
pub struct Cldr {
    locale: IcuLocale,
    decimal: OnceCell<Option<DecimalFormatter>>,
    short: OnceCell<Option<CompactDecimalFormatter>>,
    long: OnceCell<Option<CompactDecimalFormatter>>,
    percent: OnceCell<Option<PercentFormatter<DecimalFormatter>>>,
}

impl Cldr {
    /// The formatters of a canonical tag; a locale ICU4X has no data for falls back along
    /// CLDR's parents to the root, as `Intl` does.
    pub fn new(tag: &str) -> Cldr {
        Cldr {
            locale: IcuLocale::from_str(tag).unwrap_or(IcuLocale::UNKNOWN),
            decimal: OnceCell::new(),
            short: OnceCell::new(),
            long: OnceCell::new(),
            percent: OnceCell::new(),
        }
    }

    fn decimal_formatter(&self) -> Option<&DecimalFormatter> {
        self.decimal
            .get_or_init(|| {
                DecimalFormatter::try_new((&self.locale).into(), Default::default()).ok()
            })
            .as_ref()
    }

    fn compact_formatter(&self, long: bool) -> Option<&CompactDecimalFormatter> {
        let (cell, make): (_, fn(_, _) -> _) = if long {
            (&self.long, CompactDecimalFormatter::try_new_long)
        } else {
            (&self.short, CompactDecimalFormatter::try_new_short)
        };
        cell.get_or_init(|| make((&self.locale).into(), Default::default()).ok())
            .as_ref()
    }

    /// A non-negative number, written out with the locale's separators.
    pub fn decimal(&self, exact: &str) -> String {
        match (self.decimal_formatter(), Digits::from_str(exact)) {
            (Some(formatter), Ok(digits)) => formatter.format(&digits).to_string(),
            _ => exact.to_owned(),
        }
    }

    /// A non-negative number with exactly the decimals its digits have (`16000.50`).
    pub fn decimal_fixed(&self, exact: &str, _scale: u32) -> String {
        self.decimal(exact)
    }

    /// A non-negative number in the locale's compact form, every digit kept: `37.5B`,
    /// `37,5 Mrd.`, or `37.5 billion` when `long`.
    pub fn compact(&self, exact: &str, long: bool) -> String {
        let (Some(formatter), Ok(digits)) = (self.compact_formatter(long), Digits::from_str(exact))
        else {
            return self.decimal(exact);
        };
        let magnitude = digits.absolute.nonzero_magnitude_start();
        let exponent = formatter.compact_exponent_for_magnitude(magnitude);
        let mut significand = digits;
        significand.multiply_pow10(-i16::from(exponent));
        significand.absolute.trim_end();
        formatter
            .format_with_exponent(&significand, exponent)
            .map(|text| text.to_string())
            .unwrap_or_else(|_| self.decimal(exact))
    }

    /// A percentage of these digits (`8.33` is 8.33%), with `scale` decimals shown.
    pub fn percent(&self, exact: &str, _scale: u32) -> String {
        let percent = self.percent.get_or_init(|| {
            PercentFormatter::try_new((&self.locale).into(), Default::default()).ok()
        });
        match (percent, Digits::from_str(exact)) {
            (Some(formatter), Ok(digits)) => formatter.format(&digits).to_string(),
            _ => format!("{exact}%"),
        }
    }

    /// One unit of `code` written with its narrow symbol (`$1.00`, `1,00 $`), or with its
    /// standard one.
    pub fn one_unit(&self, code: &str, narrow: bool) -> String {
        let make = if narrow {
            CurrencyFormatter::try_new_symbol_narrow
        } else {
            CurrencyFormatter::try_new_symbol
        };
        CurrencyType::try_from_str(&code.to_ascii_lowercase())
            .ok()
            .and_then(|currency| make((&self.locale).into(), currency, Default::default()).ok())
            .and_then(|formatter| {
                Digits::from_str("1")
                    .ok()
                    .map(|one| formatter.format_fixed_decimal(&one).to_string())
            })
            .unwrap_or_else(|| format!("{code}\u{a0}1"))
    }
}
