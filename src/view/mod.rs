//! The explainer in the page: mounts into a host element, draws everything with web-sys, and
//! owns its listeners and timers, which are removed with its nodes when it is dropped.
//!
//! Events are delegated to the explainer's root (one `input`, `change`, `keydown` and `click`
//! listener), so the parts redrawn on every change need no listeners of their own.

mod browser;
mod charts;
mod context;
mod controls;
mod details;
mod dom;
mod figures;
pub mod html;
pub mod listener;
mod provenance;
mod vnode;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::model::export::{data_rows, to_csv, to_json};
use crate::model::fragment::{from_fragment, own_part, to_fragment};
use crate::model::money::{format_money, Style};
use crate::model::story::{Amount, Price};
use crate::model::{compute, Outcome, Preset, Scenario, Story};
use browser::{location_hash, save_file, write_fragment};
use controls::{Controls, PRE, ROUND};
use dom::{append, replace_children, set, Dom};
use figures::isolate;
use listener::{Listener, Timeout};
use provenance::{note, Ref};
use vnode::{patch_children, VNode};

/// How long input must rest before the new figures are announced and put in the URL.
const SETTLE_AFTER_MS: i32 = 700;

/// Options for [`Explainer::mount`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep the scenario in the page's URL fragment (one explainer per page should).
    pub url_state: bool,
}

/// A mounted explainer. Dropping it removes its nodes, listeners and timers.
///
/// Every method is safe to call from inside an event the explainer itself caused (a host's
/// `focusout` listener while a redraw removes a focused button, say): the explainer's state is
/// then in use, and the call is refused with [`BUSY`] instead of trapping.
pub struct Explainer {
    state: Rc<RefCell<State>>,
    /// The explainer's root, kept outside the state so that highlighting and removal never
    /// wait for it.
    root: Element,
    _listeners: Vec<Listener>,
}

/// Why a call was refused: the explainer was in the middle of handling an event.
pub const BUSY: &str =
    "the explainer is handling an event of its own; call it again once that event is over";

/// The parts redrawn on every change.
struct Parts {
    headline: Element,
    round: Element,
    ownership: Element,
    comparisons: Element,
    /// Earlier valuations and other figures, when the story has any.
    context: Option<Element>,
    table_body: Element,
    provenance: Element,
    live: Element,
    drawn: Drawn,
}

/// What the redrawn parts show now, so that a change patches only what differs.
#[derive(Default)]
struct Drawn {
    headline: Vec<VNode>,
    round: Vec<VNode>,
    ownership: Vec<VNode>,
    comparisons: Vec<VNode>,
    context: Vec<VNode>,
    table: Vec<VNode>,
}

