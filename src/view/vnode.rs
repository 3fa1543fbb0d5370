//! Descriptions of elements, and a patch that makes the DOM match them while touching only what
//! changed. The parts redrawn on every slider move are described, not built: creating a few
//! hundred elements per input costs milliseconds, while changing a dozen texts and widths does
//! not. Text goes in as text content and values as attribute values, never as HTML.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

/// An element to show: tag, attributes, and either text or child elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VNode {
    svg: bool,
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    text: Option<String>,
    children: Vec<VNode>,
}

impl VNode {
    /// An HTML element with a class (none when empty).
    pub fn el(tag: &'static str, class: &str) -> VNode {
        let node = VNode {
            svg: false,
            tag,
            attrs: Vec::new(),
            text: None,
            children: Vec::new(),
        };
        if class.is_empty() {
            node
        } else {
            node.attr("class", class)
        }
    }

    /// An HTML element holding text.
    pub fn text(tag: &'static str, class: &str, text: &str) -> VNode {
        VNode {
            text: Some(text.to_owned()),
            ..VNode::el(tag, class)
        }
    }

    /// An SVG element with attributes.
    pub fn svg(tag: &'static str, attrs: &[(&'static str, &str)]) -> VNode {
        let attrs = attrs
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned()))
            .collect();
        VNode {
            svg: true,
            tag,
            attrs,
            text: None,
            children: Vec::new(),
        }
    }

    /// This node with an attribute set.
    pub fn attr(mut self, name: &'static str, value: &str) -> VNode {
        self.set(name, value);
        self
    }

    /// Sets an attribute.
    pub fn set(&mut self, name: &'static str, value: &str) {
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => value.clone_into(old),
            None => self.attrs.push((name, value.to_owned())),
        }
    }

    /// This node with child elements appended.
    pub fn with(mut self, children: impl IntoIterator<Item = VNode>) -> VNode {
        self.children.extend(children);
        self
    }

    /// Appends a child element.
    pub fn push(&mut self, child: VNode) {
        self.children.push(child);
    }
}

/// Builds the DOM for a description.
pub fn create(doc: &Document, node: &VNode) -> Element {
    let element = if node.svg {
        doc.create_element_ns(Some(SVG), node.tag)
    } else {
        doc.create_element(node.tag)
    };
    let element = element.expect_throw("the view's own tag names are valid");
    for (name, value) in &node.attrs {
        let _ = element.set_attribute(name, value);
    }
    if let Some(text) = &node.text {
        element.set_text_content(Some(text));
    }
    for child in &node.children {
        let _ = element.append_child(&create(doc, child));
    }
    element
}

/// Makes the element children of `parent`, which match `old`, match `new`.
pub fn patch_children(doc: &Document, parent: &Element, old: &[VNode], new: &[VNode]) {
    let mut current = parent.first_element_child();
    for (index, wanted) in new.iter().enumerate() {
        match (current.clone(), old.get(index)) {
            (Some(element), Some(was)) => {
                current = element.next_element_sibling();
                patch(doc, &element, was, wanted);
            }
            _ => {
                let _ = parent.append_child(&create(doc, wanted));
            }
        }
    }
    while let Some(extra) = current {
        current = extra.next_element_sibling();
        extra.remove();
    }
}

fn patch(doc: &Document, element: &Element, old: &VNode, new: &VNode) {
    if old == new {
        return;
    }
    let same_kind =
        old.svg == new.svg && old.tag == new.tag && old.text.is_some() == new.text.is_some();
    if !same_kind {
        let _ = element.replace_with_with_node_1(&create(doc, new));
        return;
    }
    for (name, value) in &new.attrs {
        if old.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value) {
            let _ = element.set_attribute(name, value);
        }
    }
    for (name, _) in &old.attrs {
        if !new.attrs.iter().any(|(n, _)| n == name) {
            let _ = element.remove_attribute(name);
        }
    }
    if old.text != new.text {
        element.set_text_content(new.text.as_deref());
    }
    patch_children(doc, element, &old.children, &new.children);
}
