//! Helpers for the browser suite: stories as JS objects, and reading fields of results.

use js_sys::{Reflect, JSON};
use round_explainer::Explainer;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit,
};

/// Every story the suite draws, with its file's text: the article's, and the fictional ones of
/// tests/stories/.
pub const STORIES: [(&str, &str); 4] = [
    (
        "openai-2026",
        include_str!("../../www/stories/openai-2026.json"),
    ),
    (
        "brightwater-eur",
        include_str!("../stories/brightwater-eur.json"),
    ),
    (
        "orbital-tranches",
        include_str!("../stories/orbital-tranches.json"),
    ),
    ("thistle-gbp", include_str!("../stories/thistle-gbp.json")),
];

/// The article's story as a page gets it: `JSON.parse` of the shipped file.
pub fn article_story() -> JsValue {
    JSON::parse(include_str!("../../www/stories/openai-2026.json"))
        .expect("the shipped story is JSON")
}

/// A JS object from JSON text.
pub fn object(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

/// `value.a.b[2].c` for a path like `["a", "b", 2, "c"]`, as a string (numbers and booleans
/// as JavaScript writes them).
pub fn field(value: &JsValue, path: &[&dyn PathPart]) -> String {
    let current = get(value, path);
    current.as_string().unwrap_or_else(|| {
        JSON::stringify(&current)
            .map(String::from)
            .unwrap_or_default()
    })
}

/// The value at a path such as `["round", "tranches", 0]`.
pub fn get(value: &JsValue, path: &[&dyn PathPart]) -> JsValue {
    path.iter().fold(value.clone(), |current, part| {
        Reflect::get(&current, &part.key()).expect("a readable field")
    })
}

/// Replaces the value at a path, e.g. to break one field of a story.
pub fn set_in(value: &JsValue, path: &[&dyn PathPart], new: &JsValue) {
    let (last, parent) = path.split_last().expect("a non-empty path");
    Reflect::set(&get(value, parent), &last.key(), new).expect("a writable field");
}

/// A step of a path: a property name or an index.
pub trait PathPart {
    /// The key for `Reflect::get`.
    fn key(&self) -> JsValue;
}

impl PathPart for &str {
    fn key(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl PathPart for u32 {
    fn key(&self) -> JsValue {
        JsValue::from(*self)
    }
}

/// `[id, display_percent]` of each holding of an outcome.
pub fn percents(outcome: &JsValue) -> Vec<(String, String)> {
    let holdings = js_sys::Array::from(&Reflect::get(outcome, &"holdings".into()).unwrap());
    holdings
        .iter()
        .map(|h| (field(&h, &[&"id"]), field(&h, &[&"display_percent"])))
        .collect()
}

/// The message of an error thrown as a `JsError`.
pub fn message(error: JsValue) -> String {
    field(&error, &[&"message"])
}

/// A fresh container in the page, removed when the test ends.
pub struct Fixture {
    /// The container explainers mount into.
    pub host: Element,
}

impl Fixture {
    pub fn new() -> Fixture {
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        Fixture { host }
    }

    pub fn mount(&self) -> Explainer {
        Explainer::mount(&self.host, article_story(), JsValue::UNDEFINED, false)
            .expect("the article's story mounts")
    }

    pub fn find(&self, selector: &str) -> Element {
        self.host
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element {selector}"))
    }

    /// The text of an element as a reader sees it: without the invisible marks (U+2068,
    /// U+2069) that isolate story text from the figures beside it.
    pub fn text(&self, selector: &str) -> String {
        let text = self.find(selector).text_content().unwrap_or_default();
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    pub fn slider(&self, key: &str) -> HtmlInputElement {
        self.find(&format!("input[data-control=\"{key}\"]"))
            .unchecked_into()
    }

    /// Moves a slider to a position as a pointer would: value, then a bubbling `input` event.
    pub fn slide(&self, key: &str, position: u32) {
        let slider = self.slider(key);
        slider.set_value(&position.to_string());
        let init = EventInit::new();
        init.set_bubbles(true);
        slider
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    pub fn press(&self, key: &str, on: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(on);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.slider(key).dispatch_event(&event).unwrap();
    }

    pub fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<HtmlElement>().click();
    }

    pub fn headline(&self) -> String {
        self.text(".rx-headline")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// The display percent of a holding in an explainer's outcome.
pub fn stake(explainer: &Explainer, id: &str) -> String {
    let outcome = explainer.outcome().unwrap();
    let holdings =
        js_sys::Array::from(&js_sys::Reflect::get(&outcome, &"holdings".into()).unwrap());
    let holding = holdings
        .iter()
        .find(|h| field(h, &[&"id"]) == id)
        .unwrap_or_else(|| panic!("no holding {id}"));
    field(&holding, &[&"display_percent"])
}

/// Waits `millis` milliseconds.
pub async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
