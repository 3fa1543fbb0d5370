//! The explainer in the page: the only code that touches the DOM. It draws the view's
//! description into a host element, or takes over the same description written before any
//! script ran (pre-rendered HTML), redraws it as the reader changes the scenario, and owns its
//! listeners and timers, which are removed with its nodes when it is dropped.
//!
//! Events are delegated to the explainer's root (one `input`, `change`, `keydown` and `click`
//! listener), so the redrawn elements need no listeners of their own, and taking over
//! pre-rendered elements needs nothing but the root.

mod apply;
mod browser;
mod events;
pub mod listener;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::locale::{fill, Locale};
use crate::model::export::{data_rows, to_csv, to_json};
use crate::model::fragment::{from_fragment, own_part, to_fragment};
use crate::model::story::Amount;
use crate::model::{compute, Outcome, Preset, Scenario, Story};
use crate::view::controls::{steps_of, with_amount};
use crate::view::provenance::{note, Ref};
use crate::view::{self, Frame, Look, Problem, VNode};
use browser::{location_hash, save_file, write_fragment};
use events::Pending;
use listener::{Listener, Timeout};

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

struct State {
    story: Story,
    scenario: Scenario,
    outcome: Outcome,
    doc: Document,
    frame: Frame,
    /// The readers' language and number formats.
    locale: Locale,
    /// Why the reader's last choice could not be shown, until the next one that can.
    problem: Option<Problem>,
    root: Element,
    /// The description the root matches now, so that a change patches only what differs.
    drawn: VNode,
    /// The provenance note and the live region, which are written as the reader asks.
    note: Element,
    live: Element,
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
    /// What the reader last changed (a control's key, a preset's name), for the next
    /// `round-explainer:change`; and the scenario that event last reported.
    changed_by: (Option<String>, Option<String>),
    reported: Scenario,
    weak_self: Weak<RefCell<State>>,
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The explainer for `story` already in `host`, written before any script ran.
fn prerendered(host: &Element, story: &Story) -> Option<Element> {
    let mut child = host.first_element_child();
    while let Some(element) = child {
        let ours = element.class_list().contains("rx")
            && element.get_attribute("data-story").as_deref() == Some(story.id.as_str());
        if ours {
            return Some(element);
        }
        child = element.next_element_sibling();
    }
    None
}

/// The scenario with the reader's moves of inputs that were not yet the explainer's (a slider
/// dragged on the pre-rendered page before the script arrived).
fn with_moves(story: &Story, mut scenario: Scenario, root: &Element) -> Scenario {
    for (input, live) in apply::moved_inputs(root) {
        if let Some(deal) = input.get_attribute("data-deal") {
            scenario.deals.insert(deal, live == "on");
        } else if let Some(key) = input.get_attribute("data-control") {
            let steps = steps_of(story, &key);
            if let (Some(steps), Ok(index)) = (steps, live.parse::<u32>()) {
                let index = index.min(steps.last());
                scenario = with_amount(&scenario, &key, steps.value_at(index));
            }
        }
    }
    scenario.clamped(story)
}

/// The first element under `root` with `class`; the description always holds one.
fn part(root: &Element, class: &str) -> Result<Element, String> {
    root.query_selector(&format!(".{class}"))
        .ok()
        .flatten()
        .ok_or_else(|| format!("the explainer's {class} is missing"))
}

impl Explainer {
    /// Draws the explainer for `story` into `host`, starting from `scenario`, or from the URL
    /// fragment when `options.url_state` is set. When `host` already holds this story's
    /// explainer as pre-rendered HTML, that is taken over in place (only what differs from the
    /// description is changed), with any slider the reader moved before the script arrived;
    /// otherwise what `host` holds is replaced.
    pub fn mount(
        host: &Element,
        story: Story,
        scenario: Option<Scenario>,
        options: Options,
    ) -> Result<Explainer, String> {
        let doc = host
            .owner_document()
            .ok_or("the host element is not in a document")?;
        let existing = prerendered(host, &story);
        let fresh_ids = || {
            let id = NEXT_ID.with(|next| {
                let id = next.get();
                next.set(id.wrapping_add(1));
                id
            });
            Frame {
                ids: format!("rx{id}"),
                heading_level: 2,
                interactive: true,
            }
        };
        let frame = existing
            .as_ref()
            .and_then(|root| root.get_attribute("data-ids"))
            .and_then(|ids| Frame::new(&ids))
            .unwrap_or_else(fresh_ids)
            .with_heading_level(host.get_attribute("data-heading-level").as_deref());
        let drawn = existing
            .as_ref()
            .and_then(|root| root.get_attribute("data-scenario"))
            .map(|fragment| from_fragment(&story, &fragment));
        let fragment = options
            .url_state
            .then(location_hash)
            .and_then(|hash| own_part(&hash).map(str::to_owned));
        let mut scenario = match (scenario, fragment, drawn) {
            (Some(scenario), _, _) => scenario.clamped(&story),
            (None, Some(fragment), _) => from_fragment(&story, &fragment),
            (None, None, Some(drawn)) => drawn,
            (None, None, None) => Scenario::article(&story),
        };
        let in_url = scenario.clone();
        if let Some(root) = &existing {
            scenario = with_moves(&story, scenario, root);
        }
        let outcome = compute(&story, &scenario).map_err(|error| error.to_string())?;
        // A locale the host asks for that cannot be spoken is an error event, not a blank: the
        // explainer speaks the story's own (its own locale is checked with the story).
        // The host's `data-locale` (the element copies its `locale` attribute there).
        let asked = host.get_attribute("data-locale");
        let own = story.locale.as_deref();
        let (locale, refused) = match Locale::chosen(asked.as_deref(), own) {
            Ok(locale) => (locale, None),
            Err(message) => (Locale::chosen(None, own)?, Some(message)),
        };

        let look = Look {
            story: &story,
            scenario: &scenario,
            outcome: &outcome,
            frame: &frame,
            problem: None,
            locale: &locale,
        };
        let description = view::explainer(&look);
        let root = match &existing {
            Some(root) => apply::hydrate(&doc, root, &description),
            None => {
                let root = apply::create(&doc, &description);
                host.replace_children_with_node_1(&root);
                root
            }
        };
        let (note, live) = (part(&root, "rx-provenance")?, part(&root, "rx-live")?);
        let reader_moved = scenario != in_url;
        let state = Rc::new_cyclic(|weak_self| {
            RefCell::new(State {
                story,
                scenario,
                outcome,
                doc,
                frame,
                locale,
                problem: None,
                root: root.clone(),
                drawn: description,
                note,
                live,
                options,
                settled: None,
                settle_at: 0.0,
                reported: in_url.clone(),
                in_url,
                open_ref: None,
                changed_by: (None, None),
                weak_self: weak_self.clone(),
            })
        });
        if reader_moved {
            // Figures caught up with a slider moved before the script: announce them too.
            state.borrow_mut().schedule_settled();
        }

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
        if let Some(message) = refused {
            After::Dispatch(Pending::error(&root, &message, None)).run();
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
        let after = state.apply(scenario, None);
        drop(state);
        after.run();
        Ok(())
    }

    /// Sets the choices (brought inside their ranges) and redraws.
    pub fn set_scenario(&self, scenario: Scenario) -> Result<(), &'static str> {
        let mut state = self.state.try_borrow_mut().map_err(|_| BUSY)?;
        let scenario = scenario.clamped(&state.story);
        let after = state.apply(scenario, None);
        drop(state);
        after.run();
        Ok(())
    }

