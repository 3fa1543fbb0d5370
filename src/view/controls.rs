//! The reader's controls: a slider per adjustable amount (native `<input type=range>` holding a
//! whole position, so money never passes through a float), a toggle per separate deal, presets,
//! and "Get the data". Built once; [`Controls::sync`] brings them in line with the scenario.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::{append, set, Dom};
use super::figures::{figure_button, isolate, Said};
use super::provenance::Ref;
pub use super::provenance::{PRE, ROUND};
use super::vnode::create;
use crate::model::money::{format_money, Style};
use crate::model::steps::Steps;
use crate::model::story::{Amount, Price, Range};
use crate::model::{Outcome, Preset, Scenario, Story};

/// One slider and the elements that describe it.
pub struct Slider {
    /// `pre`, `round`, or an investor or deal id (the URL-fragment key).
    pub key: String,
    /// The range input.
    pub input: HtmlInputElement,
    output: Element,
    note: Element,
    /// Its exact positions.
    pub steps: Steps,
    /// The deal it belongs to, if any: disabled while the deal is off.
    deal: Option<String>,
    /// The reported upper bound ("as much as"), if the range ends at one.
    upper_bound: Option<String>,
    /// What it shows now (value, disabled, note), so an unchanged slider is left alone.
    shown: RefCell<Option<(Amount, bool, String)>>,
}

/// The controls of one explainer.
pub struct Controls {
    /// The section holding them.
    pub element: Element,
    /// Sliders, in the order shown.
    pub sliders: Vec<Slider>,
    toggles: Vec<(String, HtmlInputElement)>,
    presets: Vec<(Preset, Element)>,
    /// The toggles' and presets' states as shown, so unchanged ones are left alone.
    shown_states: RefCell<Vec<bool>>,
    /// Where a scenario that cannot be computed is reported, beside the control that asked
    /// for it.
    problem: Element,
}

fn input(dom: &Dom, kind: &str, id: &str) -> HtmlInputElement {
    let element = dom.el("input", "");
    set(&element, "type", kind);
    set(&element, "id", id);
    element.unchecked_into()
}

