//! Where a figure comes from. Every figure the explainer shows is a button carrying a reference;
//! activating it opens a note with the article's sentence, the assumption, or the computation.

use crate::model::money::{format_money, Style};
use crate::model::{HoldingKind, Outcome, Story};

/// What a figure on screen refers to, written into its `data-ref` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// A sentence of the article, by source id.
    Source(String),
    /// The pre-money valuation: an assumption.
    PreMoney,
    /// The range of a control (`round`, or an investor or deal id): the author's choice.
    Range(String),
    /// The post-money valuation, computed.
    PostMoney,
    /// A holder's stake, computed (`existing`, `undisclosed` or an id).
    Stake(String),
    /// Existing holders' dilution, computed.
    Dilution,
}

impl Ref {
    /// The attribute value: `source:amazon-talks`, `range:amazon`, `post-money`…
    pub fn attribute(&self) -> String {
        match self {
            Ref::Source(id) => format!("source:{id}"),
            Ref::PreMoney => "pre-money".to_owned(),
            Ref::Range(id) => format!("range:{id}"),
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
            Some(("stake", id)) => Ref::Stake(id.to_owned()),
            None if text == "pre-money" => Ref::PreMoney,
            None if text == "post-money" => Ref::PostMoney,
            None if text == "dilution" => Ref::Dilution,
            _ => return None,
        })
    }
}

/// A note to show for a reference.
pub struct Note {
    /// "From the article", "Assumption", "Computed".
    pub kind: &'static str,
    /// The quoted sentence, when the figure is the article's.
    pub quote: Option<String>,
    /// Explanation in plain words.
    pub text: String,
}

/// The note for a reference in the current outcome; `None` for a reference the story lacks.
pub fn note(story: &Story, outcome: &Outcome, reference: &Ref) -> Option<Note> {
    let symbol = story.currency_symbol();
    let money = |amount| format_money(amount, &symbol, Style::Long);
    Some(match reference {
        Ref::Source(id) => {
            let source = story.source(id)?;
            let mut origin = String::from("From the article");
            for detail in [&source.publisher, &source.date].into_iter().flatten() {
                origin.push_str(", ");
                origin.push_str(detail);
            }
            Note { kind: "From the article", quote: Some(source.quote.clone()), text: format!("{origin}.") }
        }
        Ref::PreMoney => Note { kind: "Assumption", quote: None, text: story.pre_money.assumption.clone() },
        Ref::Range(id) => {
            let range = if id == "round" {
                story.round.total.range.as_ref()
            } else {
                story.adjustables().find(|a| a.id == id).map(|a| a.range)
            }?;
            let span = format!("The slider runs from {} to {}.", money(range.low.0), money(range.high.0));
            let why = range.assumption.clone().unwrap_or_default();
            Note { kind: "Assumption", quote: None, text: format!("{span} {why}").trim().to_owned() }
        }
        Ref::PostMoney => Note {
            kind: "Computed",
            quote: None,
            text: format!(
                "Pre-money valuation {} (an assumption) plus new money {} gives {}.",
                money(outcome.pre_money),
                money(outcome.new_money),
                money(outcome.post_money)
            ),
        },
        Ref::Stake(id) => {
            let holding = outcome.holding(id)?;
            let whose = match holding.kind {
                HoldingKind::Existing => "Existing holders keep the pre-money valuation".to_owned(),
                HoldingKind::Undisclosed => "The rest of the round, whose investors' amounts are not reported,".to_owned(),
                _ => format!("{} puts in", holding.name),
            };
            Note {
                kind: "Computed",
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
            kind: "Computed",
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
