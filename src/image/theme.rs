//! The images' colours: the light theme of `www/explainer.css` (the defaults of its `.rx`
//! rule, `--rx-c-ink: var(--rx-ink, #1a1a1a)` …), copied here because an image has no
//! stylesheet. A test below holds the two together.

/// Text.
pub const INK: &str = "#1a1a1a";
/// Secondary text (`--rx-muted`).
pub const MUTED: &str = "#4a4a4a";
/// The background (`--rx-paper`), and the gaps between a bar's segments.
pub const PAPER: &str = "#ffffff";
/// The headline tiles (`--rx-panel`).
pub const PANEL: &str = "#f4f4f5";
/// Rules and outlines (`--rx-line`).
pub const LINE: &str = "#d4d4d8";
/// The accent (`--rx-accent`).
pub const ACCENT: &str = "#1d4ed8";

/// The fill of each chart class the view writes with a colour of its own (`.rx-seg-…`,
/// `.rx-hatch-…`), as the stylesheet sets it. A holding's colour is the view's, read from its
/// description (`view::colours::light_fill`); the hatch's ground is the card.
const FILLS: &[(&str, &str)] = &[
    ("rx-seg-existing", "#8a9099"),
    ("rx-seg-compare", "#0f766e"),
    ("rx-hatch-bg", PAPER),
    ("rx-hatch-line", "#475569"),
];

/// The fill for a class of the view's charts (the first of `classes` that has one).
pub fn fill(classes: &str) -> Option<&'static str> {
    classes
        .split(' ')
        .find_map(|class| FILLS.iter().find(|(name, _)| *name == class))
        .map(|(_, fill)| *fill)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each colour here is the light default of the same custom property in the stylesheet.
    #[test]
    fn the_colours_are_the_stylesheets_light_theme() {
        let css = include_str!("../../www/explainer.css");
        let named = [
            ("ink", INK),
            ("muted", MUTED),
            ("paper", PAPER),
            ("panel", PANEL),
            ("line", LINE),
            ("accent", ACCENT),
        ];
        let classes = FILLS.iter().map(|(class, fill)| {
            let name = class
                .trim_start_matches("rx-seg-")
                .trim_start_matches("rx-");
            // The hatch's ground is the card, whatever colour the host gives the card.
            let fill = if name == "hatch-bg" {
                "var(--rx-c-paper)"
            } else {
                fill
            };
            (name, fill)
        });
        for (name, colour) in named.into_iter().chain(classes) {
            let rule = format!("--rx-c-{name}: var(--rx-{name}, {colour});");
            assert!(css.contains(&rule), "www/explainer.css holds {rule}");
        }
        assert_eq!(
            fill("rx-seg-existing"),
            Some(crate::model::colour::EXISTING.light.to_string().as_str()),
            "the existing holders' colour is the one checked for contrast"
        );
    }
}
