//! What a scenario means: money in, post-money valuation, who owns what, how much existing
//! holders are diluted, and how the focus investor's amount compares with the article's other
//! figures. Exact arithmetic throughout; an overflow is an error, never a wrong number.

// `ok_or_else` on purpose: ComputeError has variants that own Strings, so building one only to
// drop it has a cost in the per-investor hot path that clippy does not see.
#![allow(clippy::unnecessary_lazy_evaluations)]

use core::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use super::checked::Checked;
use super::money::format_exact;
use super::scenario::Scenario;
use super::share::{display_percentages, Share};
use super::story::{Amount, Range, ReportedAmount, Story, Tranche};

/// Decimal places of the displayed percentages.
pub const DISPLAY_DECIMALS: u32 = 2;

/// Why a scenario could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComputeError {
    /// A sum or product went beyond what a 96-bit decimal holds.
    Overflow(&'static str),
    /// A chosen value is outside the range the story allows.
    OutOfRange {
        /// The scenario field, e.g. `amounts.amazon`.
        field: String,
        /// The chosen value.
        value: Amount,
        /// The range's low end.
        low: Amount,
        /// The range's high end.
        high: Amount,
    },
    /// A value was chosen for something the story does not let readers vary.
    NotAdjustable(String),
    /// A toggle names a separate deal the story does not have.
    UnknownDeal(String),
    /// Stakes whose parts do not add up to their whole (a bug, reported rather than hidden).
    PartsDoNotAddUp,
}

impl fmt::Display for ComputeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Overflow(what) => {
                write!(f, "the amounts are too large to compute {what} exactly")
            }
            Self::OutOfRange {
                field,
                value,
                low,
                high,
            } => write!(
                f,
                "{field}: {} is outside its range {} to {}",
                format_exact(value.0),
                format_exact(low.0),
                format_exact(high.0)
            ),
            Self::NotAdjustable(field) => write!(f, "{field}: this amount is fixed by the story"),
            Self::UnknownDeal(id) => {
                write!(f, "deals.{id}: the story has no separate deal with this id")
            }
            Self::PartsDoNotAddUp => f.write_str("the stakes do not add up to the whole"),
        }
    }
}

impl std::error::Error for ComputeError {}

/// Everything the explainer shows for one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The assumed pre-money valuation.
    pub pre_money: Decimal,
    /// Money in the round.
    pub round: RoundOutcome,
    /// Money in the separate deals that are on.
    pub separate_deals: Decimal,
    /// All new money: the round plus the separate deals that are on.
    pub new_money: Decimal,
    /// Pre-money plus new money.
    pub post_money: Decimal,
    /// Who owns what after the deal: existing holders, each investor with a reported amount,
    /// the undisclosed rest of the round, each separate deal that is on.
    pub holdings: Vec<Holding>,
    /// How much of the company existing holders give up: new money / post-money.
    pub dilution: Share,
    /// `dilution` in percent, rounded to [`DISPLAY_DECIMALS`].
    pub dilution_percent: Decimal,
    /// The focus investor's amount next to the article's other figures.
    pub comparisons: Vec<ComparisonOutcome>,
}

impl Outcome {
    /// The holding with this id (`existing`, `undisclosed`, or an investor's or deal's).
    pub fn holding(&self, id: &str) -> Option<&Holding> {
        self.holdings.iter().find(|holding| holding.id == id)
    }
}

/// Money in the round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundOutcome {
    /// The total the reader chose.
    pub chosen_total: Decimal,
    /// The total used: the chosen one, or the disclosed amounts if they are more.
    pub total: Decimal,
    /// True when the disclosed amounts exceed the chosen total, which is raised to them.
    pub held_at_disclosed: bool,
    /// Sum of the amounts reported per investor.
    pub disclosed: Decimal,
    /// The rest of the round, whose investors' amounts are not reported.
    pub undisclosed: Decimal,
    /// Each tranche, in order.
    pub tranches: Vec<TrancheOutcome>,
}

/// Money in one tranche, as far as it is reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrancheOutcome {
    /// The tranche's id.
    pub id: String,
    /// Sum of its investors' reported amounts.
    pub disclosed: Decimal,
    /// True when some of its money is not reported (an investor without amount, or none named):
    /// that money is part of the round's undisclosed rest, not split by guesswork.
    pub has_undisclosed: bool,
}

/// What kind of holder a holding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldingKind {
    /// Everyone who owned the company before the round.
    Existing,
    /// An investor of the round with a reported amount.
    Investor,
    /// The round's investors whose amounts are not reported, together.
    Undisclosed,
    /// An investor in a separate deal.
    SeparateDeal,
}

/// One holder's part of the company after the deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holding {
    /// `existing`, `undisclosed`, or the investor's or deal's id.
    pub id: String,
    /// Name shown to readers.
    pub name: String,
    /// What kind of holder.
    pub kind: HoldingKind,
    /// Money put in; for existing holders, the pre-money valuation.
    pub amount: Decimal,
    /// Exact stake: `amount / post_money`.
    pub stake: Share,
    /// Stake in percent to [`DISPLAY_DECIMALS`]; all holdings add up to exactly 100.
    pub display_percent: Decimal,
    /// For an adjustable amount: the stake at the low and high end of its range, other
    /// choices held.
    pub stake_range: Option<StakeRange>,
}

