//! The article's text as the check reads it: compared with quotes after normalising only
//! whitespace and typographic quotes, cut into sentences, and searched for phrases that start
//! and end at word boundaries.

use std::collections::{HashMap, HashSet};

/// One sentence of the article.
#[derive(Debug)]
pub struct Sentence {
    /// As written, with each run of whitespace as one space: what the check prints.
    pub text: String,
    /// As compared with quotes (see [`comparable`]).
    pub comparable: String,
}

/// The article: its whole text as compared, and its sentences.
#[derive(Debug)]
pub struct Article {
    /// The whole text as compared with quotes, so a quote may span a line break.
    comparable: String,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Each lower-cased word and the sentences (by index) that hold it: finding the closest
    /// sentence then costs the quote's words' sentences, not every sentence's words.
    index: HashMap<String, Vec<usize>>,
}

impl Article {
    /// Reads the article's text. Every line counts, also a leftover image caption: a caption
    /// only joins the sentence after it, and matching quotes does not depend on sentences.
    pub fn new(text: &str) -> Article {
        let sentences: Vec<Sentence> = paragraphs(text)
            .iter()
            .flat_map(|paragraph| split_sentences(paragraph))
            .map(|text| Sentence {
                comparable: comparable(&text),
                text,
            })
            .collect();
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, sentence) in sentences.iter().enumerate() {
            for word in words(&sentence.text) {
                index.entry(word).or_default().push(at);
            }
        }
        Article {
            comparable: comparable(text),
            sentences,
            index,
        }
    }

    /// True when `quote` is in the article word for word, once both are [`comparable`].
    pub fn contains_quote(&self, quote: &str) -> bool {
        let quote = comparable(quote);
        !quote.is_empty() && contains_phrase(&self.comparable, &quote)
    }

    /// The sentence sharing the most words with `text` (ties go to the one nearest in length),
    /// or `None` when no sentence shares a word: a hint for a quote that is not found.
    pub fn closest(&self, text: &str) -> Option<&Sentence> {
        let mut shared = vec![0usize; self.sentences.len()];
        for word in words(text) {
            for &at in self.index.get(&word).map_or(&[][..], Vec::as_slice) {
                if let Some(count) = shared.get_mut(at) {
                    *count += 1;
                }
            }
        }
        let length = text.chars().count();
        self.sentences
            .iter()
            .zip(shared)
            .filter(|(_, shared)| *shared > 0)
            // The most shared words first, then the smallest difference in length.
            .max_by_key(|(sentence, shared)| {
                let gap = sentence.text.chars().count().abs_diff(length);
                (*shared, std::cmp::Reverse(gap))
            })
            .map(|(sentence, _)| sentence)
    }
}

/// Text as quotes are compared: typographic quotes and apostrophes (’ ‘ “ ”) as plain ones,
/// every run of whitespace (newlines too) as one space, none at either end. Nothing else is
/// changed, so a quote must otherwise be the article's own words.
pub fn comparable(text: &str) -> String {
    collapse(text, |c| match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c,
    })
}

/// Text with every run of whitespace as one space and none at either end: for printing.
pub fn one_line(text: &str) -> String {
    collapse(text, |c| c)
}

/// Writes `text` with whitespace runs collapsed, mapping every other character.
fn collapse(text: &str, map: impl Fn(char) -> char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(map(c));
    }
    out
}

/// The lower-cased words (letters and digits) of a text.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The paragraphs of a text, each on one line: a blank line ends a paragraph. A single line
/// break does not, since some articles are wrapped at a fixed width.
fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            push_paragraph(&mut paragraphs, &mut current);
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    push_paragraph(&mut paragraphs, &mut current);
    paragraphs
}

/// Ends the paragraph being collected, if it holds anything.
fn push_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let paragraph = one_line(current);
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

/// Characters that may close a sentence after its full stop: `said."`, `(in 2024.)`.
const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']'];

/// Characters that may open a sentence besides a capital: `"We`, `“We`, `(The`.
const OPENERS: &[char] = &['"', '\'', '\u{201C}', '\u{2018}', '('];

