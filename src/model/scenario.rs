//! The reader's choices: the price of the round, the amounts within their ranges, which separate
//! deals count. A scenario holds only choices; [`compute`](super::outcome::compute) derives the rest.

use rust_decimal::Decimal;
use serde::Serialize;

use super::id_map::IdMap;
use super::node::{read_root, At, Node};
use super::outcome::ComputeError;
use super::story::{Amount, Figure, Price, Range, ReportedAmount, Story};
use super::validate::StoryError;
use crate::locale::Locale;

/// What the reader has chosen.
///
/// Amounts left out of `amounts` (or deals left out of `deals`) take the story's reported value
/// (or default). Values outside their range are refused by `compute`; [`Scenario::clamped`]
/// brings them inside instead, which is what the URL fragment and the controls do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// The assumed pre-money valuation.
    pub pre_money: Amount,
    /// The round's total as chosen; `compute` raises it to the disclosed amounts if below.
    pub round_total: Amount,
    /// Chosen amounts of adjustable investors and separate deals, by id.
    pub amounts: IdMap<Amount>,
    /// Which separate deals are counted, by id.
    pub deals: IdMap<bool>,
}

/// A named set of choices, offered as buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Every figure as the article gives it, and the default assumption.
    Article,
    /// Every adjustable amount, and the round, at the low end of its range.
    LowEnd,
    /// Every adjustable amount, and the round, at the high end of its range.
    UpperEnd,
}

impl Preset {
    /// The preset named `article`, `low_end` or `upper_end`.
    pub fn from_name(name: &str) -> Option<Preset> {
        match name {
            "article" => Some(Preset::Article),
            "low_end" => Some(Preset::LowEnd),
            "upper_end" => Some(Preset::UpperEnd),
            _ => None,
        }
    }
}

/// An amount the reader may vary: an investor's or a separate deal's, with a range.
pub struct Adjustable<'a> {
    /// Id of the investor or deal.
    pub id: &'a str,
    /// Who it is.
    pub name: &'a str,
    /// The reported figure.
    pub reported: &'a ReportedAmount,
    /// Its range.
    pub range: &'a Range,
}

impl Story {
    /// Investors and separate deals whose amount the reader may vary, in the story's order.
    pub fn adjustables(&self) -> impl Iterator<Item = Adjustable<'_>> {
        let investors = self.investors().filter_map(|investor| {
            let reported = investor.amount.as_ref()?;
            let range = reported.range.as_ref()?;
            Some(Adjustable {
                id: &investor.id,
                name: &investor.name,
                reported,
                range,
            })
        });
        let deals = self.separate_deals.iter().filter_map(|deal| {
            let range = deal.amount.range.as_ref()?;
            Some(Adjustable {
                id: &deal.id,
                name: &deal.investor,
                reported: &deal.amount,
                range,
            })
        });
        investors.chain(deals)
    }
}

impl Scenario {
    /// Reads a scenario from its parsed JSON: `{ "pre_money": "500B", "round_total": "100B",
    /// "amounts": { "amazon": "40B" }, "deals": { "softbank": true } }`. Errors name each field
    /// that is wrong.
    pub fn from_node(node: &Node) -> Result<Scenario, StoryError> {
        let read = read_root(node, |at| {
            at.object(&["pre_money", "round_total", "amounts", "deals"], |o| {
                let by_id = |at: At<'_>| at.entries(|id, at| (id.to_owned(), at.amount()));
                let toggles = |at: At<'_>| at.entries(|id, at| (id.to_owned(), at.boolean()));
                Scenario {
                    pre_money: o.amount("pre_money"),
                    round_total: o.amount("round_total"),
                    amounts: o
                        .get("amounts", by_id)
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                    deals: o
                        .get("deals", toggles)
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                }
            })
        });
        read.map_err(StoryError::from)
    }

    /// The article's figures with the story's default assumption: what a reader sees first.
    pub fn article(story: &Story) -> Scenario {
        Scenario {
            pre_money: story.pre_money.default,
            round_total: story.round.total.value,
            amounts: story
                .adjustables()
                .map(|a| (a.id.to_owned(), a.reported.value))
                .collect(),
            deals: story
                .separate_deals
                .iter()
                .map(|d| (d.id.clone(), d.on_by_default))
                .collect(),
        }
    }

    /// These choices with a preset applied; low and upper ends keep the reader's assumption and
    /// deal toggles, and move only reported amounts.
    pub fn with_preset(&self, story: &Story, preset: Preset) -> Scenario {
        let end = |range: &Range| {
            if preset == Preset::LowEnd {
                range.low
            } else {
                range.high
            }
        };
        match preset {
            Preset::Article => Scenario::article(story),
            Preset::LowEnd | Preset::UpperEnd => Scenario {
                round_total: story
                    .round
                    .total
                    .range
                    .as_ref()
                    .map_or(story.round.total.value, end),
                amounts: story
                    .adjustables()
                    .map(|a| (a.id.to_owned(), end(a.range)))
                    .collect(),
                ..self.clone()
            },
        }
    }

    /// The amount chosen for an investor or deal, or its reported value.
    pub fn amount_of(&self, id: &str, reported: &ReportedAmount) -> Amount {
        self.amounts.get(id).copied().unwrap_or(reported.value)
    }

    /// Whether the story's separate deal `id` is counted: as chosen, else as the story says
    /// by default. The one answer the outcome, the controls and the fragment all use.
    pub fn deal_is_on(&self, story: &Story, id: &str) -> bool {
        match self.deals.get(id) {
            Some(&on) => on,
            None => story
                .separate_deals
                .iter()
                .any(|deal| deal.id == id && deal.on_by_default),
        }
    }

