//! The reader's language and locale: the interface's own words, from one message table per
//! language ([`messages`]), and numbers, money and percentages in the locale's CLDR formats
//! ([`numbers`]). The story's own text (names, quotes, labels the newsroom wrote) stays as
//! written.
//!
//! A locale is a BCP 47 tag (`de`, `de-AT`, `fr-CA`, `es-419`): its language picks the message
//! table, and the whole tag picks the number formats, so `de-AT` speaks German and writes
//! Austrian numbers.
//!
//! It is the ground the model and the view stand on, and knows nothing of either: the model's
//! enumerations say themselves in a locale's words (`Qualifier::said`, `Basis::said`…).

pub mod messages;
pub mod numbers;
mod words;

#[cfg(not(target_arch = "wasm32"))]
mod icu;
#[cfg(target_arch = "wasm32")]
mod intl;

use core::fmt;

pub use messages::{fill, Messages};
pub use numbers::{Numbers, Style};

/// The languages the explainer speaks: each has a message table in `messages/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English: `en`.
    English,
    /// German: `de`.
    German,
    /// French: `fr`.
    French,
    /// Spanish: `es`.
    Spanish,
}

impl Language {
    /// Every language with its BCP 47 language subtag, in the order the README lists them.
    pub const ALL: [(Language, &'static str); 4] = [
        (Language::English, "en"),
        (Language::German, "de"),
        (Language::French, "fr"),
        (Language::Spanish, "es"),
    ];

    /// The language's own message table.
    pub fn messages(self) -> &'static Messages {
        match self {
            Language::English => &messages::en::MESSAGES,
            Language::German => &messages::de::MESSAGES,
            Language::French => &messages::fr::MESSAGES,
            Language::Spanish => &messages::es::MESSAGES,
        }
    }

    /// The language subtag: `de`.
    pub fn subtag(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(language, _)| *language == self)
            .map_or("en", |(_, subtag)| subtag)
    }
}

/// Why a locale tag cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocaleError {
    /// Not a BCP 47 tag of the form the explainer reads: language, then an optional script and
    /// region (`de`, `de-AT`, `zh-Hant-TW`, `es-419`).
    NotATag(String),
    /// A well-formed tag whose language has no message table.
    NoMessages(String),
}

/// A tag as an error message quotes it: at most 40 characters, with control and bidi
/// characters shown as U+FFFD, so that a hostile attribute cannot flood or reorder the message.
fn quoted(tag: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let mut shown: String = tag
        .chars()
        .take(40)
        .map(|c| {
            if c.is_control() || bidi(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if tag.chars().nth(40).is_some() {
        shown.push('…');
    }
    shown
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotATag(tag) => write!(
                f,
                "\"{}\" is not a locale: write a BCP 47 tag such as \"en\", \"de-AT\" or \"es-419\"",
                quoted(tag)
            ),
            Self::NoMessages(tag) => write!(
                f,
                "the explainer has no words in the language of \"{}\": it speaks en, de, fr and es, in Latin script",
                quoted(tag)
            ),
        }
    }
}

impl std::error::Error for LocaleError {}

/// A locale the explainer can speak: its tag as given (canonical case), its language and its
/// number formats.
#[derive(Debug)]
pub struct Locale {
    tag: String,
    language: Language,
    numbers: Numbers,
}

impl Locale {
    /// Reads a BCP 47 tag of language, optional script and optional region: `de`, `de-AT`,
    /// `sr-Latn-RS`, `es-419`. The case is made canonical (`DE-at` is `de-AT`).
    ///
    /// ```
    /// use round_explainer::locale::{Language, Locale};
    ///
    /// let austrian = Locale::parse("de-at").unwrap();
    /// assert_eq!(austrian.tag(), "de-AT");
    /// assert_eq!(austrian.language(), Language::German);
    /// assert!(Locale::parse("pt-BR").is_err(), "no Portuguese messages yet");
    /// assert!(Locale::parse("<script>").is_err());
    /// ```
    pub fn parse(tag: &str) -> Result<Locale, LocaleError> {
        let canonical = canonical_tag(tag).ok_or_else(|| LocaleError::NotATag(tag.to_owned()))?;
        let mut subtags = canonical.split('-');
        let subtag = subtags.next().unwrap_or_default();
        // Every language with a table is written in Latin script: another script (`de-Arab`)
        // has no formats the two formatters agree on.
        let other_script = subtags.any(|part| part.len() == 4 && part != "Latn");
        let language = Language::ALL
            .iter()
            .find(|(_, code)| *code == subtag)
            .filter(|_| !other_script)
            .map(|(language, _)| *language)
            .ok_or_else(|| LocaleError::NoMessages(canonical.clone()))?;
        let numbers = Numbers::new(&canonical);
        Ok(Locale {
            tag: canonical,
            language,
            numbers,
        })
    }

    /// English, as the explainer speaks when neither the story nor the page names a locale.
    pub fn english() -> Locale {
        Locale::parse("en").unwrap_or_else(|_| unreachable!("en is a locale"))
    }

    /// The locale a page asks for (an element's `locale` attribute), else the story's, else
    /// English; a locale the explainer cannot speak is an error naming where it was asked.
    pub fn chosen(asked: Option<&str>, story: Option<&str>) -> Result<Locale, String> {
        match asked.map(str::trim).filter(|tag| !tag.is_empty()) {
            Some(tag) => Locale::parse(tag).map_err(|error| format!("locale attribute: {error}")),
            None => match story {
                Some(tag) => {
                    Locale::parse(tag).map_err(|error| format!("story file: locale: {error}"))
                }
                None => Ok(Locale::english()),
            },
        }
    }

    /// The tag, in canonical case: what the root's `lang` carries.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language, which picks the message table.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The interface's words in this locale's language.
    pub fn messages(&self) -> &'static Messages {
        self.language.messages()
    }

    /// Numbers, money and percentages in this locale's formats.
    pub fn numbers(&self) -> &Numbers {
        &self.numbers
    }
}

