//! What the explainer shows, as descriptions of elements ([`VNode`]): pure functions of the
//! story, the reader's scenario and its outcome, with no web types, so that the same code
//! writes the first HTML natively ([`html`]), draws the images, and redraws in the browser
//! (`crate::dom` applies the descriptions and owns the listeners).
//!
//! The explainer is its [`PARTS`], in order: a new part is one entry there.

pub mod charts;
pub mod colours;
pub mod context;
pub mod controls;
pub mod details;
pub mod figures;
pub mod html;
pub mod prerender;
pub mod provenance;
pub mod summary;
pub mod vnode;

pub use controls::Problem;
use figures::isolate;
pub use vnode::VNode;

use crate::locale::{fill, Locale};
use crate::model::export::data_rows;
use crate::model::fragment::to_fragment;
use crate::model::story::Price;
use crate::model::{Outcome, Scenario, Story};

/// Where an explainer is drawn: what keeps its ids apart from another's on the same page, and
/// the level of its title in the page's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The prefix of its element ids (`rx1`, `rx-openai-2026`): letters, digits and `-` only.
    pub ids: String,
    /// The title's heading level, 1 to 5 (2 unless the host asks); sections are one below.
    pub heading_level: u8,
    /// Drawn for a page whose script takes it over (sliders, figures that open notes); or,
    /// when not, for surfaces where no script ever runs (RSS, email): no controls at all.
    pub interactive: bool,
}

impl Frame {
    /// A frame with these ids and the default heading level; ids that are not letters, digits
    /// and `-` are not ids this explainer writes, and give `None`.
    pub fn new(ids: &str) -> Option<Frame> {
        let valid = !ids.is_empty()
            && ids.len() <= 80
            && ids.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid.then(|| Frame {
            ids: ids.to_owned(),
            heading_level: 2,
            interactive: true,
        })
    }

    /// The same frame with the heading level a host asked for (`"3"`): 1 to 5, else 2.
    pub fn with_heading_level(mut self, asked: Option<&str>) -> Frame {
        self.heading_level = asked
            .and_then(|level| level.trim().parse::<u8>().ok())
            .filter(|level| (1..=5).contains(level))
            .unwrap_or(2);
        self
    }

    fn title_tag(&self) -> &'static str {
        HEADINGS[usize::from(self.heading_level) - 1]
    }

    fn section_tag(&self) -> &'static str {
        HEADINGS[usize::from(self.heading_level)]
    }
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// Everything a part is drawn from.
pub struct Look<'a> {
    /// The story.
    pub story: &'a Story,
    /// The reader's choices on screen.
    pub scenario: &'a Scenario,
    /// What they mean.
    pub outcome: &'a Outcome,
    /// Where it is drawn.
    pub frame: &'a Frame,
    /// Why the reader's last choice could not be shown, if it could not.
    pub problem: Option<&'a Problem>,
    /// The readers' language and number formats.
    pub locale: &'a Locale,
}

/// One part of the explainer: its name (its `data-part`, which the article's paragraphs
/// highlight) and what it draws, which may be nothing for a story without such figures.
pub struct Part {
    /// The part's name.
    pub name: &'static str,
    /// Its elements for a look.
    pub draw: fn(&Look) -> Vec<VNode>,
}

/// The explainer's parts, in the order shown. The provenance note and the live region come
/// last: the page moves the note beside the figure it is about, and writes both as the reader
/// asks, so they are drawn empty.
pub const PARTS: &[Part] = &[
    Part {
        name: "title",
        draw: title,
    },
    Part {
        name: "headline",
        draw: headline,
    },
    Part {
        name: "controls",
        draw: controls::controls,
    },
    Part {
        name: "round",
        draw: round,
    },
    Part {
        name: "ownership",
        draw: ownership,
    },
    Part {
        name: "comparisons",
        draw: comparisons,
    },
    Part {
        name: "context",
        draw: context,
    },
    Part {
        name: "timeline",
        draw: timeline,
    },
    Part {
        name: "table",
        draw: table,
    },
    Part {
        name: "sources",
        draw: sources,
    },
    Part {
        name: "note",
        draw: note,
    },
    Part {
        name: "live",
        draw: live,
    },
];

/// The whole explainer for a look: its root element and every part.
pub fn explainer(look: &Look) -> VNode {
    let root = VNode::el("div", "rx")
        .attr("part", "explainer")
        .attr("data-story", &look.story.id)
        .attr("lang", look.locale.tag())
        .attr("data-ids", &look.frame.ids)
        .attr("data-scenario", &to_fragment(look.story, look.scenario));
    if !look.frame.interactive {
        let parts = PARTS
            .iter()
            .filter(|part| !matches!(part.name, "controls" | "note" | "live"))
            .flat_map(|part| (part.draw)(look))
            .map(without_buttons);
        return root.attr("data-static", "").with(parts);
    }
    root.with(PARTS.iter().flat_map(|part| (part.draw)(look)))
}

/// Where no script runs, a figure cannot open its note: its button becomes plain text (the
/// sources are listed in full below), so nothing on the page pretends to work.
fn without_buttons(node: VNode) -> VNode {
    if node.tag() == "button" {
        let mut plain = VNode::el("span", node.get("class").unwrap_or(""));
        plain = match node.text_content() {
            Some(text) => plain.with_text(text),
            None => plain.with(node.children().iter().cloned()),
        };
        return plain;
    }
    let kept = node
        .children()
        .iter()
        .filter(|child| !child.has_class("rx-source-ref"))
        .cloned()
        .map(without_buttons)
        .collect::<Vec<_>>();
    node.replace_children(kept)
}

