//! Where a figure comes from. Every figure the explainer shows is a button carrying a reference;
//! activating it opens a note with the article's sentence, the assumption, the reader's choice
//! or the arithmetic. The kind follows the scenario on screen: an amount moved off its reported
//! figure is the reader's choice, and moved back it is reported again.

use super::vnode::VNode;
use crate::model::money::{format_money, Style};
use crate::model::scenario::{price_kind, reported_post_money, PriceKind};
use crate::model::story::{Amount, Figure, Price, Range, ReportedAmount};
use crate::model::{HoldingKind, Outcome, Scenario, Story};

/// The `pre` key: the pre-money valuation (as in the URL fragment).
pub const PRE: &str = "pre";
/// The `round` key: the round's total.
pub const ROUND: &str = "round";

/// What a figure on screen refers to, written into its `data-ref` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// A sentence of the article, by source id.
    Source(String),
    /// The pre-money valuation: the author's assumption, or the reader's choice.
    PreMoney,
    /// The ends of a slider (`pre`, `round`, or an investor or deal id): the author's choice.
    Range(String),
    /// An amount as the reader set it (`round`, or an investor or deal id).
    Choice(String),
    /// The part of the round whose investors' amounts are not reported: derived.
    Undisclosed,
    /// A round total that follows its parts, moved with the reader's choices: derived.
    RoundFollows,
    /// The post-money valuation, derived.
    PostMoney,
    /// A holder's stake, derived (`existing`, `undisclosed` or an id).
    Stake(String),
    /// Existing holders' dilution, derived.
    Dilution,
}

impl Ref {
    /// The attribute value: `source:amazon-talks`, `range:amazon`, `post-money`…
    pub fn attribute(&self) -> String {
        match self {
            Ref::Source(id) => format!("source:{id}"),
            Ref::PreMoney => "pre-money".to_owned(),
            Ref::Range(id) => format!("range:{id}"),
            Ref::Choice(id) => format!("choice:{id}"),
            Ref::Undisclosed => "undisclosed".to_owned(),
            Ref::RoundFollows => "round-follows".to_owned(),
            Ref::PostMoney => "post-money".to_owned(),
            Ref::Stake(id) => format!("stake:{id}"),
            Ref::Dilution => "dilution".to_owned(),
        }
    }

    /// Reads an attribute value back.
    pub fn parse(text: &str) -> Option<Ref> {
        Some(match text.split_once(':') {
            Some(("source", id)) => Ref::Source(id.to_owned()),
            Some(("range", id)) => Ref::Range(id.to_owned()),
            Some(("choice", id)) => Ref::Choice(id.to_owned()),
            Some(("stake", id)) => Ref::Stake(id.to_owned()),
            None if text == "pre-money" => Ref::PreMoney,
            None if text == "undisclosed" => Ref::Undisclosed,
            None if text == "round-follows" => Ref::RoundFollows,
            None if text == "post-money" => Ref::PostMoney,
            None if text == "dilution" => Ref::Dilution,
            _ => return None,
        })
    }
}

/// The kinds of figure, as a note names them.
pub mod kind {
    /// The article gives it; the note shows the sentence.
    pub const REPORTED: &str = "From the article";
    /// The author's choice where the article gives nothing; the note gives the reason.
    pub const ASSUMPTION: &str = "Assumption";
    /// A slider or preset moved it away from the story's figure.
    pub const CHOICE: &str = "Your choice";
    /// Arithmetic over the other figures; the note shows the sum.
    pub const DERIVED: &str = "Derived";
    /// A slider's ends of which the article gives one and the author the other.
    pub const PARTLY_REPORTED: &str = "Partly from the article";
}

/// A note to show for a reference.
pub struct Note {
    /// One of the [`kind`]s.
    pub kind: &'static str,
    /// The quoted sentence, when the figure is the article's.
    pub quote: Option<String>,
    /// Explanation in plain words.
    pub text: String,
}

impl Note {
    /// What the note panel shows: its kind, the sentence if any, and the explanation.
    pub fn contents(&self) -> Vec<VNode> {
        let mut children = vec![VNode::text("p", "rx-note-kind", self.kind)];
        if let Some(quote) = &self.quote {
            children.push(VNode::text("blockquote", "rx-quote", quote));
        }
        children.push(VNode::text("p", "rx-note-text", &self.text));
        children
    }

