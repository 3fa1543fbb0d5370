//! The reader's controls, described: a slider per adjustable amount (native
//! `<input type=range>` holding a whole position, so money never passes through a float), a
//! toggle per separate deal, presets, and "Get the data". Each control is drawn with the state
//! of the scenario on screen, so the same description serves the first HTML and every redraw.

use super::figures::{figure_button, isolate, Said};
use super::provenance::Ref;
pub use super::provenance::{PRE, ROUND};
use super::vnode::VNode;
use super::Look;
use crate::locale::{fill, Locale};
use crate::model::money::Style;
use crate::model::steps::Steps;
use crate::model::story::{Amount, Price, Range};
use crate::model::{Preset, Scenario, Story};

/// Why the reader's last choice could not be shown, and the control it came from (`None`: a
/// preset or the URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The slider or toggle key it came from, if any.
    pub key: Option<String>,
    /// What to say.
    pub message: String,
}

/// The presets, as offered: a preset that gives the same scenario as one before it would only
/// be a second button pressed at once with the first, so it is left out.
fn offered_presets(story: &Story, locale: &Locale) -> Vec<(Preset, &'static str, &'static str)> {
    let m = locale.messages();
    let article = Scenario::article(story);
    let mut offered: Vec<Scenario> = Vec::new();
    let mut presets = Vec::new();
    for (preset, label, name) in [
        (Preset::Article, m.preset_article, "article"),
        (Preset::LowEnd, m.preset_low, "low_end"),
        (Preset::UpperEnd, m.preset_upper, "upper_end"),
    ] {
        let scenario = article.with_preset(story, preset);
        if !offered.contains(&scenario) {
            offered.push(scenario);
            presets.push((preset, label, name));
        }
    }
    presets
}

/// The range of the slider with this key (`pre`, `round`, or an investor or deal id).
pub fn range_of<'a>(story: &'a Story, key: &str) -> Option<&'a Range> {
    match key {
        PRE => Some(&story.pre_money.range),
        ROUND => story.round.total.range.as_ref(),
        id => story.adjustables().find(|a| a.id == id).map(|a| a.range),
    }
}

/// The exact positions of the slider with this key.
pub fn steps_of(story: &Story, key: &str) -> Option<Steps> {
    range_of(story, key).map(Steps::of)
}

/// The amount the slider `key` shows for a scenario.
fn value_of(story: &Story, scenario: &Scenario, key: &str) -> Amount {
    match key {
        PRE => scenario.pre_money,
        ROUND => scenario.round_total,
        id => story
            .adjustables()
            .find(|a| a.id == id)
            .map_or(Amount(rust_decimal::Decimal::ZERO), |a| {
                scenario.amount_of(id, a.reported)
            }),
    }
}

/// The scenario with the slider `key` at `value`.
pub fn with_amount(scenario: &Scenario, key: &str, value: Amount) -> Scenario {
    let mut scenario = scenario.clone();
    match key {
        PRE => scenario.pre_money = value,
        ROUND => scenario.round_total = value,
        id => {
            scenario.amounts.insert(id.to_owned(), value);
        }
    }
    scenario
}

/// One slider: what it is for, its hints, and the deal it belongs to.
struct SliderSpec<'a> {
    key: &'a str,
    label: String,
    range: &'a Range,
    hints: Vec<VNode>,
    deal: Option<&'a str>,
    /// The reported upper bound ("as much as $50 billion"), if the range ends at one.
    upper_bound: Option<String>,
}

fn problem_note(problem: &Problem) -> VNode {
    VNode::text("p", "rx-problem", &problem.message).attr("role", "alert")
}

fn slider(look: &Look, spec: SliderSpec) -> VNode {
    let (story, scenario, outcome, locale) = (look.story, look.scenario, look.outcome, look.locale);
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let id = format!("{}-{}", look.frame.ids, spec.key);
    let steps = Steps::of(spec.range);
    let value = value_of(story, scenario, spec.key);
    let index = steps.index_of(value);
    let off = spec
        .deal
        .is_some_and(|deal| !scenario.deal_is_on(story, deal));
    let note = match spec.key {
        ROUND if outcome.round.held_at_disclosed => fill(
            m.slider_held,
            &[("amount", &money(outcome.round.total, Style::Long))],
        ),
        _ if off => m.slider_off.to_owned(),
        _ => match &spec.upper_bound {
            Some(words) if index == steps.last() => fill(m.slider_upper, &[("figure", words)]),
            _ => String::new(),
        },
    };
    // Not an <output>: that is a live region, and would announce every step a second time
    // after the slider's own value text.
    let head = VNode::el("div", "rx-control-head").with([
        VNode::text("label", "rx-label", &spec.label).attr("for", &id),
        VNode::text("span", "rx-value", &money(value.0, Style::Short)).attr("aria-hidden", "true"),
    ]);
    let input = VNode::el("input", "")
        .attr("type", "range")
        .attr("id", &id)
        .attr("min", "0")
        .attr("max", &steps.last().to_string())
        .attr("step", "1")
        .attr("data-control", spec.key)
        .attr("value", &index.to_string())
        .attr("aria-valuetext", &money(value.0, Style::Long))
        .flag("disabled", off);
    let mut hint = VNode::el("p", "rx-hint");
    for (index, part) in spec.hints.into_iter().enumerate() {
        if index > 0 {
            hint.push(VNode::text("span", "", " · "));
        }
        hint.push(VNode::el("span", "").with([part]));
    }
    let mut block = VNode::el("div", "rx-control")
        .attr("data-part", &format!("control-{}", spec.key))
        .with([head, input, hint, VNode::text("p", "rx-note", &note)]);
    if let Some(problem) = look.problem.filter(|p| p.key.as_deref() == Some(spec.key)) {
        block.push(problem_note(problem));
    }
    block
}

