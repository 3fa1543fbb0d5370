//! Charts drawn as SVG: the round by tranche, ownership before and after, and size comparisons.
//! Bars carry no meaning by colour alone: every segment has a text label in the legend beside
//! it, and the undisclosed part is hatched and labelled "not reported". Each holding has its
//! own colour (src/model/paint.rs, written by [`super::colours`]) in its segment and swatch.

use rust_decimal::Decimal;

use super::colours::painted;
use super::figures::{figure_button, isolate, source_button, spoken, Said};
use super::provenance::{amount_ref, Ref};
use super::vnode::VNode;
use super::Look;
use crate::locale::{fill, Locale};
use crate::model::checked::Checked;
use crate::model::outcome::{ComparisonOutcome, Ratio};
use crate::model::paint::{paints, Paint};
use crate::model::story::Amount;
use crate::model::{HoldingKind, Story};

/// The charts' width in SVG units.
const WIDTH: Decimal = Decimal::from_parts(400, 0, 0, false, 0);
const BAR_HEIGHT: &str = "28";

/// A bar segment: its share of the bar, its class and colour, and its legend entry.
struct Segment<'a> {
    part: Decimal,
    class: &'static str,
    /// The holding's colour (none for the existing holders and the undisclosed part, which have
    /// their classes' own).
    paint: Option<Paint<'a>>,
    label: String,
    value: Said,
    reference: Ref,
    /// The figure the article reports beside the computed one (a stake of "about 11%").
    reported: Option<(Said, Ref)>,
}

/// Widths in SVG units for parts of a whole, to two decimals (and no float formatting code).
fn widths(parts: &[Decimal], whole: Decimal) -> Vec<Decimal> {
    // Parts of a whole scale to at most WIDTH, so nothing here overflows; a zero whole (or the
    // impossible overflow) draws nothing rather than failing.
    let scale = WIDTH.div_checked(whole).unwrap_or(Decimal::ZERO);
    parts
        .iter()
        .map(|part| {
            let width = part.mul_checked(scale).unwrap_or(Decimal::ZERO);
            width.round_dp(2).max(Decimal::ZERO)
        })
        .collect()
}

