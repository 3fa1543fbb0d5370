//! Plain JavaScript values to and from the model.
//!
//! A story or scenario comes in as JSON text, or as an object that `JSON.stringify` writes as
//! text first, and the text is read by the model's one strict reader
//! ([`json::parse`](crate::model::json::parse)): so `JSON.parse`'s habit of keeping the last of
//! two equal keys never decides a figure, and an object whose getters throw, or a Proxy, throws
//! inside `JSON.stringify`, which is caught there, never inside Rust code. Results go back
//! through serde-wasm-bindgen as plain objects.

use wasm_bindgen::JsValue;

use crate::model::json;
use crate::model::node::Node;

/// A JS value's JSON text: the value itself when it is a string, else `JSON.stringify` of it.
pub fn json_text(value: &JsValue, what: &str) -> Result<String, String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => text.as_string().ok_or_else(|| {
            format!("{what}: expected JSON text or a plain object, not a value JSON cannot hold")
        }),
        // The exception is not read: its message could be a getter that throws too.
        Err(_) => Err(format!(
            "{what}: could not be read as JSON: reading it threw an exception (a getter, a Proxy, a cycle or a BigInt)"
        )),
    }
}

/// A JS value as a JSON tree, read with the model's strict reader; errors name the place.
pub fn node_from_js(value: &JsValue, what: &str) -> Result<Node, String> {
    let text = json_text(value, what)?;
    json::parse(&text).map_err(|error| format!("{what}: (the document): {error}"))
}

/// A model value as a plain JS object: maps as objects, `None` as absent.
#[cfg(feature = "developer-api")]
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, wasm_bindgen::JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|error| wasm_bindgen::JsError::new(&error.to_string()))
}
