//! The images' one font, DejaVu Sans (regular and bold), shipped inside the `dejavu` crate so
//! that a PNG is drawn the same on every machine: no system font is ever looked up. Text is
//! measured with the font's own advance widths, so that lines can be wrapped before drawing.

use std::sync::OnceLock;

use ttf_parser::Face;

/// The family name the SVG asks for, and the only one the renderer knows.
pub const FAMILY: &str = "DejaVu Sans";

/// The regular face's file.
pub fn regular() -> &'static [u8] {
    dejavu::sans::regular()
}

/// The bold face's file.
pub fn bold() -> &'static [u8] {
    dejavu::sans::bold()
}

/// A face's advance widths, read once.
struct Metrics {
    face: Option<Face<'static>>,
}

impl Metrics {
    fn of(data: &'static [u8]) -> Metrics {
        Metrics {
            face: Face::parse(data, 0).ok(),
        }
    }

    /// The advance of `c` in ems: its glyph's, or the missing-glyph box's (which the renderer
    /// draws in its place); nothing for the invisible format characters around story text.
    fn advance(&self, c: char) -> f32 {
        if is_invisible(c) {
            return 0.0;
        }
        let Some(face) = &self.face else {
            // Cannot happen with the shipped font; a wide guess keeps text inside its box.
            return 0.65;
        };
        let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let units = face.glyph_hor_advance(glyph).unwrap_or(0);
        f32::from(units) / f32::from(face.units_per_em().max(1))
    }
}

/// Bidirectional isolates (which the view puts around story text), zero-width characters and
/// variation selectors: shaped as nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

fn metrics(bold: bool) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    if bold {
        BOLD.get_or_init(|| Metrics::of(self::bold()))
    } else {
        REGULAR.get_or_init(|| Metrics::of(regular()))
    }
}

/// The width of `text` in pixels at `size`, without kerning (which only narrows it).
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let metrics = metrics(bold);
    text.chars().map(|c| metrics.advance(c)).sum::<f32>() * size
}

/// `text` in lines of at most `max_width` pixels, breaking between words (and inside a word
/// too long for a line), in at most `max_lines` lines: text that does not fit ends the last
/// line with "…", so a cut is always visible.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let space = width(" ", size, bold);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut cut = false;
    // Lines break at spaces, never at a no-break space (U+00A0, U+202F): CLDR puts those
    // inside a figure ("50 Mrd. $"), which must stay on one line.
    let words = text
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|word| !word.is_empty());
    'words: for word in words {
        let word_width = width(word, size, bold);
        if !line.is_empty() && line_width + space + word_width <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                cut = true;
                break 'words;
            }
        }
        if word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        // A word wider than a line: broken where it reaches the edge.
        line_width = 0.0;
        for c in word.chars() {
            let advance = width(c.encode_utf8(&mut [0; 4]), size, bold);
            if !line.is_empty() && line_width + advance > max_width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
                if lines.len() == max_lines {
                    cut = true;
                    break 'words;
                }
            }
            line.push(c);
            line_width += advance;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, size, bold, max_width);
        }
    }
    lines
}

/// `text` shortened to end in "…" within `max_width`.
fn with_ellipsis(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    let ellipsis = width("…", size, bold);
    let mut kept = String::new();
    let mut kept_width = 0.0;
    for c in text.chars() {
        let advance = width(c.encode_utf8(&mut [0; 4]), size, bold);
        if kept_width + advance + ellipsis > max_width {
            break;
        }
        kept.push(c);
        kept_width += advance;
    }
    let mut kept = kept.trim_end().to_owned();
    kept.push('…');
    kept
}

/// `text` on one line of at most `max_width` pixels, cut with "…" if longer.
pub fn one_line(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    wrap(text, size, bold, max_width, 1)
        .into_iter()
        .next()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_measures_text() {
        let narrow = width("iiii", 20.0, false);
        let wide = width("MMMM", 20.0, false);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!(width("\u{2068}Amazon\u{2069}", 20.0, true) == width("Amazon", 20.0, true));
    }

    #[test]
    fn wrapping_keeps_every_line_inside_and_marks_a_cut() {
        let text =
            "What Amazon's talks to invest up to $50 billion in OpenAI would mean ".repeat(6);
        let lines = wrap(&text, 40.0, true, 600.0, 3);
        assert_eq!(lines.len(), 3, "{lines:?}");
        for line in &lines {
            assert!(width(line, 40.0, true) <= 600.0, "{line}");
        }
        assert!(lines[2].ends_with('…'), "{lines:?}");
        let whole = wrap("Short title", 40.0, true, 600.0, 3);
        assert_eq!(whole, ["Short title"]);
        let long_word = wrap(&"x".repeat(500), 20.0, false, 300.0, 2);
        assert_eq!(long_word.len(), 2);
        assert!(long_word[1].ends_with('…'), "{long_word:?}");
    }
}