    /// The note as one announcement: "From the article: <sentence> <explanation>".
    pub fn spoken(&self) -> String {
        let mut said = format!("{}: ", self.kind);
        if let Some(quote) = &self.quote {
            said.push_str(quote);
            said.push(' ');
        }
        said.push_str(&self.text);
        said
    }
}

/// The reference for an amount as shown now: its sentence while it is the reported figure, the
/// reader's choice once moved.
pub fn amount_ref(key: &str, reported: &ReportedAmount, shown: Amount) -> Ref {
    if shown == reported.value {
        Ref::Source(reported.source.clone())
    } else {
        Ref::Choice(key.to_owned())
    }
}

/// The range and the reported figure behind a slider's key, if the story has that slider.
fn slider_of<'a>(story: &'a Story, key: &str) -> Option<(&'a Range, Option<&'a ReportedAmount>)> {
    match key {
        PRE => Some((&story.pre_money.range, None)),
        ROUND => Some((story.round.total.range.as_ref()?, Some(&story.round.total))),
        id => story
            .adjustables()
            .find(|a| a.id == id)
            .map(|a| (a.range, Some(a.reported))),
    }
}

/// The note for a reference in the current scenario; `None` for a reference the story lacks.
pub fn note(
    story: &Story,
    scenario: &Scenario,
    outcome: &Outcome,
    reference: &Ref,
) -> Option<Note> {
    let symbol = story.currency_symbol();
    let money = |amount| format_money(amount, &symbol, Style::Long);
    let reported_words =
        |reported: &ReportedAmount| reported.qualifier.phrase(&money(reported.value.0));
    let kind = price_kind(story, scenario);
    let pre_words = match kind {
        PriceKind::Assumed => "an assumption",
        PriceKind::Reported => "reported",
        PriceKind::Derived => "derived",
        PriceKind::Chosen => "your choice",
    };
    let figure_words = |figure: &Figure| figure.qualifier.phrase(&money(figure.value.0));
    Some(match reference {
        Ref::Source(id) => {
            let source = story.source(id)?;
            let mut origin = String::from("From the article");
            for detail in [&source.publisher, &source.date].into_iter().flatten() {
                origin.push_str(", ");
                origin.push_str(detail);
            }
            Note { kind: kind::REPORTED, quote: Some(source.quote.clone()), text: format!("{origin}.") }
        }
        Ref::PreMoney => match (&story.pre_money.price, kind) {
            (_, PriceKind::Chosen) => {
                let article = match &story.pre_money.price {
                    Price::Assumed => format!("The author's assumption is {}: {}", money(story.pre_money.default.0), story.pre_money.assumption),
                    Price::PreMoney(figure) => format!("The article's figure is {}.", figure_words(figure)),
                    Price::PostMoney(_) => format!("The figure derived from the article's is {}.", money(story.pre_money.default.0)),
                };
                Note {
                    kind: kind::CHOICE,
                    quote: None,
                    text: format!("You set the pre-money valuation to {}. {article}", money(scenario.pre_money.0)),
                }
            }
            (Price::PreMoney(figure), _) => Note {
                kind: kind::REPORTED,
                quote: story.source(&figure.source).map(|source| source.quote.clone()),
                text: format!("The article gives the price: a pre-money valuation of {}.", figure_words(figure)),
            },
            (Price::PostMoney(figure), _) => Note {
                kind: kind::DERIVED,
                quote: story.source(&figure.source).map(|source| source.quote.clone()),
                text: format!(
                    "The article gives a post-money valuation of {}; less the new money of {}, that leaves {} before the deal.",
                    figure_words(figure),
                    money(story.article_new_money()),
                    money(story.pre_money.default.0)
                ),
            },
            (Price::Assumed, _) => Note { kind: kind::ASSUMPTION, quote: None, text: story.pre_money.assumption.clone() },
        },
        Ref::Range(key) => {
            let (range, _) = slider_of(story, key)?;
            let quote_of = |source: &Option<String>| {
                source.as_deref().and_then(|id| story.source(id)).map(|source| source.quote.clone())
            };
            let (low, high) = (quote_of(&range.low_source), quote_of(&range.high_source));
            let span = format!("The slider runs from {} to {}.", money(range.low.0), money(range.high.0));
            let why = range.assumption.as_deref().unwrap_or(
                "The author chose these ends; the article does not give them.",
            );
            match (low, high) {
                (None, None) => Note { kind: kind::ASSUMPTION, quote: None, text: format!("{span} {why}") },
                (Some(low), Some(high)) if low == high => Note {
                    kind: kind::REPORTED,
                    quote: Some(low),
                    text: format!("{span} Both ends are the article's."),
                },
                (Some(low), Some(high)) => Note {
                    kind: kind::REPORTED,
                    quote: Some(format!("{low} … {high}")),
                    text: format!("{span} Both ends are the article's."),
                },
                (Some(quote), None) | (None, Some(quote)) => {
                    let (given, chosen) = if range.low_source.is_some() {
                        ("low", money(range.high.0))
                    } else {
                        ("high", money(range.low.0))
                    };
                    Note {
                        kind: kind::PARTLY_REPORTED,
                        quote: Some(quote),
                        text: format!("{span} The {given} end is the article's; the other, {chosen}, is the author's choice: {why}"),
                    }
                }
            }
        }
        Ref::Choice(key) => {
            let (range, reported) = slider_of(story, key)?;
            let chosen = if key == ROUND { scenario.round_total } else { scenario.amount_of(key, reported?) };
            let mut text = format!(
                "You set this to {}, within the slider's {} to {}.",
                money(chosen.0),
                money(range.low.0),
                money(range.high.0)
            );
            if let Some(reported) = reported {
                text.push_str(&format!(" The article's figure is {}.", reported_words(reported)));
            }
            if key == ROUND && outcome.round.held_at_disclosed {
                text.push_str(&format!(
                    " The round is held at {}: it cannot be smaller than the amounts already reported.",
                    money(outcome.round.total)
                ));
            }
            Note { kind: kind::CHOICE, quote: None, text }
        }
        Ref::Undisclosed => {
            let total = if scenario.round_total == story.round.total.value {
                format!("the reported {}", reported_words(&story.round.total))
            } else {
                format!("your {}", money(outcome.round.total))
            };
            Note {
                kind: kind::DERIVED,
                quote: None,
                text: format!(
                    "The round of {total}, less the {} that named investors put in, leaves {} whose investors' amounts are not reported. It is not split between them by guesswork.",
                    money(outcome.round.disclosed),
                    money(outcome.round.undisclosed)
                ),
            }
        }
        Ref::RoundFollows => Note {
            kind: kind::DERIVED,
            quote: None,
            text: format!(
                "The round follows its parts: the article's {} moves with the amounts you set for its investors, to {}.",
                reported_words(&story.round.total),
                money(outcome.round.total)
            ),
        },
        Ref::PostMoney => match reported_post_money(story, scenario, outcome.post_money) {
            Some(figure) => Note {
                kind: kind::REPORTED,
                quote: story.source(&figure.source).map(|source| source.quote.clone()),
                text: format!(
                    "The article gives the valuation after the deal: {}, of which {} is new money.",
                    figure_words(figure),
                    money(outcome.new_money)
                ),
            },
            None => Note {
            kind: kind::DERIVED,
            quote: None,
            text: format!(
                "Pre-money valuation {} ({pre_words}) plus new money {} gives {}.",
                money(outcome.pre_money),
                money(outcome.new_money),
                money(outcome.post_money)
            ),
        },
        },
        Ref::Stake(id) => {
            let holding = outcome.holding(id)?;
            let whose = match holding.kind {
                HoldingKind::Existing => format!("Existing holders keep the pre-money valuation ({pre_words})"),
                HoldingKind::Undisclosed => "The rest of the round, whose investors' amounts are not reported,".to_owned(),
                _ => format!("{} puts in", holding.name),
            };
            Note {
                kind: kind::DERIVED,
                quote: None,
                text: format!(
                    "{whose} {} of a post-money valuation of {}: {}%. Percentages are rounded so that they add up to exactly 100%.",
                    money(holding.amount),
                    money(outcome.post_money),
                    holding.display_percent
                ),
            }
        }
        Ref::Dilution => Note {
            kind: kind::DERIVED,
            quote: None,
            text: format!(
                "New money {} over a post-money valuation of {}: existing holders' share falls from 100% by {} points.",
                money(outcome.new_money),
                money(outcome.post_money),
                outcome.dilution_percent
            ),
        },
    })
}
