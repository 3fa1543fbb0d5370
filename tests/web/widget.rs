//! The mounted explainer: each test mounts into a fresh container and drives it as a reader
//! would, through DOM events.

use round_explainer::{live_listener_count, Explainer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use super::support::{article_story, field, object, set_in, sleep, stake, Fixture, PathPart};

#[wasm_bindgen_test]
fn mounting_shows_the_default_figures() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let headline = fixture.headline();
    for figure in ["$100B", "$600B", "8.33%", "16.67%", "83.34%"] {
        assert!(
            headline.contains(figure),
            "headline has {figure}: {headline}"
        );
    }
    let table = fixture.text(".rx-table");
    assert!(
        table.contains("Post-money valuation$600B$600 billionderived"),
        "{table}"
    );
    assert!(fixture
        .text("[data-part=round]")
        .contains("Not reported (Microsoft, Nvidia, financial investors)"));
    assert_eq!(
        fixture
            .slider("amazon")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some("$50 billion")
    );
}

#[wasm_bindgen_test]
fn each_slider_and_the_softbank_toggle_change_the_right_numbers() {
    let fixture = Fixture::new();
    let explainer = fixture.mount();
    fixture.slide("amazon", 30); // $10B + 30 × $1B
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"amounts", &"amazon"]),
        "40B"
    );
    assert_eq!(stake(&explainer, "amazon"), "6.67");
    assert_eq!(
        fixture
            .slider("amazon")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some("$40 billion")
    );
    assert!(
        fixture.headline().contains("6.67%"),
        "{}",
        fixture.headline()
    );

    fixture.slide("round", 30); // $50B + 30 × $1B
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"post_money"]),
        "580000000000"
    );
    fixture.slide("pre", 40); // $300B + 40 × $10B
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"post_money"]),
        "780000000000"
    );

    let fixture = Fixture::new();
    let explainer = fixture.mount();
    assert!(
        fixture.slider("softbank").disabled(),
        "SoftBank's slider waits for its toggle"
    );
    fixture.click("input[data-deal=softbank]");
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"post_money"]),
        "630000000000"
    );
    assert_eq!(stake(&explainer, "amazon"), "7.94");
    assert!(
        fixture.headline().contains("$630B") && fixture.headline().contains("7.94%"),
        "{}",
        fixture.headline()
    );
    assert!(!fixture.slider("softbank").disabled());
}

#[wasm_bindgen_test]
fn sliders_move_by_keyboard() {
    let fixture = Fixture::new();
    let explainer = fixture.mount();
    let amazon = || field(&explainer.scenario().unwrap(), &[&"amounts", &"amazon"]);
    let cases = [
        ("ArrowLeft", "49B"),
        ("ArrowDown", "48B"),
        ("ArrowUp", "49B"),
        ("PageDown", "45B"),
        ("Home", "10B"),
        ("ArrowRight", "11B"),
        ("PageUp", "15B"),
        ("End", "50B"),
    ];
    for (key, expected) in cases {
        fixture.press("amazon", key);
        assert_eq!(amazon(), expected, "after {key}");
    }
    assert!(fixture
        .text("[data-part=control-amazon]")
        .contains("At the article's upper end: as much as $50 billion."));
}

#[wasm_bindgen_test]
fn presets_and_provenance() {
    let fixture = Fixture::new();
    let explainer = fixture.mount();
    fixture.click("button[data-preset=low_end]");
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"amounts", &"amazon"]),
        "10B"
    );
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"round_total"]),
        "50B"
    );
    assert_eq!(
        fixture
            .find("button[data-preset=low_end]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );

    fixture.click("button[data-ref=\"source:project-rainier\"]");
    let note = fixture.find(".rx-provenance");
    assert!(!note.has_attribute("hidden"), "the note opens");
    let text = note.text_content().unwrap();
    assert!(
        text.contains("Last October, it unveiled an $11 billion data center campus in Indiana"),
        "{text}"
    );
    fixture.click(
        ".rx-headline button[data-ref=\"pre-money\"], .rx-controls button[data-ref=\"pre-money\"]",
    );
    assert!(
        fixture
            .text(".rx-provenance")
            .contains("The article gives no price for the new round."),
        "assumptions say so"
    );
}

#[wasm_bindgen_test]
fn a_name_full_of_markup_is_shown_as_text() {
    let fixture = Fixture::new();
    let story = article_story();
    let name = [
        &"round" as &dyn PathPart,
        &"tranches",
        &0,
        &"investors",
        &1,
        &"name",
    ];
    set_in(&story, &name, &"<img src=x onerror=alert(1)>".into());
    let _explainer = Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false).unwrap();
    assert!(
        fixture
            .host
            .text_content()
            .unwrap()
            .contains("<img src=x onerror=alert(1)>"),
        "the name is text"
    );
    assert!(
        fixture.host.query_selector("img").unwrap().is_none(),
        "and no element"
    );
}