/// The hatch pattern for undisclosed money; ids are per explainer so several can share a page.
pub fn defs(id_prefix: &str) -> VNode {
    let pattern = VNode::svg(
        "pattern",
        &[
            ("id", format!("{id_prefix}-hatch").as_str()),
            ("width", "8"),
            ("height", "8"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
    )
    .with([
        VNode::svg(
            "rect",
            &[("width", "8"), ("height", "8"), ("class", "rx-hatch-bg")],
        ),
        VNode::svg(
            "rect",
            &[("width", "3"), ("height", "8"), ("class", "rx-hatch-line")],
        ),
    ]);
    let attrs = [
        ("width", "0"),
        ("height", "0"),
        ("aria-hidden", "true"),
        ("class", "rx-defs"),
    ];
    VNode::svg("svg", &attrs).with([VNode::svg("defs", &[]).with([pattern])])
}

/// A horizontal stacked bar with a legend under it.
fn stacked_bar(id_prefix: &str, segments: &[Segment], whole: Decimal, caption: Said) -> VNode {
    let view_box = format!("0 0 {WIDTH} {BAR_HEIGHT}");
    let mut svg = VNode::svg(
        "svg",
        &[
            ("viewBox", &view_box),
            ("preserveAspectRatio", "none"),
            ("aria-hidden", "true"),
        ],
    );
    let parts: Vec<Decimal> = segments.iter().map(|s| s.part).collect();
    let mut x = Decimal::ZERO;
    for (segment, width) in segments.iter().zip(widths(&parts, whole)) {
        let (x_text, width_text) = (x.to_string(), width.to_string());
        let mut rect = painted(
            VNode::svg(
                "rect",
                &[
                    ("x", &x_text),
                    ("width", &width_text),
                    ("height", BAR_HEIGHT),
                    ("class", segment.class),
                ],
            ),
            segment.paint.as_ref(),
        );
        if segment.class == "rx-seg-undisclosed" {
            rect.set("fill", &format!("url(#{id_prefix}-hatch)"));
        }
        svg.push(rect);
        x = x.add_checked(width).unwrap_or(x);
    }
    let legend = VNode::el("ul", "rx-legend").with(segments.iter().map(|segment| {
        let mut item = VNode::el("li", "").with([
            painted(
                VNode::el("span", &format!("rx-swatch {}", segment.class)),
                segment.paint.as_ref(),
            )
            .attr("aria-hidden", "true"),
            VNode::text("span", "rx-legend-label", &segment.label),
            figure_button(segment.value.clone(), &segment.reference),
        ]);
        if let Some((said, reference)) = &segment.reported {
            item.push(figure_button(said.clone(), reference));
        }
        item
    }));
    VNode::el("figure", "rx-bar").with([spoken("figcaption", "rx-caption", caption), svg, legend])
}

fn segment_class(kind: HoldingKind) -> &'static str {
    match kind {
        HoldingKind::Existing => "rx-seg-existing",
        HoldingKind::Investor => "rx-seg-investor",
        HoldingKind::Undisclosed => "rx-seg-undisclosed",
        HoldingKind::SeparateDeal => "rx-seg-deal",
    }
}

/// Who is named as undisclosed: investors without amounts, and tranches with no one named;
/// "Not reported" alone when the story names no one.
fn unreported_label(story: &Story, locale: &Locale) -> String {
    let m = locale.messages();
    let mut names: Vec<String> = Vec::new();
    for tranche in &story.round.tranches {
        if tranche.investors.is_empty() {
            // ASCII only: full Unicode case tables would add 12 KB to the wasm for one label.
            names.push(isolate(&tranche.label.to_ascii_lowercase()));
        }
        names.extend(
            tranche
                .investors
                .iter()
                .filter(|i| i.amount.is_none())
                .map(|i| isolate(&i.name)),
        );
    }
    if names.is_empty() {
        m.not_reported.to_owned()
    } else {
        fill(m.not_reported_names, &[("names", &names.join(", "))])
    }
}

/// The round (and separate deals that are on) as one bar, and its tranches in order.
pub fn round_chart(look: &Look) -> Vec<VNode> {
    let (story, scenario, outcome, locale) = (look.story, look.scenario, look.outcome, look.locale);
    let id_prefix = look.frame.ids.as_str();
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let paints = paints(story);
    let mut segments = Vec::new();
    for holding in &outcome.holdings {
        let (label, reference) = match holding.kind {
            HoldingKind::Existing => continue,
            HoldingKind::Undisclosed => (unreported_label(story, locale), Ref::Undisclosed),
            HoldingKind::Investor => (
                isolate(&holding.name),
                reported_ref(story, &holding.id, holding.amount),
            ),
            HoldingKind::SeparateDeal => (
                fill(m.separate_deal, &[("name", &isolate(&holding.name))]),
                reported_ref(story, &holding.id, holding.amount),
            ),
        };
        let class = segment_class(holding.kind);
        segments.push(Segment {
            part: holding.amount,
            class,
            paint: paint_in(&paints, &holding.id),
            label,
            value: Said::money(|style| money(holding.amount, style)),
            reference,
            reported: None,
        });
    }
    let caption = Said::money(|style| {
        fill(
            m.new_money_caption,
            &[("amount", &money(outcome.new_money, style))],
        )
    });
    let bar = stacked_bar(id_prefix, &segments, outcome.new_money, caption);

    let steps = story
        .round
        .tranches
        .iter()
        .zip(&outcome.round.tranches)
        .map(|(tranche, result)| {
            let names: Vec<String> = tranche
                .investors
                .iter()
                .map(|i| {
                    if i.amount.is_some() {
                        named(i, locale)
                    } else {
                        fill(m.amount_not_reported, &[("name", &named(i, locale))])
                    }
                })
                .collect();
            let who = if names.is_empty() {
                m.no_investors.to_owned()
            } else {
                names.join(", ")
            };
            // "reported" only while every amount in the tranche is the article's figure.
            let as_reported = tranche.investors.iter().all(|investor| {
                investor.amount.as_ref().is_none_or(|reported| {
                    scenario.amount_of(&investor.id, reported) == reported.value
                })
            });
            let template = if as_reported {
                m.tranche_reported
            } else {
                m.tranche_chosen
            };
            let disclosed = |style| {
                if result.disclosed.is_zero() {
                    String::new()
                } else {
                    let amount = money(result.disclosed, style);
                    format!(" · {}", fill(template, &[("amount", &amount)]))
                }
            };
            let mut item =
                VNode::el("li", "").with([VNode::text("strong", "", &isolate(&tranche.label))]);
            if let Some(when) = &tranche.when {
                item.push(VNode::text("span", "", &format!(", {}", isolate(when))));
            }
            // The tranche's own amount, as the article gives it ("$10 billion in April").
            if let Some(amount) = &tranche.amount {
                item.push(VNode::text("span", "", m.colon));
                let words = Said::money(|style| {
                    amount.qualifier.said(locale, &money(amount.value.0, style))
                });
                item.push(figure_button(words, &Ref::Source(amount.source.clone())));
            }
            item.with([
                spoken(
                    "span",
                    "",
                    Said::money(|style| format!("{}{who}{} ", m.colon, disclosed(style))),
                ),
                source_button(&tranche.source, locale),
            ])
        });
    vec![
        bar,
        VNode::text("p", "rx-sub", m.tranches_in_order),
        VNode::el("ol", "rx-tranches").with(steps),
    ]
}

/// An amount's reference: the article's sentence when it is the reported value, else the
/// reader's choice (also the images' kind of an investor's amount under a stake).
pub fn reported_ref(story: &Story, id: &str, amount: Decimal) -> Ref {
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
        Some(reported) => amount_ref(id, reported, Amount(amount)),
        None => Ref::Choice(id.to_owned()),
    }
}

