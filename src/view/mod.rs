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
pub fn error(message: &str) -> VNode {
    VNode::el("div", "rx rx-error").attr("role", "alert").with([
        VNode::text("strong", "", "The explainer could not be shown. "),
        VNode::text("span", "", message),
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
    let story = look.story;
    let price = match story.pre_money.price {
        Price::Assumed => "The price of the round is an assumption.",
        Price::PreMoney(_) => "The price of the round is reported.",
        Price::PostMoney(_) => {
            "The price of the round is derived from the reported valuation after the deal."
        }
    };
    let mut status = VNode::el("p", "rx-status").with([VNode::text(
        "span",
        "",
        &format!("Status: {}. {price}", story.round.status.label()),
    )]);
    if look.frame.interactive {
        // Set aside where no script runs (prerender::NOSCRIPT_STYLESHEET), where nothing opens.
        status.push(VNode::text(
            "span",
            "rx-tap-hint",
            " Tap a reported figure to see the article's sentence.",
        ));
    }
    vec![
        charts::defs(&look.frame.ids),
        VNode::text(look.frame.title_tag(), "rx-title", &story.title).attr("part", "title"),
        status,
        if look.frame.interactive {
            // Shown only without script (prerender::NOSCRIPT_STYLESHEET).
            VNode::text(
                "p",
                "rx-noscript",
                "Without JavaScript these figures cannot be changed; the article's sentences they come from are listed at the end.",
            )
        } else {
            VNode::text(
                "p",
                "rx-static-note",
                "These are the article's figures; the interactive version lets you change them. The sentences they come from are listed at the end.",
            )
        },
    ]
}

fn headline(look: &Look) -> Vec<VNode> {
    vec![VNode::el("div", "rx-headline")
        .attr("part", "headline")
        .attr("data-part", "headline")
        .with(figures::headline(look.story, look.scenario, look.outcome))]
}

fn round(look: &Look) -> Vec<VNode> {
    let chart = charts::round_chart(&look.frame.ids, look.story, look.scenario, look.outcome);
    section(look, "round", "The round, by tranche", chart)
}

fn ownership(look: &Look) -> Vec<VNode> {
    let chart = charts::ownership_chart(&look.frame.ids, look.story, look.outcome);
    section(look, "ownership", "Who would own what", chart)
}

fn comparisons(look: &Look) -> Vec<VNode> {
    let focus = look
        .story
        .investors()
        .find(|i| i.id == look.story.focus_investor)
        .map_or("", |i| i.name.as_str());
    let title = format!("How big is {}'s money?", isolate(focus));
    let body = charts::comparisons(look.story, look.outcome);
    section(look, "comparisons", &title, body)
}

fn context(look: &Look) -> Vec<VNode> {
    if !context::has_context(look.story) {
        return Vec::new();
    }
    let body = context::context(look.story, look.scenario, look.outcome);
    section(
        look,
        "context",
        "Earlier valuations and other figures",
        body,
    )
}

fn timeline(look: &Look) -> Vec<VNode> {
    let body = vec![details::timeline(look.story)];
    section(look, "timeline", "Timeline from the article", body)
}

fn table(look: &Look) -> Vec<VNode> {
    let rows = data_rows(look.story, look.scenario, look.outcome);
    section(look, "table", "All figures", vec![details::table(&rows)])
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
    let summary = match count {
        1 => "The article's sentence these figures come from".to_owned(),
        _ => format!("The article's {count} sentences these figures come from"),
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