#[wasm_bindgen_test]
fn unmounting_leaves_no_nodes_and_no_listeners() {
    let fixture = Fixture::new();
    let before = live_listener_count();
    let mut explainer = fixture.mount();
    fixture.slide("amazon", 20); // starts an announcement timer too
    assert!(live_listener_count() > before, "mounted, it listens");
    explainer.unmount();
    assert_eq!(
        live_listener_count(),
        before,
        "every listener and timer is gone"
    );
    assert_eq!(fixture.host.child_nodes().length(), 0, "every node is gone");
    assert!(
        explainer.outcome().is_err(),
        "an unmounted explainer says so"
    );
    explainer.unmount();
}

#[wasm_bindgen_test]
async fn a_hostile_fragment_gives_the_defaults() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let original = window.location().href().unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some("#v1&pre=<script>alert(1)</script>&amazon=1e99&round=-5B"),
        )
        .unwrap();
    let fixture = Fixture::new();
    let mut explainer =
        Explainer::mount(&fixture.host, article_story(), JsValue::UNDEFINED, true).unwrap();
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"post_money"]),
        "600000000000"
    );
    fixture.slide("amazon", 30);
    let hash = window.location().hash().unwrap();
    assert!(
        hash.contains("pre="),
        "the URL is written once input rests, not at each step"
    );
    sleep(1000).await;
    let hash = window.location().hash().unwrap();
    assert_eq!(
        hash, "#v1&amazon=40B",
        "the fragment now holds the reader's change only"
    );
    explainer.unmount();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&original))
        .unwrap();
}

#[wasm_bindgen_test]
fn two_explainers_do_not_interfere() {
    let (first, second) = (Fixture::new(), Fixture::new());
    let (a, b) = (first.mount(), second.mount());
    first.slide("amazon", 0);
    assert_eq!(stake(&a, "amazon"), "1.67", "the first moved");
    assert_eq!(stake(&b, "amazon"), "8.33", "the second did not");
    assert!(second.headline().contains("8.33%"));
    let ids: Vec<String> = [&first, &second]
        .iter()
        .map(|f| f.slider("amazon").id())
        .collect();
    assert_ne!(ids[0], ids[1], "ids are unique on the page");
}

#[wasm_bindgen_test]
fn a_bad_story_shows_its_error_in_place() {
    let fixture = Fixture::new();
    let story = object(r#"{ "version": 1, "id": "x" }"#);
    let error = Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false)
        .err()
        .expect("refused");
    let message = super::support::message(error.into());
    assert!(
        message.starts_with("story file: title: is required but missing"),
        "{message}"
    );
    let shown = fixture.text(".rx-error");
    assert!(
        shown.contains("story file: title: is required but missing"),
        "{shown}"
    );
}

/// Waits in the browser's event loop.
#[wasm_bindgen_test]
async fn the_live_region_announces_once_input_settles() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let live = || fixture.text(".rx-live");
    assert_eq!(live(), "", "nothing is announced on mounting");
    fixture.slide("amazon", 30);
    sleep(100).await;
    fixture.slide("amazon", 20);
    assert_eq!(live(), "", "nothing while the reader is still moving");
    sleep(1000).await;
    assert_eq!(
        live(),
        "If Amazon invests $30 billion in a $100 billion round, at OpenAI's \
         last reported valuation of $500 billion (an assumption: the article gives no price for this \
         round), OpenAI would be worth $600 billion after the deal and Amazon \
         would own 5.00% of it. Existing holders would be diluted by 16.67%."
    );
    assert_eq!(
        fixture
            .host
            .query_selector_all("[aria-live]")
            .unwrap()
            .length(),
        1,
        "one live region"
    );
}