/// The controls section for the scenario on screen.
pub fn controls(look: &Look) -> Vec<VNode> {
    let (story, scenario, locale) = (look.story, look.scenario, look.locale);
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let long = |amount: Amount| money(amount.0, Style::Long);
    let range_hint = |key: &str, range: &Range| {
        let words = Said::money(|style| {
            fill(
                m.range_hint,
                &[
                    ("low", &money(range.low.0, style)),
                    ("high", &money(range.high.0, style)),
                ],
            )
        });
        figure_button(words, &Ref::Range(key.to_owned()))
    };
    let reported_hint = |words: String, source: &str| {
        figure_button(
            Said::plain(&fill(m.reported_figure, &[("figure", &words)])),
            &Ref::Source(source.to_owned()),
        )
    };

    let mut section = VNode::el("section", "rx-controls")
        .attr("part", "controls")
        .attr("data-part", "controls")
        .attr("aria-label", m.controls_label);
    let mut presets = VNode::el("div", "rx-presets")
        .attr("role", "group")
        .attr("aria-label", m.presets_label);
    for (preset, label, name) in offered_presets(story, locale) {
        let pressed = scenario.with_preset(story, preset) == *scenario;
        presets.push(
            VNode::text("button", "rx-preset", label)
                .attr("type", "button")
                .attr("data-preset", name)
                .attr("aria-pressed", if pressed { "true" } else { "false" }),
        );
    }
    section.push(presets);

    for adjustable in story.adjustables() {
        let reported = adjustable.reported;
        let phrase = reported.qualifier.said(locale, &long(reported.value));
        let hints = vec![
            reported_hint(phrase.clone(), &reported.source),
            range_hint(adjustable.id, adjustable.range),
        ];
        let upper_bound = reported.qualifier.is_upper_bound().then_some(phrase);
        let deal = story.separate_deals.iter().find(|d| d.id == adjustable.id);
        let label = match deal {
            Some(deal) => {
                let toggle_id = format!("{}-{}-on", look.frame.ids, deal.id);
                section.push(
                    VNode::el("div", "rx-toggle")
                        .attr("data-part", &format!("control-{}", deal.id))
                        .with([
                            VNode::el("input", "")
                                .attr("type", "checkbox")
                                .attr("id", &toggle_id)
                                .attr("data-deal", &deal.id)
                                .flag("checked", scenario.deal_is_on(story, &deal.id)),
                            VNode::text(
                                "label",
                                "",
                                &fill(m.deal_toggle, &[("name", &isolate(&deal.investor))]),
                            )
                            .attr("for", &toggle_id),
                        ]),
                );
                fill(m.deal_label, &[("name", &isolate(&deal.investor))])
            }
            None => fill(m.investment_label, &[("name", &isolate(adjustable.name))]),
        };
        section.push(slider(
            look,
            SliderSpec {
                key: adjustable.id,
                label,
                range: adjustable.range,
                hints,
                deal: deal.map(|d| d.id.as_str()),
                upper_bound,
            },
        ));
    }
    if let Some(range) = &story.round.total.range {
        let reported = &story.round.total;
        let hints = vec![
            reported_hint(
                reported.qualifier.said(locale, &long(reported.value)),
                &reported.source,
            ),
            range_hint(ROUND, range),
        ];
        section.push(slider(
            look,
            SliderSpec {
                key: ROUND,
                label: m.whole_round.to_owned(),
                range,
                hints,
                deal: None,
                upper_bound: None,
            },
        ));
    }
    let price_hint = match &story.pre_money.price {
        Price::Assumed => figure_button(Said::plain(m.price_assumed_hint), &Ref::PreMoney),
        Price::PreMoney(figure) => reported_hint(
            figure.qualifier.said(locale, &long(figure.value)),
            &figure.source,
        ),
        Price::PostMoney(_) => figure_button(Said::plain(m.price_derived_hint), &Ref::PreMoney),
    };
    section.push(slider(
        look,
        SliderSpec {
            key: PRE,
            label: story.pre_money.label.clone(),
            range: &story.pre_money.range,
            hints: vec![price_hint, range_hint(PRE, &story.pre_money.range)],
            deal: None,
            upper_bound: None,
        },
    ));

    let mut data = VNode::el("div", "rx-data").with([VNode::text("span", "", m.get_data)]);
    for (format, label) in [("csv", "CSV"), ("json", "JSON")] {
        data.push(
            VNode::text("button", "rx-download", label)
                .attr("type", "button")
                .attr("data-download", format),
        );
    }
    section.push(data);
    // A problem from no control of its own (a preset, the URL) is said under all of them.
    let placed = look.problem.is_some_and(|problem| {
        problem
            .key
            .as_deref()
            .is_some_and(|key| range_of(story, key).is_some())
    });
    if let Some(problem) = look.problem.filter(|_| !placed) {
        section.push(problem_note(problem));
    }
    vec![section]
}
