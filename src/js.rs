//! Plain JavaScript values to and from the model: a JS object becomes a [`Node`] tree by walking
//! it with js-sys (no serde visitor, whose type-error paths pull float formatting into the wasm),
//! and results go back through serde-wasm-bindgen as plain objects.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::node::{Node, MAX_DEPTH};

/// A JS value as a JSON tree, as `JSON.stringify` would see it; errors name the place.
pub fn node_from_js(value: &JsValue, what: &str) -> Result<Node, String> {
    convert(value, 0).map_err(|problem| format!("{what}: {problem}"))
}

fn convert(value: &JsValue, depth: usize) -> Result<Node, String> {
    if value.is_null() || value.is_undefined() {
        return Ok(Node::Null);
    }
    if let Some(text) = value.as_string() {
        return Ok(Node::Text(text));
    }
    if let Some(number) = value.as_f64() {
        return Ok(Node::Number(number));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Node::Bool(flag));
    }
    if depth >= MAX_DEPTH {
        return Err(format!("the document nests deeper than {MAX_DEPTH} levels"));
    }
    if Array::is_array(value) {
        let items = Array::from(value);
        let mut nodes = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            nodes.push(convert(&item, depth + 1)?);
        }
        return Ok(Node::List(nodes));
    }
    if value.is_object() && !value.is_function() {
        let object: &Object = value.unchecked_ref();
        let mut entries = Vec::new();
        for entry in Object::entries(object).iter() {
            let pair = Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            entries.push((key, convert(&pair.get(1), depth + 1)?));
        }
        return Ok(Node::Object(entries));
    }
    Err("expected JSON data (objects, arrays, strings, numbers, booleans, null)".to_owned())
}

/// A model value as a plain JS object: maps as objects, `None` as absent.
#[cfg(feature = "developer-api")]
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, wasm_bindgen::JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|error| wasm_bindgen::JsError::new(&error.to_string()))
}