/// The stakes at both ends of an amount's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StakeRange {
    /// Stake at the low end.
    pub low: Share,
    /// Stake at the high end.
    pub high: Share,
}

/// The focus investor's amount next to another figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComparisonOutcome {
    /// The comparison's id.
    pub id: String,
    /// The other figure.
    pub amount: Decimal,
    /// Focus amount / the other figure.
    pub ratio: Share,
    /// The ratio in English words, for the developer API: "40% of Amazon's planned 2026
    /// capex", "4.5 times Project Rainier". The explainer says [`Self::ratio_in_words`] in the
    /// reader's language.
    pub words: String,
    /// The ratio as it is put in words, rounded as readers are shown it.
    #[serde(skip)]
    pub ratio_in_words: Ratio,
}

/// A comparison's ratio as readers are told it, its figure rounded as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratio {
    /// Less than the other figure: this percentage of it (whole above 10%, else one decimal).
    PercentOf(Decimal),
    /// Exactly as much.
    Same,
    /// More: this many times it, to one decimal.
    Times(Decimal),
}

fn sum(
    values: impl IntoIterator<Item = Decimal>,
    what: &'static str,
) -> Result<Decimal, ComputeError> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |total, value| total.add_checked(value))
        .ok_or_else(|| ComputeError::Overflow(what))
}

