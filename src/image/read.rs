//! What the images show, read from the explainer's own description ([`view::explainer`]): its
//! title, headline tiles, bars (segments, widths and legends), tranches and sources, with the
//! short texts it shows the eye and the reference of every figure, so that an image says what
//! the explainer says and no figure is worded twice.

use super::kind::Kind;
use crate::locale::{fill, Locale};
use crate::model::{Outcome, Scenario, Story};
use crate::view::charts::{defs, reported_ref};
use crate::view::colours::light_fill;
use crate::view::provenance::Ref;
use crate::view::{explainer, Frame, Look, VNode};

/// The ids the image's description uses (its hatch pattern's id starts with them).
pub const IDS: &str = "rx-image";

/// A piece of shown text: words, or a figure with what it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words as shown.
    Words(String),
    /// A figure (a button in the explainer, which opens its note).
    Figure {
        /// As shown ("$50B").
        text: String,
        /// Where it comes from.
        reference: Ref,
        /// Its kind, as its note says.
        kind: Option<Kind>,
    },
    /// A "source" link beside the article's own words (a tranche): the sentence's id.
    Source(String),
}

/// A headline tile.
#[derive(Debug, Clone)]
pub struct Tile {
    /// "Valuation after the deal".
    pub label: String,
    /// "$600B".
    pub value: String,
    /// The value's kind.
    pub kind: Option<Kind>,
    /// The line under it: "$500B assumed before + $100B new".
    pub under: String,
    /// The kind of the figure in that line, where its words do not say it.
    pub under_kind: Option<Kind>,
}

/// One segment of a bar, in the view's 0–400 units.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Its left edge.
    pub x: f32,
    /// Its width.
    pub width: f32,
    /// Its chart class (`rx-seg-investor`).
    pub class: String,
    /// Its fill when not a class colour: the hatch pattern, or the holding's colour.
    pub fill: Option<String>,
}

/// A legend entry: swatch class, label, figures.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The swatch's chart class.
    pub class: String,
    /// The swatch's colour when not its class's: the holding's.
    pub fill: Option<String>,
    /// "Amazon".
    pub label: String,
    /// Its figures: the value, and a reported one beside it.
    pub figures: Vec<(String, Option<Kind>)>,
}

/// A stacked bar with its caption and legend.
#[derive(Debug, Clone)]
pub struct Bar {
    /// "New money: $100B in all".
    pub caption: String,
    /// Segments, left to right.
    pub segments: Vec<Segment>,
    /// The view's width of the whole bar, in its units.
    pub units: f32,
    /// The legend.
    pub legend: Vec<Entry>,
}

/// A quoted sentence of the article.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The sentence.
    pub quote: String,
    /// "Publisher, date", when it is another article's.
    pub from: Option<String>,
}

/// Everything an image shows.
pub struct Content {
    /// The story's title.
    pub title: String,
    /// "Status: in talks".
    pub status: String,
    /// The readers' language and number formats.
    pub locale: Locale,
    /// The headline tiles.
    pub tiles: Vec<Tile>,
    /// "The round, by tranche".
    pub round_title: String,
    /// The round's bar.
    pub round: Vec<Bar>,
    /// "Tranches, in order:".
    pub tranches_title: String,
    /// Each tranche, as pieces.
    pub tranches: Vec<Vec<Piece>>,
    /// "Who would own what".
    pub ownership_title: String,
    /// Before and after.
    pub ownership: Vec<Bar>,
    /// "The article's 15 sentences these figures come from".
    pub sources_title: String,
    /// The sentences, in the story's order (a source button names one by its place).
    pub sources: Vec<Quote>,
    /// The source ids, in the same order.
    pub source_ids: Vec<String>,
    /// The hatch pattern of undisclosed money, as the view defines it.
    pub pattern: Option<VNode>,
}

