//! Descriptions of elements: what the explainer shows, as plain data. The view's parts return
//! them; [`super::html`] writes them as HTML text (pre-rendered pages, images) and the DOM layer
//! (`crate::dom`) builds, patches or takes over elements to match them. Text is always text and
//! attribute values are always values: nothing here is ever read as markup.

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

    /// This node with a boolean attribute (`hidden`, `disabled`, `checked`) present or not.
    pub fn flag(self, name: &'static str, on: bool) -> VNode {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// This node holding text in place of any children.
    pub fn with_text(mut self, text: &str) -> VNode {
        self.children.clear();
        self.text = Some(text.to_owned());
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

    /// This node with `children` in place of the ones it had.
    pub fn replace_children(mut self, children: Vec<VNode>) -> VNode {
        self.children = children;
        self
    }

    /// Appends a child element.
    pub fn push(&mut self, child: VNode) {
        self.children.push(child);
    }

    /// Whether this is an SVG element (made in the SVG namespace).
    pub fn is_svg(&self) -> bool {
        self.svg
    }

    /// The tag name.
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// The attributes, in the order they were set.
    pub fn attrs(&self) -> &[(&'static str, String)] {
        &self.attrs
    }

    /// An attribute's value, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The text it holds, if it holds text rather than elements.
    pub fn text_content(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Its child elements.
    pub fn children(&self) -> &[VNode] {
        &self.children
    }

    /// Whether `class` is among its classes.
    pub fn has_class(&self, class: &str) -> bool {
        self.get("class")
            .is_some_and(|classes| classes.split(' ').any(|c| c == class))
    }

    /// The first node, this one or below it, with `class` among its classes.
    pub fn find_class(&self, class: &str) -> Option<&VNode> {
        if self.has_class(class) {
            return Some(self);
        }
        self.children
            .iter()
            .find_map(|child| child.find_class(class))
    }

    /// All the text it shows, in document order (what `textContent` would give).
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match &self.text {
            Some(text) => out.push_str(text),
            None => self.children.iter().for_each(|c| c.collect_text(out)),
        }
    }
}
