//! The explainer written as HTML before any script runs: for pre-rendered pages and iframe
//! children (which the wasm then takes over in place), for the declarative-shadow-root snippet,
//! and, without controls, for surfaces where no script ever runs (RSS, Apple News, email).

use super::html::{inline_snippet, story_block, to_html};
use super::{explainer, Frame, Look};
use crate::locale::Locale;
use crate::model::fragment::from_fragment;
use crate::model::{compute, Scenario, Story};

/// The explainer's stylesheet, as written (with its comments).
pub const STYLESHEET: &str = include_str!("../../www/explainer.css");

/// What a page without script shows in place of what needs it: the controls go, figures stop
/// looking like buttons, and one line says so. The iframe children link it inside
/// `<noscript>`; snippets hold it inline ([`without_script`]).
pub const NOSCRIPT_STYLESHEET: &str = include_str!("../../www/noscript.css");

/// A stylesheet without its comments and indentation, for pasted HTML: about a third fewer
/// bytes that must arrive before the explainer shows. (Its comments never sit in strings.)
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The explainer's stylesheet, compacted.
pub fn stylesheet() -> String {
    compact(STYLESHEET)
}

/// [`NOSCRIPT_STYLESHEET`] inline, for HTML that is pasted whole (it applies only without
/// script).
pub fn without_script() -> String {
    format!(
        "<noscript><style>{}</style></noscript>",
        compact(NOSCRIPT_STYLESHEET)
    )
}

/// A theme a host holds whatever the reader's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// `light` or `dark`; anything else is the reader's own setting (`None`).
    pub fn parse(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// Its attribute value.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The choices to draw: the article's, or those of a URL fragment (`v1&amazon=40B`).
pub fn scenario_of(story: &Story, fragment: Option<&str>) -> Scenario {
    match fragment {
        Some(fragment) => from_fragment(story, fragment.trim_start_matches('#')),
        None => Scenario::article(story),
    }
}

/// The explainer's root element as HTML, as the wasm draws it on load for the same story,
/// scenario and frame (ids, heading level): the page's script takes it over without a change.
pub fn explainer_html(story: &Story, scenario: &Scenario, frame: &Frame) -> Result<String, String> {
    let outcome = compute(story, scenario).map_err(|error| error.to_string())?;
    let locale = Locale::chosen(None, story.locale.as_deref())?;
    let look = Look {
        story,
        scenario,
        outcome: &outcome,
        frame,
        problem: None,
        locale: &locale,
    };
    Ok(to_html(&explainer(&look)))
}

/// The frame a build uses for a story: ids from the story's id (one explainer of a story per
/// page, or one per shadow root, keeps them unique).
pub fn frame_for(story: &Story, interactive: bool) -> Frame {
    Frame {
        ids: format!("rx-{}", story.id),
        heading_level: 2,
        interactive,
    }
}

/// The explainer's element for a page that links its stylesheets already (explainer.css, and
/// noscript.css inside `<noscript>`), followed by its story as a data block when a script is
/// to take it over (`interactive`), so that the page never fetches the story again.
pub fn fragment_html(
    story: &Story,
    story_json: &str,
    scenario: &Scenario,
    interactive: bool,
) -> Result<String, String> {
    let body = explainer_html(story, scenario, &frame_for(story, interactive))?;
    Ok(if interactive {
        format!("{body}\n{}", story_block(story_json))
    } else {
        body
    })
}

/// The scenario in one plain sentence: the alt text of its images and the page's description.
pub fn sentence(story: &Story, scenario: &Scenario) -> Result<String, String> {
    let outcome = compute(story, scenario).map_err(|error| error.to_string())?;
    let locale = Locale::chosen(None, story.locale.as_deref())?;
    Ok(super::summary::sentence(story, scenario, &outcome, &locale))
}

/// The explainer with its stylesheet, ready to paste: into a page whose script will take it
/// over (`interactive`), or into a feed or CMS where none runs.
pub fn standalone_html(
    story: &Story,
    scenario: &Scenario,
    interactive: bool,
) -> Result<String, String> {
    let body = explainer_html(story, scenario, &frame_for(story, interactive))?;
    let noscript = if interactive {
        without_script()
    } else {
        String::new()
    };
    Ok(format!(
        "<style>{}</style>{noscript}\n{body}\n",
        stylesheet()
    ))
}

/// The `<round-explainer>` snippet with the explainer pre-rendered in a declarative shadow
/// root (`<template shadowrootmode="open">`): the figures show at the page's first paint, the
/// element's script takes them over when it arrives, and without script they stay readable.
/// `theme` (`light` or `dark`) holds that theme from the first paint, before the element's
/// script has run.
pub fn shadow_snippet(
    story: &Story,
    story_json: &str,
    fragment: Option<&str>,
    theme: Option<Theme>,
) -> Result<String, String> {
    let scenario = scenario_of(story, fragment);
    let frame = frame_for(story, true);
    let body = explainer_html(story, &scenario, &frame)?;
    // The element's own layout of its shadow root (element.js): the stylesheet, then the
    // container it draws into.
    let theme_attribute = theme.map_or(String::new(), |theme| {
        format!(" data-theme=\"{}\"", theme.name())
    });
    let shadow = format!(
        "<style>{}</style>{}<div class=\"rx-host\"{theme_attribute}>{body}</div>",
        stylesheet(),
        without_script()
    );
    // The locale it was written in: the element keeps speaking it when the script takes over.
    let attributes: Vec<(&str, &str)> = [
        ("theme", theme.map(Theme::name)),
        ("scenario", fragment),
        ("locale", story.locale.as_deref()),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .collect();
    Ok(inline_snippet(story_json, &attributes, Some(&shadow)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pasted_stylesheet_keeps_every_rule_and_drops_the_comments() {
        let css = stylesheet();
        assert!(!css.contains("/*") && !css.contains("*/"), "no comments");
        let rules = |text: &str| text.matches('{').count();
        assert_eq!(rules(&css), rules(STYLESHEET), "every rule kept");
        assert!(
            css.len() < STYLESHEET.len() * 3 / 4,
            "{} of {} bytes",
            css.len(),
            STYLESHEET.len()
        );
    }
}
