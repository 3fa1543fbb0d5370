//! What story text may hold: something visible, no bidirectional controls, and a length the
//! view can lay out.
//!
//! Bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069)
//! are refused: in a name they reverse the figures written beside it ("$50B" read as "B05$"),
//! and a right-to-left name needs none of them, since the view isolates every piece of story
//! text from the figures around it. A name made only of spaces, zero-width characters or
//! filler letters looks empty to a reader and is refused as empty.

/// The most characters of a quoted sentence.
pub const MAX_QUOTE_CHARS: usize = 2_000;
/// The most characters of any other text: a name, label or event.
pub const MAX_LABEL_CHARS: usize = 300;
/// The most combining marks in a row: enough for any script's stacked marks, too few for a
/// tower of them to cover the lines above and below.
pub const MAX_COMBINING_RUN: usize = 8;

/// What is wrong with a piece of text, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// Nothing a reader could see.
    Invisible,
    /// A bidirectional control, and where it is (in characters, from 0).
    BidiControl(char, usize),
    /// More characters than allowed.
    TooLong(usize, usize),
    /// A run of more than [`MAX_COMBINING_RUN`] combining marks.
    TooManyMarks,
}

/// Checks `text` against the rules above, `max` being its most characters.
pub fn check_text(text: &str, max: usize) -> Option<TextFault> {
    let mut visible = false;
    let mut count = 0;
    let mut marks = 0;
    for (index, c) in text.chars().enumerate() {
        count += 1;
        if is_bidi_control(c) {
            return Some(TextFault::BidiControl(c, index));
        }
        if is_combining_mark(c) {
            marks += 1;
            if marks > MAX_COMBINING_RUN {
                return Some(TextFault::TooManyMarks);
            }
        } else {
            marks = 0;
        }
        visible |= !is_invisible(c);
    }
    if count > max {
        Some(TextFault::TooLong(count, max))
    } else if !visible {
        Some(TextFault::Invisible)
    } else {
        None
    }
}

/// Whether `text` holds a bidirectional control (for optional text, which may be empty).
pub fn first_bidi_control(text: &str) -> Option<(char, usize)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_bidi_control(*c))
        .map(|(index, c)| (c, index))
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Combining diacritical marks (the blocks that stack on any letter).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// White space, format characters that draw nothing, and letters that are drawn blank.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_combining_mark(c)
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_fault_is_found() {
        let cases: &[(&str, usize, Option<TextFault>)] = &[
            ("Amazon", 300, None),
            ("شركة أمازون", 300, None),
            ("Việt Nam", 300, None),
            ("", 300, Some(TextFault::Invisible)),
            (
                "  \u{200B}\u{3164}\u{FEFF} ",
                300,
                Some(TextFault::Invisible),
            ),
            ("\u{115F}\u{2800}", 300, Some(TextFault::Invisible)),
            (
                "Evil\u{202E}Corp",
                300,
                Some(TextFault::BidiControl('\u{202E}', 4)),
            ),
            (
                "\u{2067}x",
                300,
                Some(TextFault::BidiControl('\u{2067}', 0)),
            ),
            ("abcd", 3, Some(TextFault::TooLong(4, 3))),
            ("a\u{0301}\u{0301}\u{0301}", 300, None),
            (
                &*format!("a{}", "\u{0301}".repeat(9)),
                300,
                Some(TextFault::TooManyMarks),
            ),
        ];
        for (text, max, expected) in cases {
            assert_eq!(check_text(text, *max), *expected, "checking {text:?}");
        }
    }
}
