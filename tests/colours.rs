//! A colour per holding: the default palette keeps every neighbour in the bars 3:1 apart for
//! any number of holdings, a story's own colours are drawn where it gives them (the bars, their
//! legends, the HTML written natively and the share image), and a colour that cannot be told
//! apart is refused with its path.
#![cfg(not(target_arch = "wasm32"))] // native: uses serde_json and the images

mod common;

use common::{parse_story, ARTICLE_STORY};
use round_explainer::image::{Image, Layout};
use round_explainer::model::colour::{contrast, passes, Colour, Ratio, Theme, CARD, EXISTING};
use round_explainer::model::paint::{paints, Origin};
use round_explainer::model::Story;
use round_explainer::view::prerender::{explainer_html, frame_for, scenario_of};
use serde_json::{json, Value};

const THISTLE: &str = include_str!("stories/thistle-gbp.json");

/// The article's story with `investors` investors of the round (each with an amount, the first
/// the focus) and `deals` separate deals, none with a colour; with or without an undisclosed
/// part between them.
fn story_with(investors: usize, deals: usize, undisclosed: bool) -> Story {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    let amount = json!({ "value": "1B", "source": "round-tranches" });
    let named: Vec<Value> = (0..investors)
        .map(|n| json!({ "id": format!("i{n}"), "name": format!("Investor {n}"), "source": "round-tranches", "amount": amount }))
        .collect();
    let mut tranches = vec![
        json!({ "id": "all", "label": "All", "source": "round-tranches", "investors": named }),
    ];
    if undisclosed {
        tranches.push(json!({ "id": "rest", "label": "The rest", "source": "round-tranches" }));
    }
    story["round"]["tranches"] = json!(tranches);
    story["round"]["total"] = json!({ "value": format!("{investors}B"), "source": "round-total" });
    if undisclosed {
        story["round"]["total"] = json!({ "value": "100B", "source": "round-total" });
    }
    story["separate_deals"] = json!((0..deals)
        .map(|n| json!({ "id": format!("d{n}"), "investor": format!("Deal {n}"), "status": "in_talks", "amount": amount, "on_by_default": true }))
        .collect::<Vec<_>>());
    story["focus_investor"] = json!("i0");
    let text = story.to_string();
    parse_story(&text).unwrap_or_else(|error| {
        panic!("{investors} investors, {deals} deals, undisclosed {undisclosed}: {error}")
    })
}