    /// These choices with every value brought inside its range and unknown ids dropped.
    pub fn clamped(mut self, story: &Story) -> Scenario {
        let clamp = |value: Amount, range: &Range| value.clamp(range.low, range.high);
        self.pre_money = clamp(self.pre_money, &story.pre_money.range);
        if let Some(range) = &story.round.total.range {
            self.round_total = clamp(self.round_total, range);
        } else {
            self.round_total = story.round.total.value;
        }
        // Kept: the chosen amounts of the story's adjustables, each brought inside its range,
        // found by walking the adjustables once, as `checked_amounts` does.
        self.amounts = story
            .adjustables()
            .filter_map(|a| {
                let value = *self.amounts.get(a.id)?;
                Some((a.id.to_owned(), clamp(value, a.range)))
            })
            .collect();
        self.deals
            .retain(|id, _| story.separate_deals.iter().any(|deal| deal.id == id));
        self
    }

    /// Refuses choices the story does not allow, naming the field.
    pub fn check(&self, story: &Story) -> Result<(), ComputeError> {
        self.checked_amounts(story).map(|_| ())
    }

    /// Checks every choice, and gives the amount of each adjustable in
    /// [`Story::adjustables`] order (chosen, or reported), looked up once.
    pub(crate) fn checked_amounts(&self, story: &Story) -> Result<Vec<Amount>, ComputeError> {
        check_range("pre_money", self.pre_money, &story.pre_money.range)?;
        match &story.round.total.range {
            Some(range) => check_range("round_total", self.round_total, range)?,
            None if self.round_total != story.round.total.value => {
                return Err(ComputeError::NotAdjustable("round_total".to_owned()));
            }
            None => {}
        }
        // Walk the story's adjustables once, looking each up; any amount left over is for
        // something the reader cannot vary.
        let mut checked = 0;
        let mut amounts = Vec::new();
        for adjustable in story.adjustables() {
            match self.amounts.get(adjustable.id) {
                Some(&value) => {
                    if value < adjustable.range.low || value > adjustable.range.high {
                        let field = format!("amounts.{}", adjustable.id);
                        return check_range(&field, value, adjustable.range).map(|_| Vec::new());
                    }
                    checked += 1;
                    amounts.push(value);
                }
                None => amounts.push(adjustable.reported.value),
            }
        }
        if checked != self.amounts.len() {
            let fixed = self
                .amounts
                .keys()
                .find(|id| !story.adjustables().any(|a| a.id == *id));
            return Err(ComputeError::NotAdjustable(format!(
                "amounts.{}",
                fixed.map_or("", |id| id)
            )));
        }
        for id in self.deals.keys() {
            if !story.separate_deals.iter().any(|deal| deal.id == id) {
                return Err(ComputeError::UnknownDeal(id.to_owned()));
            }
        }
        Ok(amounts)
    }
}

fn check_range(field: &str, value: Amount, range: &Range) -> Result<(), ComputeError> {
    if value < range.low || value > range.high {
        return Err(ComputeError::OutOfRange {
            field: field.to_owned(),
            value,
            low: range.low,
            high: range.high,
        });
    }
    Ok(())
}

/// What the pre-money valuation on screen is, for the scenario on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceKind {
    /// The author's assumption: the article gives no price.
    Assumed,
    /// The article's pre-money valuation.
    Reported,
    /// The article's post-money valuation less the new money.
    Derived,
    /// Moved by the reader.
    Chosen,
}

impl PriceKind {
    /// The kind as one word in the reader's language: "$500B assumed before + $100B new".
    pub fn word(self, locale: &Locale) -> &'static str {
        let m = locale.messages();
        match self {
            PriceKind::Assumed => m.price_assumed_word,
            PriceKind::Reported => m.price_reported_word,
            PriceKind::Derived => m.price_derived_word,
            PriceKind::Chosen => m.price_chosen_word,
        }
    }

    /// The kind inside a sentence, in the reader's language: "an assumption", "your choice".
    pub fn words(self, locale: &Locale) -> &'static str {
        let m = locale.messages();
        match self {
            PriceKind::Assumed => m.price_assumed_words,
            PriceKind::Reported => m.price_reported_words,
            PriceKind::Derived => m.price_derived_words,
            PriceKind::Chosen => m.price_chosen_words,
        }
    }
}

/// What the pre-money valuation on screen is.
pub fn price_kind(story: &Story, scenario: &Scenario) -> PriceKind {
    if scenario.pre_money != story.pre_money.default {
        return PriceKind::Chosen;
    }
    match story.pre_money.price {
        Price::Assumed => PriceKind::Assumed,
        Price::PreMoney(_) => PriceKind::Reported,
        Price::PostMoney(_) => PriceKind::Derived,
    }
}

/// The reported post-money valuation, while it is the one on screen: the article's price, the
/// reader has not moved it, and the new money is the article's too (`post_money` is the
/// outcome's, which a total that follows its parts moves).
pub fn reported_post_money<'a>(
    story: &'a Story,
    scenario: &Scenario,
    post_money: Decimal,
) -> Option<&'a Figure> {
    match &story.pre_money.price {
        Price::PostMoney(figure)
            if price_kind(story, scenario) == PriceKind::Derived
                && figure.value.0 == post_money =>
        {
            Some(figure)
        }
        _ => None,
    }
}
