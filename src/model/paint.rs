//! Which colour each holding is drawn in, and the check that every one can be told apart.
//!
//! The holdings with colours are the segments the bars draw from the story (src/view/charts.rs),
//! in **bar order**: the round's investors with a reported amount, in tranche order, then the
//! separate deals, in story order. The ownership bar puts the existing holders first; the round
//! bar starts at the first investor. An investor without a reported amount is drawn in the
//! "not reported" segment (between the investors and the deals), never in a segment of its own.
//!
//! A holding's colour is the story's own (`colour`), else the story's next `palette` entry
//! (used in order by the holdings without a colour, and cycled), else the default palette's
//! entry for its place ([`default_index`]).
//!
//! **Neighbours**, for the contrast check: two holdings are neighbours when their segments are
//! next to each other in the ownership bar with every holding shown (each deal on, each amount
//! above zero), skipping the "not reported" segment. That segment is stripes on the card's own
//! colour: a colour beside it meets the card (checked against it anyway), and across it the
//! next holding, which it meets directly whenever nothing is unreported. The round bar's
//! neighbours are the same pairs less the existing holders and the first investor.
//!
//! Not checked: when a holding leaves the bar (a deal switched off, an amount moved to zero),
//! the two either side of it meet. No two-tone palette can keep every such pair apart (three
//! separate deals would have to be 3:1 from one another, which the card allows no three colours
//! to be); the bars still draw a gap of the card's colour between segments, and every segment
//! is named in its legend.

use super::colour::{
    contrast, default_index, passes, Colour, Ratio, Theme, CARD, DEFAULT_PALETTE, EXISTING,
};
use super::story::{GivenColour, Story};
use super::validate::{Against, FieldError, Problem};

/// Where a holding's colour comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The story gives the holding its own colour.
    Own,
    /// The story's palette, at this index.
    Palette(usize),
    /// The default palette, at this index.
    Default(usize),
}

/// Where a colour is written in the story file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// `round.tranches[t].investors[i].colour`.
    Investor(usize, usize),
    /// `separate_deals[i].colour`.
    Deal(usize),
    /// `palette[i]`.
    Palette(usize),
}

impl Field {
    /// Its path in `theme`: with `.light` or `.dark` when the colour is given per theme.
    fn path(self, per_theme: bool, theme: Theme) -> String {
        let mut path = match self {
            Field::Investor(t, i) => format!("round.tranches[{t}].investors[{i}].colour"),
            Field::Deal(i) => format!("separate_deals[{i}].colour"),
            Field::Palette(i) => format!("palette[{i}]"),
        };
        if per_theme {
            path.push('.');
            path.push_str(theme.name());
        }
        path
    }
}

/// A holding's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint<'a> {
    /// The holding's id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its colour in each theme.
    pub colour: Colour,
    /// Where the colour comes from.
    pub origin: Origin,
    /// Where the story gives it (none for the default palette's), and whether per theme.
    given: Option<(Field, bool)>,
}

/// The colour of every holding with a segment of its own, in bar order.
pub fn paints(story: &Story) -> Vec<Paint<'_>> {
    let investors = story
        .round
        .tranches
        .iter()
        .enumerate()
        .flat_map(|(t, tranche)| {
            tranche
                .investors
                .iter()
                .enumerate()
                .filter_map(move |(i, investor)| {
                    investor.amount.as_ref()?;
                    Some((
                        &investor.id,
                        &investor.name,
                        investor.colour,
                        Field::Investor(t, i),
                    ))
                })
        });
    let deals = story
        .separate_deals
        .iter()
        .enumerate()
        .map(|(i, deal)| (&deal.id, &deal.investor, deal.colour, Field::Deal(i)));
    let mut uncoloured = 0;
    investors
        .chain(deals)
        .enumerate()
        .map(|(index, (id, name, own, field))| {
            let (colour, origin, given) = match own {
                Some(own) => (own.colour, Origin::Own, Some((field, own.per_theme))),
                None if !story.palette.is_empty() => {
                    let at = uncoloured % story.palette.len();
                    uncoloured += 1;
                    let entry = story.palette[at];
                    let given = Some((Field::Palette(at), entry.per_theme));
                    (entry.colour, Origin::Palette(at), given)
                }
                None => {
                    // Places count from the existing holders, at 0.
                    let at = default_index(index + 1);
                    (DEFAULT_PALETTE[at], Origin::Default(at), None)
                }
            };
            Paint {
                id,
                name,
                colour,
                origin,
                given,
            }
        })
        .collect()
}