    /// Speaks the locale `tag` (BCP 47), or the story's own with an empty tag, and redraws with
    /// the reader's choices as they are. A locale the explainer cannot speak changes nothing
    /// and is the error.
    pub fn set_locale(&self, tag: &str) -> Result<(), String> {
        let mut state = self.state.try_borrow_mut().map_err(|_| BUSY.to_owned())?;
        state.locale = Locale::chosen(Some(tag), state.story.locale.as_deref())?;
        state.render();
        // The last announcement was in the other language; the next one is in this.
        state.live.set_text_content(None);
        Ok(())
    }

    /// Highlights the part of the explainer a paragraph talks about (`round`, `ownership`,
    /// `comparisons`, `timeline`, `headline`, `control-amazon`…), or none. It touches only the
    /// root's attribute, which the description never sets, so it works at any time.
    pub fn highlight(&self, part: Option<&str>) {
        match part {
            Some(part) => {
                let _ = self.root.set_attribute("data-highlight", part);
            }
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
    /// An event for the page: a listener of the host's may call the explainer back.
    Dispatch(Option<Pending>),
}

impl After {
    fn run(self) {
        match self {
            After::Nothing => {}
            After::Focus(element) => {
                if let Some(element) = element.dyn_ref::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
            After::Dispatch(pending) => {
                if let Some(pending) = pending {
                    pending.dispatch();
                }
            }
        }
    }
}

/// Shows an error in place of an explainer, as text, so the rest of the page keeps working.
pub fn show_error(host: &Element, message: &str) {
    let Some(doc) = host.owner_document() else {
        return;
    };
    // The heading in the language the host asked for, if the explainer speaks it.
    let locale = host
        .get_attribute("data-locale")
        .and_then(|tag| Locale::parse(tag.trim()).ok())
        .unwrap_or_else(Locale::english);
    let error = apply::create(&doc, &view::error(message, &locale));
    host.replace_children_with_node_1(&error);
    After::Dispatch(Pending::error(&error, message, None)).run();
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
    #[must_use = "what it leaves to do must run once the state is free"]
    fn apply(&mut self, scenario: Scenario, from: Option<&str>) -> After {
        match compute(&self.story, &scenario) {
            Ok(outcome) => {
                self.scenario = scenario;
                self.outcome = outcome;
                self.problem = None;
                self.render();
                self.schedule_settled();
                After::Nothing
            }
            Err(error) => {
                let reason = error.to_string();
                let message = fill(
                    self.locale.messages().choice_unshowable,
                    &[("reason", &reason)],
                );
                self.problem = Some(Problem {
                    key: from.map(str::to_owned),
                    message: message.clone(),
                });
                self.render();
                apply::reset_inputs(&self.root);
                After::Dispatch(Pending::error(&self.root, &message, from))
            }
        }
    }

    fn render(&mut self) {
        self.close_note();
        let look = Look {
            story: &self.story,
            scenario: &self.scenario,
            outcome: &self.outcome,
            frame: &self.frame,
            problem: self.problem.as_ref(),
            locale: &self.locale,
        };
        let wanted = view::explainer(&look);
        apply::patch(&self.doc, &self.root, &self.drawn, &wanted);
        self.drawn = wanted;
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
                let after = match state.try_borrow_mut() {
                    Ok(mut state) => state.on_settled(),
                    Err(_) => return,
                };
                after.run();
            }
        });
    }