struct State {
    story: Story,
    scenario: Scenario,
    outcome: Outcome,
    dom: Dom,
    id_prefix: String,
    controls: Controls,
    parts: Parts,
    options: Options,
    settled: Option<Timeout>,
    /// When the pending announcement is due (milliseconds since the epoch).
    settle_at: f64,
    /// With url-state, the scenario the page's fragment says now: the fragment is written only
    /// when the reader has changed the scenario since, never merely because the host replaced
    /// the fragment with an anchor of its own.
    in_url: Scenario,
    /// The figure button whose provenance note is open.
    open_ref: Option<Element>,
    weak_self: Weak<RefCell<State>>,
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The heading tags for the explainer's title and its sections: `h2` and `h3` unless the host
/// element asks for another level with `data-heading-level` (1 to 5), so that the explainer's
/// headings fit the outline of the page around it.
fn heading_tags(host: &Element) -> (&'static str, &'static str) {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    let level = host
        .get_attribute("data-heading-level")
        .and_then(|level| level.trim().parse::<usize>().ok())
        .filter(|level| (1..=5).contains(level))
        .unwrap_or(2);
    (TAGS[level - 1], TAGS[level])
}

fn section(dom: &Dom, heading_tag: &str, part: &str, title: &str) -> (Element, Element) {
    let section = dom.el("section", "rx-section");
    set(&section, "data-part", part);
    let heading = dom.text(heading_tag, "rx-h", title);
    let body = dom.el("div", "rx-body");
    append(&section, &[&heading, &body]);
    (section, body)
}

impl Explainer {
    /// Draws the explainer for `story` into `host` (replacing what it holds), starting from
    /// `scenario`, or from the URL fragment when `options.url_state` is set.
    pub fn mount(
        host: &Element,
        story: Story,
        scenario: Option<Scenario>,
        options: Options,
    ) -> Result<Explainer, String> {
        let doc = host
            .owner_document()
            .ok_or("the host element is not in a document")?;
        let dom = Dom { doc };
        let id = NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id.wrapping_add(1));
            id
        });
        let id_prefix = format!("rx{id}");
        let scenario = match (scenario, options.url_state) {
            (Some(scenario), _) => scenario.clamped(&story),
            (None, true) => from_fragment(&story, own_part(&location_hash()).unwrap_or("")),
            (None, false) => Scenario::article(&story),
        };
        let outcome = compute(&story, &scenario).map_err(|error| error.to_string())?;
        let scenario_in_url = scenario.clone();

        let root = dom.el("div", "rx");
        set(&root, "data-story", &story.id);
        let (title_tag, section_tag) = heading_tags(host);
        let title = dom.text(title_tag, "rx-title", &story.title);
        let status = dom.text(
            "p",
            "rx-status",
            &format!(
                "Status: {}. Reported figures can be tapped to see the article's sentence; {}",
                story.round.status.label(),
                match story.pre_money.price {
                    Price::Assumed => "the price of the round is an assumption.",
                    Price::PreMoney(_) => "the price of the round is reported.",
                    Price::PostMoney(_) =>
                        "the price of the round is derived from the reported valuation after the deal.",
                }
            ),
        );
        let headline = dom.el("div", "rx-headline");
        set(&headline, "data-part", "headline");
        let provenance = dom.el("div", "rx-provenance");
        set(&provenance, "id", &format!("{id_prefix}-note"));
        set(&provenance, "role", "note");
        provenance.toggle_attribute_with_force("hidden", true).ok();
        let controls = Controls::build(&dom, &story, &id_prefix);
        let (round_section, round) = section(&dom, section_tag, "round", "The round, by tranche");
        let (ownership_section, ownership) =
            section(&dom, section_tag, "ownership", "Who would own what");
        let (compare_section, comparisons) = section(
            &dom,
            section_tag,
            "comparisons",
            &format!("How big is {}'s money?", isolate(&focus_name(&story))),
        );
        let context = context::has_context(&story).then(|| {
            section(
                &dom,
                section_tag,
                "context",
                "Earlier valuations and other figures",
            )
        });
        let (timeline_section, timeline_body) =
            section(&dom, section_tag, "timeline", "Timeline from the article");
        append(
            &timeline_body,
            &[&vnode::create(&dom.doc, &details::timeline(&story))],
        );
        let (table_section, table_body_holder) = section(&dom, section_tag, "table", "All figures");
        let (table, table_body) = details::table(&dom);
        append(&table_body_holder, &[&table]);
        let live = dom.el("p", "rx-live");
        set(&live, "aria-live", "polite");
        set(&live, "role", "status");
        let defs = vnode::create(&dom.doc, &charts::defs(&id_prefix));
        let mut children = vec![
            &defs,
            &title,
            &status,
            &headline,
            &controls.element,
            &round_section,
            &ownership_section,
            &compare_section,
        ];
        if let Some((context_section, _)) = &context {
            children.push(context_section);
        }
        children.extend([&timeline_section, &table_section, &provenance, &live]);
        append(&root, &children);
        replace_children(host, &[&root]);

        let state = Rc::new_cyclic(|weak_self| {
            RefCell::new(State {
                story,
                scenario,
                outcome,
                dom,
                id_prefix,
                controls,
                parts: Parts {
                    headline,
                    round,
                    ownership,
                    comparisons,
                    context: context.map(|(_, body)| body),
                    table_body,
                    provenance,
                    live,
                    drawn: Drawn::default(),
                },
                options,
                settled: None,
                settle_at: 0.0,
                in_url: scenario_in_url,
                open_ref: None,
                weak_self: weak_self.clone(),
            })
        });
        state.borrow_mut().render();

        let handler = |state: &Rc<RefCell<State>>, act: fn(&mut State, Event) -> After| {
            let weak = Rc::downgrade(state);
            move |event: Event| {
                let Some(state) = weak.upgrade() else { return };
                // An event caused while the state is in use (a focus moved by a redraw) is one
                // of the explainer's own, and is left alone.
                let after = match state.try_borrow_mut() {
                    Ok(mut state) => act(&mut state, event),
                    Err(_) => return,
                };
                // What may cause events of its own runs once the state is free again.
                after.run();
            }
        };
        let mut listeners = vec![
            Listener::new(&root, "input", handler(&state, State::on_input)),
            Listener::new(&root, "change", handler(&state, State::on_change)),
            Listener::new(&root, "keydown", handler(&state, State::on_keydown)),
            Listener::new(&root, "click", handler(&state, State::on_click)),
        ];
        if options.url_state {
            if let Some(window) = web_sys::window() {
                listeners.push(Listener::new(
                    &window,
                    "hashchange",
                    handler(&state, State::on_hashchange),
                ));
            }
        }
        Ok(Explainer {
            state,
            root,
            _listeners: listeners,
        })
    }

    /// The reader's current choices.
    pub fn scenario(&self) -> Result<Scenario, &'static str> {
        Ok(self.state.try_borrow().map_err(|_| BUSY)?.scenario.clone())
    }

    /// What the current choices mean.
    pub fn outcome(&self) -> Result<Outcome, &'static str> {
        Ok(self.state.try_borrow().map_err(|_| BUSY)?.outcome.clone())
    }

    /// The article's figures for this explainer's story.
    pub fn article_scenario(&self) -> Result<Scenario, &'static str> {
        Ok(Scenario::article(
            &self.state.try_borrow().map_err(|_| BUSY)?.story,
        ))
    }

    /// Sets the choices from a URL-fragment string (bad parts skipped) and redraws.
    pub fn set_fragment(&self, fragment: &str) -> Result<(), &'static str> {
        let mut state = self.state.try_borrow_mut().map_err(|_| BUSY)?;
        let scenario = from_fragment(&state.story, fragment);
        state.apply(scenario, None);
        Ok(())
    }

    /// Sets the choices (brought inside their ranges) and redraws.
    pub fn set_scenario(&self, scenario: Scenario) -> Result<(), &'static str> {
        let mut state = self.state.try_borrow_mut().map_err(|_| BUSY)?;
        let scenario = scenario.clamped(&state.story);
        state.apply(scenario, None);
        Ok(())
    }

    /// Highlights the part of the explainer a paragraph talks about (`round`, `ownership`,
    /// `comparisons`, `timeline`, `headline`, `control-amazon`…), or none. It touches only the
    /// root's attribute, so it works at any time.
    pub fn highlight(&self, part: Option<&str>) {
        match part {
            Some(part) => set(&self.root, "data-highlight", part),
            None => {
                let _ = self.root.remove_attribute("data-highlight");
            }
        }
    }
}