impl Content {
    /// The content for a look at the story.
    pub fn read(story: &Story, scenario: &Scenario, outcome: &Outcome, locale: Locale) -> Content {
        let frame = Frame::new(IDS).unwrap_or_else(|| unreachable!("IDS is a valid id"));
        let look = Look {
            story,
            scenario,
            outcome,
            frame: &frame,
            problem: None,
            locale: &locale,
        };
        let root = explainer(&look);
        let kind = |reference: &Ref| Kind::of(story, scenario, outcome, &locale, reference);
        let part = |name: &str| find(&root, &|node| node.get("data-part") == Some(name));
        let title = root
            .find_class("rx-title")
            .map(shown)
            .unwrap_or_else(|| story.title.clone());
        let tiles = part("headline")
            .map(|headline| all(headline, "rx-tile"))
            .unwrap_or_default()
            .into_iter()
            .map(|tile| read_tile(tile, story, outcome, &kind))
            .collect();
        let round = part("round");
        let ownership = part("ownership");
        let sources = part("sources");
        let bars = |section: Option<&VNode>| -> Vec<Bar> {
            section
                .map(|node| all(node, "rx-bar"))
                .unwrap_or_default()
                .into_iter()
                .map(|bar| read_bar(bar, &kind))
                .collect()
        };
        let section_title = |section: Option<&VNode>| {
            section
                .and_then(|node| node.find_class("rx-h"))
                .map(shown)
                .unwrap_or_default()
        };
        Content {
            title,
            status: fill(
                locale.messages().status_only,
                &[("status", story.round.status.said(&locale))],
            ),
            tiles,
            round_title: section_title(round),
            round: bars(round),
            tranches_title: round
                .and_then(|node| node.find_class("rx-sub"))
                .map(shown)
                .unwrap_or_default(),
            tranches: round
                .and_then(|node| node.find_class("rx-tranches"))
                .map(|list| {
                    list.children()
                        .iter()
                        .map(|item| pieces(item, &kind))
                        .collect()
                })
                .unwrap_or_default(),
            ownership_title: section_title(ownership),
            ownership: bars(ownership),
            sources_title: sources
                .and_then(|node| find(node, &|n| n.tag() == "summary"))
                .map(shown)
                .unwrap_or_default(),
            sources: sources
                .and_then(|node| node.find_class("rx-source-list"))
                .map(|list| list.children().iter().map(read_quote).collect())
                .unwrap_or_default(),
            source_ids: story.sources.iter().map(|s| s.id.clone()).collect(),
            pattern: defs(IDS)
                .children()
                .first()
                .and_then(|defs| defs.children().first())
                .cloned(),
            locale,
        }
    }

    /// The place (from 1) of a source in the list of sentences.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.source_ids.iter().position(|s| s == id).map(|i| i + 1)
    }
}

fn read_tile(
    tile: &VNode,
    story: &Story,
    outcome: &Outcome,
    kind: &dyn Fn(&Ref) -> Option<Kind>,
) -> Tile {
    let text_of = |class: &str| tile.find_class(class).map(shown).unwrap_or_default();
    let reference = tile
        .find_class("rx-fig")
        .and_then(|button| button.get("data-ref"))
        .and_then(Ref::parse);
    // The line under a tile says in words what its figure is ("reported: …", "$500B assumed
    // before + …"), except under a stake (the investor's amount) and the dilution (what
    // existing holders keep): those take the kind of the figure they hold.
    let under_ref = match &reference {
        Some(Ref::Stake(id)) => outcome
            .holding(id)
            .map(|holding| reported_ref(story, id, holding.amount)),
        Some(Ref::Dilution) => Some(Ref::Stake("existing".to_owned())),
        _ => None,
    };
    Tile {
        label: text_of("rx-tile-label"),
        value: text_of("rx-fig"),
        kind: reference.as_ref().and_then(kind),
        under: text_of("rx-tile-under"),
        under_kind: under_ref.as_ref().and_then(kind),
    }
}

