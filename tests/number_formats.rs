//! The numbers a reader sees, in every locale the explainer speaks, as the native renderer
//! writes them (ICU4X's CLDR data): the table `tests/fixtures/number-formats.tsv`, which the
//! browser suite (`tests/web/locale.rs`) checks the browser's `Intl` against, row by row. So a
//! pre-rendered page and the wasm that takes it over write the same text.
//!
//! The table is written from the formatter, never by hand: `UPDATE_NUMBER_FORMATS=1 cargo test
//! --test number_formats` rewrites it; without the variable the test fails when it is stale.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use round_explainer::locale::Locale;
use round_explainer::model::money::Style;
use rust_decimal::Decimal;

const TABLE: &str = "tests/fixtures/number-formats.tsv";

/// The locales checked: each language, and a region of each with formats of its own.
const TAGS: [&str; 8] = ["en", "en-GB", "de", "de-AT", "fr", "fr-CA", "es", "es-MX"];
/// The currencies the explainer knows a symbol of, and one it does not.
const CURRENCIES: [&str; 9] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "SEK",
];
const AMOUNTS: [&str; 11] = [
    "0",
    "16000",
    "16000.5",
    "999.999",
    "999999.99",
    "1300000000",
    "37500000000",
    "50000000000",
    "852000000000",
    "1250000000000",
    "12345678901234",
];
const PERCENTS: [&str; 6] = [
    "8.33",
    "12.50",
    "100",
    "0.05",
    "83.33",
    "13.333333333333333333333333",
];
const NUMBERS: [&str; 5] = [
    "4.5",
    "1234",
    "12345.67",
    "2",
    "0.1234567890123456789012345678",
];

/// Every row: tag, what (`short CUR`, `long CUR`, `percent`, `number`), input, text.
fn rows() -> Vec<[String; 4]> {
    let mut rows = Vec::new();
    for tag in TAGS {
        let locale = Locale::parse(tag).expect("a locale the explainer speaks");
        for currency in CURRENCIES {
            for amount in AMOUNTS {
                let value = Decimal::from_str(amount).expect("an amount");
                for (style, name) in [(Style::Short, "short"), (Style::Long, "long")] {
                    rows.push([
                        tag.to_owned(),
                        format!("{name} {currency}"),
                        amount.to_owned(),
                        locale.money(value, currency, style),
                    ]);
                }
            }
        }
        for percent in PERCENTS {
            let value = Decimal::from_str(percent).expect("a percentage");
            rows.push([
                tag.into(),
                "percent".into(),
                percent.into(),
                locale.percent(value),
            ]);
        }
        for number in NUMBERS {
            let value = Decimal::from_str(number).expect("a number");
            rows.push([
                tag.into(),
                "number".into(),
                number.into(),
                locale.number(value),
            ]);
        }
    }
    rows
}

/// The table as the file holds it: one row a line, fields by tabs, no-break spaces escaped
/// (`\u{a0}`) so that a reader of the file sees them.
fn table() -> String {
    let escape = |text: &str| {
        text.chars()
            .map(|c| match c {
                '\u{a0}' | '\u{202f}' | '\u{200e}' | '\u{200f}' | '\\' => {
                    format!("\\u{{{:x}}}", u32::from(c))
                }
                c => c.to_string(),
            })
            .collect::<String>()
    };
    let mut out = String::from("# tag\twhat\tinput\ttext (written by tests/number_formats.rs)\n");
    for row in rows() {
        let fields: Vec<String> = row.iter().map(|field| escape(field)).collect();
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[test]
fn the_table_the_browser_is_checked_against_is_the_formatters_own() {
    let written = table();
    if std::env::var_os("UPDATE_NUMBER_FORMATS").is_some() {
        std::fs::write(TABLE, &written).expect("the table is written");
    }
    let kept = std::fs::read_to_string(TABLE).unwrap_or_default();
    assert!(
        kept == written,
        "{TABLE} is stale: run UPDATE_NUMBER_FORMATS=1 cargo test --test number_formats"
    );
}

#[test]
fn german_readers_see_milliards_and_decimal_commas() {
    let german = Locale::parse("de").unwrap();
    let cases = [
        ("50000000000", Style::Short, "50\u{a0}Mrd.\u{a0}$"),
        ("37500000000", Style::Short, "37,5\u{a0}Mrd.\u{a0}$"),
        ("16000", Style::Short, "16.000\u{a0}$"),
    ];
    for (amount, style, expected) in cases {
        let value = Decimal::from_str(amount).unwrap();
        assert_eq!(
            german.money(value, "USD", style),
            expected,
            "{amount} in German"
        );
    }
    assert_eq!(
        german.percent(Decimal::from_str("8.33").unwrap()),
        "8,33\u{a0}%"
    );
}
