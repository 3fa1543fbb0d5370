//! The headline figures: money in the round, post-money valuation, the focus investor's stake,
//! existing holders' dilution. Each is a button that opens its provenance note.
//!
//! Money is written short for the eye and long for the ear ([`Said`]): screen readers read
//! "$50B" as "dollar fifty bee", so the short form is hidden from them and a long form
//! ("$50 billion") is read instead.

use super::provenance::{amount_ref, Ref, ROUND};
use super::vnode::VNode;
use super::Look;
use crate::locale::{fill, Locale};
use crate::model::money::Style;
use crate::model::scenario::{price_kind, reported_post_money};
use crate::model::story::Qualifier;

/// Words with money in them, as shown ("$50B") and as read aloud ("$50 billion").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// For the eye.
    pub short: String,
    /// For the ear.
    pub long: String,
}

impl Said {
    /// The same words for eye and ear (no money in them).
    pub fn plain(text: &str) -> Said {
        Said {
            short: text.to_owned(),
            long: text.to_owned(),
        }
    }

    /// Words written once with short and once with long money: `make(Style::Short)`.
    pub fn money(make: impl Fn(Style) -> String) -> Said {
        Said {
            short: make(Style::Short),
            long: make(Style::Long),
        }
    }

    /// The children of an element showing these words.
    fn into_children(self, tag: &'static str, class: &str) -> VNode {
        if self.short == self.long {
            return VNode::text(tag, class, &self.short);
        }
        VNode::el(tag, class).with([
            VNode::text("span", "", &self.short).attr("aria-hidden", "true"),
            VNode::text("span", "rx-sr", &self.long),
        ])
    }
}

/// An element holding words with money, read aloud in their long form.
pub fn spoken(tag: &'static str, class: &str, said: Said) -> VNode {
    said.into_children(tag, class)
}

/// Story text set inside a sentence, isolated (U+2068 … U+2069) so that a right-to-left name
/// cannot reorder the figures beside it.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// A figure that can be activated to show where it comes from.
pub fn figure_button(said: Said, reference: &Ref) -> VNode {
    said.into_children("button", "rx-fig")
        .attr("type", "button")
        .attr("data-ref", &reference.attribute())
        .attr("aria-expanded", "false")
}

/// A "source" link to a sentence, beside words that are the article's own (a timeline event,
/// a tranche). Where no script runs it cannot open anything, and is left out: the sentences are
/// listed in full at the end.
pub fn source_button(source: &str, locale: &Locale) -> VNode {
    let said = Said::plain(locale.messages().source_link);
    figure_button(said, &Ref::Source(source.to_owned())).attr("class", "rx-fig rx-source-ref")
}

/// One headline tile: a label, a big figure, and a line under it.
fn tile(label: &str, value: Said, reference: &Ref, under: Said) -> VNode {
    VNode::el("div", "rx-tile").with([
        VNode::text("span", "rx-tile-label", label),
        figure_button(value, reference).attr("class", "rx-fig rx-big"),
        spoken("span", "rx-tile-under", under),
    ])
}

/// The four headline tiles for an outcome.
pub fn headline(look: &Look) -> Vec<VNode> {
    let (story, scenario, outcome, locale) = (look.story, look.scenario, look.outcome, look.locale);
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let reported = &story.round.total;
    let round_ref = if outcome.round.held_at_disclosed {
        Ref::Choice(ROUND.to_owned())
    } else if story.round.total_follows_parts && outcome.round.total != reported.value.0 {
        Ref::RoundFollows
    } else {
        amount_ref(ROUND, reported, scenario.round_total)
    };
    let reported_words = |qualifier: Qualifier, amount, style| {
        let figure = qualifier.said(locale, &money(amount, style));
        fill(m.reported_figure, &[("figure", &figure)])
    };
    let round_under =
        Said::money(|style| reported_words(reported.qualifier, reported.value.0, style));
    let before = price_kind(story, scenario).word(locale);
    let post_reported = reported_post_money(story, scenario, outcome.post_money);
    let focus = outcome.holding(&story.focus_investor);
    let existing = outcome.holding("existing");
    let mut tiles = vec![
        tile(
            m.tile_round,
            Said::money(|style| money(outcome.round.total, style)),
            &round_ref,
            round_under,
        ),
        tile(
            m.tile_post,
            Said::money(|style| money(outcome.post_money, style)),
            &Ref::PostMoney,
            Said::money(|style| match post_reported {
                Some(figure) => reported_words(figure.qualifier, figure.value.0, style),
                None => fill(
                    m.post_sum,
                    &[
                        ("pre", &money(outcome.pre_money, style)),
                        ("kind", before),
                        ("new", &money(outcome.new_money, style)),
                    ],
                ),
            }),
        ),
    ];
    if let Some(focus) = focus {
        tiles.push(tile(
            &fill(m.tile_stake, &[("name", &isolate(&focus.name))]),
            Said::plain(&locale.percent(focus.display_percent)),
            &Ref::Stake(focus.id.clone()),
            Said::money(|style| fill(m.stake_for, &[("amount", &money(focus.amount, style))])),
        ));
    }
    let left = existing.map_or(String::new(), |e| {
        fill(
            m.stake_falls,
            &[("percent", &locale.percent(e.display_percent))],
        )
    });
    tiles.push(tile(
        m.tile_dilution,
        Said::plain(&locale.percent(outcome.dilution_percent)),
        &Ref::Dilution,
        Said::plain(&left),
    ));
    tiles
}
