//! Colours of the bars' holdings, and the contrast they are held to: WCAG 2's relative
//! luminance and contrast ratio, the card they are drawn on in each theme, the existing
//! holders' colour and the default palette. Pure arithmetic on `f64` (a colour is not money).
//!
//! Why two tones per theme: on the light card (#ffffff) a mark of 3:1 has a relative luminance
//! of at most 0.30, and two such marks 3:1 apart need one of at most 0.067 (a deep tone) beside
//! one near 0.25 (a soft tone); on the dark card (#17181a) the marks start at 0.127 and a pair
//! needs one of at least 0.53. So a single colour cannot be 3:1 against both cards and against
//! a neighbour that also is; the default palette alternates a *strong* tone (deep on the light
//! card, bright on the dark) with a *soft* one (mid-light, mid-dark), and a story's colour may
//! differ per theme.

use core::fmt;

/// A colour as `#rrggbb`: the one form a story may write, safe in an attribute and a stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rrggbb` (six hexadecimal digits, either case); anything else is `None`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#')?.as_bytes();
        if digits.len() != 6 {
            return None;
        }
        let byte = |at: usize| Some(hex_digit(digits[at])? * 16 + hex_digit(digits[at + 1])?);
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG 2's relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let Rgb(r, g, b) = self;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
}

impl fmt::Display for Rgb {
    /// `#rrggbb` in lower case, the form the view writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Rgb(r, g, b) = self;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// An sRGB channel as linear light (WCAG 2's formula, with the sRGB standard's 0.04045).
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        let x = (c + 0.055) / 1.055;
        // x^2.4 as x² · (x²)^(1/5): `powf` would bring the C maths library's `pow` into the
        // wasm, about 2 KB for this one use.
        let squared = x * x;
        squared * fifth_root(squared)
    }
}

/// The fifth root of `a` in (0, 1], by Newton's method from 1, where it converges from above
/// without overshoot; it stops when a step no longer lowers the estimate (the float's own
/// precision), at most 64 steps.
fn fifth_root(a: f64) -> f64 {
    let mut y = 1.0_f64;
    for _ in 0..64 {
        let y4 = (y * y) * (y * y);
        let next = (4.0 * y + a / y4) / 5.0;
        if next >= y {
            break;
        }
        y = next;
    }
    y
}

/// WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance() + 0.05, b.luminance() + 0.05);
    if x > y {
        x / y
    } else {
        y / x
    }
}

/// A contrast ratio to one decimal, truncated, so that a failing ratio never reads as a pass
/// (2.96 is `2.9:1`, not `3.0:1`). Written with integers: float formatting would add several
/// KB to the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ratio {
    tenths: u32,
}

impl Ratio {
    /// The ratio to one decimal, truncated.
    pub fn of(ratio: f64) -> Ratio {
        // Contrast ratios run from 1 to 21: the cast neither overflows nor goes below zero.
        Ratio {
            tenths: (ratio * 10.0) as u32,
        }
    }
}

impl fmt::Display for Ratio {
    /// As people write it: `2.9:1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}:1", self.tenths / 10, self.tenths % 10)
    }
}

/// The least contrast a holding's colour needs against the card and against its neighbours in
/// the bars: WCAG 2.1's 3:1 for the parts of a chart (success criterion 1.4.11).
pub const MIN_CONTRAST: Ratio = Ratio { tenths: 30 };

/// Whether `ratio` reaches [`MIN_CONTRAST`] (compared exactly, before truncation).
pub fn passes(ratio: f64) -> bool {
    ratio >= 3.0
}

/// The two themes a colour is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// The light card.
    Light,
    /// The dark card.
    Dark,
}

impl Theme {
    /// Both, light first.
    pub const BOTH: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// Its name in messages and in a story's colour object: `light`, `dark`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A colour in both themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    /// On the light card.
    pub light: Rgb,
    /// On the dark card.
    pub dark: Rgb,
}

impl Colour {
    /// The same colour in both themes.
    pub const fn one(rgb: Rgb) -> Colour {
        Colour {
            light: rgb,
            dark: rgb,
        }
    }

    /// Its colour in `theme`.
    pub fn of(self, theme: Theme) -> Rgb {
        match theme {
            Theme::Light => self.light,
            Theme::Dark => self.dark,
        }
    }
}

const fn pair(light: (u8, u8, u8), dark: (u8, u8, u8)) -> Colour {
    Colour {
        light: Rgb(light.0, light.1, light.2),
        dark: Rgb(dark.0, dark.1, dark.2),
    }
}

/// The card the bars are drawn on: `--rx-paper` and `--rx-dark-paper` in `www/explainer.css`.
/// The "not reported" segment's hatch is drawn on the same card colour (its ground is
/// `--rx-c-paper`), so a colour beside it meets the card.
pub const CARD: Colour = pair((0xff, 0xff, 0xff), (0x17, 0x18, 0x1a));

