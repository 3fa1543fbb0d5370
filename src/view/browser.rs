//! What the explainer asks of the page around it: the URL fragment, and file downloads.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom::Dom;

/// The page's URL fragment, with its `#`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Offers text as a file download through a temporary object URL.
pub fn save_file(
    dom: &Dom,
    root: &Element,
    name: &str,
    text: &str,
    mime: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = dom.el("a", "").unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    let _ = root.append_child(&link);
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url)
}

/// Writes the fragment with `replaceState`, so moving a slider adds no history entries.
pub fn write_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = if fragment.is_empty() {
        format!("{path}{search}")
    } else {
        format!("{path}{search}#{fragment}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
