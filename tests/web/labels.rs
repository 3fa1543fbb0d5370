//! What the explainer says about its figures, for stories other than the article's as well:
//! every label true for the scenario on screen, every figure button opening a note, money read
//! aloud in full, and the fragment's host part left alone (issue 13).

use round_explainer::Explainer;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

use super::support::{article_story, field, get, set_in, sleep, Fixture};

fn mount(fixture: &Fixture, story: JsValue) -> Explainer {
    Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false).expect("the story mounts")
}

fn all(fixture: &Fixture, selector: &str) -> Vec<Element> {
    let list = fixture.host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The article's story with nothing the reader can vary but the price: no ranges on the round,
/// Amazon or SoftBank; and a story whose only tranche is Amazon's, so that no one is named as
/// undisclosed.
fn fixed_story() -> JsValue {
    let story = article_story();
    let none = JsValue::NULL;
    set_in(&story, &[&"round", &"total", &"range"], &none);
    set_in(
        &story,
        &[
            &"round",
            &"tranches",
            &0,
            &"investors",
            &0,
            &"amount",
            &"range",
        ],
        &none,
    );
    set_in(&story, &[&"separate_deals", &0, &"amount", &"range"], &none);
    story
}

fn amazon_only_story() -> JsValue {
    let story = article_story();
    let tranches = js_sys::Array::of1(&get(&story, &[&"round", &"tranches", &0]));
    set_in(&story, &[&"round", &"tranches"], &tranches);
    let investors =
        js_sys::Array::of1(&get(&story, &[&"round", &"tranches", &0, &"investors", &0]));
    set_in(
        &story,
        &[&"round", &"tranches", &0, &"investors"],
        &investors,
    );
    story
}

/// Item 6: the tranche list says "reported" only while the amounts are the article's.
#[wasm_bindgen_test]
fn the_tranche_list_says_whose_figure_it_shows() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let tranche = || fixture.text(".rx-tranches li");
    assert!(tranche().contains("$50B reported"), "{}", tranche());
    fixture.slide("amazon", 10); // $20B
    assert!(
        tranche().contains("$20B with your choices"),
        "{}",
        tranche()
    );
    assert!(!tranche().contains("reported "), "{}", tranche());
    fixture.slide("amazon", 40); // back to $50B
    assert!(tranche().contains("$50B reported"), "{}", tranche());
}

/// Item 6: no "Not reported ()" when the story names no one for the rest of the round.
#[wasm_bindgen_test]
fn the_undisclosed_rest_has_no_empty_parentheses() {
    let fixture = Fixture::new();
    let _explainer = mount(&fixture, amazon_only_story());
    let labels: Vec<String> = all(&fixture, "[data-part=round] .rx-legend-label")
        .iter()
        .map(|label| label.text_content().unwrap_or_default())
        .collect();
    assert!(labels.iter().any(|l| l == "Not reported"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("()")), "{labels:?}");
}

/// Item 6: presets that give the same scenario are one button, so two are never pressed at once.
#[wasm_bindgen_test]
fn identical_presets_are_one_button() {
    let fixture = Fixture::new();
    let _explainer = mount(&fixture, fixed_story());
    let presets: Vec<String> = all(&fixture, "button[data-preset]")
        .iter()
        .map(|b| b.get_attribute("data-preset").unwrap_or_default())
        .collect();
    assert_eq!(
        presets,
        ["article"],
        "nothing varies but the price: one preset"
    );

    let article = Fixture::new();
    let _explainer = article.mount();
    // Amazon's "as much as $50 billion" and the round's "close to $100 billion" are the tops of
    // their ranges: the upper end is the article's figures.
    let offered: Vec<String> = all(&article, "button[data-preset]")
        .iter()
        .map(|b| b.get_attribute("data-preset").unwrap_or_default())
        .collect();
    assert_eq!(
        offered,
        ["article", "low_end"],
        "the upper end is the article's figures"
    );
    for preset in ["article", "low_end"] {
        article.click(&format!("button[data-preset={preset}]"));
        let pressed = all(&article, "button[data-preset][aria-pressed=true]");
        assert_eq!(pressed.len(), 1, "one pressed after {preset}");
    }
}