/// The colour of the holding with this id, if it has a segment of its own.
pub fn paint_of<'a>(story: &'a Story, id: &str) -> Option<Paint<'a>> {
    paints(story).into_iter().find(|paint| paint.id == id)
}

/// Every colour the story gives, against the card and its neighbours, in both themes: one
/// problem for each below 3:1, at the path of the story's colour (never the default palette's,
/// which passes by construction: see `colour.rs`).
pub fn check(story: &Story) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut fail = |field: Field, given: bool, theme: Theme, problem: Problem| {
        errors.push(FieldError {
            path: field.path(given, theme),
            problem,
        });
    };
    // Against the card: each colour where the story gives it (a palette's entries even where
    // no holding uses them), and none where it would not be drawn.
    let mut given: Vec<(Field, GivenColour)> = Vec::new();
    for (t, tranche) in story.round.tranches.iter().enumerate() {
        for (i, investor) in tranche.investors.iter().enumerate() {
            if let Some(colour) = investor.colour {
                given.push((Field::Investor(t, i), colour));
                if investor.amount.is_none() {
                    let field = Field::Investor(t, i);
                    fail(field, false, Theme::Light, Problem::ColourWithoutSegment);
                }
            }
        }
    }
    for (i, deal) in story.separate_deals.iter().enumerate() {
        if let Some(colour) = deal.colour {
            given.push((Field::Deal(i), colour));
        }
    }
    for (i, colour) in story.palette.iter().enumerate() {
        given.push((Field::Palette(i), *colour));
    }
    for (field, colour) in given {
        for theme in Theme::BOTH {
            let (rgb, card) = (colour.colour.of(theme), CARD.of(theme));
            let ratio = contrast(rgb, card);
            if !passes(ratio) {
                let problem = Problem::LowContrast {
                    colour: rgb,
                    ratio: Ratio::of(ratio),
                    against: Against::Card(card),
                    theme,
                    of: None,
                };
                fail(field, colour.per_theme, theme, problem);
            }
        }
    }

    // Against the neighbours, in bar order from the existing holders (no paint of their own).
    let paints = paints(story);
    let bar: Vec<(Colour, Option<&Paint<'_>>)> = core::iter::once((EXISTING, None))
        .chain(paints.iter().map(|paint| (paint.colour, Some(paint))))
        .collect();
    for (place, pair) in bar.windows(2).enumerate() {
        let [left, right] = pair else { continue };
        for theme in Theme::BOTH {
            let ratio = contrast(left.0.of(theme), right.0.of(theme));
            if passes(ratio) {
                continue;
            }
            // The story's colour is the one to change: the right one's if the story gives it,
            // else the left one's (two default tones are apart by construction).
            let given = |side: &(Colour, Option<&Paint<'_>>)| side.1?.given;
            let Some(((field, per_theme), this, other)) = given(right)
                .map(|given| (given, right, left))
                .or_else(|| given(left).map(|given| (given, left, right)))
            else {
                continue;
            };
            let name = |side: &(Colour, Option<&Paint<'_>>)| side.1.map(|p| p.name.to_owned());
            let problem = Problem::LowContrast {
                colour: this.0.of(theme),
                ratio: Ratio::of(ratio),
                against: Against::Neighbour {
                    name: name(other),
                    colour: other.0.of(theme),
                    ownership_only: place == 0,
                },
                theme,
                // A palette entry's path does not say whose colour it is.
                of: matches!(field, Field::Palette(_))
                    .then(|| name(this))
                    .flatten(),
            };
            fail(field, per_theme, theme, problem);
        }
    }
    errors
}

// Native only: the cases are written with serde_json, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::colour::Rgb;
    use serde_json::{json, Value};

    const ARTICLE: &str = include_str!("../../www/stories/openai-2026.json");

    /// The article's story with each `(JSON pointer, value)` set.
    fn story_with(changes: &[(&str, Value)]) -> Result<Story, String> {
        let mut story: Value = serde_json::from_str(ARTICLE).expect("the article's story");
        for (pointer, value) in changes {
            let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
            let parent = story.pointer_mut(parent).expect("the parent exists");
            parent[key] = value.clone();
        }
        Story::from_json(&story.to_string()).map_err(|error| error.to_string())
    }

    /// Changes to the article's story: `(JSON pointer, value)`.
    type Changes<'a> = Vec<(&'a str, Value)>;
    /// Holdings' ids and where their colours come from.
    type Origins<'a> = Vec<(&'a str, Origin)>;

    const AMAZON: &str = "/round/tranches/0/investors/0/colour";
    const MICROSOFT: &str = "/round/tranches/0/investors/1/colour";
    const SOFTBANK: &str = "/separate_deals/0/colour";

    #[test]
    fn colours_come_from_the_story_then_its_palette_then_the_default_palette() {
        let own = json!({ "light": "#0b3d2e", "dark": "#8fe3c0" });
        let cases: Vec<(&str, Changes, Origins)> = vec![
            (
                "no colours: the default palette by place",
                vec![],
                vec![
                    ("amazon", Origin::Default(0)),
                    ("softbank", Origin::Default(1)),
                ],
            ),
            (
                "Amazon's own colour; SoftBank keeps its place's default tone",
                vec![(AMAZON, own.clone())],
                vec![("amazon", Origin::Own), ("softbank", Origin::Default(1))],
            ),
            (
                "a palette, used in order by the holdings without a colour",
                vec![(
                    "/palette",
                    json!([{ "light": "#0b3d2e", "dark": "#8fe3c0" }, { "light": "#e36912", "dark": "#b1520e" }]),
                )],
                vec![
                    ("amazon", Origin::Palette(0)),
                    ("softbank", Origin::Palette(1)),
                ],
            ),
            (
                "a palette after an own colour starts at its first entry",
                vec![
                    (AMAZON, own),
                    (
                        "/palette",
                        json!([{ "light": "#e36912", "dark": "#b1520e" }]),
                    ),
                ],
                vec![("amazon", Origin::Own), ("softbank", Origin::Palette(0))],
            ),
        ];
        for (why, changes, expected) in cases {
            let story = story_with(&changes).unwrap_or_else(|error| panic!("{why}: {error}"));
            let got: Origins = paints(&story).iter().map(|p| (p.id, p.origin)).collect();
            assert_eq!(got, expected, "{why}");
        }
    }

    #[test]
    fn a_given_colour_is_drawn_as_given_in_each_theme() {
        let story = story_with(&[
            (AMAZON, json!({ "light": "#0B3D2E", "dark": "#8fe3c0" })),
            (SOFTBANK, json!({ "light": "#e36912", "dark": "#b1520e" })),
        ])
        .expect("colours that pass");
        let amazon = paint_of(&story, "amazon").expect("Amazon has a segment");
        assert_eq!(
            amazon.colour.light,
            Rgb(0x0b, 0x3d, 0x2e),
            "light, any case"
        );
        assert_eq!(amazon.colour.dark, Rgb(0x8f, 0xe3, 0xc0), "dark");
        assert_eq!(
            paint_of(&story, "microsoft"),
            None,
            "Microsoft's amount is not reported"
        );
    }

    /// Each case: the story's colours, and the first problem, as `path: message` (its start).
    #[test]
    fn colours_below_three_to_one_are_refused_at_their_path() {
        let cases: Vec<(&str, Changes, &str)> = vec![
            (
                "too pale for the light card",
                vec![(AMAZON, json!("#d4d4d8"))],
                "round.tranches[0].investors[0].colour: #d4d4d8 is 1.4:1 against the card (#ffffff) in the light theme; it needs at least 3.0:1",
            ),
            (
                "a per-theme colour's dark one as dark as the card",
                vec![(AMAZON, json!({ "light": "#102f6f", "dark": "#1f2023" }))],
                "round.tranches[0].investors[0].colour.dark: #1f2023 is 1.0:1 against the card (#17181a) in the dark theme",
            ),
            (
                "fine on both cards, too close to the existing holders beside it",
                vec![(AMAZON, json!("#777777"))],
                "round.tranches[0].investors[0].colour: #777777 is 1.3:1 against the existing holders (#8a9099), its neighbour in the ownership bar in the light theme",
            ),
            (
                "a deal's colour too close to Amazon's default tone (the not-reported part between them is skipped)",
                vec![(SOFTBANK, json!({ "light": "#e36912", "dark": "#93c5fd" }))],
                "separate_deals[0].colour.dark: #93c5fd is 1.2:1 against \"Amazon\" (#bbd7ff), its neighbour in the ownership and round bars in the dark theme",
            ),
            (
                "the palette's entry, named with the holding it colours",
                vec![("/palette", json!(["#777777"]))],
                "palette[0]: #777777 (for \"Amazon\") is 1.3:1 against the existing holders (#8a9099)",
            ),
            (
                "a palette's entry that no holding uses is still checked against the card",
                vec![(
                    "/palette",
                    json!([{ "light": "#102f6f", "dark": "#bbd7ff" }, { "light": "#e36912", "dark": "#b1520e" }, "#eeeeee"]),
                )],
                "palette[2]: #eeeeee is 1.1:1 against the card (#ffffff) in the light theme",
            ),
            (
                "an investor whose amount is not reported has no segment to colour",
                vec![(MICROSOFT, json!({ "light": "#102f6f", "dark": "#bbd7ff" }))],
                "round.tranches[0].investors[1].colour: this investor's amount is not reported",
            ),
        ];
        for (why, changes, expected) in cases {
            let error = story_with(&changes).expect_err(why);
            assert!(
                error.starts_with(expected),
                "{why}:\n  expected {expected}\n  got {error}"
            );
        }
    }

    #[test]
    fn colours_are_only_hex() {
        let cases = [
            (json!("red"), "round.tranches[0].investors[0].colour: \"red\" is not a colour written \"#rrggbb\""),
            (json!("#fff"), "round.tranches[0].investors[0].colour: \"#fff\" is not a colour"),
            (json!("#102f6f;background:url(x)"), "round.tranches[0].investors[0].colour: \"#102f6f;background:url(x)\" is not a colour"),
            (json!({ "light": "#102f6f" }), "round.tranches[0].investors[0].colour.dark: is required but missing"),
            (json!({ "light": "#102f6f", "dark": "blue" }), "round.tranches[0].investors[0].colour.dark: \"blue\" is not a colour"),
            (json!({ "light": "#102f6f", "dark": "#bbd7ff", "print": "#000000" }), "round.tranches[0].investors[0].colour.print: unknown field; expected one of: light, dark"),
            (json!(7), "round.tranches[0].investors[0].colour: expected a colour, \"#rrggbb\" or { \"light\": \"#rrggbb\", \"dark\": \"#rrggbb\" }, found a number"),
        ];
        for (colour, expected) in cases {
            let error = story_with(&[(AMAZON, colour.clone())]).expect_err("refused");
            assert!(
                error.starts_with(expected),
                "{colour}:\n  expected {expected}\n  got {error}"
            );
        }
    }
}
