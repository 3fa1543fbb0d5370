//! The explainer's events for analytics: `round-explainer:change` once input rests (with the
//! fragment, the control or the preset), `note` when a figure's source opens, `download`, and
//! `error` for a choice that cannot be shown or a story that cannot; each bubbling and composed.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::CustomEvent;

use super::support::{article_story, field, set_in, sleep, Fixture};
use round_explainer::Explainer;

/// Every `round-explainer:*` event that reaches the fixture's host: its name and detail.
struct Heard {
    events: Rc<RefCell<Vec<(String, JsValue, bool)>>>,
    _listeners: Vec<Closure<dyn Fn(web_sys::Event)>>,
    host: web_sys::Element,
}

impl Heard {
    fn on(fixture: &Fixture) -> Heard {
        let events = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in ["change", "note", "download", "error"] {
            let events = Rc::clone(&events);
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let event: CustomEvent = event.unchecked_into();
                events
                    .borrow_mut()
                    .push((event.type_(), event.detail(), event.composed()));
            });
            fixture
                .host
                .add_event_listener_with_callback(
                    &format!("round-explainer:{name}"),
                    listener.as_ref().unchecked_ref(),
                )
                .unwrap();
            listeners.push(listener);
        }
        Heard {
            events,
            _listeners: listeners,
            host: fixture.host.clone(),
        }
    }

    fn names(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|(name, _, _)| name.clone())
            .collect()
    }

    fn detail(&self, index: usize, key: &str) -> String {
        let detail = &self.events.borrow()[index].1;
        field(detail, &[&key])
    }
}

impl Drop for Heard {
    fn drop(&mut self) {
        for (name, listener) in ["change", "note", "download", "error"]
            .iter()
            .zip(&self._listeners)
        {
            let _ = self.host.remove_event_listener_with_callback(
                &format!("round-explainer:{name}"),
                listener.as_ref().unchecked_ref(),
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_preset_gives_one_change_once_input_rests() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let heard = Heard::on(&fixture);
    fixture.click("button[data-preset=low_end]");
    assert!(
        heard.names().is_empty(),
        "nothing while the reader may still be choosing"
    );
    sleep(1000).await;
    assert_eq!(heard.names(), ["round-explainer:change"], "one change");
    assert_eq!(heard.detail(0, "preset"), "low_end");
    assert_eq!(heard.detail(0, "fragment"), "v1&round=50B&amazon=10B");
    assert!(
        heard.events.borrow()[0].2,
        "composed: it leaves a shadow root"
    );
    sleep(1000).await;
    assert_eq!(heard.names().len(), 1, "and only one");
}

#[wasm_bindgen_test]
async fn a_run_of_slider_steps_gives_one_change_naming_the_slider() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let heard = Heard::on(&fixture);
    for position in [30, 31, 32] {
        fixture.slide("amazon", position);
    }
    sleep(1000).await;
    assert_eq!(heard.names(), ["round-explainer:change"]);
    assert_eq!(heard.detail(0, "control"), "amazon");
    assert_eq!(heard.detail(0, "fragment"), "v1&amazon=42B");
}

#[wasm_bindgen_test]
fn a_note_and_a_download_are_heard() {
    let fixture = Fixture::new();
    let _explainer = fixture.mount();
    let heard = Heard::on(&fixture);
    fixture.click(".rx-headline button[data-ref=post-money]");
    fixture.click("button[data-download=csv]");
    assert_eq!(
        heard.names(),
        ["round-explainer:note", "round-explainer:download"]
    );
    assert_eq!(heard.detail(0, "figure"), "post-money");
    assert_eq!(heard.detail(0, "kind"), "derived");
    assert_eq!(heard.detail(1, "format"), "csv");
}

#[wasm_bindgen_test]
fn a_choice_that_cannot_be_shown_and_a_bad_story_are_errors() {
    let story = article_story();
    set_in(
        &story,
        &[&"pre_money", &"range", &"high"],
        &"79228162514264337593543950335".into(),
    );
    set_in(&story, &[&"pre_money", &"range", &"step"], &JsValue::NULL);
    let fixture = Fixture::new();
    let _explainer = Explainer::mount(&fixture.host, story, JsValue::UNDEFINED, false).unwrap();
    let heard = Heard::on(&fixture);
    fixture.press("pre", "End");
    assert_eq!(heard.names(), ["round-explainer:error"]);
    assert_eq!(heard.detail(0, "control"), "pre");
    assert!(heard.detail(0, "message").contains("too large"));

    let broken = Fixture::new();
    let heard = Heard::on(&broken);
    assert!(Explainer::mount(
        &broken.host,
        JsValue::from_str("{"),
        JsValue::UNDEFINED,
        false
    )
    .is_err());
    assert_eq!(heard.names(), ["round-explainer:error"]);
    assert!(
        heard.detail(0, "message").contains("not valid JSON"),
        "{}",
        heard.detail(0, "message")
    );
}