impl Controls {
    /// Builds the controls for a story; `id_prefix` keeps ids unique on the page.
    pub fn build(dom: &Dom, story: &Story, id_prefix: &str) -> Controls {
        let element = dom.el("section", "rx-controls");
        set(&element, "data-part", "controls");
        set(&element, "aria-label", "Explore the deal");
        let mut sliders = Vec::new();
        let mut toggles = Vec::new();
        let symbol = story.currency_symbol();
        let long = |amount: Amount| format_money(amount.0, &symbol, Style::Long);

        let mut add = |key: &str,
                       label: &str,
                       range: &Range,
                       hints: Vec<Element>,
                       deal: Option<String>,
                       upper_bound: Option<String>| {
            let id = format!("{id_prefix}-{key}");
            let block = dom.el("div", "rx-control");
            set(&block, "data-part", &format!("control-{key}"));
            let label_el = dom.text("label", "rx-label", label);
            set(&label_el, "for", &id);
            // Not an <output>: that is a live region, and would announce every step a second
            // time after the slider's own value text.
            let output = dom.text("span", "rx-value", "");
            set(&output, "aria-hidden", "true");
            let slider = input(dom, "range", &id);
            let steps = Steps::of(range);
            set(&slider, "min", "0");
            set(&slider, "max", &steps.last().to_string());
            set(&slider, "step", "1");
            set(&slider, "data-control", key);
            let head = dom.el("div", "rx-control-head");
            append(&head, &[&label_el, &output]);
            let hint = dom.el("p", "rx-hint");
            for (index, part) in hints.iter().enumerate() {
                if index > 0 {
                    append(&hint, &[&dom.text("span", "", " · ")]);
                }
                append(&hint, &[part]);
            }
            let note = dom.el("p", "rx-note");
            append(&block, &[&head, slider.as_ref(), &hint, &note]);
            append(&element, &[&block]);
            sliders.push(Slider {
                key: key.to_owned(),
                input: slider,
                output,
                note,
                steps,
                deal,
                upper_bound,
                shown: RefCell::new(None),
            });
        };

        let hint = |words: Said, reference: Ref| -> Element {
            let span = dom.el("span", "");
            append(
                &span,
                &[&create(&dom.doc, &figure_button(words, &reference))],
            );
            span
        };
        let range_hint = |key: &str, range: &Range| {
            let words = Said::money(|style| {
                format!(
                    "range {} to {}",
                    format_money(range.low.0, &symbol, style),
                    format_money(range.high.0, &symbol, style)
                )
            });
            hint(words, Ref::Range(key.to_owned()))
        };

        for adjustable in story.adjustables() {
            let reported = adjustable.reported;
            let words = format!(
                "reported: {}",
                reported.qualifier.phrase(&long(reported.value))
            );
            let hints = vec![
                hint(Said::plain(&words), Ref::Source(reported.source.clone())),
                range_hint(adjustable.id, adjustable.range),
            ];
            let deal = story.separate_deals.iter().find(|d| d.id == adjustable.id);
            let upper = reported
                .qualifier
                .is_upper_bound()
                .then(|| reported.qualifier.phrase(&long(reported.value)));
            if let Some(deal) = deal {
                let toggle_id = format!("{id_prefix}-{}-on", deal.id);
                let row = dom.el("div", "rx-toggle");
                set(&row, "data-part", &format!("control-{}", deal.id));
                let checkbox = input(dom, "checkbox", &toggle_id);
                set(&checkbox, "data-deal", &deal.id);
                let label = dom.text(
                    "label",
                    "",
                    &format!("Count {}'s separate investment", isolate(&deal.investor)),
                );
                set(&label, "for", &toggle_id);
                append(&row, &[checkbox.as_ref(), &label]);
                append(&element, &[&row]);
                toggles.push((deal.id.clone(), checkbox));
                let label = format!("{}'s separate investment", isolate(&deal.investor));
                add(
                    adjustable.id,
                    &label,
                    adjustable.range,
                    hints,
                    Some(deal.id.clone()),
                    upper,
                );
            } else {
                add(
                    adjustable.id,
                    &format!("{}'s investment", isolate(adjustable.name)),
                    adjustable.range,
                    hints,
                    None,
                    upper,
                );
            }
        }
        if let Some(range) = &story.round.total.range {
            let reported = &story.round.total;
            let words = format!(
                "reported: {}",
                reported.qualifier.phrase(&long(reported.value))
            );
            let hints = vec![
                hint(Said::plain(&words), Ref::Source(reported.source.clone())),
                range_hint(ROUND, range),
            ];
            add(ROUND, "The whole round", range, hints, None, None);
        }
        let pre_hints = vec![
            match &story.pre_money.price {
                Price::Assumed => hint(Said::plain("an assumption: why?"), Ref::PreMoney),
                Price::PreMoney(figure) => hint(
                    Said::plain(&format!(
                        "reported: {}",
                        figure.qualifier.phrase(&long(figure.value))
                    )),
                    Ref::Source(figure.source.clone()),
                ),
                Price::PostMoney(_) => hint(
                    Said::plain("derived from the reported valuation: how?"),
                    Ref::PreMoney,
                ),
            },
            range_hint(PRE, &story.pre_money.range),
        ];
        add(
            PRE,
            &story.pre_money.label,
            &story.pre_money.range,
            pre_hints,
            None,
            None,
        );
        // The round slider's range hint names `round`; the pre-money one reads its own range.

        let preset_row = dom.el("div", "rx-presets");
        set(&preset_row, "role", "group");
        set(&preset_row, "aria-label", "Presets");
        let mut presets = Vec::new();
        // A preset that gives the same scenario as one before it would only be a second button
        // pressed at once with the first: where nothing can vary, there are no ends to go to.
        let article = Scenario::article(story);
        let mut offered: Vec<Scenario> = Vec::new();
        for (preset, label, name) in [
            (Preset::Article, "Article's figures", "article"),
            (Preset::LowEnd, "Low end", "low_end"),
            (Preset::UpperEnd, "Upper end", "upper_end"),
        ] {
            let scenario = article.with_preset(story, preset);
            if offered.contains(&scenario) {
                continue;
            }
            offered.push(scenario);
            let button = dom.button("rx-preset", label);
            set(&button, "data-preset", name);
            append(&preset_row, &[&button]);
            presets.push((preset, button));
        }
        element
            .insert_before(&preset_row, element.first_child().as_ref())
            .ok();

        let data = dom.el("div", "rx-data");
        append(&data, &[&dom.text("span", "", "Get the data: ")]);
        for (format, label) in [("csv", "CSV"), ("json", "JSON")] {
            let button = dom.button("rx-download", label);
            set(&button, "data-download", format);
            append(&data, &[&button]);
        }
        append(&element, &[&data]);
        let problem = dom.el("p", "rx-problem");
        set(&problem, "role", "alert");
        problem.toggle_attribute_with_force("hidden", true).ok();
        append(&element, &[&problem]);
        Controls {
            element,
            sliders,
            toggles,
            presets,
            shown_states: RefCell::new(Vec::new()),
            problem,
        }
    }

