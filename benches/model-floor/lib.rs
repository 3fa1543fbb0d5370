//! `make bench`'s payload floor: the explainer's model, with no view, as a wasm of its own.
//!
//! It compiles the crate's own model and JS reader (the same files, by `#[path]`) and exports
//! one function that asks of the model what the view asks of it: read and validate a story,
//! take the reader's choices from a URL fragment and a preset, compute the outcome, word and
//! format its figures in the story's locale (the message tables and the `Intl` glue), and
//! export the data table. `make bench` compares its size with the
//! payload budget: what this wasm takes, no trimming of the view can win back.
#![forbid(unsafe_code)]

// Only the story's half of the JS reader: scenarios come from the fragment here.
#[allow(dead_code)]
#[path = "../../src/js.rs"]
mod js;
#[path = "../../src/locale/mod.rs"]
pub mod locale;
#[path = "../../src/model/mod.rs"]
pub mod model;

use wasm_bindgen::prelude::*;

use locale::Locale;
use model::export::{data_rows, to_csv, to_json};
use model::fragment::{from_fragment, to_fragment};
use model::money::Style;
use model::steps::Steps;
use model::{compute, Preset, Story};

/// The shipped wasm's allocator, as the crate's `src/lib.rs` declares it.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Everything the view would show for `story` with the choices in `fragment` and `preset`, as
/// one string, so that none of the model's work is optimised away.
#[wasm_bindgen]
pub fn figures(story: JsValue, fragment: &str, preset: &str) -> Result<String, JsError> {
    let fail = |message: String| JsError::new(&message);
    let text = js::json_text(&story, "story file").map_err(fail)?;
    let story = Story::from_json(&text).map_err(|error| fail(format!("story file: {error}")))?;
    let mut scenario = from_fragment(&story, fragment);
    if let Some(preset) = Preset::from_name(preset) {
        scenario = scenario.with_preset(&story, preset).clamped(&story);
    }
    let outcome = compute(&story, &scenario).map_err(|error| fail(error.to_string()))?;
    let locale = Locale::chosen(None, story.locale.as_deref()).map_err(fail)?;
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let mut shown = to_fragment(&story, &scenario);
    for holding in &outcome.holdings {
        shown += &money(holding.amount, Style::Short);
        shown += &money(holding.amount, Style::Long);
        shown += &holding.display_percent.to_string();
    }
    for comparison in &outcome.comparisons {
        shown += &comparison.words;
    }
    for adjustable in story.adjustables() {
        let steps = Steps::of(adjustable.range);
        shown += &money(steps.value_at(steps.last()).0, Style::Long);
    }
    let rows = data_rows(&story, &scenario, &outcome, &locale);
    shown += &to_csv(&story, &rows, &locale);
    shown += &to_json(&story, &rows);
    Ok(shown)
}
