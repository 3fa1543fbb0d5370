//! Charts drawn as SVG: the round by tranche, ownership before and after, and size comparisons.
//! Bars carry no meaning by colour alone: every segment has a text label in the legend beside
//! it, and the undisclosed part is hatched and labelled "not reported".

use rust_decimal::Decimal;
use web_sys::Element;

use super::dom::{append, set, Dom};
use super::figures::figure_button;
use super::provenance::Ref;
use crate::model::money::{format_money, Style};
use crate::model::outcome::ComparisonOutcome;
use crate::model::{HoldingKind, Outcome, Story};

/// The charts' width in SVG units.
const WIDTH: Decimal = Decimal::from_parts(400, 0, 0, false, 0);
const BAR_HEIGHT: &str = "28";

/// A bar segment: its share of the bar, its class, and its legend entry.
struct Segment {
    part: Decimal,
    class: &'static str,
    label: String,
    value: String,
    reference: Ref,
}

/// Widths in SVG units for parts of a whole, to two decimals (and no float formatting code).
fn widths(parts: &[Decimal], whole: Decimal) -> Vec<Decimal> {
    let scale = if whole.is_zero() {
        Decimal::ZERO
    } else {
        WIDTH / whole
    };
    parts
        .iter()
        .map(|part| (*part * scale).round_dp(2).max(Decimal::ZERO))
        .collect()
}