fn add(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal, ComputeError> {
    a.add_checked(b).ok_or_else(|| ComputeError::Overflow(what))
}

/// The money of a scenario, before stakes.
struct Money {
    pre: Decimal,
    chosen_total: Decimal,
    disclosed: Decimal,
    deals: Decimal,
}

impl Money {
    fn round_total(&self) -> Decimal {
        self.chosen_total.max(self.disclosed)
    }

    fn post_money(&self) -> Result<Decimal, ComputeError> {
        add(
            add(self.pre, self.round_total(), "the post-money valuation")?,
            self.deals,
            "the post-money valuation",
        )
    }

    /// The stake of an amount that is part of `disclosed` (or of `deals`), had it been `instead`.
    fn stake_if(
        &self,
        current: Decimal,
        instead: Decimal,
        in_round: bool,
    ) -> Result<Share, ComputeError> {
        let swap = |total: Decimal| {
            total
                .sub_checked(current)
                .and_then(|rest| rest.add_checked(instead))
                .ok_or_else(|| ComputeError::Overflow("a stake range"))
        };
        let other = if in_round {
            Money {
                disclosed: swap(self.disclosed)?,
                ..*self
            }
        } else {
            Money {
                deals: swap(self.deals)?,
                ..*self
            }
        };
        Ok(Share::new(instead, other.post_money()?))
    }
}

/// Computes what a scenario means for a story. Choices outside the story's ranges are refused.
pub fn compute(story: &Story, scenario: &Scenario) -> Result<Outcome, ComputeError> {
    // Checked amounts of the adjustables, in story order: investors first, then deals.
    let mut chosen = scenario.checked_amounts(story)?.into_iter();
    let mut amount_of = |reported: &ReportedAmount| match reported.range {
        Some(_) => chosen.next().map_or(reported.value.0, |amount| amount.0),
        None => reported.value.0,
    };
    let investors: Vec<_> = story
        .investors()
        .filter_map(|investor| Some((investor, investor.amount.as_ref()?)))
        .map(|(investor, reported)| (investor, reported, amount_of(reported)))
        .collect();
    let deals: Vec<_> = story
        .separate_deals
        .iter()
        .map(|deal| (deal, amount_of(&deal.amount)))
        .filter(|(deal, _)| scenario.deal_is_on(story, &deal.id))
        .collect();
    // A total that follows its parts moves by what the reader changed in them.
    let chosen_total = if story.round.total_follows_parts {
        investors
            .iter()
            .try_fold(story.round.total.value.0, |total, (_, reported, amount)| {
                total
                    .add_checked(*amount)
                    .and_then(|total| total.sub_checked(reported.value.0))
                    .ok_or(ComputeError::Overflow("the round's total"))
            })?
    } else {
        scenario.round_total.0
    };
    let money = Money {
        pre: scenario.pre_money.0,
        chosen_total,
        disclosed: sum(
            investors.iter().map(|(_, _, amount)| *amount),
            "the disclosed amounts",
        )?,
        deals: sum(
            deals.iter().map(|(_, amount)| *amount),
            "the separate deals",
        )?,
    };
    let round_total = money.round_total();
    let post_money = money.post_money()?;
    let new_money = add(round_total, money.deals, "the new money")?;
    let undisclosed = round_total
        .sub_checked(money.disclosed)
        .ok_or_else(|| ComputeError::Overflow("the undisclosed amount"))?;

    let stake_range =
        |range: Option<&Range>, current: Decimal, in_round: bool| -> Result<_, ComputeError> {
            let Some(range) = range else { return Ok(None) };
            let low = money.stake_if(current, range.low.0, in_round)?;
            let high = money.stake_if(current, range.high.0, in_round)?;
            Ok(Some(StakeRange { low, high }))
        };
    let holding = |id: &str, name: &str, kind, amount| Holding {
        id: id.to_owned(),
        name: name.to_owned(),
        kind,
        amount,
        stake: Share::new(amount, post_money),
        display_percent: Decimal::ZERO,
        stake_range: None,
    };
    let mut holdings = vec![holding(
        "existing",
        // Its name for the developer API; readers see the locale's words for it.
        "Existing holders",
        HoldingKind::Existing,
        money.pre,
    )];
    for (investor, reported, amount) in &investors {
        let mut held = holding(&investor.id, &investor.name, HoldingKind::Investor, *amount);
        held.stake_range = stake_range(reported.range.as_ref(), *amount, true)?;
        holdings.push(held);
    }
    let round_has_undisclosed = story.round.tranches.iter().any(tranche_has_undisclosed);
    if round_has_undisclosed || !undisclosed.is_zero() {
        holdings.push(holding(
            "undisclosed",
            "Undisclosed",
            HoldingKind::Undisclosed,
            undisclosed,
        ));
    }
    for (deal, amount) in &deals {
        let mut held = holding(&deal.id, &deal.investor, HoldingKind::SeparateDeal, *amount);
        held.stake_range = stake_range(deal.amount.range.as_ref(), *amount, false)?;
        holdings.push(held);
    }
    let amounts: Vec<Decimal> = holdings.iter().map(|h| h.amount).collect();
    for (held, percent) in
        holdings
            .iter_mut()
            .zip(display_percentages(&amounts, post_money, DISPLAY_DECIMALS)?)
    {
        held.display_percent = percent;
    }

    // `investors` holds the disclosed amounts in tranche order: take each tranche's share of it.
    let mut disclosed_amounts = investors.iter().map(|(_, _, amount)| *amount);
    let mut tranches = Vec::with_capacity(story.round.tranches.len());
    for tranche in &story.round.tranches {
        let count = tranche
            .investors
            .iter()
            .filter(|i| i.amount.is_some())
            .count();
        tranches.push(TrancheOutcome {
            id: tranche.id.clone(),
            disclosed: sum(disclosed_amounts.by_ref().take(count), "a tranche")?,
            has_undisclosed: tranche_has_undisclosed(tranche),
        });
    }

    let dilution = Share::new(new_money, post_money);
    let focus = investors
        .iter()
        .find(|(investor, _, _)| investor.id == story.focus_investor);
    let focus_amount = focus.map_or(Decimal::ZERO, |(_, _, amount)| *amount);
    let mut comparisons = Vec::with_capacity(story.comparisons.len());
    for comparison in &story.comparisons {
        let ratio = Share::new(focus_amount, comparison.amount.value.0);
        let ratio_in_words = ratio_of(&ratio)?;
        comparisons.push(ComparisonOutcome {
            id: comparison.id.clone(),
            amount: comparison.amount.value.0,
            ratio,
            words: ratio_words(ratio_in_words, &comparison.label),
            ratio_in_words,
        });
    }

    Ok(Outcome {
        pre_money: money.pre,
        round: RoundOutcome {
            chosen_total: money.chosen_total,
            total: round_total,
            held_at_disclosed: money.disclosed > money.chosen_total,
            disclosed: money.disclosed,
            undisclosed,
            tranches,
        },
        separate_deals: money.deals,
        new_money,
        post_money,
        holdings,
        dilution_percent: dilution.percent(DISPLAY_DECIMALS)?,
        dilution,
        comparisons,
    })
}

fn tranche_has_undisclosed(tranche: &Tranche) -> bool {
    tranche.investors.is_empty()
        || tranche
            .investors
            .iter()
            .any(|investor| investor.amount.is_none())
}

/// "40% of Amazon's planned 2026 capex", "4.5 times Project Rainier", "as much as X".
pub fn ratio_words(ratio: Ratio, label: &str) -> String {
    match ratio {
        Ratio::PercentOf(percent) => format!("{percent}% of {label}"),
        Ratio::Same => format!("as much as {label}"),
        Ratio::Times(times) => format!("{times} times {label}"),
    }
}

/// The ratio of a comparison, rounded as readers are shown it.
pub fn ratio_of(ratio: &Share) -> Result<Ratio, ComputeError> {
    if ratio.part < ratio.whole {
        let percent = ratio.percent(2)?;
        let decimals = if percent >= Decimal::TEN { 0 } else { 1 };
        Ok(Ratio::PercentOf(super::money::rounded(percent, decimals)))
    } else if ratio.part == ratio.whole {
        Ok(Ratio::Same)
    } else {
        let times = ratio
            .part
            .div_checked(ratio.whole)
            .ok_or_else(|| ComputeError::Overflow("a comparison"))?;
        Ok(Ratio::Times(super::money::rounded(times, 1)))
    }
}