/// The existing holders' segment (`--rx-existing`, `--rx-dark-existing`): a soft tone in both
/// themes, as it is first in the ownership bar and the first investor, beside it, takes the
/// palette's first (strong) tone.
pub const EXISTING: Colour = pair((0x8a, 0x90, 0x99), (0x6b, 0x72, 0x80));

/// The stripes of the "not reported" segment's hatch (`--rx-hatch-line`): they give the segment
/// its contrast against the card; its ground is the card itself.
pub const NOT_REPORTED_LINE: Colour = pair((0x47, 0x55, 0x69), (0xcb, 0xd5, 0xe1));

/// The default palette, for holdings the story gives no colour: strong and soft tones in turn
/// (even places strong, odd places soft), an even number of them, so that cycling it keeps the
/// alternation. Every strong tone is at least 3:1 against every soft tone and against
/// [`EXISTING`], and every tone against the card, in both themes (the tests below check each
/// pair), so any number of holdings in bar order passes.
pub const DEFAULT_PALETTE: [Colour; 8] = [
    pair((0x10, 0x2f, 0x6f), (0xbb, 0xd7, 0xff)), // blue: navy / pale blue
    pair((0xe3, 0x69, 0x12), (0xb1, 0x52, 0x0e)), // orange
    pair((0x46, 0x1c, 0x6f), (0xe6, 0xcb, 0xf9)), // purple: deep / lilac
    pair((0x1c, 0x9d, 0x93), (0x16, 0x7a, 0x72)), // teal
    pair((0x65, 0x12, 0x19), (0xff, 0xc7, 0xc7)), // red: maroon / pink
    pair((0x28, 0xa0, 0x5a), (0x1f, 0x7d, 0x47)), // green
    pair((0x4a, 0x2c, 0x04), (0xfc, 0xd3, 0x4d)), // amber: brown / gold
    pair((0xe2, 0x5c, 0x9f), (0xcc, 0x24, 0x78)), // pink
];

