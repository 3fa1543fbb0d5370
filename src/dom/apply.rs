//! Applies descriptions to the DOM: builds elements for them, patches elements that match an
//! old description into a new one touching only what changed, and takes over elements written
//! before any script ran (pre-rendered HTML) by correcting only what differs from the
//! description. Text goes in as text content and values as attribute values, never as HTML.
//!
//! The parts redrawn on every slider move are patched, not rebuilt: creating a few hundred
//! elements per input costs milliseconds, while changing a dozen texts and widths does not.

use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{CssStyleDeclaration, Document, Element, HtmlElement, HtmlInputElement, SvgElement};

use crate::view::vnode::VNode;

const SVG: &str = "http://www.w3.org/2000/svg";

/// Sets an attribute. An input's `value` and `checked` attributes are only its defaults once
/// the reader has touched it, so the live property is set with them; a style goes through the
/// CSSOM ([`set_style`]).
fn set_attribute(element: &Element, name: &str, value: &str) {
    if name == "style" {
        set_style(element, value);
        return;
    }
    let _ = element.set_attribute(name, value);
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        match name {
            "value" => input.set_value(value),
            "checked" => input.set_checked(true),
            _ => {}
        }
    }
}

fn remove_attribute(element: &Element, name: &str) {
    let _ = element.remove_attribute(name);
    if name == "checked" {
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_checked(false);
        }
    }
}

/// The inline style of an HTML or SVG element.
fn style_of(element: &Element) -> Option<CssStyleDeclaration> {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        Some(html.style())
    } else {
        element.dyn_ref::<SvgElement>().map(SvgElement::style)
    }
}

/// The declarations of a description's style: `name: value;` pairs.
fn declarations(value: &str) -> impl Iterator<Item = (&str, &str)> {
    value.split(';').filter_map(|declaration| {
        let (name, value) = declaration.split_once(':')?;
        Some((name.trim(), value.trim()))
    })
}

/// Sets a style, which in a description holds only custom properties (a holding's colour,
/// src/view/colours.rs), through the CSSOM: a Content-Security-Policy without
/// `'unsafe-inline'` refuses `setAttribute("style", …)` (and logs an error), never the CSSOM.
/// The element's `style` attribute then reads as the description wrote it, the browsers'
/// serialisation.
fn set_style(element: &Element, value: &str) {
    let Some(style) = style_of(element) else {
        return;
    };
    while style.length() > 0 {
        let _ = style.remove_property(&style.item(0));
    }
    for (name, value) in declarations(value) {
        let _ = style.set_property(name, value);
    }
}

/// Whether an element's style holds exactly a description's declarations. A pre-rendered
/// `style` attribute that a page's policy refused is there as text but not in the CSSOM: it is
/// then set again, this time through the CSSOM.
fn style_matches(element: &Element, value: &str) -> bool {
    let Some(style) = style_of(element) else {
        return true;
    };
    let mut count = 0;
    for (name, value) in declarations(value) {
        count += 1;
        if style.get_property_value(name).ok().as_deref() != Some(value) {
            return false;
        }
    }
    style.length() == count
}

/// Builds the DOM for a description.
pub fn create(doc: &Document, node: &VNode) -> Element {
    let element = if node.is_svg() {
        doc.create_element_ns(Some(SVG), node.tag())
    } else {
        doc.create_element(node.tag())
    };
    let element = element.expect_throw("the view's own tag names are valid");
    for (name, value) in node.attrs() {
        set_attribute(&element, name, value);
    }
    if let Some(text) = node.text_content() {
        element.set_text_content(Some(text));
    }
    for child in node.children() {
        let _ = element.append_child(&create(doc, child));
    }
    element
}

