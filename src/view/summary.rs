//! The scenario on screen in one plain sentence: what the live region announces once input
//! rests, the images' alt text, and the pre-rendered page's description. Each figure in it
//! says what kind it is where that is not plain from the words (an assumed price says so).

use super::figures::isolate;
use crate::model::money::{format_money, Style};
use crate::model::scenario::{price_kind, PriceKind};
use crate::model::{Outcome, Scenario, Story};

/// "If Amazon invests $50 billion in a $100 billion round, at OpenAI's last reported valuation
/// of $500 billion (an assumption: …), OpenAI would be worth $600 billion after the deal and
/// Amazon would own 8.33% of it. Existing holders would be diluted by 16.67%."
pub fn sentence(story: &Story, scenario: &Scenario, outcome: &Outcome) -> String {
    let symbol = story.currency_symbol();
    let money = |amount| format_money(amount, &symbol, Style::Long);
    let company = isolate(&story.company);
    let pre = money(outcome.pre_money);
    let price = match price_kind(story, scenario) {
        PriceKind::Assumed => match &story.pre_money.basis {
            Some(_) => format!(
                "at {company}'s last reported valuation of {pre} (an assumption: the article gives no price for this round)"
            ),
            None => format!(
                "at a value of {pre} before the new money (an assumption: the article gives no price)"
            ),
        },
        PriceKind::Reported => format!("at a reported value of {pre} before the new money"),
        PriceKind::Derived => format!(
            "at a value of {pre} before the new money (derived from the reported valuation after the deal)"
        ),
        PriceKind::Chosen => format!("at a value of {pre} before the new money (your choice)"),
    };
    let round = money(outcome.round.total);
    let post = money(outcome.post_money);
    let dilution = format!(
        " Existing holders would be diluted by {}%.",
        outcome.dilution_percent
    );
    match outcome.holding(&story.focus_investor) {
        Some(focus) => {
            let name = isolate(&focus.name);
            format!(
                "If {name} invests {} in a {round} round, {price}, {company} would be worth {post} after the deal and {name} would own {}% of it.{dilution}",
                money(focus.amount),
                focus.display_percent
            )
        }
        None => format!(
            "In a {round} round {price}, {company} would be worth {post} after the deal.{dilution}"
        ),
    }
}