/// Item 6: the round's figure is the reader's choice once a preset moves it.
#[wasm_bindgen_test]
fn the_headline_round_figure_says_what_it_is_now() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let round = || {
        fixture
            .find(".rx-headline .rx-tile:first-child button")
            .get_attribute("data-ref")
            .unwrap()
    };
    assert_eq!(round(), "source:round-total");
    fixture.click("button[data-preset=low_end]");
    assert_eq!(round(), "choice:round");
    fixture.click(".rx-headline .rx-tile:first-child button");
    let note = fixture.text(".rx-provenance");
    assert!(note.starts_with("Your choice"), "{note}");
    assert!(
        note.contains("The article's figure is close to $100 billion."),
        "{note}"
    );
}

/// Item 7: every figure button opens a note with one of the four kinds, in three stories.
#[wasm_bindgen_test]
fn every_figure_button_opens_a_note() {
    for (name, story) in [
        ("article", article_story()),
        ("fixed", fixed_story()),
        ("amazon only", amazon_only_story()),
        (
            "brightwater (fictional, a reported post-money in euros)",
            JsValue::from_str(include_str!("../stories/brightwater-eur.json")),
        ),
        (
            "orbital (fictional, tranches by time, a lead that could be cut)",
            JsValue::from_str(include_str!("../stories/orbital-tranches.json")),
        ),
        (
            "thistle (fictional, a pre-money reported in pounds, a group, two deals)",
            JsValue::from_str(include_str!("../stories/thistle-gbp.json")),
        ),
    ] {
        let fixture = Fixture::new();
        let _explainer = mount(&fixture, story);
        fixture.click("button[data-preset=article]");
        let buttons = all(&fixture, "button[data-ref]");
        assert!(
            buttons.len() > 10,
            "{name}: {} figure buttons",
            buttons.len()
        );
        for button in buttons {
            let reference = button.get_attribute("data-ref").unwrap();
            button.unchecked_ref::<HtmlElement>().click();
            let note = fixture.find(".rx-provenance");
            assert!(
                !note.has_attribute("hidden"),
                "{name}: {reference} opens its note"
            );
            let kind = fixture.text(".rx-note-kind");
            assert!(
                [
                    "From the article",
                    "Assumption",
                    "Your choice",
                    "Derived",
                    "Partly from the article",
                ]
                .contains(&kind.as_str()),
                "{name}: {reference} has kind {kind:?}"
            );
            assert!(
                fixture.text(".rx-note-text").len() > 5,
                "{name}: {reference} says something"
            );
            button.unchecked_ref::<HtmlElement>().click(); // closes it again
            assert!(note.has_attribute("hidden"), "{name}: {reference} closes");
            assert!(
                !button.has_attribute("aria-controls"),
                "{name}: {reference} controls nothing once closed"
            );
        }
    }
}

/// Item 5: a choice too large to compute exactly leaves the figures and the controls as they
/// were, and says why beside the slider.
#[wasm_bindgen_test]
fn an_overflow_keeps_controls_and_figures_in_agreement() {
    let story = article_story();
    set_in(
        &story,
        &[&"pre_money", &"range", &"high"],
        &"79228162514264337593543950335".into(),
    );
    set_in(&story, &[&"pre_money", &"range", &"step"], &JsValue::NULL);
    let fixture = Fixture::new();
    let explainer = mount(&fixture, story);
    let before = fixture.slider("pre").value();
    fixture.press("pre", "End");
    let problem = fixture.find(".rx-problem");
    assert!(!problem.has_attribute("hidden"), "the problem is shown");
    assert!(
        fixture.text(".rx-problem").contains("too large"),
        "{}",
        fixture.text(".rx-problem")
    );
    assert_eq!(
        problem
            .parent_element()
            .and_then(|e| e.get_attribute("data-part"))
            .as_deref(),
        Some("control-pre"),
        "under the slider that asked"
    );
    assert_eq!(
        fixture.slider("pre").value(),
        before,
        "the slider went back"
    );
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"pre_money"]),
        "500B"
    );
    assert!(
        fixture.headline().contains("$600B"),
        "the figures are the last good ones"
    );
    fixture.press("pre", "Home");
    assert!(
        fixture
            .host
            .query_selector(".rx-problem")
            .unwrap()
            .is_none(),
        "a good choice clears it"
    );
}

