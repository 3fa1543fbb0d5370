//! The explainer as HTML text, for pages written before any script runs: escaping in one place.
//!
//! For now this is the embed snippet with the story inline. A story's text is the newsroom's,
//! but a quote holding `</script>` would end the story's `<script type="application/json">`
//! block early and run what follows in the host page; so inside the block every `<`, `>` and
//! `&` is written as a JSON escape (`\u003c` …), which JSON readers turn back into the same
//! characters and HTML parsers never see as markup.

/// Text for an HTML text node: `&`, `<` and `>` escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a double-quoted HTML attribute value.
pub fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
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

/// The `<round-explainer>` element with the story inline (its JSON text, already checked), and
/// a starting scenario in the URL-fragment format if one is given.
pub fn inline_snippet(story_json: &str, scenario: Option<&str>) -> String {
    let scenario = scenario
        .map(|fragment| format!(" scenario=\"{}\"", escape_attribute(fragment)))
        .unwrap_or_default();
    format!(
        "<round-explainer{scenario}>\n<script type=\"application/json\">\n{}\n</script>\n</round-explainer>\n",
        json_for_script(story_json.trim())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_story_cannot_close_its_script() {
        let json = r#"{"quote": "</script><script>alert(1)</script> & <!-- \u2028"}"#;
        let snippet = inline_snippet(json, Some("v1&amazon=40B\"><b>"));
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
}