/// The hatch pattern for undisclosed money; ids are per explainer so several can share a page.
pub fn defs(dom: &Dom, id_prefix: &str) -> Element {
    let svg = dom.svg(
        "svg",
        &[
            ("width", "0"),
            ("height", "0"),
            ("aria-hidden", "true"),
            ("class", "rx-defs"),
        ],
    );
    let defs = dom.svg("defs", &[]);
    let pattern = dom.svg(
        "pattern",
        &[
            ("id", &format!("{id_prefix}-hatch")),
            ("width", "8"),
            ("height", "8"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
    );
    let background = dom.svg(
        "rect",
        &[("width", "8"), ("height", "8"), ("class", "rx-hatch-bg")],
    );
    let line = dom.svg(
        "rect",
        &[("width", "3"), ("height", "8"), ("class", "rx-hatch-line")],
    );
    append(&pattern, &[&background, &line]);
    append(&defs, &[&pattern]);
    append(&svg, &[&defs]);
    svg
}

/// A horizontal stacked bar with a legend under it.
fn stacked_bar(
    dom: &Dom,
    id_prefix: &str,
    segments: &[Segment],
    whole: Decimal,
    caption: &str,
) -> Element {
    let figure = dom.el("figure", "rx-bar");
    let svg = dom.svg(
        "svg",
        &[
            ("viewBox", &format!("0 0 {WIDTH} {BAR_HEIGHT}")),
            ("preserveAspectRatio", "none"),
            ("aria-hidden", "true"),
        ],
    );
    let parts: Vec<Decimal> = segments.iter().map(|s| s.part).collect();
    let mut x = Decimal::ZERO;
    for (segment, width) in segments.iter().zip(widths(&parts, whole)) {
        let rect = dom.svg(
            "rect",
            &[
                ("x", &x.to_string()),
                ("width", &width.to_string()),
                ("height", BAR_HEIGHT),
                ("class", segment.class),
            ],
        );
        if segment.class == "rx-seg-undisclosed" {
            set(&rect, "fill", &format!("url(#{id_prefix}-hatch)"));
        }
        append(&svg, &[&rect]);
        x += width;
    }
    let legend = dom.el("ul", "rx-legend");
    for segment in segments {
        let item = dom.el("li", "");
        let swatch = dom.el("span", &format!("rx-swatch {}", segment.class));
        set(&swatch, "aria-hidden", "true");
        append(
            &item,
            &[
                &swatch,
                &dom.text("span", "rx-legend-label", &segment.label),
                &figure_button(dom, &segment.value, &segment.reference),
            ],
        );
        append(&legend, &[&item]);
    }
    append(
        &figure,
        &[
            &dom.text("figcaption", "rx-caption", caption),
            &svg,
            &legend,
        ],
    );
    figure
}

fn segment_class(kind: HoldingKind) -> &'static str {
    match kind {
        HoldingKind::Existing => "rx-seg-existing",
        HoldingKind::Investor => "rx-seg-investor",
        HoldingKind::Undisclosed => "rx-seg-undisclosed",
        HoldingKind::SeparateDeal => "rx-seg-deal",
    }
}

/// Who is named as undisclosed: investors without amounts, and tranches with no one named.
fn unreported_names(story: &Story) -> String {
    let mut names: Vec<String> = Vec::new();
    for tranche in &story.round.tranches {
        if tranche.investors.is_empty() {
            // ASCII only: full Unicode case tables would add 12 KB to the wasm for one label.
            names.push(tranche.label.to_ascii_lowercase());
        }
        names.extend(
            tranche
                .investors
                .iter()
                .filter(|i| i.amount.is_none())
                .map(|i| i.name.clone()),
        );
    }
    names.join(", ")
}

/// The round (and separate deals that are on) as one bar, and its tranches in order.
pub fn round_chart(dom: &Dom, id_prefix: &str, story: &Story, outcome: &Outcome) -> Vec<Element> {
    let symbol = story.currency_symbol();
    let short = |amount| format_money(amount, &symbol, Style::Short);
    let mut segments = Vec::new();
    for holding in &outcome.holdings {
        let (label, reference) = match holding.kind {
            HoldingKind::Existing => continue,
            HoldingKind::Undisclosed => (
                format!("Not reported ({})", unreported_names(story)),
                Ref::Range("round".to_owned()),
            ),
            HoldingKind::Investor => (
                holding.name.clone(),
                amount_ref(story, &holding.id, holding.amount),
            ),
            HoldingKind::SeparateDeal => (
                format!("{} (separate deal)", holding.name),
                amount_ref(story, &holding.id, holding.amount),
            ),
        };
        segments.push(Segment {
            part: holding.amount,
            class: segment_class(holding.kind),
            label,
            value: short(holding.amount),
            reference,
        });
    }
    let caption = format!("New money: {} in all", short(outcome.new_money));
    let bar = stacked_bar(dom, id_prefix, &segments, outcome.new_money, &caption);

    let steps = dom.el("ol", "rx-tranches");
    for (tranche, result) in story.round.tranches.iter().zip(&outcome.round.tranches) {
        let item = dom.el("li", "");
        let names: Vec<String> = tranche
            .investors
            .iter()
            .map(|i| {
                if i.amount.is_some() {
                    i.name.clone()
                } else {
                    format!("{} (amount not reported)", i.name)
                }
            })
            .collect();
        let who = if names.is_empty() {
            "no investors named; amounts not reported".to_owned()
        } else {
            names.join(", ")
        };
        let disclosed = if result.disclosed.is_zero() {
            String::new()
        } else {
            format!(" · {} reported", short(result.disclosed))
        };
        append(
            &item,
            &[
                &dom.text("strong", "", &tranche.label),
                &dom.text("span", "", &format!(": {who}{disclosed} ")),
                &figure_button(dom, "source", &Ref::Source(tranche.source.clone())),
            ],
        );
        append(&steps, &[&item]);
    }
    vec![bar, dom.text("p", "rx-sub", "Tranches, in order:"), steps]
}

/// An amount's reference: the article's sentence when it is the reported value, else its range.
fn amount_ref(story: &Story, id: &str, amount: Decimal) -> Ref {
    let reported = story
        .investors()
        .find(|i| i.id == id)
        .and_then(|i| i.amount.as_ref())
        .or_else(|| {
            story
                .separate_deals
                .iter()
                .find(|d| d.id == id)
                .map(|d| &d.amount)
        });
    match reported {
        Some(reported) if reported.value.0 == amount => Ref::Source(reported.source.clone()),
        _ => Ref::Range(id.to_owned()),
    }
}

/// Ownership before and after the deal, as two bars.
pub fn ownership_chart(dom: &Dom, id_prefix: &str, outcome: &Outcome) -> Vec<Element> {
    let before = Segment {
        part: Decimal::ONE,
        class: "rx-seg-existing",
        label: "Existing holders".to_owned(),
        value: "100%".to_owned(),
        reference: Ref::PreMoney,
    };
    let after: Vec<Segment> = outcome
        .holdings
        .iter()
        .map(|holding| Segment {
            part: holding.amount,
            class: segment_class(holding.kind),
            label: match holding.kind {
                HoldingKind::Undisclosed => "Not reported".to_owned(),
                _ => holding.name.clone(),
            },
            value: format!("{}%", holding.display_percent),
            reference: Ref::Stake(holding.id.clone()),
        })
        .collect();
    vec![
        stacked_bar(dom, id_prefix, &[before], Decimal::ONE, "Before"),
        stacked_bar(dom, id_prefix, &after, outcome.post_money, "After"),
    ]
}

/// The focus investor's amount next to each comparison figure, with the ratio in words.
pub fn comparisons(dom: &Dom, story: &Story, outcome: &Outcome) -> Vec<Element> {
    let symbol = story.currency_symbol();
    let short = |amount| format_money(amount, &symbol, Style::Short);
    let focus = outcome
        .holdings
        .iter()
        .find(|h| h.id == story.focus_investor);
    let Some(focus) = focus else {
        return Vec::new();
    };
    story
        .comparisons
        .iter()
        .zip(&outcome.comparisons)
        .map(|(comparison, result): (_, &ComparisonOutcome)| {
            let row = dom.el("div", "rx-compare");
            let larger = focus.amount.max(result.amount);
            let ws = widths(&[focus.amount, result.amount], larger);
            let svg = dom.svg(
                "svg",
                &[
                    ("viewBox", &format!("0 0 {WIDTH} 30")),
                    ("preserveAspectRatio", "none"),
                    ("aria-hidden", "true"),
                ],
            );
            let focus_bar = dom.svg(
                "rect",
                &[
                    ("y", "2"),
                    ("height", "12"),
                    ("width", &ws[0].max(Decimal::ONE).to_string()),
                    ("class", "rx-seg-investor"),
                ],
            );
            let other_bar = dom.svg(
                "rect",
                &[
                    ("y", "16"),
                    ("height", "12"),
                    ("width", &ws[1].max(Decimal::ONE).to_string()),
                    ("class", "rx-seg-compare"),
                ],
            );
            append(&svg, &[&focus_bar, &other_bar]);
            let words = dom.text(
                "p",
                "rx-compare-words",
                &format!(
                    "{}'s {} is {}.",
                    focus.name,
                    short(focus.amount),
                    result.words
                ),
            );
            let legend = dom.el("p", "rx-compare-legend");
            append(
                &legend,
                &[
                    &dom.text("span", "", &format!("{} ", comparison.label)),
                    &figure_button(
                        dom,
                        &comparison.amount.qualifier.phrase(&short(result.amount)),
                        &Ref::Source(comparison.amount.source.clone()),
                    ),
                ],
            );
            append(&row, &[&words, &svg, &legend]);
            row
        })
        .collect()
}