/// Item 20: money is read aloud in full, and slider values are not a second live region.
#[wasm_bindgen_test]
fn money_has_a_long_form_for_screen_readers() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    assert!(
        all(&fixture, "output").is_empty(),
        "no <output> doubles the slider's announcement"
    );
    let short_money = |text: &str| {
        text.split(['$', ' '])
            .any(|word| word.ends_with('B') && word[..word.len() - 1].parse::<f64>().is_ok())
    };
    let mut checked = 0;
    for button in all(&fixture, "button[data-ref]") {
        let visible = button
            .query_selector("[aria-hidden=true]")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_else(|| button.text_content().unwrap_or_default());
        if !short_money(&visible) {
            continue;
        }
        let spoken = button
            .query_selector(".rx-sr")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        assert!(
            spoken.contains("billion"),
            "{visible:?} is read as {spoken:?}"
        );
        checked += 1;
    }
    assert!(checked >= 8, "{checked} figures with short money");
}

/// Item 19: a note is announced; Escape from the note puts focus back on its figure, and
/// Escape elsewhere leaves focus alone.
#[wasm_bindgen_test]
fn notes_are_announced_and_escape_acts_only_from_the_note() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let button: HtmlElement = fixture
        .find("button[data-ref=\"source:project-rainier\"]")
        .unchecked_into();
    button.focus().unwrap();
    button.click();
    assert!(
        fixture.text(".rx-live").contains("Project Rainier"),
        "announced"
    );
    fixture.press("pre", "Escape");
    assert!(
        !fixture.find(".rx-provenance").has_attribute("hidden"),
        "Escape on a slider is not ours"
    );
    let note = fixture.find(".rx-note-text");
    note.set_attribute("tabindex", "-1").unwrap();
    note.unchecked_ref::<HtmlElement>().focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    note.dispatch_event(&escape).unwrap();
    assert!(
        fixture.find(".rx-provenance").has_attribute("hidden"),
        "Escape in the note closes it"
    );
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document.active_element().as_ref(),
        Some(button.as_ref()),
        "focus is back"
    );
}

/// Item 8: a host listener that calls the explainer while the explainer moves focus (here,
/// Escape putting focus back) is served, not trapped.
#[wasm_bindgen_test]
fn a_host_listener_may_call_in_during_the_explainers_own_events() {
    let fixture = Fixture::new();
    let explainer = std::rc::Rc::new(fixture.mount());
    let results = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let (calls, handle) = (results.clone(), explainer.clone());
    let on_focus = Closure::<dyn Fn()>::new(move || {
        calls
            .borrow_mut()
            .push(handle.set_fragment("v1&amazon=40B").is_ok());
        handle.highlight(Some("round".to_owned())).unwrap();
    });
    fixture
        .host
        .add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref())
        .unwrap();
    let button: HtmlElement = fixture
        .find("button[data-ref=\"source:project-rainier\"]")
        .unchecked_into();
    button.click();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&escape).unwrap();
    assert_eq!(
        *results.borrow(),
        [true],
        "the host's call during the focus move was served"
    );
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"amounts", &"amazon"]),
        "40B"
    );
    fixture
        .host
        .remove_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref())
        .unwrap();
}