/// What is shown in place of an explainer that cannot be: the reason, as text.
pub fn error(message: &str, locale: &Locale) -> VNode {
    VNode::el("div", "rx rx-error").attr("role", "alert").with([
        VNode::text("strong", "", locale.messages().error_heading),
        VNode::text("span", "rx-error-message", message),
    ])
}

/// The id of the provenance note, which figures name in `aria-controls` while it is open.
pub fn note_id(frame: &Frame) -> String {
    format!("{}-note", frame.ids)
}

/// A section: its heading and a body holding `body`.
fn section(look: &Look, part: &str, title: &str, body: Vec<VNode>) -> Vec<VNode> {
    vec![VNode::el("section", "rx-section")
        .attr("part", "section")
        .attr("data-part", part)
        .with([
            VNode::text(look.frame.section_tag(), "rx-h", title),
            VNode::el("div", "rx-body").with(body),
        ])]
}

fn title(look: &Look) -> Vec<VNode> {
    let (story, locale) = (look.story, look.locale);
    let m = locale.messages();
    let price = match story.pre_money.price {
        Price::Assumed => m.price_is_assumed,
        Price::PreMoney(_) => m.price_is_reported,
        Price::PostMoney(_) => m.price_is_derived,
    };
    let status_line = fill(
        m.status_line,
        &[
            ("status", story.round.status.said(locale)),
            ("price", price),
        ],
    );
    let mut status = VNode::el("p", "rx-status").with([VNode::text("span", "", &status_line)]);
    if look.frame.interactive {
        // Set aside where no script runs (prerender::NOSCRIPT_STYLESHEET), where nothing opens.
        status.push(VNode::text("span", "rx-tap-hint", m.tap_hint));
    }
    vec![
        charts::defs(&look.frame.ids),
        VNode::text(look.frame.title_tag(), "rx-title", &story.title).attr("part", "title"),
        status,
        if look.frame.interactive {
            // Shown only without script (prerender::NOSCRIPT_STYLESHEET).
            VNode::text("p", "rx-noscript", m.noscript_line)
        } else {
            VNode::text("p", "rx-static-note", m.static_note)
        },
    ]
}

fn headline(look: &Look) -> Vec<VNode> {
    vec![VNode::el("div", "rx-headline")
        .attr("part", "headline")
        .attr("data-part", "headline")
        .with(figures::headline(look))]
}

fn round(look: &Look) -> Vec<VNode> {
    let chart = charts::round_chart(look);
    section(look, "round", look.locale.messages().title_round, chart)
}

fn ownership(look: &Look) -> Vec<VNode> {
    let chart = charts::ownership_chart(look);
    section(
        look,
        "ownership",
        look.locale.messages().title_ownership,
        chart,
    )
}

fn comparisons(look: &Look) -> Vec<VNode> {
    let focus = look
        .story
        .investors()
        .find(|i| i.id == look.story.focus_investor)
        .map_or("", |i| i.name.as_str());
    let title = fill(
        look.locale.messages().title_comparisons,
        &[("name", &isolate(focus))],
    );
    let body = charts::comparisons(look);
    section(look, "comparisons", &title, body)
}

fn context(look: &Look) -> Vec<VNode> {
    if !context::has_context(look.story) {
        return Vec::new();
    }
    let body = context::context(look);
    section(look, "context", look.locale.messages().title_context, body)
}

fn timeline(look: &Look) -> Vec<VNode> {
    let body = vec![details::timeline(look.story, look.locale)];
    section(
        look,
        "timeline",
        look.locale.messages().title_timeline,
        body,
    )
}

fn table(look: &Look) -> Vec<VNode> {
    let rows = data_rows(look.story, look.scenario, look.outcome, look.locale);
    let table = details::table(&rows, look.story, look.locale);
    section(
        look,
        "table",
        look.locale.messages().title_table,
        vec![table],
    )
}

/// Every sentence of the article the figures come from, in a disclosure that opens without
/// script: what a reader without JavaScript, or of a feed, has in place of the notes.
fn sources(look: &Look) -> Vec<VNode> {
    let story = look.story;
    let items = story.sources.iter().map(|source| {
        let mut item =
            VNode::el("li", "").with([VNode::text("blockquote", "rx-quote", &source.quote)]);
        let from: Vec<&str> = [source.publisher.as_deref(), source.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !from.is_empty() {
            item.push(VNode::text("p", "rx-source-from", &from.join(", ")));
        }
        item
    });
    let count = story.sources.len();
    let m = look.locale.messages();
    let summary = match count {
        1 => m.sources_one.to_owned(),
        _ => fill(
            m.sources_many,
            &[("count", &look.locale.number(count.into()))],
        ),
    };
    vec![VNode::el("details", "rx-sources")
        .attr("part", "sources")
        .attr("data-part", "sources")
        .with([
            VNode::text("summary", "", &summary),
            VNode::el("ol", "rx-source-list").with(items),
        ])]
}

fn note(look: &Look) -> Vec<VNode> {
    vec![VNode::el("div", "rx-provenance")
        .attr("id", &note_id(look.frame))
        .attr("role", "note")
        .flag("hidden", true)]
}

fn live(_look: &Look) -> Vec<VNode> {
    vec![VNode::el("p", "rx-live")
        .attr("aria-live", "polite")
        .attr("role", "status")]
}
