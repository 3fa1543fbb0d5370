//! The scenario in a URL fragment, so a reader can share what they are looking at.
//!
//! Format, version 1: `#v1&pre=600B&round=80B&amazon=40B&softbank=on`. Only choices that differ
//! from the article's figures are written, so the default scenario is the empty fragment. Keys
//! are `pre`, `round`, and investor or deal ids; a deal's value is `on`, `off`, or an amount
//! (which also turns it on). Amounts use the story file's shorthand, written exactly.
//!
//! Reading never fails: a fragment from anywhere (a hostile link included) gives a valid
//! scenario. Unknown versions give the defaults; unknown keys and unreadable values are skipped;
//! values outside their range are brought inside it.

use super::money::{format_exact, parse_amount};
use super::scenario::Scenario;
use super::story::{Amount, Story};

/// The fragment format version written by [`to_fragment`].
pub const FRAGMENT_VERSION: &str = "v1";

/// Fragments longer than this are not read: no real scenario needs more, and it bounds the work
/// a hostile link can cause.
pub const MAX_FRAGMENT_LEN: usize = 4096;

/// Writes the choices that differ from the article's figures, without the leading `#`;
/// an empty string for the default scenario.
pub fn to_fragment(story: &Story, scenario: &Scenario) -> String {
    let defaults = Scenario::article(story);
    let mut pairs: Vec<String> = Vec::new();
    if scenario.pre_money != defaults.pre_money {
        pairs.push(format!("pre={}", format_exact(scenario.pre_money.0)));
    }
    if scenario.round_total != defaults.round_total {
        pairs.push(format!("round={}", format_exact(scenario.round_total.0)));
    }
    for investor in story.investors() {
        if let Some(reported) = &investor.amount {
            let amount = scenario.amount_of(&investor.id, reported);
            if amount != reported.value {
                pairs.push(format!("{}={}", investor.id, format_exact(amount.0)));
            }
        }
    }
    for deal in &story.separate_deals {
        let on = scenario.deal_is_on(story, &deal.id);
        let amount = scenario.amount_of(&deal.id, &deal.amount);
        if on && amount != deal.amount.value {
            pairs.push(format!("{}={}", deal.id, format_exact(amount.0)));
        } else if on != deal.on_by_default {
            pairs.push(format!("{}={}", deal.id, if on { "on" } else { "off" }));
        }
    }
    if pairs.is_empty() {
        return String::new();
    }
    format!("{FRAGMENT_VERSION}&{}", pairs.join("&"))
}

/// The explainer's own part of a page's fragment (with or without its `#`): from its version
/// token (`v1`) on. `None` when the fragment is the host page's alone, such as `#comments`,
/// which the explainer must neither read as a scenario nor overwrite.
pub fn own_part(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let is_own = |part: &str| part == FRAGMENT_VERSION || part.starts_with("v1&");
    // The explainer's part starts the fragment, or follows one of its `&`s.
    let starts = core::iter::once(0).chain(
        fragment
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'&')
            .map(|(at, _)| at + 1),
    );
    starts
        .filter_map(|at| fragment.get(at..))
        .find(|part| is_own(part))
}

/// The page's fragment (without `#`) with the explainer's part replaced by `ours` (empty for
/// the article's figures); the host's part before it stays as it was.
pub fn with_own_part(fragment: &str, ours: &str) -> String {
    let host = match own_part(fragment) {
        Some(own) => fragment
            .get(..fragment.len() - own.len())
            .unwrap_or_default()
            .trim_end_matches('&'),
        None => fragment,
    };
    match (host.is_empty(), ours.is_empty()) {
        (true, _) => ours.to_owned(),
        (false, true) => host.to_owned(),
        (false, false) => format!("{host}&{ours}"),
    }
}

/// Reads a fragment (with or without its `#`) into a valid scenario for `story`.
pub fn from_fragment(story: &Story, fragment: &str) -> Scenario {
    let mut scenario = Scenario::article(story);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_LEN {
        return scenario;
    }
    let mut pairs = fragment.split('&');
    if pairs.next() != Some(FRAGMENT_VERSION) {
        return scenario;
    }
    for pair in pairs {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let amount = parse_amount(value).ok().map(Amount);
        match key {
            "pre" => scenario.pre_money = amount.unwrap_or(scenario.pre_money),
            "round" => scenario.round_total = amount.unwrap_or(scenario.round_total),
            id if scenario.deals.contains_key(id) => match (value, amount) {
                ("on", _) => _ = scenario.deals.insert(id.to_owned(), true),
                ("off", _) => _ = scenario.deals.insert(id.to_owned(), false),
                (_, Some(amount)) => {
                    scenario.deals.insert(id.to_owned(), true);
                    scenario.amounts.insert(id.to_owned(), amount);
                }
                _ => {}
            },
            id => {
                if let (Some(amount), Some(current)) = (amount, scenario.amounts.get_mut(id)) {
                    *current = amount;
                }
            }
        }
    }
    scenario.clamped(story)
}