/// Item 13: with url-state, the host's own anchor (`#comments`) neither resets the reader's
/// scenario nor is erased; the explainer writes its part after the host's.
#[wasm_bindgen_test]
async fn the_hosts_anchor_is_not_the_explainers() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let original = window.location().href().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("#"))
        .unwrap();
    let fixture = Fixture::new();
    let mut explainer =
        Explainer::mount(&fixture.host, article_story(), JsValue::UNDEFINED, true).unwrap();
    fixture.slide("amazon", 30); // $40B
    sleep(900).await;
    assert_eq!(window.location().hash().unwrap(), "#v1&amazon=40B");
    window.location().set_hash("comments").unwrap();
    sleep(100).await; // hashchange is dispatched as a task
    assert_eq!(
        field(&explainer.scenario().unwrap(), &[&"amounts", &"amazon"]),
        "40B",
        "the reader's scenario stays"
    );
    sleep(900).await;
    assert_eq!(
        window.location().hash().unwrap(),
        "#comments",
        "the host's anchor stays"
    );
    fixture.slide("amazon", 20); // $30B
    sleep(900).await;
    assert_eq!(window.location().hash().unwrap(), "#comments&v1&amazon=30B");
    explainer.unmount();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&original))
        .unwrap();
}

/// Item 21: the host chooses the heading level, so the explainer fits the page's outline.
#[wasm_bindgen_test]
fn the_host_chooses_the_heading_level() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    assert_eq!(fixture.find(".rx-title").tag_name(), "H2", "h2 by default");
    assert_eq!(fixture.find(".rx-h").tag_name(), "H3");
    let nested = Fixture::new();
    nested
        .host
        .set_attribute("data-heading-level", "4")
        .unwrap();
    let _explainer = nested.mount();
    assert_eq!(nested.find(".rx-title").tag_name(), "H4");
    assert_eq!(nested.find(".rx-h").tag_name(), "H5");
    let odd = Fixture::new();
    odd.host.set_attribute("data-heading-level", "9").unwrap();
    let _explainer = odd.mount();
    assert_eq!(
        odd.find(".rx-title").tag_name(),
        "H2",
        "a level out of 1 to 5 is ignored"
    );
}

/// Item 3: story text is isolated from the figures beside it, so a right-to-left name cannot
/// carry "$50B" or "40%" into its own direction.
#[wasm_bindgen_test]
fn a_right_to_left_name_is_isolated_from_the_figures_beside_it() {
    let name = "شركة أمازون";
    let story = article_story();
    set_in(
        &story,
        &[&"round", &"tranches", &0, &"investors", &0, &"name"],
        &name.into(),
    );
    let fixture = Fixture::new();
    let _explainer = mount(&fixture, story);
    let isolated = format!("\u{2068}{name}\u{2069}");
    for selector in [
        ".rx-compare-words",
        ".rx-tile:nth-child(3) .rx-tile-label",
        "[data-part=round] .rx-legend-label",
        ".rx-tranches li",
    ] {
        let raw = fixture.find(selector).text_content().unwrap_or_default();
        assert!(
            raw.contains(&isolated),
            "{selector} isolates the name: {raw:?}"
        );
    }
}

/// Issue 14: a reported post-money valuation (a fictional euro round, tests/stories/) is shown
/// as reported, with its sentence, and the pre-money as derived from it, never "assumed".
#[wasm_bindgen_test]
fn a_reported_post_money_is_reported_and_the_pre_money_derived() {
    let story = JsValue::from_str(include_str!("../stories/brightwater-eur.json"));
    let fixture = Fixture::new();
    let _explainer = mount(&fixture, story);
    let headline = fixture.headline();
    assert!(
        headline.contains("€11.7B") && headline.contains("reported: €11.7B"),
        "{headline}"
    );
    assert!(!headline.contains("assumed"), "{headline}");
    let status = fixture.text(".rx-status");
    assert!(
        status.contains("derived from the reported valuation after the deal"),
        "{status}"
    );
    assert!(!status.contains("assumption"), "{status}");

    fixture.click(".rx-headline button[data-ref=post-money]");
    assert_eq!(fixture.text(".rx-note-kind"), "From the article");
    assert!(fixture
        .text(".rx-quote")
        .contains("values the company at €11.7 billion after the investment"));

    fixture.click(".rx-controls button[data-ref=pre-money]");
    assert_eq!(fixture.text(".rx-note-kind"), "Derived");
    let note = fixture.text(".rx-note-text");
    assert!(
        note.contains("less the new money of €1.7 billion, that leaves €10 billion"),
        "{note}"
    );

    fixture.press("pre", "End");
    fixture.click(".rx-headline button[data-ref=post-money]");
    assert_eq!(
        fixture.text(".rx-note-kind"),
        "Derived",
        "moved, the post-money is arithmetic"
    );
    let table = fixture.text(".rx-table");
    assert!(table.contains("reader's choice"), "{table}");
}