    fn on_settled(&mut self) -> After {
        self.settled = None;
        let left = self.settle_at - js_sys::Date::now();
        if left > 0.0 {
            // Input came in since the timer was set: wait for the rest of the pause.
            self.arm_settled(left.ceil() as i32);
            return After::Nothing;
        }
        let text =
            view::summary::sentence(&self.story, &self.scenario, &self.outcome, &self.locale);
        self.live.set_text_content(Some(&text));
        let fragment = to_fragment(&self.story, &self.scenario);
        if self.options.url_state && self.scenario != self.in_url {
            write_fragment(&location_hash(), &fragment);
            self.in_url = self.scenario.clone();
        }
        let (control, preset) = std::mem::take(&mut self.changed_by);
        if self.scenario == self.reported {
            return After::Nothing;
        }
        self.reported = self.scenario.clone();
        After::Dispatch(Pending::new(
            &self.root,
            "change",
            &[
                ("fragment", Some(&fragment)),
                ("control", control.as_deref()),
                ("preset", preset.as_deref()),
            ],
        ))
    }

    /// Sets one amount, as the slider `key` asks.
    fn set_amount(&mut self, key: &str, value: Amount) -> After {
        self.changed_by = (Some(key.to_owned()), None);
        let scenario = with_amount(&self.scenario, key, value);
        self.apply(scenario, Some(key))
    }

    /// The slider an event came from, with its key.
    fn slider(target: &Element) -> Option<(String, HtmlInputElement)> {
        let key = target.get_attribute("data-control")?;
        let input = target.dyn_ref::<HtmlInputElement>()?.clone();
        Some((key, input))
    }

    fn on_input(&mut self, event: Event) -> After {
        let Some((key, input)) = target_element(&event).as_ref().and_then(State::slider) else {
            return After::Nothing;
        };
        let Some(steps) = steps_of(&self.story, &key) else {
            return After::Nothing;
        };
        let Ok(index) = input.value().parse::<u32>() else {
            return After::Nothing;
        };
        self.set_amount(&key, steps.value_at(index.min(steps.last())))
    }

