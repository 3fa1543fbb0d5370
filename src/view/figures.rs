//! The headline figures: money in the round, post-money valuation, the focus investor's stake,
//! existing holders' dilution. Each is a button that opens its provenance note.

use super::provenance::Ref;
use super::vnode::VNode;
use crate::model::money::{format_money, Style};
use crate::model::{Outcome, Scenario, Story};

/// A figure that can be activated to show where it comes from.
pub fn figure_button(text: &str, reference: &Ref) -> VNode {
    VNode::button("rx-fig", text)
        .attr("data-ref", &reference.attribute())
        .attr("aria-expanded", "false")
}

/// One headline tile: a label, a big figure, and a line under it.
fn tile(label: &str, value: &str, reference: &Ref, under: &str) -> VNode {
    VNode::el("div", "rx-tile").with([
        VNode::text("span", "rx-tile-label", label),
        figure_button(value, reference).attr("class", "rx-fig rx-big"),
        VNode::text("span", "rx-tile-under", under),
    ])
}

/// The four headline tiles for an outcome.
pub fn headline(story: &Story, scenario: &Scenario, outcome: &Outcome) -> Vec<VNode> {
    let symbol = story.currency_symbol();
    let short = |amount| format_money(amount, &symbol, Style::Short);
    let reported = &story.round.total;
    let round_ref = if scenario.round_total == reported.value && !outcome.round.held_at_disclosed {
        Ref::Source(reported.source.clone())
    } else {
        Ref::Range("round".to_owned())
    };
    let round_under = format!(
        "reported: {}",
        reported
            .qualifier
            .phrase(&format_money(reported.value.0, &symbol, Style::Long))
    );
    let focus = outcome.holding(&story.focus_investor);
    let existing = outcome.holding("existing");
    let mut tiles = vec![
        tile(
            "Money in the round",
            &short(outcome.round.total),
            &round_ref,
            &round_under,
        ),
        tile(
            "Valuation after the deal",
            &short(outcome.post_money),
            &Ref::PostMoney,
            &format!(
                "{} assumed before + {} new",
                short(outcome.pre_money),
                short(outcome.new_money)
            ),
        ),
    ];
    if let Some(focus) = focus {
        tiles.push(tile(
            &format!("{}'s stake", focus.name),
            &format!("{}%", focus.display_percent),
            &Ref::Stake(focus.id.clone()),
            &format!("for {}", short(focus.amount)),
        ));
    }
    let left = existing.map_or(String::new(), |e| {
        format!("their stake falls to {}%", e.display_percent)
    });
    tiles.push(tile(
        "Existing holders diluted by",
        &format!("{}%", outcome.dilution_percent),
        &Ref::Dilution,
        &left,
    ));
    tiles
}