/// Every pair of neighbours in the ownership bar, with every holding shown, in both themes:
/// measured here again, apart from the check the story passed.
fn neighbours_apart(story: &Story) -> Result<(), String> {
    let bar: Vec<Colour> = std::iter::once(EXISTING)
        .chain(paints(story).iter().map(|paint| paint.colour))
        .collect();
    for theme in Theme::BOTH {
        for colour in &bar {
            let ratio = contrast(colour.of(theme), CARD.of(theme));
            if !passes(ratio) {
                return Err(format!(
                    "{} on the card: {}",
                    colour.of(theme),
                    Ratio::of(ratio)
                ));
            }
        }
        for (place, pair) in bar.windows(2).enumerate() {
            let ratio = contrast(pair[0].of(theme), pair[1].of(theme));
            if !passes(ratio) {
                return Err(format!(
                    "places {place} and {} ({}): {}",
                    place + 1,
                    theme.name(),
                    Ratio::of(ratio)
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn the_default_palette_keeps_neighbours_apart_for_one_to_twelve_holdings() {
    for holdings in 1..=12 {
        // Every split between the round's investors (at least the focus) and separate deals,
        // with and without an undisclosed part between them.
        for investors in 1..=holdings {
            for undisclosed in [false, true] {
                let story = story_with(investors, holdings - investors, undisclosed);
                assert_eq!(paints(&story).len(), holdings, "{holdings} holdings drawn");
                assert!(
                    paints(&story)
                        .iter()
                        .all(|paint| matches!(paint.origin, Origin::Default(_))),
                    "the default palette"
                );
                if let Err(problem) = neighbours_apart(&story) {
                    panic!(
                        "{investors} investors, {} deals, undisclosed {undisclosed}: {problem}",
                        holdings - investors
                    );
                }
            }
        }
    }
}

#[test]
fn a_story_at_its_limit_of_holdings_passes_with_the_default_palette() {
    let story = story_with(60, 40, true);
    assert_eq!(neighbours_apart(&story), Ok(()), "100 holdings");
}

#[test]
fn the_fictional_story_gives_two_investors_their_own_colours() {
    let story = parse_story(THISTLE).expect("Thistle's story passes the check");
    let got: Vec<(&str, Origin, String, String)> = paints(&story)
        .iter()
        .map(|p| {
            (
                p.id,
                p.origin,
                p.colour.light.to_string(),
                p.colour.dark.to_string(),
            )
        })
        .collect();
    let expected = [
        ("arden-syndicate", Origin::Own, "#083d52", "#a5dcf5"),
        ("backers", Origin::Own, "#e35f80", "#d11e4b"),
        ("snif", Origin::Default(2), "#461c6f", "#e6cbf9"),
        ("haruna", Origin::Default(3), "#1c9d93", "#167a72"),
    ];
    let expected: Vec<(&str, Origin, String, String)> = expected
        .iter()
        .map(|(id, origin, light, dark)| (*id, *origin, (*light).to_owned(), (*dark).to_owned()))
        .collect();
    assert_eq!(
        got, expected,
        "a group and an investor with their own colours, deals by place"
    );
    assert_eq!(
        neighbours_apart(&story),
        Ok(()),
        "and every neighbour apart"
    );
}

/// How often `text` appears in `html`.
fn count(html: &str, text: &str) -> usize {
    html.matches(text).count()
}

#[test]
fn the_written_html_carries_each_colour_on_its_segments_and_swatches() {
    let story = parse_story(THISTLE).unwrap();
    let html =
        explainer_html(&story, &scenario_of(&story, None), &frame_for(&story, true)).unwrap();
    // The round bar and the ownership bar: a segment and a swatch each.
    let arden = r#"style="--rx-hl: #083d52; --rx-hd: #a5dcf5;""#;
    let backers = r#"style="--rx-hl: #e35f80; --rx-hd: #d11e4b;""#;
    assert_eq!(
        count(&html, arden),
        5,
        "the syndicate: two bars, two swatches, and its comparison bar"
    );
    assert_eq!(
        count(&html, backers),
        4,
        "the backers: two bars, two swatches"
    );
    assert_eq!(count(&html, "style=\""), 9, "no other style attribute");
    let article = parse_story(ARTICLE_STORY).unwrap();
    let html = explainer_html(
        &article,
        &scenario_of(&article, None),
        &frame_for(&article, true),
    )
    .unwrap();
    assert_eq!(
        count(&html, "style=\""),
        0,
        "the default palette needs no style attribute"
    );
    assert_eq!(
        count(&html, "rx-seg-investor rx-tone-0"),
        4 + article.comparisons.len(),
        "Amazon's tone: two bars, two swatches, and a bar in each comparison"
    );
}

#[test]
fn the_share_image_draws_each_holding_in_its_light_colour() {
    let story = parse_story(THISTLE).unwrap();
    let svg = Image::draw(&story, &scenario_of(&story, None), Layout::Card)
        .unwrap()
        .to_svg();
    for (who, fill) in [
        ("the syndicate", "#083d52"),
        ("the backers", "#e35f80"),
        ("the existing holders", "#8a9099"),
    ] {
        let drawn = count(&svg, &format!("fill=\"{fill}\""));
        assert!(
            drawn >= 2,
            "{who}: {fill} in a bar and its swatch, {drawn} times"
        );
    }
    let article = parse_story(ARTICLE_STORY).unwrap();
    let svg = Image::draw(
        &article,
        &scenario_of(&article, Some("v1&softbank=on")),
        Layout::Print,
    )
    .unwrap()
    .to_svg();
    for (who, fill) in [("Amazon", "#102f6f"), ("SoftBank", "#e36912")] {
        let drawn = count(&svg, &format!("fill=\"{fill}\""));
        assert!(
            drawn >= 2,
            "{who}: {fill} in a bar and its swatch, {drawn} times"
        );
    }
}