/// Makes `element`, which matches `old`, match `new`; gives the element now in its place
/// (another one when the kind of element changed).
pub fn patch(doc: &Document, element: &Element, old: &VNode, new: &VNode) -> Element {
    if old == new {
        return element.clone();
    }
    let same_kind = old.is_svg() == new.is_svg()
        && old.tag() == new.tag()
        && old.text_content().is_some() == new.text_content().is_some();
    if !same_kind {
        let replacement = create(doc, new);
        let _ = element.replace_with_with_node_1(&replacement);
        return replacement;
    }
    for (name, value) in new.attrs() {
        if old.get(name) != Some(value) {
            set_attribute(element, name, value);
        }
    }
    for (name, _) in old.attrs() {
        if new.get(name).is_none() {
            remove_attribute(element, name);
        }
    }
    if old.text_content() != new.text_content() {
        element.set_text_content(new.text_content());
    }
    let mut current = element.first_element_child();
    for (index, wanted) in new.children().iter().enumerate() {
        match (current.clone(), old.children().get(index)) {
            (Some(child), Some(was)) => {
                current = child.next_element_sibling();
                patch(doc, &child, was, wanted);
            }
            _ => {
                let _ = element.append_child(&create(doc, wanted));
            }
        }
    }
    while let Some(extra) = current {
        current = extra.next_element_sibling();
        extra.remove();
    }
    element.clone()
}

/// Whether an element is the kind a description asks for.
fn is_kind(element: &Element, node: &VNode) -> bool {
    let namespace_ok = if node.is_svg() {
        element.namespace_uri().as_deref() == Some(SVG)
    } else {
        element.namespace_uri().as_deref() != Some(SVG)
    };
    namespace_ok && element.local_name() == node.tag()
}

/// Takes over `element`, written from a description before any script ran, so that it matches
/// `node`: what already matches is left alone (no flash, no layout shift), what differs (an
/// older pre-rendering, a host that edited it) is corrected. Gives the element now in its place.
pub fn hydrate(doc: &Document, element: &Element, node: &VNode) -> Element {
    if !is_kind(element, node) {
        let replacement = create(doc, node);
        let _ = element.replace_with_with_node_1(&replacement);
        return replacement;
    }
    for (name, value) in node.attrs() {
        if *name == "style" {
            if !style_matches(element, value) {
                set_style(element, value);
            }
        } else if element.get_attribute(name).as_deref() != Some(value.as_str()) {
            let _ = element.set_attribute(name, value);
        }
    }
    let names = element.get_attribute_names();
    for name in names.iter().filter_map(|name| name.as_string()) {
        if node.get(&name).is_none() {
            let _ = element.remove_attribute(&name);
        }
    }
    if let Some(text) = node.text_content() {
        let matches =
            element.child_element_count() == 0 && element.text_content().as_deref() == Some(text);
        if !matches {
            element.set_text_content(Some(text));
        }
        return element.clone();
    }
    // Only elements belong here: stray text and comments (a CMS's whitespace) go.
    let nodes = element.child_nodes();
    let strays: Vec<web_sys::Node> = (0..nodes.length())
        .filter_map(|index| nodes.item(index))
        .filter(|child| child.node_type() != web_sys::Node::ELEMENT_NODE)
        .collect();
    for stray in strays {
        let _ = element.remove_child(&stray);
    }
    let mut current = element.first_element_child();
    for wanted in node.children() {
        match current.clone() {
            Some(child) => {
                current = child.next_element_sibling();
                hydrate(doc, &child, wanted);
            }
            None => {
                let _ = element.append_child(&create(doc, wanted));
            }
        }
    }
    while let Some(extra) = current {
        current = extra.next_element_sibling();
        extra.remove();
    }
    element.clone()
}

/// The inputs under `root` whose live state differs from the state they were drawn with: the
/// reader moved a slider or ticked a box before the script arrived, or a choice was refused.
/// Gives each one with the position the reader left it at (`"7"`, or `"on"`/`"off"`).
pub fn moved_inputs(root: &Element) -> Vec<(HtmlInputElement, String)> {
    let Ok(inputs) = root.query_selector_all("input") else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|index| inputs.item(index)?.dyn_into::<HtmlInputElement>().ok())
        .filter_map(|input| {
            let live = if input.type_() == "checkbox" {
                let drawn = input.has_attribute("checked");
                (input.checked() != drawn)
                    .then(|| if input.checked() { "on" } else { "off" })?
                    .to_owned()
            } else {
                let drawn = input.get_attribute("value").unwrap_or_default();
                let live = input.value();
                (live != drawn).then_some(live)?
            };
            Some((input, live))
        })
        .collect()
}

/// Puts every input under `root` back to the state it was drawn with.
pub fn reset_inputs(root: &Element) {
    for (input, _) in moved_inputs(root) {
        if input.type_() == "checkbox" {
            input.set_checked(input.has_attribute("checked"));
        } else {
            input.set_value(&input.get_attribute("value").unwrap_or_default());
        }
    }
}