impl Drop for Explainer {
    fn drop(&mut self) {
        // Busy only when dropped from inside its own event: the timer then goes with the state,
        // once that event lets go of it.
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.settled = None;
        }
        self.root.remove();
    }
}

/// What a handler leaves to do once the explainer's state is free: things that cause events
/// of their own, which must not find the state in use.
enum After {
    Nothing,
    Focus(Element),
}

impl After {
    fn run(self) {
        if let After::Focus(element) = self {
            if let Some(element) = element.dyn_ref::<HtmlElement>() {
                let _ = element.focus();
            }
        }
    }
}

/// Shows an error in place of an explainer, as text, so the rest of the page keeps working.
pub fn show_error(host: &Element, message: &str) {
    let Some(doc) = host.owner_document() else {
        return;
    };
    let dom = Dom { doc };
    let error = dom.el("div", "rx rx-error");
    set(&error, "role", "alert");
    append(
        &error,
        &[
            &dom.text("strong", "", "The explainer could not be shown. "),
            &dom.text("span", "", message),
        ],
    );
    replace_children(host, &[&error]);
}

fn focus_name(story: &Story) -> String {
    story
        .investors()
        .find(|i| i.id == story.focus_investor)
        .map_or_else(String::new, |i| i.name.clone())
}

/// The element an event came from, if it is one.
fn target_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

