//! What the explainer asks of the page around it: the URL fragment, and file downloads.

use wasm_bindgen::{JsCast, JsValue};

use crate::model::fragment::{own_part, with_own_part};

/// The page's URL fragment, with its `#`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Offers text as a file download through a temporary object URL. The link is clicked without
/// being put in the page: its click event then reaches no listener at all.
pub fn save_file(
    doc: &web_sys::Document,
    name: &str,
    text: &str,
    mime: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Writes the explainer's part of the fragment with `replaceState`, so moving a slider adds no
/// history entries; the host's own part of `current` (an anchor such as `comments`) is kept,
/// and nothing is written when the explainer's part is already what it should be.
pub fn write_fragment(current: &str, ours: &str) {
    let current = current.strip_prefix('#').unwrap_or(current);
    if own_part(current).unwrap_or("") == ours {
        return;
    }
    let fragment = with_own_part(current, ours);
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