    fn on_change(&mut self, event: Event) -> After {
        let Some(target) = target_element(&event) else {
            return After::Nothing;
        };
        let Some(deal) = target.get_attribute("data-deal") else {
            return After::Nothing;
        };
        let Some(checkbox) = target.dyn_ref::<HtmlInputElement>() else {
            return After::Nothing;
        };
        let mut scenario = self.scenario.clone();
        scenario.deals.insert(deal.clone(), checkbox.checked());
        self.changed_by = (Some(deal.clone()), None);
        self.apply(scenario, Some(&deal))
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
            let in_note = self.note.contains(Some(&target)) || target == button;
            if !in_note {
                return After::Nothing;
            }
            self.close_note();
            return After::Focus(button);
        }
        let Some((key, input)) = State::slider(&target) else {
            return After::Nothing;
        };
        let Some(steps) = steps_of(&self.story, &key) else {
            return After::Nothing;
        };
        if input.disabled() {
            return After::Nothing;
        }
        let current = input.value().parse::<u32>().unwrap_or(0);
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
        input.set_value(&index.to_string());
        self.set_amount(&key, steps.value_at(index))
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
                self.changed_by = (None, Some(name));
                return self.apply(scenario, None);
            }
        } else if let Some(format) = button.get_attribute("data-download") {
            self.download(&format);
            return After::Dispatch(Pending::new(
                &self.root,
                "download",
                &[("format", Some(&format))],
            ));
        } else if let Some(reference) = button
            .get_attribute("data-ref")
            .as_deref()
            .and_then(Ref::parse)
        {
            let already_open = self.open_ref.as_ref() == Some(&button);
            self.close_note();
            if !already_open {
                return self.open_note(&button, &reference);
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
            return self.apply(scenario, None);
        }
        After::Nothing
    }

    /// Shows the provenance note under the section of the figure that was activated, scrolled
    /// into view, and announces it.
    fn open_note(&mut self, button: &Element, reference: &Ref) -> After {
        let found = note(
            &self.story,
            &self.scenario,
            &self.outcome,
            &self.locale,
            reference,
        );
        let Some(found) = found else {
            return After::Nothing;
        };
        let children: Vec<Element> = found
            .contents()
            .iter()
            .map(|node| apply::create(&self.doc, node))
            .collect();
        self.note.set_text_content(None);
        for child in &children {
            let _ = self.note.append_child(child);
        }
        let anchor = button
            .closest(".rx-section, .rx-headline, .rx-control, .rx-controls")
            .ok()
            .flatten();
        if let Some(anchor) = anchor {
            let _ = anchor.after_with_node_1(&self.note);
        }
        let _ = self.note.toggle_attribute_with_force("hidden", false);
        let _ = button.set_attribute("aria-expanded", "true");
        let _ = button.set_attribute("aria-controls", &view::note_id(&self.frame));
        self.open_ref = Some(button.clone());
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        self.note
            .scroll_into_view_with_scroll_into_view_options(&options);
        self.live.set_text_content(Some(&found.spoken()));
        After::Dispatch(Pending::new(
            &self.root,
            "note",
            &[
                ("figure", Some(&reference.attribute())),
                ("kind", Some(found.kind.token())),
            ],
        ))
    }

    /// Closes the note and puts it back where the description has it (before the live
    /// region), so that a redraw finds every element where it drew it.
    fn close_note(&mut self) {
        // Only an open note is touched: a redraw on every slider step must not move it.
        let Some(button) = self.open_ref.take() else {
            return;
        };
        let _ = self.note.toggle_attribute_with_force("hidden", true);
        self.note.set_text_content(None);
        let _ = self.live.before_with_node_1(&self.note);
        let _ = button.set_attribute("aria-expanded", "false");
        let _ = button.remove_attribute("aria-controls");
    }

    /// "Get the data": the current figures as a CSV or JSON file. The link that starts the
    /// download is never in the page, so its click reaches no listener, ours or the host's.
    fn download(&self, format: &str) {
        let rows = data_rows(&self.story, &self.scenario, &self.outcome, &self.locale);
        let (text, mime) = match format {
            "csv" => (to_csv(&self.story, &rows, &self.locale), "text/csv"),
            _ => (to_json(&self.story, &rows), "application/json"),
        };
        let name = format!("{}-figures.{format}", self.story.id);
        let _ = save_file(&self.doc, &name, &text, mime);
    }
}
