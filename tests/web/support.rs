//! Helpers for the browser suite: stories as JS objects, and reading fields of results.

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

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