/// The stake the article reports for an investor, as "reported: about 13%", with its sentence.
pub fn reported_stake(story: &Story, id: &str, locale: &Locale) -> Option<(Said, Ref)> {
    let stake = story.investors().find(|i| i.id == id)?.stake.as_ref()?;
    let figure = stake
        .qualifier
        .said(locale, &locale.percent(stake.value.0.normalize()));
    Some((
        Said::plain(&fill(
            locale.messages().reported_figure,
            &[("figure", &figure)],
        )),
        Ref::Source(stake.source.clone()),
    ))
}

/// An investor's name as the tranche list writes it: a group with its members.
fn named(investor: &crate::model::story::Investor, locale: &Locale) -> String {
    let members: Vec<String> = investor.members.iter().map(|m| isolate(m)).collect();
    match members.as_slice() {
        [] => isolate(&investor.name),
        members => format!("{} ({})", isolate(&investor.name), locale.list(members)),
    }
}

/// The colour of the holding with this id, among `paints`.
fn paint_in<'a>(paints: &[Paint<'a>], id: &str) -> Option<Paint<'a>> {
    paints.iter().find(|paint| paint.id == id).copied()
}

/// Ownership before and after the deal, as two bars.
pub fn ownership_chart(look: &Look) -> Vec<VNode> {
    let (story, outcome, locale) = (look.story, look.outcome, look.locale);
    let id_prefix = look.frame.ids.as_str();
    let m = locale.messages();
    let paints = paints(story);
    let before = Segment {
        part: Decimal::ONE,
        class: "rx-seg-existing",
        paint: None,
        label: m.existing_holders.to_owned(),
        value: Said::plain(&locale.percent(Decimal::ONE_HUNDRED)),
        reference: Ref::PreMoney,
        reported: None,
    };
    let after: Vec<Segment> = outcome
        .holdings
        .iter()
        .map(|holding| Segment {
            part: holding.amount,
            class: segment_class(holding.kind),
            paint: paint_in(&paints, &holding.id),
            label: match holding.kind {
                HoldingKind::Undisclosed => m.not_reported.to_owned(),
                HoldingKind::Existing => m.existing_holders.to_owned(),
                _ => isolate(&holding.name),
            },
            value: Said::plain(&locale.percent(holding.display_percent)),
            reference: Ref::Stake(holding.id.clone()),
            reported: reported_stake(story, &holding.id, locale),
        })
        .collect();
    vec![
        stacked_bar(id_prefix, &[before], Decimal::ONE, Said::plain(m.before)),
        stacked_bar(id_prefix, &after, outcome.post_money, Said::plain(m.after)),
    ]
}

/// The focus investor's amount next to each comparison figure, with the ratio in words.
pub fn comparisons(look: &Look) -> Vec<VNode> {
    let (story, outcome, locale) = (look.story, look.outcome, look.locale);
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let Some(focus) = outcome.holding(&story.focus_investor) else {
        return Vec::new();
    };
    // The focus investor's bar in its own colour, as in the bars above.
    let focus_paint = paint_in(&paints(story), &focus.id);
    story
        .comparisons
        .iter()
        .zip(&outcome.comparisons)
        .map(|(comparison, result): (_, &ComparisonOutcome)| {
            let ws = widths(
                &[focus.amount, result.amount],
                focus.amount.max(result.amount),
            );
            let bar = |y: &str, width: Decimal, class: &str, paint: Option<&Paint<'_>>| {
                let width = width.max(Decimal::ONE).to_string();
                let rect = VNode::svg(
                    "rect",
                    &[
                        ("y", y),
                        ("height", "12"),
                        ("width", &width),
                        ("class", class),
                    ],
                );
                painted(rect, paint)
            };
            let view_box = format!("0 0 {WIDTH} 30");
            let svg = VNode::svg(
                "svg",
                &[
                    ("viewBox", &view_box),
                    ("preserveAspectRatio", "none"),
                    ("aria-hidden", "true"),
                ],
            )
            .with([
                bar("2", ws[0], "rx-seg-investor", focus_paint.as_ref()),
                bar("16", ws[1], "rx-seg-compare", None),
            ]);
            let label = isolate(&comparison.label);
            let ratio = match result.ratio_in_words {
                Ratio::PercentOf(percent) => fill(
                    m.ratio_percent_of,
                    &[("percent", &locale.percent(percent)), ("label", &label)],
                ),
                Ratio::Same => fill(m.ratio_same, &[("label", &label)]),
                Ratio::Times(times) => fill(
                    m.ratio_times,
                    &[("times", &locale.number(times)), ("label", &label)],
                ),
            };
            let words = Said::money(|style| {
                fill(
                    m.comparison_words,
                    &[
                        ("name", &isolate(&focus.name)),
                        ("amount", &money(focus.amount, style)),
                        ("ratio", &ratio),
                    ],
                )
            });
            let qualifier = comparison.amount.qualifier;
            let figure = Said::money(|style| qualifier.said(locale, &money(result.amount, style)));
            let legend = VNode::el("p", "rx-compare-legend").with([
                VNode::text("span", "", &format!("{} ", isolate(&comparison.label))),
                figure_button(figure, &Ref::Source(comparison.amount.source.clone())),
            ]);
            VNode::el("div", "rx-compare").with([
                spoken("p", "rx-compare-words", words),
                svg,
                legend,
            ])
        })
        .collect()
}