#[wasm_bindgen_test]
fn the_round_is_held_at_what_is_disclosed_and_says_so() {
    let fixture = Fixture::new();
    let story = article_story();
    set_in(
        &story,
        &[&"round", &"total", &"range", &"low"],
        &"20B".into(),
    );
    let explainer = Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false).unwrap();
    fixture.slide("round", 0); // $20B, below Amazon's $50B
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"round", &"total"]),
        "50000000000"
    );
    let note = fixture.text("[data-part=control-round] .rx-note");
    assert_eq!(
        note,
        "Held at $50 billion: the round cannot be smaller than the amounts its named investors put in."
    );
}

/// Issue 13, item 1: JSON text is read strictly, as natively: a second `"value"` in the round's
/// total is refused, where `JSON.parse` would have kept the last one ($60B under the quote of
/// "close to $100 billion").
#[wasm_bindgen_test]
fn a_story_with_a_key_given_twice_is_refused_in_place() {
    let fixture = Fixture::new();
    let text = include_str!("../../www/stories/openai-2026.json").replacen(
        "\"value\": \"100B\"",
        "\"value\": \"100B\", \"value\": \"60B\"",
        1,
    );
    assert!(
        text.contains("\"60B\""),
        "the test story has the second key"
    );
    let error = Explainer::mount(
        &fixture.host,
        JsValue::from_str(&text),
        JsValue::UNDEFINED,
        false,
    )
    .err()
    .expect("a repeated key is refused");
    let expected = "story file: round.total.value: this field appears twice";
    assert_eq!(field(&error.into(), &[&"message"]), expected);
    assert!(
        fixture.text(".rx-error").contains(expected),
        "the error is shown in place"
    );
}

/// Issue 13, item 11: a story whose getter throws is refused with a message, never unwinding
/// through the wasm; after 500 of them a neighbour still mounts and computes.
#[wasm_bindgen_test]
fn throwing_getters_never_unwind_through_the_wasm() {
    let fixture = Fixture::new();
    let thrower = js_sys::Function::new_no_args("throw new Error('boom')");
    let descriptor = object("{}");
    js_sys::Reflect::set(&descriptor, &"get".into(), &thrower).unwrap();
    js_sys::Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE).unwrap();
    for _ in 0..500 {
        let story = article_story();
        let target: &js_sys::Object = story.unchecked_ref();
        js_sys::Object::define_property(target, &"title".into(), descriptor.unchecked_ref());
        let error = Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false)
            .err()
            .expect("a throwing getter is refused");
        assert!(
            field(&error.into(), &[&"message"])
                .starts_with("story file: could not be read as JSON"),
            "the message says what happened"
        );
    }
    let neighbour = Fixture::new();
    let explainer = neighbour.mount();
    assert_eq!(
        stake(&explainer, "amazon"),
        "8.33",
        "a healthy neighbour still works"
    );
}

/// Issue 13, item 4: a separate deal that is on by default is on for a scenario that does not
/// name it, in the checkbox as in the figures: one answer to "is this deal on".
#[wasm_bindgen_test]
fn a_deal_on_by_default_agrees_with_its_checkbox() {
    let fixture = Fixture::new();
    let story = article_story();
    set_in(
        &story,
        &[&"separate_deals", &0, &"on_by_default"],
        &JsValue::TRUE,
    );
    let scenario = object(r#"{ "pre_money": "500B", "round_total": "100B" }"#);
    let explainer = Explainer::mount(&fixture.host, story, scenario, false).expect("mounts");
    let checkbox: HtmlInputElement = fixture
        .find("input[data-deal=\"softbank\"]")
        .unchecked_into();
    assert!(checkbox.checked(), "the checkbox shows the deal on");
    assert_eq!(
        field(&explainer.outcome().unwrap(), &[&"post_money"]),
        "630000000000",
        "and the figures count it"
    );
    assert!(
        !fixture.slider("softbank").disabled(),
        "its slider is enabled"
    );
}

/// Issue 13, "also found": a handle the page lets go of (freed by the garbage collector, or
/// here at the end of its scope) leaves the explainer on the page and working; only `unmount`
/// takes it away.
#[wasm_bindgen_test]
fn a_dropped_handle_leaves_the_explainer_working() {
    let fixture = Fixture::new();
    let before = live_listener_count();
    {
        let _handle = fixture.mount();
    }
    assert!(fixture.headline().contains("$600B"), "still drawn");
    fixture.slide("amazon", 30); // $40B
    assert!(
        fixture.headline().contains("6.67%"),
        "still working: {}",
        fixture.headline()
    );
    assert!(live_listener_count() > before, "still listening");
}
