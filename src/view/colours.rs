//! How a holding's colour ([`crate::model::paint`]) is written into the description, for its
//! bar segment and its legend swatch alike:
//!
//! - a tone of the default palette as a class, `rx-tone-3`, whose colours (light and dark) are
//!   in `www/explainer.css`: no style attribute, so a page's Content-Security-Policy has
//!   nothing to allow, and a host's `--rx-investor` / `--rx-deal` replaces the palette;
//! - a colour the story gives as the class `rx-own` and two custom properties in a `style`
//!   attribute, `--rx-hl` (light) and `--rx-hd` (dark), which the stylesheet picks by theme. The
//!   value is only `#rrggbb` (the story's reader accepts no other form), written as browsers
//!   serialise it, so the HTML written natively equals the tree the wasm draws. The DOM layer
//!   sets it through the CSSOM, which no Content-Security-Policy blocks; pre-rendered HTML
//!   under a policy needs the value's hash and `'unsafe-hashes'` (scripts/prerender.mjs).

use super::vnode::VNode;
use crate::model::colour::{Rgb, DEFAULT_PALETTE};
use crate::model::paint::{Origin, Paint};

/// The class a default tone is written with.
const TONE: &str = "rx-tone-";
/// The class of a colour the story gives.
pub const OWN: &str = "rx-own";
/// The custom property of the light colour in the style attribute.
const LIGHT: &str = "--rx-hl";
/// The custom property of the dark colour.
const DARK: &str = "--rx-hd";
/// The custom properties a tone's class sets in the stylesheet (for the test that holds them).
#[cfg(test)]
const LIGHT_TONE: &str = "--rx-tl";
#[cfg(test)]
const DARK_TONE: &str = "--rx-td";

/// `node` with a holding's colour: its class, and the story's colour in its style.
pub fn painted(mut node: VNode, paint: Option<&Paint<'_>>) -> VNode {
    let Some(paint) = paint else { return node };
    let class = match paint.origin {
        Origin::Default(index) => format!("{TONE}{index}"),
        Origin::Own | Origin::Palette(_) => OWN.to_owned(),
    };
    let classes = match node.get("class") {
        Some(old) if !old.is_empty() => format!("{old} {class}"),
        _ => class,
    };
    node.set("class", &classes);
    if !matches!(paint.origin, Origin::Default(_)) {
        let style = format!(
            "{LIGHT}: {}; {DARK}: {};",
            paint.colour.light, paint.colour.dark
        );
        node.set("style", &style);
    }
    node
}

/// The light theme's colour a node was painted with, for the images (which have no
/// stylesheet): its tone's, or the story's from its style.
pub fn light_fill(node: &VNode) -> Option<Rgb> {
    let classes = node.get("class")?;
    if let Some(index) = classes
        .split(' ')
        .find_map(|class| class.strip_prefix(TONE)?.parse::<usize>().ok())
    {
        return DEFAULT_PALETTE.get(index).map(|colour| colour.light);
    }
    let style = node.get("style")?;
    style.split(';').find_map(|declaration| {
        let (name, value) = declaration.split_once(':')?;
        (name.trim() == LIGHT).then(|| Rgb::parse(value.trim()))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::paint::paints;
    use crate::model::Story;

    const THISTLE: &str = include_str!("../../tests/stories/thistle-gbp.json");
    const ARTICLE: &str = include_str!("../../www/stories/openai-2026.json");

    #[test]
    fn a_default_tone_is_a_class_and_a_story_colour_a_style() {
        let thistle = Story::from_json(THISTLE).expect("the fictional story");
        let article = Story::from_json(ARTICLE).expect("the article's story");
        let cases: Vec<(&str, &Story, &str, &str, Option<&str>)> = vec![
            (
                "the article's Amazon: the palette's first tone",
                &article,
                "amazon",
                "rx-seg rx-tone-0",
                None,
            ),
            (
                "Thistle's syndicate: its own colours",
                &thistle,
                "arden-syndicate",
                "rx-seg rx-own",
                Some("--rx-hl: #083d52; --rx-hd: #a5dcf5;"),
            ),
        ];
        for (why, story, id, class, style) in cases {
            let all = paints(story);
            let paint = all.iter().find(|p| p.id == id);
            let node = painted(VNode::el("span", "rx-seg"), paint);
            assert_eq!(node.get("class"), Some(class), "{why}: class");
            assert_eq!(node.get("style"), style, "{why}: style");
            let light = paint.map(|p| p.colour.light);
            assert_eq!(light_fill(&node), light, "{why}: the images read it back");
        }
    }

    /// The stylesheet draws what the check measured: the same tones, existing holders and
    /// cards (a test of src/image/theme.rs holds the other light colours).
    #[test]
    fn the_stylesheet_holds_the_checked_colours() {
        use crate::model::colour::{CARD, EXISTING, NOT_REPORTED_LINE};
        let css = include_str!("../../www/explainer.css");
        let mut rules: Vec<String> = DEFAULT_PALETTE
            .iter()
            .enumerate()
            .map(|(index, tone)| {
                format!(
                    ".{TONE}{index} {{ {LIGHT_TONE}: {}; {DARK_TONE}: {}; }}",
                    tone.light, tone.dark
                )
            })
            .collect();
        for (name, colour) in [
            ("paper", CARD),
            ("existing", EXISTING),
            ("hatch-line", NOT_REPORTED_LINE),
        ] {
            rules.push(format!(
                "--rx-c-{name}: var(--rx-{name}, {});",
                colour.light
            ));
            rules.push(format!(
                "--rx-c-{name}: var(--rx-dark-{name}, {});",
                colour.dark
            ));
        }
        for rule in rules {
            assert!(css.contains(&rule), "www/explainer.css holds {rule}");
        }
        assert_eq!(
            DEFAULT_PALETTE.len(),
            css.matches(&format!(".{TONE}")).count(),
            "every tone, and no other"
        );
    }

    #[test]
    fn an_unpainted_node_is_left_alone() {
        let node = painted(VNode::el("span", "rx-seg-existing"), None);
        assert_eq!(
            node,
            VNode::el("span", "rx-seg-existing"),
            "no class, no style"
        );
        assert_eq!(light_fill(&node), None, "and no colour of its own");
    }
}
