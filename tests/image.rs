//! The share card and the print version: their sizes, their SVG (read back by the renderer
//! without a warning, alt text as `<title>`, story text never markup), the kinds of their
//! figures, every story of the suite, and the largest story the format accepts.
#![cfg(not(target_arch = "wasm32"))] // native: the images are native only

mod common;

use round_explainer::locale::Locale;
use std::sync::Mutex;
use std::thread::ThreadId;

use common::{parse_story, ARTICLE_STORY};
use resvg::usvg::roxmltree::Document;
use round_explainer::image::{self, Image, Layout, CARD_HEIGHT, MAX_PRINT_HEIGHT, WIDTH};
use round_explainer::model::compute;
use round_explainer::model::text::{MAX_LABEL_CHARS, MAX_QUOTE_CHARS};
use round_explainer::model::validate::{
    MAX_COMPARISONS, MAX_FACTS, MAX_INVESTORS, MAX_MARKS, MAX_SOURCES, MAX_TIMELINE, MAX_TRANCHES,
};
use round_explainer::model::Story;
use round_explainer::view::prerender::scenario_of;
use round_explainer::view::summary::sentence;
use serde_json::{json, Value};

/// Every story of the suite: the article's, and the fictional ones (euros, pounds, tranches).
const STORIES: &[(&str, &str)] = &[
    ("openai-2026", ARTICLE_STORY),
    (
        "brightwater-eur",
        include_str!("stories/brightwater-eur.json"),
    ),
    ("thistle-gbp", include_str!("stories/thistle-gbp.json")),
    (
        "orbital-tranches",
        include_str!("stories/orbital-tranches.json"),
    ),
];

/// The warnings the renderer logs, with the thread that logged them (tests run side by side).
static WARNINGS: Mutex<Vec<(ThreadId, String)>> = Mutex::new(Vec::new());

struct Warnings;

impl log::Log for Warnings {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let mut warnings = WARNINGS.lock().unwrap_or_else(|e| e.into_inner());
            warnings.push((std::thread::current().id(), record.args().to_string()));
        }
    }

    fn flush(&self) {}
}

/// Starts hearing the renderer's warnings (the first call installs the logger, the others
/// find it there): before anything is drawn.
fn listen() {
    let _ = log::set_logger(&Warnings);
    log::set_max_level(log::LevelFilter::Warn);
}

/// The warnings this thread has logged since it began to [`listen`], taken.
fn warnings() -> Vec<String> {
    let me = std::thread::current().id();
    let mut warnings = WARNINGS.lock().unwrap_or_else(|e| e.into_inner());
    let (mine, others) = warnings.drain(..).partition(|(thread, _)| *thread == me);
    *warnings = others;
    mine.into_iter().map(|(_, warning)| warning).collect()
}

#[test]
fn the_warning_check_hears_the_renderer() {
    // No shipped glyph for these: the renderer warns, so a silent run above means no warning.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">日本</text></svg>"#;
    listen();
    image::png(svg).expect("drawn, with boxes for the missing glyphs");
    let heard = warnings();
    assert!(
        heard.iter().any(|warning| warning.contains("日")),
        "the renderer's warning is heard: {heard:?}"
    );
}

fn story(name: &str, text: &str) -> Story {
    parse_story(text).unwrap_or_else(|error| panic!("{name}: the story is invalid: {error}"))
}

fn draw(story: &Story, fragment: Option<&str>, layout: Layout) -> Image {
    listen();
    Image::draw(story, &scenario_of(story, fragment), layout)
        .unwrap_or_else(|error| panic!("{}: {layout:?}: {error}", story.id))
}

/// A PNG's width and height, from its header (IHDR: bytes 16 to 24).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (word(16), word(20))
}