/// Words that a full stop follows without ending the sentence ("Mr. Altman", "Amazon.com Inc.
/// said"), lower-cased. Kept short on purpose: a missed split only joins two sentences, which
/// matters for the hints and the unused list, never for whether a quote is found.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "st", "jr", "sr", "inc", "corp",
    "co", "ltd", "llc", "vs",
];

/// Cuts one paragraph (whitespace already collapsed) into sentences: after `.`, `?` or `!`
/// (and any closing quotes or brackets) followed by a space and a capital or an opening quote.
fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!') || (c == '.' && is_abbreviation(&paragraph[start..index]))
        {
            continue;
        }
        let mut end = index + c.len_utf8();
        while let Some(&(at, closer)) = chars.peek() {
            if !CLOSERS.contains(&closer) {
                break;
            }
            end = at + closer.len_utf8();
            chars.next();
        }
        let mut rest = paragraph[end..].chars();
        let next_starts = rest.next() == Some(' ')
            && rest
                .next()
                .is_some_and(|c| c.is_uppercase() || OPENERS.contains(&c));
        if next_starts {
            sentences.push(paragraph[start..end].to_owned());
            start = end + 1;
        }
    }
    if start < paragraph.len() {
        sentences.push(paragraph[start..].to_owned());
    }
    sentences
}

/// True when the text before a full stop ends with an abbreviation: a word of the list, a
/// single letter ("J. Smith"), or initials with inner stops ("U.S", "e.g"; not "Amazon.com").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or("");
    let letters_only = !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '.');
    letters_only
        && (word.chars().count() == 1
            || word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2)
            || ABBREVIATIONS.contains(&word.to_lowercase().as_str()))
}

/// True when `needle` occurs in `haystack` at word boundaries (see [`occurrences`]).
pub fn contains_phrase(haystack: &str, needle: &str) -> bool {
    occurrences(haystack, needle).next().is_some()
}

/// Where `needle` starts in `haystack`, wherever it is not part of a longer word or number:
/// "Amazon" is not in "Amazonian", "$1 billion" not in "$11 billion", "16,000" not in
/// "116,000" nor in "16,000,000".
pub fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let first = needle.chars().next();
    let last = needle.chars().next_back();
    haystack
        .match_indices(needle)
        .map(|(start, _)| start)
        .filter(move |&start| {
            let before = haystack[..start].chars().next_back();
            let after = &haystack[start + needle.len()..];
            starts_cleanly(first, before) && ends_cleanly(last, after)
        })
}

/// True unless the needle's first character continues the word or number before it.
fn starts_cleanly(first: Option<char>, before: Option<char>) -> bool {
    match (first, before) {
        (Some(first), Some(before)) if first.is_alphanumeric() => {
            !(before.is_alphanumeric() || first.is_ascii_digit() && matches!(before, ',' | '.'))
        }
        _ => true,
    }
}

/// True unless the text after the needle continues its last word or number.
fn ends_cleanly(last: Option<char>, after: &str) -> bool {
    let mut rest = after.chars();
    match (last, rest.next()) {
        (Some(last), Some(next)) if last.is_alphanumeric() => {
            let continues_number = last.is_ascii_digit()
                && matches!(next, ',' | '.')
                && rest.next().is_some_and(|c| c.is_ascii_digit());
            !(next.is_alphanumeric() || continues_number)
        }
        _ => true,
    }
}

/// Units of money written as a word after a number: "50 billion", "50 bn".
const UNITS: &[&str] = &["billion", "million", "trillion", "bn", "mn", "tn"];

/// Units of money written onto a number: "50bn".
const JOINED_UNITS: &[&str] = &["bn", "mn", "tn"];