impl State {
    /// Takes `scenario` if it computes: redraws and schedules the URL and the announcement.
    /// If it does not (amounts too large to add up exactly), the last good scenario stays, the
    /// controls go back to it, so that controls and figures always agree, and the reason is
    /// shown under the control that asked (`from`).
    fn apply(&mut self, scenario: Scenario, from: Option<&str>) {
        match compute(&self.story, &scenario) {
            Ok(outcome) => {
                self.scenario = scenario;
                self.outcome = outcome;
                self.controls.show_problem(None, None);
                self.render();
                self.schedule_settled();
            }
            Err(error) => {
                let message =
                    format!("This choice cannot be shown: {error}. The figures stay as they were.");
                self.controls
                    .sync(&self.story, &self.scenario, &self.outcome);
                self.controls.show_problem(from, Some(&message));
            }
        }
    }

    fn render(&mut self) {
        self.close_note();
        let (story, scenario, outcome) = (&self.story, &self.scenario, &self.outcome);
        let doc = &self.dom.doc;
        let parts = &mut self.parts;
        let redraw = |element: &Element, drawn: &mut Vec<VNode>, wanted: Vec<VNode>| {
            patch_children(doc, element, drawn, &wanted);
            *drawn = wanted;
        };
        let headline = figures::headline(story, scenario, outcome);
        redraw(&parts.headline, &mut parts.drawn.headline, headline);
        let round = charts::round_chart(&self.id_prefix, story, scenario, outcome);
        redraw(&parts.round, &mut parts.drawn.round, round);
        let ownership = charts::ownership_chart(&self.id_prefix, story, outcome);
        redraw(&parts.ownership, &mut parts.drawn.ownership, ownership);
        let comparisons = charts::comparisons(story, outcome);
        redraw(
            &parts.comparisons,
            &mut parts.drawn.comparisons,
            comparisons,
        );
        if let Some(context) = &parts.context {
            let wanted = context::context(story, scenario, outcome);
            patch_children(doc, context, &parts.drawn.context, &wanted);
            parts.drawn.context = wanted;
        }
        let rows = details::table_rows(&data_rows(story, scenario, outcome));
        redraw(&parts.table_body, &mut parts.drawn.table, rows);
        self.controls.sync(story, scenario, outcome);
    }

    /// Once input has rested: announces the headline figures through the one live region, and
    /// writes the URL fragment (browsers throttle history updates made on every slider step).
    /// One timer serves a whole run of input: each change only moves the deadline, and the
    /// timer, when it fires early, waits out the rest.
    fn schedule_settled(&mut self) {
        self.settle_at = js_sys::Date::now() + f64::from(SETTLE_AFTER_MS);
        if self.settled.is_none() {
            self.arm_settled(SETTLE_AFTER_MS);
        }
    }

    fn arm_settled(&mut self, millis: i32) {
        let weak = self.weak_self.clone();
        self.settled = Timeout::new(millis, move || {
            if let Some(state) = weak.upgrade() {
                state.borrow_mut().on_settled();
            }
        });
    }