fn read_bar(bar: &VNode, kind: &dyn Fn(&Ref) -> Option<Kind>) -> Bar {
    let caption = find(bar, &|n| n.tag() == "figcaption")
        .map(shown)
        .unwrap_or_default();
    let svg = find(bar, &|n| n.tag() == "svg");
    let units = svg
        .and_then(|svg| svg.get("viewBox"))
        .and_then(|view_box| view_box.split(' ').nth(2))
        .and_then(|width| width.parse().ok())
        .unwrap_or(400.0);
    let number = |node: &VNode, name: &str| {
        node.get(name)
            .and_then(|value| value.parse::<f32>().ok())
            .unwrap_or(0.0)
    };
    let segments = svg
        .map(|svg| svg.children())
        .unwrap_or_default()
        .iter()
        .filter(|node| node.tag() == "rect")
        .map(|rect| Segment {
            x: number(rect, "x"),
            width: number(rect, "width"),
            class: rect.get("class").unwrap_or("").to_owned(),
            fill: rect
                .get("fill")
                .map(str::to_owned)
                .or_else(|| light_fill(rect).map(|colour| colour.to_string())),
        })
        .collect();
    let legend = bar
        .find_class("rx-legend")
        .map(|legend| legend.children())
        .unwrap_or_default()
        .iter()
        .map(|item| Entry {
            class: item
                .find_class("rx-swatch")
                .and_then(|swatch| swatch.get("class"))
                .and_then(|classes| classes.split(' ').find(|c| c.starts_with("rx-seg-")))
                .unwrap_or("")
                .to_owned(),
            fill: item
                .find_class("rx-swatch")
                .and_then(light_fill)
                .map(|colour| colour.to_string()),
            label: item
                .find_class("rx-legend-label")
                .map(shown)
                .unwrap_or_default(),
            figures: pieces(item, kind)
                .into_iter()
                .filter_map(|piece| match piece {
                    // The whole company before the deal (its note is the price's) is 100%
                    // of any price: no figure to give a kind.
                    Piece::Figure {
                        text,
                        reference: Ref::PreMoney,
                        ..
                    } => Some((text, None)),
                    Piece::Figure { text, kind, .. } => Some((text, kind)),
                    Piece::Words(_) | Piece::Source(_) => None,
                })
                .collect(),
        })
        .collect();
    Bar {
        caption,
        segments,
        units,
        legend,
    }
}

fn read_quote(item: &VNode) -> Quote {
    Quote {
        quote: item.find_class("rx-quote").map(shown).unwrap_or_default(),
        from: item.find_class("rx-source-from").map(shown),
    }
}

/// The text a node shows the eye: its short forms of money, not the long ones that only
/// screen readers are given (`rx-sr`).
pub fn shown(node: &VNode) -> String {
    pieces(node, &|_| None)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Words(words) | Piece::Figure { text: words, .. } => Some(words),
            Piece::Source(_) => None,
        })
        .collect()
}

/// What a node shows, as words and figures in order, each figure with its kind.
pub fn pieces(node: &VNode, kind: &dyn Fn(&Ref) -> Option<Kind>) -> Vec<Piece> {
    let mut out = Vec::new();
    collect(node, kind, &mut out);
    out
}

fn collect(node: &VNode, kind: &dyn Fn(&Ref) -> Option<Kind>, out: &mut Vec<Piece>) {
    if node.has_class("rx-sr") {
        return;
    }
    let reference = node.get("data-ref").and_then(Ref::parse);
    if let (true, Some(Ref::Source(id))) = (node.has_class("rx-source-ref"), &reference) {
        out.push(Piece::Source(id.clone()));
        return;
    }
    if let Some(reference) = reference {
        let mut text = Vec::new();
        node.children()
            .iter()
            .for_each(|c| collect(c, kind, &mut text));
        let text = match node.text_content() {
            Some(own) => own.to_owned(),
            None => text
                .into_iter()
                .filter_map(|piece| match piece {
                    Piece::Words(words) | Piece::Figure { text: words, .. } => Some(words),
                    Piece::Source(_) => None,
                })
                .collect(),
        };
        let kind = kind(&reference);
        out.push(Piece::Figure {
            text,
            reference,
            kind,
        });
        return;
    }
    match node.text_content() {
        Some(text) => out.push(Piece::Words(text.to_owned())),
        None => node.children().iter().for_each(|c| collect(c, kind, out)),
    }
}

/// The first node, this one or below, that `test` accepts.
fn find<'a>(node: &'a VNode, test: &dyn Fn(&VNode) -> bool) -> Option<&'a VNode> {
    if test(node) {
        return Some(node);
    }
    node.children().iter().find_map(|child| find(child, test))
}

/// Every node below `node` with `class` among its classes, in document order (not inside one
/// another).
fn all<'a>(node: &'a VNode, class: &str) -> Vec<&'a VNode> {
    let mut out = Vec::new();
    gather(node, class, &mut out);
    out
}

fn gather<'a>(node: &'a VNode, class: &str, out: &mut Vec<&'a VNode>) {
    if node.has_class(class) {
        out.push(node);
    } else {
        node.children().iter().for_each(|c| gather(c, class, out));
    }
}
