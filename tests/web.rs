//! Browser suite: run with `wasm-pack test --headless --chrome` or `--firefox` (see Makefile).
//! Each module checks one part of the JavaScript surface, across the real wasm boundary.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod web {
    pub mod boundary;
    pub mod events;
    pub mod labels;
    pub mod locale;
    pub mod prerender;
    pub mod support;
    pub mod widget;
}
