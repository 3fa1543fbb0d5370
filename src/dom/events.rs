//! The explainer's events, for a newsroom's analytics (the explainer makes no network calls of
//! its own): each a bubbling, composed `CustomEvent` on the explainer's root, so that it reaches
//! the page through a shadow root, with a `detail` of strings (or `null`), documented in the
//! README ("Events").

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// An event to dispatch once the explainer's state is free (a listener may call back in).
pub struct Pending {
    target: Element,
    event: CustomEvent,
}

impl Pending {
    /// `round-explainer:<name>` on `target`, with `detail` as an object of strings and nulls.
    pub fn new(target: &Element, name: &str, detail: &[(&str, Option<&str>)]) -> Option<Pending> {
        let object = js_sys::Object::new();
        for (key, value) in detail {
            let value = value.map_or(JsValue::NULL, JsValue::from_str);
            js_sys::Reflect::set(&object, &JsValue::from_str(key), &value).ok()?;
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        let event =
            CustomEvent::new_with_event_init_dict(&format!("round-explainer:{name}"), &init)
                .ok()?;
        Some(Pending {
            target: target.clone(),
            event,
        })
    }

    /// `round-explainer:error` on `target`: what could not be shown, and the control that
    /// asked for it, if one did.
    pub fn error(target: &Element, message: &str, control: Option<&str>) -> Option<Pending> {
        Pending::new(
            target,
            "error",
            &[("message", Some(message)), ("control", control)],
        )
    }

    /// Dispatches it.
    pub fn dispatch(self) {
        let _ = self.target.dispatch_event(&self.event);
    }
}