/// True when a sentence states an amount of money: a currency symbol before a digit ("$50",
/// "€ 3", "CHF 12"), or a number with a unit ("50 billion", "3.5bn"). Counts ("16,000 roles")
/// and amounts without a number ("billions of dollars") are not money figures.
pub fn states_money(sentence: &str, symbols: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    let tokens: Vec<&str> = lower.split(' ').collect();
    let symbol_before_digit = symbols.iter().any(|symbol| {
        let symbol = symbol.trim().to_lowercase();
        !symbol.is_empty()
            && lower.match_indices(&symbol).any(|(at, _)| {
                let after = lower[at + symbol.len()..].trim_start();
                after.starts_with(|c: char| c.is_ascii_digit())
            })
    });
    symbol_before_digit
        || tokens.windows(2).any(|pair| {
            is_number(pair[0]) && UNITS.contains(&pair[1].trim_end_matches(is_punctuation))
        })
        || tokens.iter().any(|token| {
            let token = token.trim_end_matches(is_punctuation);
            JOINED_UNITS
                .iter()
                .any(|unit| token.strip_suffix(unit).is_some_and(is_number))
        })
}

/// True for a written number, maybe after a currency symbol: "50", "3.5", "16,000", "$50".
fn is_number(token: &str) -> bool {
    let digits = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Punctuation that may end a word in a sentence.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparable_text_keeps_words_and_plain_quotes() {
        let cases = [
            ("Amazon’s  talks\n\tgo on", "Amazon's talks go on"),
            ("  “Yes,” he said ", "\"Yes,\" he said"),
            ("‘a’", "'a'"),
        ];
        for (text, expected) in cases {
            assert_eq!(comparable(text), expected, "comparable({text:?})");
        }
    }

    #[test]
    fn sentences_split_after_stops_but_not_abbreviations() {
        let cases: [(&str, &[&str]); 6] = [
            ("One. Two? Three! four", &["One.", "Two?", "Three! four"]),
            ("He said “no.” Then left.", &["He said “no.”", "Then left."]),
            (
                "Mr. Altman met J. Smith. Done.",
                &["Mr. Altman met J. Smith.", "Done."],
            ),
            (
                "It is $1.5 billion. The U.S. Treasury agreed.",
                &["It is $1.5 billion.", "The U.S. Treasury agreed."],
            ),
            (
                "A line\nwrapped. Next\n\nNew paragraph",
                &["A line wrapped.", "Next", "New paragraph"],
            ),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let article = Article::new(text);
            let got: Vec<&str> = article.sentences.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(got, expected, "sentences of {text:?}");
        }
    }

    #[test]
    fn phrases_match_only_at_word_and_number_boundaries() {
        let cases = [
            ("invest $50 billion in", "$50 billion", true),
            ("invest $150 billion in", "$50 billion", false),
            ("Amazonian", "Amazon", false),
            ("Amazon's", "Amazon", true),
            ("about 16,000 roles", "16,000", true),
            ("about 116,000 roles", "16,000", false),
            ("16,000,000 roles", "16,000", false),
            ("cut 16,000.", "16,000", true),
            ("US$50 billion", "$50 billion", true),
        ];
        for (haystack, needle, expected) in cases {
            assert_eq!(
                contains_phrase(haystack, needle),
                expected,
                "{needle:?} in {haystack:?}"
            );
        }
    }

    #[test]
    fn money_sentences_are_told_from_counts() {
        let cases = [
            ("It could total close to $100 billion.", true),
            ("A 50 billion dollar bet.", true),
            ("It raised €3.5bn.", true),
            ("It cut about 16,000 roles.", false),
            ("It invested billions of dollars.", false),
            ("A multibillion-dollar round.", false),
        ];
        for (sentence, expected) in cases {
            assert_eq!(states_money(sentence, &["$"]), expected, "{sentence:?}");
        }
    }

    #[test]
    fn the_closest_sentence_shares_the_most_words() {
        let article = Article::new("Amazon may invest. OpenAI was founded in 2015. Rain fell.");
        let closest = article.closest("OpenAI was created in 2015");
        assert_eq!(
            closest.map(|s| s.text.as_str()),
            Some("OpenAI was founded in 2015."),
            "the sentence sharing four words"
        );
        assert!(
            article.closest("zebra").is_none(),
            "no shared word, no hint"
        );
    }
}
