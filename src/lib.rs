//! # round-explainer
//!
//! An exact, interactive explainer of a funding round, compiled to WebAssembly and shown beside
//! a news article. The [`model`] is pure Rust: a story file describes the round as the article
//! reports it, a scenario holds the reader's choices, and the outcome (post-money valuation,
//! stakes, dilution, comparisons) is computed with `rust_decimal`, never with floats.
//!
//! This file is only the JavaScript surface the pages need: mounting an explainer, driving it
//! and taking it away. Stories and scenarios cross as plain objects, read into the model's
//! [`model::node::Node`] tree, and a bad one is shown in place and thrown as a `JsError` with the
//! model's message. The rest of the JavaScript API is in the `developer` module.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Smaller than the default allocator on wasm (Cargo.toml says by how much); the wasm is
/// single-threaded, which is what `WasmDynamicTalc` is for.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "developer-api")]
pub mod developer;
pub mod dom;
#[cfg(not(target_arch = "wasm32"))]
pub mod image;
mod js;
pub mod locale;
pub mod model;
pub mod view;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

#[cfg(feature = "developer-api")]
pub use developer::{compute, format_money_js, RoundStory};
use js::{json_text, node_from_js};
use model::{Scenario, Story};

/// Reads a story given as its file's JSON text, or as an object (written as text first).
fn story_from_js(story: JsValue) -> Result<Story, String> {
    let text = json_text(&story, "story file")?;
    Story::from_json(&text).map_err(|error| format!("story file: {error}"))
}

/// Reads the reader's choices; `undefined` or `null` means none.
fn scenario_from_js(scenario: JsValue) -> Result<Option<Scenario>, String> {
    if scenario.is_undefined() || scenario.is_null() {
        return Ok(None);
    }
    let node = node_from_js(&scenario, "scenario")?;
    Scenario::from_node(&node)
        .map(Some)
        .map_err(|error| format!("scenario: {error}"))
}

thread_local! {
    /// Every mounted explainer, by handle number. A JavaScript handle only names one, so the
    /// garbage collector freeing a handle the page let go of leaves the explainer on the page,
    /// as a DOM node stays until it is removed; only `unmount` takes it away.
    static MOUNTED: RefCell<Vec<(u32, Rc<dom::Explainer>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_HANDLE: Cell<u32> = const { Cell::new(1) };
}

/// An explainer mounted in a page element: a handle that names it. The explainer stays until
/// [`Explainer::unmount`] is called, whether or not the page keeps the handle.
#[wasm_bindgen]
pub struct Explainer {
    handle: u32,
}

fn busy(message: &'static str) -> JsError {
    JsError::new(message)
}

#[wasm_bindgen]
impl Explainer {
    /// Draws the explainer for `story` into `host`: the story file's JSON text (read strictly,
    /// as natively: a key given twice is refused), or a plain object. `scenario` may be
    /// `undefined` for the article's figures; with `url_state`, the scenario is read from and
    /// written to the page's URL fragment. A bad story is shown as an error in `host`, and thrown.
    pub fn mount(
        host: &web_sys::Element,
        #[wasm_bindgen(unchecked_param_type = "string | object")] story: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
        url_state: bool,
    ) -> Result<Explainer, JsError> {
        let mounted = story_from_js(story).and_then(|story| {
            let scenario = scenario_from_js(scenario)?;
            dom::Explainer::mount(host, story, scenario, dom::Options { url_state })
        });
        match mounted {
            Ok(view) => {
                let handle = NEXT_HANDLE.with(|next| {
                    let handle = next.get();
                    next.set(handle.wrapping_add(1));
                    handle
                });
                MOUNTED.with(|mounted| mounted.borrow_mut().push((handle, Rc::new(view))));
                Ok(Explainer { handle })
            }
            Err(message) => {
                dom::show_error(host, &message);
                Err(JsError::new(&message))
            }
        }
    }

    /// The mounted explainer, taken out of the registry so that no borrow of it is held while
    /// the explainer works (and, maybe, causes events whose listeners call back in).
    fn mounted(&self) -> Result<Rc<dom::Explainer>, JsError> {
        MOUNTED
            .with(|mounted| {
                let mounted = mounted.try_borrow().ok()?;
                let (_, view) = mounted.iter().find(|(handle, _)| *handle == self.handle)?;
                Some(Rc::clone(view))
            })
            .ok_or_else(|| JsError::new("the explainer has been unmounted"))
    }

    /// Sets the choices from a URL-fragment string such as `v1&amazon=40B&softbank=on`;
    /// unreadable parts are skipped and values brought inside their ranges.
    #[wasm_bindgen(js_name = setFragment)]
    pub fn set_fragment(&self, fragment: &str) -> Result<(), JsError> {
        self.mounted()?.set_fragment(fragment).map_err(busy)
    }

    /// Speaks the locale `tag` (BCP 47: `de`, `fr-CA`), or the story's own with `""`, and
    /// redraws with the reader's choices as they are. A locale the explainer cannot speak is
    /// thrown, and the explainer stays as it was.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, tag: &str) -> Result<(), JsError> {
        self.mounted()?
            .set_locale(tag)
            .map_err(|message| JsError::new(&message))
    }

    /// Highlights a part of the explainer (`round`, `ownership`, `comparisons`, `timeline`,
    /// `headline`, `controls`), or none with `undefined`.
    pub fn highlight(&self, part: Option<String>) -> Result<(), JsError> {
        self.mounted()?.highlight(part.as_deref());
        Ok(())
    }

    /// Removes the explainer's nodes, listeners and timers. Calling it again does nothing.
    pub fn unmount(&mut self) {
        let removed = MOUNTED.with(|mounted| {
            let mut mounted = mounted.try_borrow_mut().ok()?;
            let index = mounted
                .iter()
                .position(|(handle, _)| *handle == self.handle)?;
            Some(mounted.remove(index))
        });
        // Dropped here, once the registry is free again: removing the nodes may cause events.
        drop(removed);
    }
}

/// How many event listeners and timers all mounted explainers hold: zero once all are unmounted.
#[wasm_bindgen(js_name = liveListenerCount)]
pub fn live_listener_count() -> usize {
    dom::listener::live_count()
}

/// Bytes of linear memory the wasm module holds (for `make bench`'s memory figures).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    let pages = core::arch::wasm32::memory_size(0);
    #[cfg(not(target_arch = "wasm32"))]
    let pages = 0;
    (pages * 65536) as f64
}