/// The tag in canonical case if it is a language (2 or 3 letters), then at most a script
/// (4 letters) and a region (2 letters or 3 digits); `None` otherwise. Extensions and variants
/// are refused rather than half-honoured: the two number formatters (ICU4X natively, the
/// browser's Intl in the wasm) must read the tag the same way.
fn canonical_tag(tag: &str) -> Option<String> {
    let mut parts = tag.split('-');
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut canonical = language.to_ascii_lowercase();
    let mut rest: Vec<&str> = parts.collect();
    if let Some(script) = rest.first().copied() {
        if script.len() == 4 && script.chars().all(|c| c.is_ascii_alphabetic()) {
            canonical.push('-');
            for (index, letter) in script.chars().enumerate() {
                canonical.push(if index == 0 {
                    letter.to_ascii_uppercase()
                } else {
                    letter.to_ascii_lowercase()
                });
            }
            rest.remove(0);
        }
    }
    match rest.as_slice() {
        [] => {}
        [region]
            if (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
                || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit())) =>
        {
            canonical.push('-');
            canonical.push_str(&region.to_ascii_uppercase());
        }
        _ => return None,
    }
    Some(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_in_canonical_case_or_refused() {
        let cases: &[(&str, Option<&str>)] = &[
            ("en", Some("en")),
            ("DE", Some("de")),
            ("de-at", Some("de-AT")),
            ("es-419", Some("es-419")),
            ("sr-latn-rs", Some("sr-Latn-RS")),
            ("de-latn-at", Some("de-Latn-AT")),
            ("zh-Hant", Some("zh-Hant")),
            ("", None),
            ("e", None),
            ("english", None),
            ("de_AT", None),
            ("de-AT-x-private", None),
            ("de-u-nu-arab", None),
            ("en-", None),
            ("<b>", None),
            ("de-\u{202e}AT", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(
                canonical_tag(tag).as_deref(),
                *expected,
                "reading the tag {tag:?}"
            );
        }
    }

    #[test]
    fn each_language_has_its_table_and_others_are_refused() {
        for (language, subtag) in Language::ALL {
            let locale = Locale::parse(subtag).unwrap();
            assert_eq!(locale.language(), language, "the language of {subtag}");
            assert_eq!(language.subtag(), subtag, "the subtag of {language:?}");
        }
        assert_eq!(
            Locale::parse("pt-BR").unwrap_err(),
            LocaleError::NoMessages("pt-BR".into()),
            "Portuguese has no table yet"
        );
        assert_eq!(
            Locale::parse("de-Arab").unwrap_err(),
            LocaleError::NoMessages("de-Arab".into()),
            "German in Arabic script has no formats both formatters agree on"
        );
        assert!(
            Locale::parse("de-Latn-AT").is_ok(),
            "Latin script is German's own"
        );
        let long = format!("{}\u{202e}", "x".repeat(60));
        let said = LocaleError::NotATag(long).to_string();
        assert!(
            said.contains("…") && !said.contains('\u{202e}') && said.len() < 160,
            "a hostile tag is cut and cleaned: {said}"
        );
        assert_eq!(
            Locale::parse("de_AT").unwrap_err(),
            LocaleError::NotATag("de_AT".into()),
            "an underscore is not BCP 47"
        );
    }
}
