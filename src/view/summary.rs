//! The scenario on screen in one plain sentence: what the live region announces once input
//! rests, the images' alt text, and the pre-rendered page's description. Each figure in it
//! says what kind it is where that is not plain from the words (an assumed price says so).

use super::figures::isolate;
use crate::locale::{fill, Locale};
use crate::model::money::Style;
use crate::model::scenario::{price_kind, PriceKind};
use crate::model::{Outcome, Scenario, Story};

/// "If Amazon invests $50 billion in a $100 billion round, at OpenAI's last reported valuation
/// of $500 billion (an assumption: …), OpenAI would be worth $600 billion after the deal and
/// Amazon would own 8.33% of it. Existing holders would be diluted by 16.67%."
pub fn sentence(story: &Story, scenario: &Scenario, outcome: &Outcome, locale: &Locale) -> String {
    let m = locale.messages();
    let money = |amount| locale.money(amount, &story.currency, Style::Long);
    let company = isolate(&story.company);
    let pre = money(outcome.pre_money);
    let template = match price_kind(story, scenario) {
        PriceKind::Assumed if story.pre_money.basis.is_some() => m.summary_price_assumed_basis,
        PriceKind::Assumed => m.summary_price_assumed,
        PriceKind::Reported => m.summary_price_reported,
        PriceKind::Derived => m.summary_price_derived,
        PriceKind::Chosen => m.summary_price_chosen,
    };
    let price = fill(template, &[("company", &company), ("pre", &pre)]);
    let round = money(outcome.round.total);
    let post = money(outcome.post_money);
    let dilution = fill(
        m.summary_dilution,
        &[("percent", &locale.percent(outcome.dilution_percent))],
    );
    let deal = match outcome.holding(&story.focus_investor) {
        Some(focus) => fill(
            m.summary_with_focus,
            &[
                ("name", &isolate(&focus.name)),
                ("amount", &money(focus.amount)),
                ("round", &round),
                ("price", &price),
                ("company", &company),
                ("post", &post),
                ("percent", &locale.percent(focus.display_percent)),
            ],
        ),
        None => fill(
            m.summary_without_focus,
            &[
                ("round", &round),
                ("price", &price),
                ("company", &company),
                ("post", &post),
            ],
        ),
    };
    format!("{deal} {dilution}")
}
