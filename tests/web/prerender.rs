//! The pre-rendered explainer is what the wasm draws: for each story, the HTML the native
//! renderer writes (the same description, serialised) parses into the very tree the wasm
//! builds, and the wasm takes a pre-rendered tree over in place, keeping its elements.

use round_explainer::model::{Scenario, Story};
use round_explainer::view::prerender::explainer_html;
use round_explainer::view::Frame;
use round_explainer::Explainer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::support::{Fixture, STORIES};

/// The HTML of `html` as an element of this document.
fn parsed(html: &str) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    holder.set_inner_html(html);
    holder
        .first_element_child()
        .expect("the HTML holds an element")
}

/// The HTML the native renderer writes for a story's article figures, with these ids.
fn written(text: &str, ids: &str) -> String {
    let story = Story::from_json(text).unwrap();
    explainer_html(
        &story,
        &Scenario::article(&story),
        &Frame::new(ids).unwrap(),
    )
    .unwrap()
}

/// Mounts the story's text into the fixture's host.
fn mount(fixture: &Fixture, name: &str, text: &str) -> Explainer {
    Explainer::mount(
        &fixture.host,
        JsValue::from_str(text),
        JsValue::UNDEFINED,
        false,
    )
    .unwrap_or_else(|_| panic!("{name} mounts"))
}

#[wasm_bindgen_test]
fn the_written_html_equals_what_the_wasm_draws_for_every_story() {
    for (name, text) in STORIES {
        let fixture = Fixture::new();
        let _explainer = mount(&fixture, name, text);
        let drawn = fixture.find(".rx");
        let html = written(text, &drawn.get_attribute("data-ids").unwrap());
        assert!(
            parsed(&html).is_equal_node(Some(&drawn)),
            "{name}: the written HTML and the drawn tree differ:\n{html}\n---\n{}",
            drawn.outer_html()
        );
    }
}

#[wasm_bindgen_test]
fn a_written_explainer_is_taken_over_in_place() {
    for (name, text) in STORIES {
        let html = written(text, &format!("rx-{name}"));
        let fixture = Fixture::new();
        fixture.host.set_inner_html(&html);
        let taken = fixture.find(".rx");
        let first_slider = fixture.find("input[type=range]");
        let _explainer = mount(&fixture, name, text);
        let root = fixture.find(".rx");
        assert!(
            root == taken,
            "{name}: the same root element, not a new one"
        );
        assert!(
            fixture.find("input[type=range]") == first_slider,
            "{name}: the same controls"
        );
        assert!(
            parsed(&html).is_equal_node(Some(&root)),
            "{name}: nothing changed in taking it over"
        );
    }
}

#[wasm_bindgen_test]
fn a_written_explainer_that_differs_is_corrected() {
    let (_, text) = STORIES[0];
    let html = written(text, "rx-old");
    // An older or edited copy: a figure changed, an element added, text between elements.
    let edited = html.replacen("$600B", "$1B", 1).replacen(
        "<section",
        "\n  <p class=\"stray\">x</p><section",
        1,
    );
    let fixture = Fixture::new();
    fixture.host.set_inner_html(&edited);
    let _explainer = mount(&fixture, "openai-2026", text);
    assert!(
        parsed(&html).is_equal_node(Some(&fixture.find(".rx"))),
        "the wasm's description wins"
    );
}