    fn on_settled(&mut self) {
        self.settled = None;
        let left = self.settle_at - js_sys::Date::now();
        if left > 0.0 {
            // Input came in since the timer was set: wait for the rest of the pause.
            self.arm_settled(left.ceil() as i32);
            return;
        }
        let text = self.summary();
        self.parts.live.set_text_content(Some(&text));
        if self.options.url_state && self.scenario != self.in_url {
            write_fragment(&location_hash(), &to_fragment(&self.story, &self.scenario));
            self.in_url = self.scenario.clone();
        }
    }

    /// The headline figures in one sentence.
    fn summary(&self) -> String {
        let symbol = self.story.currency_symbol();
        let long = |amount| format_money(amount, &symbol, Style::Long);
        let focus = self.outcome.holding(&self.story.focus_investor);
        let stake = focus.map_or(String::new(), |f| {
            format!(" {} would own {}%.", isolate(&f.name), f.display_percent)
        });
        format!(
            "Round {}; valuation after the deal {}.{stake} Existing holders diluted by {}%.",
            long(self.outcome.round.total),
            long(self.outcome.post_money),
            self.outcome.dilution_percent
        )
    }

    /// Sets one amount, as the slider `key` asks.
    fn set_amount(&mut self, key: &str, value: Amount) {
        let mut scenario = self.scenario.clone();
        match key {
            PRE => scenario.pre_money = value,
            ROUND => scenario.round_total = value,
            id => {
                scenario.amounts.insert(id.to_owned(), value);
            }
        }
        self.apply(scenario, Some(key));
    }

    fn on_input(&mut self, event: Event) -> After {
        let Some(target) = target_element(&event) else {
            return After::Nothing;
        };
        let Some(key) = target.get_attribute("data-control") else {
            return After::Nothing;
        };
        let Some(slider) = self.controls.slider(&key) else {
            return After::Nothing;
        };
        let Ok(index) = slider.input.value().parse::<u32>() else {
            return After::Nothing;
        };
        let value = slider.steps.value_at(index);
        self.set_amount(&key, value);
        After::Nothing
    }

    fn on_change(&mut self, event: Event) -> After {
        let Some(target) = target_element(&event) else {
            return After::Nothing;
        };
        let Some(deal) = target.get_attribute("data-deal") else {
            return After::Nothing;
        };
        let Some(checkbox) = dom::as_input(&target) else {
            return After::Nothing;
        };
        let mut scenario = self.scenario.clone();
        scenario.deals.insert(deal.clone(), checkbox.checked());
        self.apply(scenario, Some(&deal));
        After::Nothing
    }

