//! Currencies by ISO 4217 code: the symbol amounts are written with, and the symbols an amount
//! in the story file may carry. An amount written with another currency's symbol ("$1.3 billion"
//! in a euro story) is an error, not a silent conversion to the story's currency.

/// A currency the explainer writes with its own symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code: `EUR`.
    pub code: &'static str,
    /// What amounts are written with: `€` (`CHF ` with its space, as a code is).
    pub symbol: &'static str,
    /// The symbols an amount in a story of this currency may start with.
    pub accepts: &'static [&'static str],
}

/// The currencies with symbols of their own. Any other three-letter code is written as a code
/// (`SEK 5B`); its amounts carry no symbol.
pub const CURRENCIES: [Currency; 8] = [
    Currency {
        code: "USD",
        symbol: "$",
        accepts: &["$", "US$"],
    },
    Currency {
        code: "EUR",
        symbol: "€",
        accepts: &["€"],
    },
    Currency {
        code: "GBP",
        symbol: "£",
        accepts: &["£"],
    },
    Currency {
        code: "JPY",
        symbol: "¥",
        accepts: &["¥", "JP¥"],
    },
    Currency {
        code: "CNY",
        symbol: "CN¥",
        accepts: &["CN¥", "¥", "RMB"],
    },
    Currency {
        code: "INR",
        symbol: "₹",
        accepts: &["₹", "Rs"],
    },
    Currency {
        code: "CHF",
        symbol: "CHF ",
        accepts: &["CHF"],
    },
    Currency {
        code: "CAD",
        symbol: "CA$",
        accepts: &["CA$", "C$", "$"],
    },
];

/// Every symbol an amount may start with, longest first, so that `CA$` is not read as `$`.
pub const SYMBOLS: [&str; 13] = [
    "US$", "JP¥", "CN¥", "CA$", "CHF", "RMB", "C$", "Rs", "$", "€", "£", "¥", "₹",
];

/// The currency with this ISO code, if it has a symbol of its own.
pub fn currency(code: &str) -> Option<&'static Currency> {
    CURRENCIES.iter().find(|currency| currency.code == code)
}

/// The symbol to write amounts of `code` with: its own, or the code and a space.
pub fn symbol_of(code: &str) -> String {
    match currency(code) {
        Some(currency) => currency.symbol.to_owned(),
        None => format!("{code} "),
    }
}

/// Whether an amount starting with `symbol` may stand in a story of currency `code`.
pub fn accepts(code: &str, symbol: &str) -> bool {
    currency(code).is_some_and(|currency| currency.accepts.contains(&symbol))
}

/// Splits a leading currency symbol off `text`: `("€", "1.3bn")` for `"€1.3bn"`.
pub fn split_symbol(text: &str) -> (Option<&'static str>, &str) {
    for symbol in SYMBOLS {
        if let Some(rest) = text.strip_prefix(symbol) {
            return (Some(symbol), rest.trim_start());
        }
    }
    (None, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_split_and_checked_against_the_story_currency() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("€1.3bn", Some("€"), "1.3bn"),
            ("CA$ 5B", Some("CA$"), "5B"),
            ("$50 billion", Some("$"), "50 billion"),
            ("50B", None, "50B"),
            ("CN¥2 trillion", Some("CN¥"), "2 trillion"),
        ];
        for (text, symbol, rest) in cases {
            assert_eq!(split_symbol(text), (*symbol, *rest), "splitting {text:?}");
        }
        assert!(
            accepts("EUR", "€") && !accepts("EUR", "$"),
            "a euro story takes €, not $"
        );
        assert!(
            accepts("CAD", "$") && accepts("USD", "$"),
            "$ is both dollars'"
        );
        assert!(
            !accepts("SEK", "$"),
            "a currency without a symbol takes none"
        );
        for currency in CURRENCIES {
            for symbol in currency.accepts {
                assert!(
                    SYMBOLS.contains(symbol),
                    "{symbol} of {} is split",
                    currency.code
                );
            }
        }
        assert_eq!(symbol_of("SEK"), "SEK ");
    }
}
