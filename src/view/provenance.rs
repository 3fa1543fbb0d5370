//! Where a figure comes from. Every figure the explainer shows is a button carrying a reference;
//! activating it opens a note with the article's sentence, the assumption, the reader's choice
//! or the arithmetic. The kind follows the scenario on screen: an amount moved off its reported
//! figure is the reader's choice, and moved back it is reported again.

use super::vnode::VNode;
use crate::locale::{fill, Locale};
use crate::model::money::Style;
use crate::model::scenario::{price_kind, reported_post_money, PriceKind};
use crate::model::story::{Amount, Figure, Price, Range, ReportedAmount};
use crate::model::{HoldingKind, Outcome, Scenario, Story};
use rust_decimal::Decimal;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The article gives it; the note shows the sentence.
    Reported,
    /// The author's choice where the article gives nothing; the note gives the reason.
    Assumption,
    /// A slider or preset moved it away from the story's figure.
    Choice,
    /// Arithmetic over the other figures; the note shows the sum.
    Derived,
    /// A slider's ends of which the article gives one and the author the other.
    PartlyReported,
}

impl NoteKind {
    /// The kind as the note heads it, in the reader's language: "From the article".
    pub fn label(self, locale: &Locale) -> &'static str {
        let m = locale.messages();
        match self {
            NoteKind::Reported => m.kind_reported,
            NoteKind::Assumption => m.kind_assumption,
            NoteKind::Choice => m.kind_choice,
            NoteKind::Derived => m.kind_derived,
            NoteKind::PartlyReported => m.kind_partly_reported,
        }
    }

    /// The kind as the `round-explainer:note` event names it, the same in every language.
    pub fn token(self) -> &'static str {
        match self {
            NoteKind::Reported => "reported",
            NoteKind::Assumption => "assumption",
            NoteKind::Choice => "choice",
            NoteKind::Derived => "derived",
            NoteKind::PartlyReported => "partly-reported",
        }
    }
}

/// A note to show for a reference.
pub struct Note {
    /// Its kind.
    pub kind: NoteKind,
    /// The kind in the reader's words.
    pub heading: &'static str,
    /// What follows the heading when the note is read out: `": "`, or `"\u{a0}: "` in French.
    pub colon: &'static str,
    /// The quoted sentence, when the figure is the article's.
    pub quote: Option<String>,
    /// Explanation in plain words.
    pub text: String,
}

impl Note {
    /// What the note panel shows: its kind, the sentence if any, and the explanation.
    pub fn contents(&self) -> Vec<VNode> {
        let mut children = vec![VNode::text("p", "rx-note-kind", self.heading)];
        if let Some(quote) = &self.quote {
            children.push(VNode::text("blockquote", "rx-quote", quote));
        }
        children.push(VNode::text("p", "rx-note-text", &self.text));
        children
    }