/// Issue 14: tranches with their timing and amounts, a lead whose both ends are the article's,
/// and a total that follows its parts (tests/stories/orbital-tranches.json, fictional).
#[wasm_bindgen_test]
fn tranches_by_time_and_a_total_that_follows_its_parts() {
    let fixture = Fixture::new();
    let _explainer = mount(
        &fixture,
        JsValue::from_str(include_str!("../stories/orbital-tranches.json")),
    );
    let tranches = fixture.text(".rx-tranches");
    assert!(tranches.contains("First part, April: $10B"), "{tranches}");
    assert!(
        tranches.contains("Second part, by the end of the year: $30B"),
        "{tranches}"
    );
    fixture.click("[data-part=control-kestrel] button[data-ref=\"range:kestrel\"]");
    assert_eq!(
        fixture.text(".rx-note-kind"),
        "From the article",
        "both ends of Kestrel's slider are reported"
    );
    assert!(fixture
        .text(".rx-quote")
        .contains("could be reduced to $15 billion"));
    fixture.press("kestrel", "Home"); // $15B
    let headline = fixture.headline();
    assert!(
        headline.contains("$30B") && headline.contains("$290B"),
        "the round follows its parts: {headline}"
    );
    fixture.click(".rx-headline .rx-tile:first-child button");
    assert_eq!(fixture.text(".rx-note-kind"), "Derived");
    let legend = fixture.text("[data-part=round] .rx-legend");
    assert!(
        legend.contains("$10B"),
        "the undisclosed rest stays $10B: {legend}"
    );
}

/// Issue 14: a group named with one amount, a reported stake beside the computed one, the
/// earlier valuation with the step-up to this round, and the article's other figures
/// (tests/stories/thistle-gbp.json, fictional).
#[wasm_bindgen_test]
fn groups_reported_stakes_marks_and_facts_are_shown() {
    let fixture = Fixture::new();
    let _explainer = mount(
        &fixture,
        JsValue::from_str(include_str!("../stories/thistle-gbp.json")),
    );
    let tranches = fixture.text(".rx-tranches");
    assert!(
        tranches
            .contains("The Arden syndicate (Arden Capital, Bexley Partners and Corrin Ventures)"),
        "{tranches}"
    );
    let ownership = fixture.text("[data-part=ownership]");
    assert!(
        ownership.contains("13.33%reported: about 13%"),
        "{ownership}"
    );
    let context = fixture.text("[data-part=context]");
    assert!(
        context.contains("Secondary share sale, Last year"),
        "{context}"
    );
    assert!(context.contains("£4.5B"), "{context}");
    assert!(
        context.contains("is 2.67× that"),
        "£12B over £4.5B: {context}"
    );
    assert!(
        context.contains("Thistle's employees: about 2,400 people"),
        "{context}"
    );
    let status = fixture.text(".rx-status");
    assert!(
        status.contains("The price of the round is reported"),
        "{status}"
    );
    fixture.click(".rx-controls button[data-ref=\"source:round\"]");
    assert_eq!(fixture.text(".rx-note-kind"), "From the article");
    fixture.press("pre", "End"); // £16B
    let context = fixture.text("[data-part=context]");
    assert!(
        context.contains("(your choice), is 3.56× that"),
        "the step-up follows the price: {context}"
    );
}