    /// Shows why the last change could not be made, under the control it came from (`key`), or
    /// clears it with `None`.
    pub fn show_problem(&self, key: Option<&str>, message: Option<&str>) {
        let Some(message) = message else {
            self.problem
                .toggle_attribute_with_force("hidden", true)
                .ok();
            return;
        };
        let block = key.and_then(|key| {
            self.element
                .query_selector(&format!("[data-part=\"control-{key}\"]"))
                .ok()
                .flatten()
        });
        if let Some(block) = block {
            let _ = block.after_with_node_1(&self.problem);
        }
        self.problem.set_text_content(Some(message));
        self.problem
            .toggle_attribute_with_force("hidden", false)
            .ok();
    }

    /// The slider with this `data-control` key.
    pub fn slider(&self, key: &str) -> Option<&Slider> {
        self.sliders.iter().find(|slider| slider.key == key)
    }

    /// Sets every control to the scenario, with its value in words and its notes.
    pub fn sync(&self, story: &Story, scenario: &Scenario, outcome: &Outcome) {
        let symbol = story.currency_symbol();
        for slider in &self.sliders {
            let value = match slider.key.as_str() {
                PRE => scenario.pre_money,
                ROUND => scenario.round_total,
                id => story
                    .adjustables()
                    .find(|a| a.id == id)
                    .map_or(Amount(rust_decimal::Decimal::ZERO), |a| {
                        scenario.amount_of(id, a.reported)
                    }),
            };
            let off = slider
                .deal
                .as_ref()
                .is_some_and(|deal| !scenario.deal_is_on(story, deal));
            let note = match slider.key.as_str() {
                ROUND if outcome.round.held_at_disclosed => format!(
                    "Held at {}: the round cannot be smaller than the amounts already reported.",
                    format_money(outcome.round.total, &symbol, Style::Long)
                ),
                _ if off => "Not counted: switch it on above.".to_owned(),
                _ => match &slider.upper_bound {
                    Some(words) if slider.steps.index_of(value) == slider.steps.last() => {
                        format!("At the article's upper end: {words}.")
                    }
                    _ => String::new(),
                },
            };
            // The input itself first: the reader may have moved it to a choice that was then
            // refused, while what it should show has not changed.
            let index = slider.steps.index_of(value).to_string();
            if slider.input.value() != index {
                slider.input.set_value(&index);
            }
            let now = (value, off, note);
            if slider.shown.borrow().as_ref() == Some(&now) {
                continue;
            }
            set(
                &slider.input,
                "aria-valuetext",
                &format_money(value.0, &symbol, Style::Long),
            );
            slider
                .output
                .set_text_content(Some(&format_money(value.0, &symbol, Style::Short)));
            slider.input.set_disabled(off);
            slider.note.set_text_content(Some(&now.2));
            *slider.shown.borrow_mut() = Some(now);
        }
        let toggles = self
            .toggles
            .iter()
            .map(|(deal, _)| scenario.deal_is_on(story, deal));
        let presets = self
            .presets
            .iter()
            .map(|(preset, _)| scenario.with_preset(story, *preset) == *scenario);
        let states: Vec<bool> = toggles.chain(presets).collect();
        let mut shown = self.shown_states.borrow_mut();
        for (index, &state) in states.iter().enumerate() {
            if shown.get(index) == Some(&state) {
                continue;
            }
            match self.toggles.get(index) {
                Some((_, checkbox)) => checkbox.set_checked(state),
                None => {
                    let (_, button) = &self.presets[index - self.toggles.len()];
                    set(button, "aria-pressed", if state { "true" } else { "false" });
                }
            }
        }
        *shown = states;
    }
}