/// The text nodes of an SVG, in document order, as an XML parser reads them.
fn texts(svg: &str) -> Vec<String> {
    let document = Document::parse(svg).unwrap_or_else(|error| panic!("not XML: {error}\n{svg}"));
    document
        .descendants()
        .filter(|node| node.is_element() && node.tag_name().name() == "text")
        .map(|node| node.text().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn every_story_draws_a_card_of_1200_by_630_and_a_taller_print_version() {
    for (name, text) in STORIES {
        let story = story(name, text);
        let card = draw(&story, None, Layout::Card);
        let png = card
            .to_png()
            .unwrap_or_else(|e| panic!("{name}: card: {e}"));
        assert_eq!(
            png_size(&png),
            (WIDTH, CARD_HEIGHT),
            "{name}: the card's size"
        );
        assert_eq!((card.width, card.height), (1200, 630), "{name}: described");

        let print = draw(&story, None, Layout::Print);
        let png = print
            .to_png()
            .unwrap_or_else(|e| panic!("{name}: print: {e}"));
        let (width, height) = png_size(&png);
        assert_eq!(width, 1200, "{name}: the print version's width");
        assert!(
            height > CARD_HEIGHT && height == print.height,
            "{name}: the print version is taller than the card: {height}"
        );
        assert_eq!(
            warnings(),
            Vec::<String>::new(),
            "{name}: the renderer's warnings"
        );
    }
}

#[test]
fn the_svg_reads_back_without_warnings_and_holds_its_alt_text() {
    for (name, text) in STORIES {
        let story = story(name, text);
        let scenario = scenario_of(&story, None);
        let outcome = compute(&story, &scenario).expect("the article's figures compute");
        let alt = sentence(&story, &scenario, &outcome, &Locale::english());
        for layout in [Layout::Card, Layout::Print] {
            let image = draw(&story, None, layout);
            assert_eq!(
                image.alt, alt,
                "{name}: {layout:?}: the alt text is the sentence"
            );
            let svg = image.to_svg();
            image::parse(&svg).unwrap_or_else(|e| panic!("{name}: {layout:?}: {e}"));
            assert_eq!(
                warnings(),
                Vec::<String>::new(),
                "{name}: {layout:?}: warnings"
            );

            let document = Document::parse(&svg).expect("the SVG is XML");
            let root = document.root_element();
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg"),
                "{name}: {layout:?}: the SVG namespace"
            );
            assert_eq!(root.attribute("role"), Some("img"), "{name}: {layout:?}");
            assert_eq!(root.attribute("aria-label"), Some(alt.as_str()), "{name}");
            let title = root
                .children()
                .find(|node| node.tag_name().name() == "title")
                .and_then(|title| title.text());
            assert_eq!(title, Some(alt.as_str()), "{name}: {layout:?}: the <title>");
            assert_eq!(
                root.attribute("font-family"),
                Some(image::font::FAMILY),
                "{name}: {layout:?}: the shipped font"
            );
        }
    }
}

/// The article's story with its first investor renamed.
fn renamed(name: &str) -> Story {
    let edited = ARTICLE_STORY.replacen(
        "\"name\": \"Amazon\"",
        &format!("\"name\": {}", json!(name)),
        1,
    );
    assert_ne!(edited, ARTICLE_STORY, "the rename applies");
    parse_story(&edited).unwrap_or_else(|error| panic!("{name:?}: the story is refused: {error}"))
}

#[test]
fn markup_and_right_to_left_names_stay_text() {
    let names = [
        "</text><script>alert(1)</script> & \"AT&T\" <b>",
        "שלום & مرحبا",
        "]]><!-- &amp; <![CDATA[",
    ];
    // A control character XML cannot hold, and a line end, in a name the reader accepts.
    let controls = renamed("Ama\u{1}zon\nB");
    let card = draw(&controls, None, Layout::Card);
    assert!(card.alt.contains("Ama\u{FFFD}zon B"), "{}", card.alt);
    image::parse(&card.to_svg()).expect("the SVG reads back");

    for name in names {
        let story = renamed(name);
        for layout in [Layout::Card, Layout::Print] {
            let image = draw(&story, None, layout);
            let svg = image.to_svg();
            assert!(
                !svg.contains("<script"),
                "{name}: {layout:?}: no script element"
            );
            assert!(
                !svg.contains("<b>") && !svg.contains("<!--"),
                "{name}: {layout:?}"
            );
            let document = Document::parse(&svg).expect("the SVG is XML");
            let elements: Vec<&str> = document
                .descendants()
                .filter(|node| node.is_element())
                .map(|node| node.tag_name().name())
                .collect();
            assert!(
                elements
                    .iter()
                    .all(|tag| ["svg", "title", "defs", "pattern", "rect", "text"].contains(tag)),
                "{name}: {layout:?}: only the image's own elements: {elements:?}"
            );
            assert!(
                texts(&svg).iter().any(|text| text.contains(name)),
                "{name}: {layout:?}: the name is shown as it is written"
            );
            image
                .to_png()
                .unwrap_or_else(|e| panic!("{name}: {layout:?}: {e}"));
            assert_eq!(
                warnings(),
                Vec::<String>::new(),
                "{name}: {layout:?}: warnings"
            );
        }
    }
}

#[test]
fn the_card_says_each_figure_and_its_kind() {
    let story = story("openai-2026", ARTICLE_STORY);
    let texts = texts(&draw(&story, None, Layout::Card).to_svg());
    let after = |figure: &str| {
        let at = texts
            .iter()
            .position(|text| text == figure)
            .unwrap_or_else(|| panic!("{figure} is on the card: {texts:?}"));
        texts[at + 1].clone()
    };
    // A tile's figure, then its kind.
    assert_eq!(after("$100B"), "reported");
    assert_eq!(after("$600B"), "derived");
    assert_eq!(after("8.33%"), "derived");
    assert_eq!(after("16.67%"), "derived");
    // Lines as the card shows them, wrapped lines joined again.
    let joined = texts.join(" ");
    for line in [
        "$500B assumed before + $100B new",
        "for $50B (reported)",
        "their stake falls to 83.34% (derived)",
        "Existing holders 83.34% (derived)",
        "\u{2068}Amazon\u{2069} 8.33% (derived)",
        "Source: \u{2068}OpenAI\u{2069}, \u{2068}What Amazon's talks to invest up to $50 billion in OpenAI would mean\u{2069}",
    ] {
        assert!(joined.contains(line), "{line:?} in {texts:?}");
    }

    // Moved by a fragment, the reader's choices say so.
    let moved = self::texts(&draw(&story, Some("v1&amazon=40B&pre=450B"), Layout::Card).to_svg());
    let moved = moved.join(" ");
    for line in [
        "for $40B (reader's choice)",
        "$450B your choice before + $100B new",
    ] {
        assert!(moved.contains(line), "{line:?} in {moved:?}");
    }

    // A reported price and post-money valuation (the pound and euro stories).
    let pounds = story_texts("thistle-gbp", Layout::Card).join(" ");
    for line in [
        "£12B reported before + £3B new",
        "13.33% (derived) · reported: about 13%",
    ] {
        assert!(pounds.contains(line), "{line:?} in {pounds:?}");
    }
    let euros = story_texts("brightwater-eur", Layout::Card).join(" ");
    for line in [
        "reported: €11.7B",
        "Source: \u{2068}Fictional test article\u{2069}, “\u{2068}Brightwater AI raises",
    ] {
        assert!(euros.contains(line), "{line:?} in {euros:?}");
    }
}

fn story_texts(name: &str, layout: Layout) -> Vec<String> {
    let (_, text) = STORIES
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a suite story");
    texts(&draw(&story(name, text), None, layout).to_svg())
}

#[test]
fn the_print_version_lists_the_tranches_and_quotes_the_sentences() {
    let texts = story_texts("orbital-tranches", Layout::Print).join(" ");
    for line in [
        "The round, by tranche",
        "New money: $40B in all (derived)",
        "\u{2068}Kestrel Fund\u{2069} $25B (reported)",
        "Not reported $10B (derived)",
        "1. \u{2068}First part\u{2069}, \u{2068}April\u{2069}: $10B (reported): \u{2068}Pinecrest Partners\u{2069} · $5B reported [2]",
        "Before Existing holders 100% After",
        "The article's 5 sentences these figures come from",
        "4. “Pinecrest Partners has agreed to put in $5 billion of the April money.”",
    ] {
        assert!(texts.contains(line), "{line:?} in {texts:?}");
    }
}

/// The largest story the format accepts, as tests/page/largest-story.mjs builds it: every list
/// at its limit and every text at its longest.
fn largest_story() -> Story {
    let text = |prefix: &str, length: usize| -> String {
        format!("{prefix} {}", "word ".repeat(length))
            .chars()
            .take(length)
            .collect()
    };
    let (label, quote) = (MAX_LABEL_CHARS, MAX_QUOTE_CHARS);
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).expect("the story is JSON");
    story["title"] = json!(text("The largest round", label));
    story["sources"] = (0..MAX_SOURCES)
        .map(|n| json!({ "id": format!("s{n}"), "quote": text(&format!("Sentence {n}."), quote) }))
        .collect();
    let deals = 5;
    let per_tranche = (MAX_INVESTORS - deals) / (MAX_TRANCHES - 1);
    story["round"]["tranches"] = (0..MAX_TRANCHES)
        .map(|t| {
            let investors: Vec<Value> = if t == MAX_TRANCHES - 1 {
                Vec::new()
            } else {
                (0..per_tranche)
                    .map(|i| {
                        let n = t * per_tranche + i;
                        let source = format!("s{}", n % MAX_SOURCES);
                        json!({ "id": format!("i{n}"), "name": text(&format!("Investor {n}"), label), "source": source,
                            "amount": { "value": "1B", "qualifier": "as_much_as", "source": source,
                                "range": { "low": "100M", "high": "1B", "step": "10M", "assumption": text("Editors' choice.", quote) } } })
                    })
                    .collect()
            };
            json!({ "id": format!("t{t}"), "label": text(&format!("Tranche {t}"), label), "source": format!("s{t}"), "investors": investors })
        })
        .collect();
    story["round"]["total"] = json!({ "value": "200B", "qualifier": "close_to", "source": "s0",
        "range": { "low": "95B", "high": "200B", "step": "1B", "assumption": text("Editors' choice.", quote) } });
    story["focus_investor"] = json!("i0");
    story["separate_deals"] = (0..deals)
        .map(|n| json!({ "id": format!("d{n}"), "investor": text(&format!("Deal {n}"), label), "status": "in_talks", "on_by_default": n % 2 == 0,
            "amount": { "value": "2B", "qualifier": "up_to", "source": "s1", "range": { "low": "1B", "high": "2B", "step": "100M", "assumption": text("Editors' choice.", quote) } } }))
        .collect();
    story["marks"] = (0..MAX_MARKS)
        .map(|n| json!({ "id": format!("m{n}"), "label": text(&format!("Mark {n}"), label), "kind": if n % 2 == 1 { "primary" } else { "secondary" },
            "when": text(&format!("{}", 2000 + n), label), "valuation": { "value": format!("{}B", 100 + n), "qualifier": "approximately", "source": format!("s{n}") } }))
        .collect();
    story["pre_money"]["basis"] = json!("m0");
    story["comparisons"] = (0..MAX_COMPARISONS)
        .map(|n| json!({ "id": format!("c{n}"), "label": text(&format!("Comparison {n}"), label), "amount": { "value": format!("{}B", n + 1), "source": format!("s{n}") } }))
        .collect();
    story["facts"] = (0..MAX_FACTS)
        .map(|n| json!({ "id": format!("f{n}"), "label": text(&format!("Fact {n}"), label), "count": format!("{}", 1000 + n),
            "unit": text("roles", label), "qualifier": "about", "source": format!("s{n}") }))
        .collect();
    story["timeline"] = (0..MAX_TIMELINE)
        .map(|n| json!({ "when": text(&format!("{}", 1900 + n), label), "event": text(&format!("Event {n}."), label), "source": format!("s{}", n % MAX_SOURCES) }))
        .collect();
    parse_story(&story.to_string())
        .unwrap_or_else(|error| panic!("the largest story is refused: {error}"))
}

#[test]
fn the_largest_story_fits_both_images() {
    let story = largest_story();
    let card = draw(&story, Some("v1&d1=on&d3=on"), Layout::Card);
    let png = card.to_png().expect("the card is drawn");
    assert_eq!(png_size(&png), (1200, 630));
    let texts = texts(&card.to_svg());
    assert!(
        texts.iter().any(|text| text.ends_with('…')),
        "the 300-character title is cut, visibly: {texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|text| text.starts_with("+ ") && text.ends_with(" more")),
        "the legend counts the holders it has no room for: {texts:?}"
    );

    let print = draw(&story, None, Layout::Print);
    let png = print.to_png().expect("the print version is drawn");
    let (width, height) = png_size(&png);
    assert_eq!(width, 1200);
    assert!(
        height > CARD_HEIGHT && height <= MAX_PRINT_HEIGHT,
        "{height}"
    );
    let texts = self::texts(&print.to_svg());
    assert!(
        texts
            .iter()
            .any(|text| text.contains("more of the article's sentences")),
        "the sentences it has no room for are counted"
    );
    assert_eq!(warnings(), Vec::<String>::new(), "the renderer's warnings");
}
