//! A few helpers to build the explainer's fixed DOM (the parts redrawn on change are described
//! with [`VNode`](super::vnode::VNode) instead). Data always goes in as text (`textContent` or
//! attribute values), never as HTML.

use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element, HtmlInputElement};

/// Builds nodes in one document.
#[derive(Clone)]
pub struct Dom {
    /// The document nodes are made in.
    pub doc: Document,
}

impl Dom {
    /// An HTML element with a class (none when empty).
    pub fn el(&self, tag: &str, class: &str) -> Element {
        // `expect_throw`, not `expect`: the view's own tags never fail, and `expect` would bring
        // the formatting of a JS value for its message into the wasm and the glue.
        let element = self
            .doc
            .create_element(tag)
            .expect_throw("a valid tag name");
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element
    }

    /// An HTML element holding text.
    pub fn text(&self, tag: &str, class: &str, text: &str) -> Element {
        let element = self.el(tag, class);
        element.set_text_content(Some(text));
        element
    }

    /// A `<button type=button>` with text and a class.
    pub fn button(&self, class: &str, text: &str) -> Element {
        let button = self.text("button", class, text);
        set(&button, "type", "button");
        button
    }
}

/// Sets an attribute; the names are the view's own, so this cannot fail.
pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Appends children in order.
pub fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// Replaces all children of `parent` with `children`.
pub fn replace_children(parent: &Element, children: &[&Element]) {
    parent.set_text_content(None);
    append(parent, children);
}

/// The element as an `<input>`, if it is one.
pub fn as_input(element: &Element) -> Option<&HtmlInputElement> {
    element.dyn_ref::<HtmlInputElement>()
}