    /// Sliders move by the same keys in every browser: arrows by a step, PageUp/PageDown by a
    /// tenth, Home/End to the ends. Escape in an open provenance note, or on the figure that
    /// opened it, closes it and puts focus back on that figure; elsewhere Escape is not ours.
    fn on_keydown(&mut self, event: Event) -> After {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return After::Nothing;
        };
        let Some(target) = target_element(event) else {
            return After::Nothing;
        };
        if event.key() == "Escape" {
            let Some(button) = self.open_ref.clone() else {
                return After::Nothing;
            };
            let in_note = self.parts.provenance.contains(Some(&target)) || target == button;
            if !in_note {
                return After::Nothing;
            }
            self.close_note();
            return After::Focus(button);
        }
        let Some(key) = target.get_attribute("data-control") else {
            return After::Nothing;
        };
        let Some(slider) = self.controls.slider(&key) else {
            return After::Nothing;
        };
        if slider.input.disabled() {
            return After::Nothing;
        }
        let (steps, current) = (
            slider.steps,
            slider.input.value().parse::<u32>().unwrap_or(0),
        );
        let index = match event.key().as_str() {
            "ArrowRight" | "ArrowUp" => current.saturating_add(1).min(steps.last()),
            "ArrowLeft" | "ArrowDown" => current.saturating_sub(1),
            "PageUp" => current.saturating_add(steps.page()).min(steps.last()),
            "PageDown" => current.saturating_sub(steps.page()),
            "Home" => 0,
            "End" => steps.last(),
            _ => return After::Nothing,
        };
        event.prevent_default();
        slider.input.set_value(&index.to_string());
        let value = steps.value_at(index);
        self.set_amount(&key, value);
        After::Nothing
    }

    fn on_click(&mut self, event: Event) -> After {
        let Some(target) = target_element(&event) else {
            return After::Nothing;
        };
        let Ok(Some(button)) = target.closest("button") else {
            return After::Nothing;
        };
        if let Some(name) = button.get_attribute("data-preset") {
            if let Some(preset) = Preset::from_name(&name) {
                let scenario = self.scenario.with_preset(&self.story, preset);
                self.apply(scenario, None);
            }
        } else if let Some(format) = button.get_attribute("data-download") {
            self.download(&format);
        } else if let Some(reference) = button
            .get_attribute("data-ref")
            .as_deref()
            .and_then(Ref::parse)
        {
            let already_open = self.open_ref.as_ref() == Some(&button);
            self.close_note();
            if !already_open {
                self.open_note(&button, &reference);
            }
        }
        After::Nothing
    }

    /// The page's fragment changed: a shared link, the back button, or the host's own anchor
    /// (`#comments`), which is not the explainer's and changes nothing.
    fn on_hashchange(&mut self, _event: Event) -> After {
        let hash = location_hash();
        let Some(ours) = own_part(&hash) else {
            return After::Nothing;
        };
        let scenario = from_fragment(&self.story, ours);
        self.in_url = scenario.clone();
        if scenario != self.scenario {
            self.apply(scenario, None);
        }
        After::Nothing
    }

    /// Shows the provenance note under the section of the figure that was activated, scrolled
    /// into view, and announces it.
    fn open_note(&mut self, button: &Element, reference: &Ref) {
        let Some(found) = note(&self.story, &self.scenario, &self.outcome, reference) else {
            return;
        };
        let panel = &self.parts.provenance;
        let mut children = vec![self.dom.text("p", "rx-note-kind", found.kind)];
        if let Some(quote) = &found.quote {
            children.push(self.dom.text("blockquote", "rx-quote", quote));
        }
        children.push(self.dom.text("p", "rx-note-text", &found.text));
        replace_children(panel, &children.iter().collect::<Vec<_>>());
        let anchor = button
            .closest(".rx-section, .rx-headline, .rx-control, .rx-controls")
            .ok()
            .flatten();
        if let Some(anchor) = anchor {
            let _ = anchor.after_with_node_1(panel);
        }
        panel.toggle_attribute_with_force("hidden", false).ok();
        set(button, "aria-expanded", "true");
        set(button, "aria-controls", &format!("{}-note", self.id_prefix));
        self.open_ref = Some(button.clone());
        let view = web_sys::ScrollIntoViewOptions::new();
        view.set_block(web_sys::ScrollLogicalPosition::Nearest);
        panel.scroll_into_view_with_scroll_into_view_options(&view);
        let mut said = format!("{}: ", found.kind);
        if let Some(quote) = &found.quote {
            said.push_str(quote);
            said.push(' ');
        }
        said.push_str(&found.text);
        self.parts.live.set_text_content(Some(&said));
    }

    fn close_note(&mut self) {
        self.parts
            .provenance
            .toggle_attribute_with_force("hidden", true)
            .ok();
        if let Some(button) = self.open_ref.take() {
            set(&button, "aria-expanded", "false");
            let _ = button.remove_attribute("aria-controls");
        }
    }

    /// "Get the data": the current figures as a CSV or JSON file. The link that starts the
    /// download is never in the page, so its click reaches no listener, ours or the host's.
    fn download(&self, format: &str) {
        let rows = data_rows(&self.story, &self.scenario, &self.outcome);
        let (text, mime) = match format {
            "csv" => (to_csv(&self.story, &rows), "text/csv"),
            _ => (to_json(&self.story, &rows), "application/json"),
        };
        let name = format!("{}-figures.{format}", self.story.id);
        let _ = save_file(&self.dom, &name, &text, mime);
    }
}
