//! Descriptions as HTML text, for pages written before any script runs (pre-rendered pages,
//! CMS and RSS snippets) and for the images: escaping in one place.
//!
//! A story's text is the newsroom's, but it is never markup: text nodes escape `&`, `<` and
//! `>`, attribute values also `"`. The inline-story snippet puts the story's JSON inside a
//! `<script type="application/json">` block, where a quote holding `</script>` would end the
//! block early and run what follows in the host page; so inside the block every `<`, `>` and
//! `&` is written as a JSON escape (`\u003c` …), which JSON readers turn back into the same
//! characters and HTML parsers never see as markup.

use super::vnode::VNode;

/// Elements that have no end tag and hold nothing.
const VOID: &[&str] = &["input", "br", "img", "meta", "link", "hr", "wbr"];

/// Text for an HTML text node: `&`, `<` and `>` escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, false);
    out
}

/// Text for a double-quoted HTML attribute value.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, true);
    out
}

fn push_escaped(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A description as HTML. SVG elements inside it are written so that both an HTML parser and
/// an XML parser read them alike (every element closed), which the images rely on.
pub fn to_html(node: &VNode) -> String {
    let mut out = String::new();
    write_node(&mut out, node);
    out
}

fn write_node(out: &mut String, node: &VNode) {
    out.push('<');
    out.push_str(node.tag());
    for (name, value) in node.attrs() {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_escaped(out, value, true);
        out.push('"');
    }
    out.push('>');
    if !node.is_svg() && VOID.contains(&node.tag()) {
        return;
    }
    match node.text_content() {
        Some(text) => push_escaped(out, text, false),
        None => node.children().iter().for_each(|c| write_node(out, c)),
    }
    out.push_str("</");
    out.push_str(node.tag());
    out.push('>');
}

/// JSON text made safe to sit inside a `<script>` element: `<`, `>`, `&` and the two line
/// separators JavaScript once treated as line ends become `\uXXXX` escapes. In JSON these
/// characters can only be inside strings, where the escapes mean the same characters.
pub fn json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The story's JSON text as a data block the explainer reads instead of fetching the file.
pub fn story_block(story_json: &str) -> String {
    format!(
        "<script type=\"application/json\" class=\"rx-story\">\n{}\n</script>",
        json_for_script(story_json.trim())
    )
}

/// The `<round-explainer>` element with the story inline (its JSON text, already checked), and
/// its `attributes` (a starting `scenario` in the URL-fragment format, a `theme`…). With
/// `prerendered` (the explainer's HTML and stylesheet), the element also holds a declarative
/// shadow root, so that the figures show before any script runs and the script takes them over
/// in place.
pub fn inline_snippet(
    story_json: &str,
    attributes: &[(&str, &str)],
    prerendered: Option<&str>,
) -> String {
    let attributes: String = attributes
        .iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape_attribute(value)))
        .collect();
    let shadow = prerendered
        .map(|html| format!("<template shadowrootmode=\"open\">{html}</template>\n"))
        .unwrap_or_default();
    format!(
        "<round-explainer{attributes}>\n{shadow}{}\n</round-explainer>\n",
        story_block(story_json)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_story_cannot_close_its_script() {
        let json = r#"{"quote": "</script><script>alert(1)</script> & <!-- \u2028"}"#;
        let snippet = inline_snippet(json, &[("scenario", "v1&amazon=40B\"><b>")], None);
        assert_eq!(
            snippet.matches("</script").count(),
            1,
            "only the block's own end: {snippet}"
        );
        assert!(!snippet.contains("<!--"), "no comment opener: {snippet}");
        assert!(
            snippet.contains(r#"scenario="v1&amp;amazon=40B&quot;&gt;&lt;b&gt;""#),
            "{snippet}"
        );
        assert!(snippet.contains(r"\u003c/script\u003e"), "{snippet}");
    }

    #[test]
    fn text_and_attributes_are_never_markup() {
        let node = VNode::el("div", "a\"b")
            .attr("data-x", "<script>&\"'")
            .with([
                VNode::text("span", "", "</span><b>bold</b> & more"),
                VNode::el("input", "").attr("value", "1\" onfocus=\"x"),
            ]);
        assert_eq!(
            to_html(&node),
            "<div class=\"a&quot;b\" data-x=\"&lt;script&gt;&amp;&quot;'\">\
             <span>&lt;/span&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more</span>\
             <input value=\"1&quot; onfocus=&quot;x\"></div>"
        );
    }

    #[test]
    fn svg_elements_are_always_closed() {
        let node = VNode::svg("svg", &[("viewBox", "0 0 1 1")])
            .with([VNode::svg("rect", &[("width", "1")])]);
        assert_eq!(
            to_html(&node),
            "<svg viewBox=\"0 0 1 1\"><rect width=\"1\"></rect></svg>"
        );
    }
}
