//! CLDR formats from the browser's own `Intl.NumberFormat`, for the wasm: the browser carries
//! the locale data, so the wasm carries none. Numbers cross as decimal strings, which `Intl`
//! formats exactly (ECMA-402's "Intl.NumberFormat v3"), with up to 20 fraction digits allowed so
//! that it shows every digit it is given. The native renderer (`icu.rs`) writes the same text.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.NumberFormat`, bound here because js-sys's `format` takes an `f64`.
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    #[derive(Debug, Clone)]
    type NumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;

    /// Formats a decimal string exactly.
    #[wasm_bindgen(method)]
    fn format(this: &NumberFormat, value: &str) -> String;
}

/// Which of the locale's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Decimal,
    Short,
    Long,
    Percent(u32),
    Fixed(u32),
}

/// One locale's formatters, made when first needed (making one is the slow part of `Intl`).
#[derive(Debug)]
pub struct Cldr {
    tag: String,
    formats: RefCell<Vec<(Kind, Option<NumberFormat>)>>,
}

fn options(entries: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

impl Cldr {
    /// The formatters of a canonical tag.
    pub fn new(tag: &str) -> Cldr {
        Cldr {
            tag: tag.to_owned(),
            formats: RefCell::default(),
        }
    }

    fn with_format(&self, kind: Kind, exact: &str) -> Option<String> {
        let mut formats = self.formats.borrow_mut();
        let index = match formats.iter().position(|(made, _)| *made == kind) {
            Some(index) => index,
            None => {
                formats.push((kind, self.make(kind)));
                formats.len() - 1
            }
        };
        formats
            .get(index)
            .and_then(|(_, format)| format.as_ref())
            .map(|format| format.format(exact))
    }

    fn make(&self, kind: Kind) -> Option<NumberFormat> {
        let all = JsValue::from(20);
        let entries = match kind {
            Kind::Decimal => vec![("maximumFractionDigits", all)],
            Kind::Short | Kind::Long => vec![
                ("notation", JsValue::from_str("compact")),
                (
                    "compactDisplay",
                    JsValue::from_str(if kind == Kind::Long { "long" } else { "short" }),
                ),
                ("maximumFractionDigits", all),
            ],
            Kind::Fixed(scale) => vec![
                ("minimumFractionDigits", JsValue::from(scale)),
                ("maximumFractionDigits", JsValue::from(scale)),
            ],
            Kind::Percent(scale) => vec![
                ("style", JsValue::from_str("percent")),
                ("minimumFractionDigits", JsValue::from(scale)),
                ("maximumFractionDigits", JsValue::from(scale)),
            ],
        };
        NumberFormat::new(&self.tag, &options(&entries)).ok()
    }

    /// A non-negative number, written out with the locale's separators.
    pub fn decimal(&self, exact: &str) -> String {
        self.with_format(Kind::Decimal, exact)
            .unwrap_or_else(|| exact.to_owned())
    }

    /// A non-negative number with exactly `scale` decimals (`16000.50`).
    pub fn decimal_fixed(&self, exact: &str, scale: u32) -> String {
        self.with_format(Kind::Fixed(scale.min(20)), exact)
            .unwrap_or_else(|| exact.to_owned())
    }

    /// A non-negative number in the locale's compact form, every digit kept.
    pub fn compact(&self, exact: &str, long: bool) -> String {
        let kind = if long { Kind::Long } else { Kind::Short };
        self.with_format(kind, exact)
            .unwrap_or_else(|| self.decimal(exact))
    }

    /// A percentage of these digits (`8.33` is 8.33%), with `scale` decimals shown.
    pub fn percent(&self, exact: &str, scale: u32) -> String {
        // `Intl` takes the fraction ("0.0833"); an exponent keeps the digits exact.
        self.with_format(Kind::Percent(scale.min(20)), &format!("{exact}E-2"))
            .unwrap_or_else(|| format!("{exact}%"))
    }

    /// One unit of `code` written with its narrow symbol (`$1.00`, `1,00 $`), or with its
    /// standard one.
    pub fn one_unit(&self, code: &str, narrow: bool) -> String {
        let display = if narrow { "narrowSymbol" } else { "symbol" };
        let entries = [
            ("style", JsValue::from_str("currency")),
            ("currency", JsValue::from_str(code)),
            ("currencyDisplay", JsValue::from_str(display)),
        ];
        NumberFormat::new(&self.tag, &options(&entries))
            .map(|format| format.format("1"))
            .unwrap_or_else(|_| format!("{code}\u{a0}1"))
    }
}