    /// The note as one announcement: "From the article: <sentence> <explanation>".
    pub fn spoken(&self) -> String {
        let mut said = format!("{}{}", self.heading, self.colon);
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
    locale: &Locale,
    reference: &Ref,
) -> Option<Note> {
    let m = locale.messages();
    let money = |amount| locale.money(amount, &story.currency, Style::Long);
    let reported_words =
        |reported: &ReportedAmount| reported.qualifier.said(locale, &money(reported.value.0));
    let figure_words = |figure: &Figure| figure.qualifier.said(locale, &money(figure.value.0));
    let pre_words = price_kind(story, scenario).words(locale);
    let quote_of = |source: &str| story.source(source).map(|source| source.quote.clone());
    let made = |kind: NoteKind, quote: Option<String>, text: String| Note {
        kind,
        heading: kind.label(locale),
        colon: m.colon,
        quote,
        text,
    };
    Some(match reference {
        Ref::Source(id) => {
            let source = story.source(id)?;
            let mut origin = String::from(m.note_from_article);
            for detail in [&source.publisher, &source.date].into_iter().flatten() {
                origin.push_str(", ");
                origin.push_str(detail);
            }
            made(
                NoteKind::Reported,
                Some(source.quote.clone()),
                format!("{origin}."),
            )
        }
        Ref::PreMoney => match (&story.pre_money.price, price_kind(story, scenario)) {
            (_, PriceKind::Chosen) => {
                let default = money(story.pre_money.default.0);
                let article = match &story.pre_money.price {
                    Price::Assumed => fill(
                        m.note_article_assumption,
                        &[
                            ("amount", &default),
                            ("reason", &story.pre_money.assumption),
                        ],
                    ),
                    Price::PreMoney(figure) => {
                        fill(m.note_article_figure, &[("figure", &figure_words(figure))])
                    }
                    Price::PostMoney(_) => {
                        fill(m.note_article_derived_price, &[("amount", &default)])
                    }
                };
                let text = fill(
                    m.note_chosen_price,
                    &[
                        ("amount", &money(scenario.pre_money.0)),
                        ("article", &article),
                    ],
                );
                made(NoteKind::Choice, None, text)
            }
            (Price::PreMoney(figure), _) => made(
                NoteKind::Reported,
                quote_of(&figure.source),
                fill(m.note_reported_price, &[("figure", &figure_words(figure))]),
            ),
            (Price::PostMoney(figure), _) => made(
                NoteKind::Derived,
                quote_of(&figure.source),
                fill(
                    m.note_derived_price,
                    &[
                        ("figure", &figure_words(figure)),
                        ("new", &money(story.article_new_money())),
                        ("pre", &money(story.pre_money.default.0)),
                    ],
                ),
            ),
            (Price::Assumed, _) => made(
                NoteKind::Assumption,
                None,
                story.pre_money.assumption.clone(),
            ),
        },
        Ref::Range(key) => {
            let (range, _) = slider_of(story, key)?;
            let quote_of = |source: &Option<String>| source.as_deref().and_then(quote_of);
            let (low, high) = (quote_of(&range.low_source), quote_of(&range.high_source));
            let span = fill(
                m.note_slider_span,
                &[("low", &money(range.low.0)), ("high", &money(range.high.0))],
            );
            let why = range.assumption.as_deref().unwrap_or(m.note_author_ends);
            let both = format!("{span} {}", m.note_both_ends);
            match (low, high) {
                (None, None) => made(NoteKind::Assumption, None, format!("{span} {why}")),
                (Some(low), Some(high)) if low == high => made(NoteKind::Reported, Some(low), both),
                (Some(low), Some(high)) => {
                    made(NoteKind::Reported, Some(format!("{low} … {high}")), both)
                }
                (Some(quote), None) | (None, Some(quote)) => {
                    let (template, chosen) = if range.low_source.is_some() {
                        (m.note_low_end_given, money(range.high.0))
                    } else {
                        (m.note_high_end_given, money(range.low.0))
                    };
                    let given = fill(template, &[("chosen", &chosen), ("why", why)]);
                    made(
                        NoteKind::PartlyReported,
                        Some(quote),
                        format!("{span} {given}"),
                    )
                }
            }
        }
        Ref::Choice(key) => {
            let (range, reported) = slider_of(story, key)?;
            let chosen = if key == ROUND {
                scenario.round_total
            } else {
                scenario.amount_of(key, reported?)
            };
            let mut text = fill(
                m.note_you_set,
                &[
                    ("amount", &money(chosen.0)),
                    ("low", &money(range.low.0)),
                    ("high", &money(range.high.0)),
                ],
            );
            if let Some(reported) = reported {
                text.push(' ');
                text.push_str(&fill(
                    m.note_article_figure,
                    &[("figure", &reported_words(reported))],
                ));
            }
            if key == ROUND && outcome.round.held_at_disclosed {
                text.push(' ');
                text.push_str(&fill(
                    m.note_round_held,
                    &[("amount", &money(outcome.round.total))],
                ));
            }
            made(NoteKind::Choice, None, text)
        }
        Ref::Undisclosed => {
            let total = if scenario.round_total == story.round.total.value {
                fill(
                    m.note_reported_total,
                    &[("figure", &reported_words(&story.round.total))],
                )
            } else {
                fill(
                    m.note_your_total,
                    &[("amount", &money(outcome.round.total))],
                )
            };
            let text = fill(
                m.note_undisclosed,
                &[
                    ("total", &total),
                    ("disclosed", &money(outcome.round.disclosed)),
                    ("rest", &money(outcome.round.undisclosed)),
                ],
            );
            made(NoteKind::Derived, None, text)
        }
        Ref::RoundFollows => made(
            NoteKind::Derived,
            None,
            fill(
                m.note_round_follows,
                &[
                    ("figure", &reported_words(&story.round.total)),
                    ("amount", &money(outcome.round.total)),
                ],
            ),
        ),
        Ref::PostMoney => match reported_post_money(story, scenario, outcome.post_money) {
            Some(figure) => made(
                NoteKind::Reported,
                quote_of(&figure.source),
                fill(
                    m.note_reported_post,
                    &[
                        ("figure", &figure_words(figure)),
                        ("new", &money(outcome.new_money)),
                    ],
                ),
            ),
            None => made(
                NoteKind::Derived,
                None,
                fill(
                    m.note_derived_post,
                    &[
                        ("pre", &money(outcome.pre_money)),
                        ("kind", pre_words),
                        ("new", &money(outcome.new_money)),
                        ("post", &money(outcome.post_money)),
                    ],
                ),
            ),
        },
        Ref::Stake(id) => {
            let holding = outcome.holding(id)?;
            let template = match holding.kind {
                HoldingKind::Existing => m.note_stake_existing,
                HoldingKind::Undisclosed => m.note_stake_undisclosed,
                _ => m.note_stake_investor,
            };
            let hundred = locale.percent(Decimal::ONE_HUNDRED);
            let stake = fill(
                template,
                &[
                    ("kind", pre_words),
                    ("name", &holding.name),
                    ("amount", &money(holding.amount)),
                    ("post", &money(outcome.post_money)),
                    ("percent", &locale.percent(holding.display_percent)),
                ],
            );
            let rounding = fill(m.note_stake_rounding, &[("hundred", &hundred)]);
            made(NoteKind::Derived, None, format!("{stake} {rounding}"))
        }
        Ref::Dilution => made(
            NoteKind::Derived,
            None,
            fill(
                m.note_dilution,
                &[
                    ("new", &money(outcome.new_money)),
                    ("post", &money(outcome.post_money)),
                    ("hundred", &locale.percent(Decimal::ONE_HUNDRED)),
                    ("points", &locale.number(outcome.dilution_percent)),
                ],
            ),
        ),
    })
}
