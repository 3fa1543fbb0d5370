//! `compute` and `RoundStory` across the wasm boundary: plain objects in, plain objects out,
//! errors as `Error` objects with the model's message.

use round_explainer::{compute, format_money_js, RoundStory};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::support::{article_story, field, message, object, percents, set_in, PathPart};

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[wasm_bindgen_test]
fn compute_gives_the_default_figures() {
    let outcome =
        compute(article_story(), JsValue::UNDEFINED).expect("the default scenario computes");
    assert_eq!(field(&outcome, &[&"post_money"]), "600000000000");
    assert_eq!(field(&outcome, &[&"round", &"undisclosed"]), "50000000000");
    assert_eq!(field(&outcome, &[&"dilution", &"part"]), "100000000000");
    assert_eq!(field(&outcome, &[&"dilution_percent"]), "16.67");
    assert_eq!(
        percents(&outcome),
        pairs(&[
            ("existing", "83.34"),
            ("amazon", "8.33"),
            ("undisclosed", "8.33")
        ])
    );
    assert_eq!(
        field(&outcome, &[&"comparisons", &0, &"words"]),
        "40% of Amazon's planned 2026 capital spending"
    );
}

#[wasm_bindgen_test]
fn a_scenario_with_softbank_on_gives_630_billion() {
    let scenario =
        object(r#"{ "pre_money": "500B", "round_total": "100B", "deals": { "softbank": true } }"#);
    let outcome = compute(article_story(), scenario).expect("SoftBank on computes");
    assert_eq!(field(&outcome, &[&"post_money"]), "630000000000");
    assert_eq!(
        percents(&outcome),
        pairs(&[
            ("existing", "79.36"),
            ("amazon", "7.94"),
            ("undisclosed", "7.94"),
            ("softbank", "4.76")
        ])
    );
}

#[wasm_bindgen_test]
fn a_bad_story_is_an_error_naming_the_field() {
    let story = article_story();
    let low = [
        &"round" as &dyn PathPart,
        &"tranches",
        &0,
        &"investors",
        &0,
        &"amount",
        &"range",
        &"low",
    ];
    set_in(&story, &low, &"60B".into());
    let error = compute(story, JsValue::UNDEFINED).expect_err("low above high is refused");
    assert_eq!(
        message(error.into()),
        "story file: round.tranches[0].investors[0].amount.range: low 60B is above high 50B"
    );

    let error = RoundStory::new(object(r#"{ "version": "1" }"#))
        .err()
        .expect("a string version is refused");
    assert_eq!(
        message(error.into()),
        "story file: version: expected a whole number, found a string; id: is required but missing; title: is required but missing; company: is required but missing; focus_investor: is required but missing; pre_money: is required but missing; round: is required but missing",
        "every problem at once, in the file's order"
    );
}

#[wasm_bindgen_test]
fn a_bad_scenario_is_an_error_naming_the_field() {
    let story = RoundStory::new(article_story()).unwrap();
    let cases = [
        (r#"{ "pre_money": 500000000000, "round_total": "100B" }"#, "scenario: pre_money: amounts are strings such as \"50B\" or \"50000000000\", not JSON numbers, which can lose digits"),
        (r#"{ "pre_money": "500B", "round_total": "100B", "amounts": { "amazon": "60B" } }"#, "amounts.amazon: 60B is outside its range 10B to 50B"),
        (r#"{ "pre_money": "500B" }"#, "scenario: round_total: is required but missing"),
    ];
    for (scenario, expected) in cases {
        let error = story.compute(object(scenario)).expect_err(scenario);
        assert_eq!(message(error.into()), expected, "{scenario}");
    }
}

#[wasm_bindgen_test]
fn presets_and_fragments_cross_the_boundary() {
    let story = RoundStory::new(article_story()).unwrap();
    let low = story.preset(JsValue::UNDEFINED, "low_end").unwrap();
    assert_eq!(field(&low, &[&"amounts", &"amazon"]), "10B");
    // SoftBank's amount moves to its low end too, but the deal is off, so it is not written.
    assert_eq!(story.to_fragment(low).unwrap(), "v1&round=50B&amazon=10B");
    let read = story.from_fragment("#v1&round=50B&amazon=10B").unwrap();
    assert_eq!(field(&read, &[&"round_total"]), "50B");
    let hostile = story
        .from_fragment("#v1&pre=<img src=x onerror=alert(1)>&amazon=1e99")
        .unwrap();
    assert_eq!(
        field(&hostile, &[&"pre_money"]),
        "500B",
        "a hostile fragment gives the defaults"
    );
    assert!(
        story.preset(JsValue::UNDEFINED, "middle").is_err(),
        "an unknown preset is refused"
    );
}

#[wasm_bindgen_test]
fn money_is_formatted_for_readers() {
    assert_eq!(
        format_money_js("50000000000", true, None, None).unwrap(),
        "$50 billion"
    );
    assert_eq!(format_money_js("630B", false, None, None).unwrap(), "$630B");
    assert!(format_money_js("fifty", false, None, None).is_err());
    let euros = format_money_js("1.3B", false, Some("EUR".to_owned()), None).unwrap();
    assert_eq!(euros, "€1.3B", "in the story's currency");
    let francs = format_money_js("1.3B", true, Some("CHF".to_owned()), None).unwrap();
    assert_eq!(francs, "CHF\u{a0}1.3 billion");
}

/// Issue 13, item 16: the inline-story snippet cannot be broken out of. Story text holding
/// `</script><script>…` stays data once the snippet is in a page (here inserted with
/// `createContextualFragment`, which runs scripts as the HTML parser does), while the same
/// story pasted unescaped would run it.
#[wasm_bindgen_test]
fn the_inline_snippet_keeps_hostile_story_text_as_data() {
    use round_explainer::view::html::inline_snippet;
    let hostile = "Amazon is in talks.</script><script>window.rxPwned = (window.rxPwned || 0) + 1</script><!--";
    let story = article_story();
    set_in(&story, &[&"sources", &0, &"quote"], &hostile.into());
    let text = String::from(js_sys::JSON::stringify(&story).unwrap());
    let insert = js_sys::Function::new_with_args(
        "html",
        "const host = document.createElement('div'); \
         host.append(document.createRange().createContextualFragment(html)); \
         document.body.append(host); \
         const block = host.querySelector('script[type=\"application/json\"]'); \
         const text = block ? block.textContent : ''; host.remove(); return text;",
    );
    let pwned = || js_sys::Reflect::get(&js_sys::global(), &"rxPwned".into()).unwrap();

    let inline = insert
        .call1(&JsValue::NULL, &inline_snippet(&text, &[], None).into())
        .unwrap();
    assert!(pwned().is_undefined(), "the escaped snippet runs nothing");
    let read = RoundStory::new(inline).expect("the block holds the story, read strictly");
    let again = read.compute(JsValue::UNDEFINED).expect("and it computes");
    assert_eq!(field(&again, &[&"post_money"]), "600000000000");
    let parsed = js_sys::JSON::parse(
        &insert
            .call1(&JsValue::NULL, &inline_snippet(&text, &[], None).into())
            .unwrap()
            .as_string()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        field(&parsed, &[&"sources", &0, &"quote"]),
        hostile,
        "the quote is unchanged"
    );

    let naive = format!(
        "<round-explainer><script type=\"application/json\">{text}</script></round-explainer>"
    );
    insert.call1(&JsValue::NULL, &naive.into()).unwrap();
    assert_eq!(
        pwned().as_f64(),
        Some(1.0),
        "the unescaped snippet would have run it"
    );
}
