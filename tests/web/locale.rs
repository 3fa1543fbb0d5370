//! Languages in the browser: the browser's `Intl` writes every number of
//! `tests/fixtures/number-formats.tsv` as the native renderer (ICU4X) wrote it, so for every
//! story and locale the pre-rendered HTML and the wasm's tree are the same; a host's locale
//! gives the root its `lang`, German figures and words; changing it keeps the reader's choices.

use std::str::FromStr;

use round_explainer::locale::Locale;
use round_explainer::model::money::Style;
use round_explainer::model::{Scenario, Story};
use round_explainer::view::prerender::explainer_html;
use round_explainer::view::Frame;
use round_explainer::Explainer;
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::CustomEvent;

use super::support::{article_story, field, message, Fixture, STORIES};

const TABLE: &str = include_str!("../fixtures/number-formats.tsv");

/// A field of the table with its escapes (`\u{a0}`) read back.
fn unescaped(field: &str) -> String {
    let mut out = String::new();
    let mut rest = field;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let close = rest[at..].find('}').expect("an escape ends") + at;
        let code = u32::from_str_radix(&rest[at + 3..close], 16).expect("hex");
        out.push(char::from_u32(code).expect("a character"));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[wasm_bindgen_test]
fn the_browser_writes_every_number_as_the_native_renderer_does() {
    let mut differ = Vec::new();
    let mut rows = 0;
    for line in TABLE.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [tag, what, input, native] = fields[..] else {
            panic!("a row of four fields: {line:?}");
        };
        let locale = Locale::parse(tag).expect("a locale");
        let value = Decimal::from_str(input).expect("a number");
        let written = match what.split_once(' ') {
            Some(("short", currency)) => locale.money(value, currency, Style::Short),
            Some(("long", currency)) => locale.money(value, currency, Style::Long),
            _ if what == "percent" => locale.percent(value),
            _ => locale.number(value),
        };
        rows += 1;
        if written != unescaped(native) {
            differ.push(format!(
                "{tag} {what} {input}: native {native:?}, browser {written:?}"
            ));
        }
    }
    assert!(rows > 1000, "the whole table is read: {rows} rows");
    assert!(
        differ.is_empty(),
        "{} of {rows} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

/// The story's text with a `locale` of its own.
fn in_locale(text: &str, tag: &str) -> String {
    text.replacen('{', &format!("{{\n  \"locale\": \"{tag}\","), 1)
}

#[wasm_bindgen_test]
fn every_story_in_every_language_is_drawn_as_written() {
    for (name, text) in STORIES {
        for tag in ["de", "fr", "es", "en-GB", "de-AT"] {
            let text = in_locale(text, tag);
            let fixture = Fixture::new();
            let _explainer = Explainer::mount(
                &fixture.host,
                JsValue::from_str(&text),
                JsValue::UNDEFINED,
                false,
            )
            .unwrap_or_else(|_| panic!("{name} in {tag} mounts"));
            let drawn = fixture.find(".rx");
            assert_eq!(
                drawn.get_attribute("lang").as_deref(),
                Some(tag),
                "{name}: lang"
            );
            let story = Story::from_json(&text).unwrap();
            let frame = Frame::new(&drawn.get_attribute("data-ids").unwrap()).unwrap();
            let html = explainer_html(&story, &Scenario::article(&story), &frame).unwrap();
            let document = web_sys::window().unwrap().document().unwrap();
            let holder = document.create_element("div").unwrap();
            holder.set_inner_html(&html);
            let parsed = holder.first_element_child().unwrap();
            assert!(
                parsed.is_equal_node(Some(&drawn)),
                "{name} in {tag}: the written HTML and the drawn tree differ:\n{html}\n---\n{}",
                drawn.outer_html()
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_host_asking_for_german_gets_german_words_and_figures() {
    let fixture = Fixture::new();
    fixture.host.set_attribute("data-locale", "de").unwrap();
    let explainer = fixture.mount();
    let root = fixture.find(".rx");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    let headline = fixture.headline();
    assert!(headline.contains("Mrd."), "German billions: {headline}");
    assert!(headline.contains("8,33"), "a decimal comma: {headline}");
    let text = root.text_content().unwrap();
    assert!(
        !text.contains("Who would own what"),
        "no English section title"
    );

    // Another locale, with the reader's choices kept; one it cannot speak changes nothing.
    fixture.slide("amazon", 1);
    let moved = fixture.headline();
    explainer.set_locale("fr").unwrap();
    assert_eq!(
        fixture.find(".rx").get_attribute("lang").as_deref(),
        Some("fr")
    );
    let french = fixture.headline();
    assert!(french.contains("Md"), "French billions: {french}");
    assert_ne!(french, moved, "now in French");
    let refused = explainer
        .set_locale("pt-BR")
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(
        message(refused).contains("pt-BR"),
        "the refusal names the tag"
    );
    assert_eq!(
        fixture.headline(),
        french,
        "a refused locale changes nothing"
    );
    explainer.set_locale("").unwrap();
    assert_eq!(
        fixture.find(".rx").get_attribute("lang").as_deref(),
        Some("en"),
        "the story's own"
    );
}

#[wasm_bindgen_test]
fn a_locale_it_cannot_speak_is_an_error_event_and_the_storys_own_is_spoken() {
    let fixture = Fixture::new();
    fixture
        .host
        .set_attribute("data-locale", "<b>x</b>")
        .unwrap();
    let heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = Rc::clone(&heard);
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let event: CustomEvent = event.unchecked_into();
            heard
                .borrow_mut()
                .push(field(&event.detail(), &[&"message"]));
        })
    };
    fixture
        .host
        .add_event_listener_with_callback(
            "round-explainer:error",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    let _explainer = Explainer::mount(&fixture.host, article_story(), JsValue::UNDEFINED, false)
        .expect("the explainer is shown in the story's own locale");
    assert_eq!(
        fixture.find(".rx").get_attribute("lang").as_deref(),
        Some("en")
    );
    let messages = heard.borrow().clone();
    assert_eq!(messages.len(), 1, "one error event: {messages:?}");
    assert!(
        messages[0].contains("locale attribute"),
        "says where: {}",
        messages[0]
    );
    assert!(
        messages[0].contains("<b>x</b>"),
        "and what: {}",
        messages[0]
    );
    fixture
        .host
        .remove_event_listener_with_callback(
            "round-explainer:error",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
}