/// The default palette's entry for the holding at `place` in the bar order, where the existing
/// holders are place 0 and the first investor place 1: entry `place - 1`, cycling. The first
/// investor takes a strong tone beside the existing holders' soft one, and tones alternate from
/// there whichever holdings have colours of their own.
pub fn default_index(place: usize) -> usize {
    place.saturating_sub(1) % DEFAULT_PALETTE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Rgb {
        Rgb::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    #[test]
    fn only_six_hex_digits_after_a_hash_are_a_colour() {
        let cases = [
            ("#1d4ed8", Some(Rgb(0x1d, 0x4e, 0xd8))),
            ("#1D4ED8", Some(Rgb(0x1d, 0x4e, 0xd8))),
            ("#000000", Some(Rgb(0, 0, 0))),
            ("#ffffff", Some(Rgb(255, 255, 255))),
            ("1d4ed8", None),
            ("#1d4ed", None),
            ("#1d4ed8f", None),
            ("#fff", None),
            ("#1d4ed8ff", None),
            ("#gggggg", None),
            ("red", None),
            ("rgb(1,2,3)", None),
            ("#1d4ed8;x", None),
            ("#1d4\u{e9}d8", None),
            (" #1d4ed8", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Rgb::parse(text), expected, "{text:?}");
        }
    }

    #[test]
    fn colours_are_written_as_lower_case_hex() {
        let cases = [
            (Rgb(0x1d, 0x4e, 0xd8), "#1d4ed8"),
            (Rgb(0, 0, 0), "#000000"),
            (Rgb(255, 10, 1), "#ff0a01"),
        ];
        for (rgb, text) in cases {
            assert_eq!(rgb.to_string(), text, "{rgb:?}");
            assert_eq!(Rgb::parse(text), Some(rgb), "{text} reads back");
        }
    }

    #[test]
    fn the_fifth_root_agrees_with_powf() {
        for step in 1..=1000 {
            let a = f64::from(step) / 1000.0;
            let expected = a.powf(0.2);
            let got = fifth_root(a);
            assert!(
                (got - expected).abs() < 1e-12,
                "fifth root of {a}: {got}, powf {expected}"
            );
        }
    }

    #[test]
    fn luminance_follows_wcag() {
        for channel in 0..=255_u8 {
            let c = f64::from(channel) / 255.0;
            let expected = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!(
                (linear(channel) - expected).abs() < 1e-12,
                "channel {channel}: {} against {expected}",
                linear(channel)
            );
        }
        let cases = [("#000000", 0.0), ("#ffffff", 1.0), ("#808080", 0.2158605)];
        for (text, expected) in cases {
            let got = hex(text).luminance();
            assert!((got - expected).abs() < 1e-6, "{text}: {got}");
        }
    }

    /// Ratios as published by WebAIM's contrast checker and WCAG's own examples.
    #[test]
    fn contrast_ratios_are_wcags() {
        let cases = [
            ("#000000", "#ffffff", "21.0:1"),
            ("#ffffff", "#ffffff", "1.0:1"),
            ("#767676", "#ffffff", "4.5:1"),
            ("#959595", "#ffffff", "2.9:1"),
            ("#777777", "#ffffff", "4.4:1"),
            ("#1d4ed8", "#ffffff", "6.7:1"),
            ("#ffffff", "#1d4ed8", "6.7:1"),
        ];
        for (a, b, expected) in cases {
            let ratio = contrast(hex(a), hex(b));
            assert_eq!(
                Ratio::of(ratio).to_string(),
                expected,
                "{a} against {b}: {ratio}"
            );
        }
    }

    #[test]
    fn a_ratio_is_truncated_never_rounded_up_to_a_pass() {
        let cases = [
            (2.999, "2.9:1"),
            (3.0, "3.0:1"),
            (2.14, "2.1:1"),
            (21.0, "21.0:1"),
        ];
        assert_eq!(MIN_CONTRAST.to_string(), "3.0:1", "the least contrast");
        assert!(
            passes(3.0) && !passes(2.9999),
            "3:1 passes, a hair under does not"
        );
        for (ratio, text) in cases {
            assert_eq!(Ratio::of(ratio).to_string(), text, "{ratio}");
        }
    }

    /// The reason for per-theme colours: a colour 3:1 against both cards sits between them,
    /// and no second such colour is 3:1 against it.
    #[test]
    fn no_single_colour_pair_passes_on_both_cards() {
        let on_both =
            |rgb: Rgb| passes(contrast(rgb, CARD.light)) && passes(contrast(rgb, CARD.dark));
        // Greys from black to white: those that pass on both cards are close to one another.
        let passing: Vec<Rgb> = (0..=255_u8)
            .map(|v| Rgb(v, v, v))
            .filter(|&g| on_both(g))
            .collect();
        assert!(!passing.is_empty(), "some grey passes on both cards");
        let (darkest, lightest) = (passing[0], passing[passing.len() - 1]);
        assert!(
            !passes(contrast(darkest, lightest)),
            "{darkest} and {lightest}: {}",
            contrast(darkest, lightest)
        );
    }

    #[test]
    fn every_fixed_colour_and_tone_passes_on_the_card() {
        let named = [
            ("existing", EXISTING),
            ("not-reported stripes", NOT_REPORTED_LINE),
        ];
        let tones = DEFAULT_PALETTE
            .iter()
            .enumerate()
            .map(|(index, colour)| (if index % 2 == 0 { "strong" } else { "soft" }, *colour));
        for (what, colour) in named.into_iter().chain(tones) {
            for theme in Theme::BOTH {
                let ratio = contrast(colour.of(theme), CARD.of(theme));
                assert!(
                    passes(ratio),
                    "{what} {} on the {} card: {}",
                    colour.of(theme),
                    theme.name(),
                    Ratio::of(ratio)
                );
            }
        }
    }

    /// Every pair that can meet in the bars when the default palette is used: a strong tone
    /// beside a soft one or beside the existing holders.
    #[test]
    fn every_strong_tone_is_apart_from_every_soft_tone_and_the_existing_holders() {
        let strong = DEFAULT_PALETTE.iter().step_by(2);
        for (s, strong) in strong.enumerate() {
            let soft = DEFAULT_PALETTE.iter().skip(1).step_by(2).chain([&EXISTING]);
            for (t, soft) in soft.enumerate() {
                for theme in Theme::BOTH {
                    let ratio = contrast(strong.of(theme), soft.of(theme));
                    assert!(
                        passes(ratio),
                        "strong tone {s} {} beside soft tone {t} {} ({}): {}",
                        strong.of(theme),
                        soft.of(theme),
                        theme.name(),
                        Ratio::of(ratio)
                    );
                }
            }
        }
    }

    /// Bars of 1 to 12 holdings after the existing holders, each in its default tone: every
    /// neighbour apart, in both themes.
    #[test]
    fn the_default_palette_keeps_neighbours_apart_for_one_to_twelve_holdings() {
        for holdings in 1..=12 {
            let bar: Vec<Colour> = core::iter::once(EXISTING)
                .chain((1..=holdings).map(|place| DEFAULT_PALETTE[default_index(place)]))
                .collect();
            for theme in Theme::BOTH {
                for (place, pair) in bar.windows(2).enumerate() {
                    let ratio = contrast(pair[0].of(theme), pair[1].of(theme));
                    assert!(
                        passes(ratio),
                        "{holdings} holdings, places {place} and {} ({}): {}",
                        place + 1,
                        theme.name(),
                        Ratio::of(ratio)
                    );
                }
            }
        }
    }

    #[test]
    fn the_default_index_cycles_from_the_first_investor() {
        let cases = [(0, 0), (1, 0), (2, 1), (8, 7), (9, 0), (10, 1), (17, 0)];
        for (place, index) in cases {
            assert_eq!(default_index(place), index, "place {place}");
        }
    }
}
