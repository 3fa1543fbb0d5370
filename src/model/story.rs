//! The story file: a versioned JSON description of one funding round and the article it comes
//! from. `docs/story-format.md` is the author's guide; these types are its definition.
//!
//! Parsing is two steps: serde reads the shape (wrapped in `serde_path_to_error`, so a wrong type
//! or an unknown field is reported with its JSON path), then [`validate`](super::validate)
//! checks what types cannot say (ranges in order, sources that exist, ids that are unique).

use core::fmt;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::money::{format_exact, parse_amount};
use super::validate::{validate, StoryError};

/// The story format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A funding round as an article reports it, with the assumptions the explainer needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Story format version; must be [`FORMAT_VERSION`].
    pub version: u32,
    /// Short identifier, e.g. `openai-2026`.
    pub id: String,
    /// One-line title shown above the explainer.
    pub title: String,
    /// The company raising money, e.g. `OpenAI`.
    pub company: String,
    /// ISO 4217 code of every amount in the file; `USD` is written with `$`.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The article the figures come from.
    #[serde(default)]
    pub article: Article,
    /// Exact sentences of the article; every figure names one by id.
    pub sources: Vec<Source>,
    /// Earlier valuations of the company (primary rounds or secondary sales).
    #[serde(default)]
    pub marks: Vec<Mark>,
    /// The investor whose amount the headline and the comparisons are about.
    pub focus_investor: String,
    /// The reader-adjustable assumption the article does not give: the price of the round.
    pub pre_money: PreMoney,
    /// The round itself.
    pub round: Round,
    /// Investments reported alongside the round but outside it (off or on by default).
    #[serde(default)]
    pub separate_deals: Vec<SeparateDeal>,
    /// Other figures of the article to compare the focus investor's amount with.
    #[serde(default)]
    pub comparisons: Vec<Comparison>,
    /// Figures of the article that are not money (job cuts, head counts…).
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Dated events of the article, in the order to show them.
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}

fn default_currency() -> String {
    "USD".to_owned()
}

/// Where the story comes from. Unknown fields are left out, never guessed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The article's headline, if known.
    pub headline: Option<String>,
    /// Who published it, if known.
    pub publisher: Option<String>,
    /// When it was published (`YYYY-MM-DD`), if known.
    pub date: Option<String>,
    /// Where it can be read, if known.
    pub url: Option<String>,
}

/// One sentence of the article, quoted exactly.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier that figures refer to.
    pub id: String,
    /// The sentence, exactly as published.
    pub quote: String,
    /// Publisher, when the sentence comes from another article than the story's own.
    pub publisher: Option<String>,
    /// Publication date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Address of the quoted article, when known.
    pub url: Option<String>,
}

/// An amount as written in a story file: a decimal string, never a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_exact(self.0))
    }
}

struct AmountVisitor;

const NUMBER_REFUSED: &str =
    "amounts are strings such as \"50B\" or \"50000000000\", not JSON numbers, which can lose digits";

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as a string, such as \"50B\" or \"50000000000\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Amount, E> {
        parse_amount(text).map(Amount).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Amount, E> {
        Err(E::custom(NUMBER_REFUSED))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Amount, E> {
        Err(E::custom(NUMBER_REFUSED))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Amount, E> {
        Err(E::custom(NUMBER_REFUSED))
    }
}

/// How the article qualifies a figure. Upper bounds limit how far a reader may explore.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The figure is given as exact.
    #[default]
    Exactly,
    /// "approximately".
    Approximately,
    /// "about".
    About,
    /// "roughly".
    Roughly,
    /// "close to".
    CloseTo,
    /// "as much as": an upper bound.
    AsMuchAs,
    /// "up to": an upper bound.
    UpTo,
}

impl Qualifier {
    /// The words put before the figure; empty for an exact figure.
    pub fn words(self) -> &'static str {
        match self {
            Self::Exactly => "",
            Self::Approximately => "approximately",
            Self::About => "about",
            Self::Roughly => "roughly",
            Self::CloseTo => "close to",
            Self::AsMuchAs => "as much as",
            Self::UpTo => "up to",
        }
    }

    /// True when the figure is the most the article allows ("as much as", "up to").
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Self::AsMuchAs | Self::UpTo)
    }
}

/// How far a deal has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reported as likely, with no talks described.
    Expected,
    /// In talks.
    InTalks,
    /// A term sheet is signed.
    TermSheet,
    /// The deal has closed.
    Closed,
}

impl Status {
    /// Plain words for readers.
    pub fn label(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::InTalks => "in talks",
            Self::TermSheet => "term sheet signed",
            Self::Closed => "closed",
        }
    }
}

/// A figure the article gives, with its qualifier and the sentence it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The amount as reported.
    pub value: Amount,
    /// The article's qualifier ("as much as"…).
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
}

/// The span a reader may explore with a slider. Its bounds are the story author's choice where
/// the article gives none, and `assumption` says so.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value a reader may choose.
    pub low: Amount,
    /// Highest value a reader may choose.
    pub high: Amount,
    /// Slider step; defaults to one hundredth of the span.
    pub step: Option<Amount>,
    /// Why the bounds are what they are, when the article does not give them.
    pub assumption: Option<String>,
}

/// A reported figure that the reader may vary within a range.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedAmount {
    /// The amount as reported.
    pub value: Amount,
    /// The article's qualifier ("as much as"…).
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
    /// What a reader may explore; without it the amount is fixed.
    pub range: Option<Range>,
}

/// The price of the round: the explainer's one labelled assumption.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreMoney {
    /// Label of the control, e.g. "Pre-money valuation (assumption)".
    pub label: String,
    /// The value a reader sees first.
    pub default: Amount,
    /// What a reader may explore.
    pub range: Range,
    /// Id of the mark the default is taken from, if any.
    pub basis: Option<String>,
    /// Why this is an assumption and where the default comes from.
    pub assumption: String,
}

/// An earlier valuation of the company.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// Identifier, e.g. `october-secondary`.
    pub id: String,
    /// Plain words, e.g. "Secondary share sale".
    pub label: String,
    /// Whether the company raised money at that price.
    pub kind: MarkKind,
    /// When, in the article's words ("October").
    pub when: String,
    /// The valuation.
    pub valuation: Figure,
}

/// Whether a valuation mark raised money for the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// New shares sold by the company: money in.
    Primary,
    /// Existing shares sold between holders: a price, but no money for the company.
    Secondary,
}

/// The round: its target, its tranches in order, its status.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Plain words, e.g. "OpenAI's new funding round".
    pub label: String,
    /// How far the round has got.
    pub status: Status,
    /// The reported total, and how far a reader may explore it.
    pub total: ReportedAmount,
    /// Tranches in the order they are raised.
    pub tranches: Vec<Tranche>,
}

/// One phase of the round.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    /// Identifier, e.g. `strategic`.
    pub id: String,
    /// Plain words, e.g. "Strategic partners".
    pub label: String,
    /// Id of the sentence that describes it.
    pub source: String,
    /// Named investors; a tranche with none is wholly undisclosed.
    #[serde(default)]
    pub investors: Vec<Investor>,
}

/// An investor named in the round.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investor {
    /// Identifier, e.g. `amazon`.
    pub id: String,
    /// Name shown to readers.
    pub name: String,
    /// Status, when it differs from the round's.
    pub status: Option<Status>,
    /// Id of the sentence that names it.
    pub source: String,
    /// The amount, when reported; without it the investor's money is undisclosed.
    pub amount: Option<ReportedAmount>,
}

/// An investment reported beside the round but separate from it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeparateDeal {
    /// Identifier, e.g. `softbank`.
    pub id: String,
    /// Name of the investor.
    pub investor: String,
    /// How far it has got.
    pub status: Status,
    /// The amount and how far a reader may explore it.
    pub amount: ReportedAmount,
    /// Whether the reader first sees the deal counted.
    #[serde(default)]
    pub on_by_default: bool,
}

/// Another figure of the article to measure the focus investor's amount against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// Identifier, e.g. `amazon-capex-2026`.
    pub id: String,
    /// Noun phrase used in sentences: "Amazon's planned 2026 capex".
    pub label: String,
    /// The figure.
    pub amount: Figure,
}

/// A figure of the article that is a count, not money.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Identifier, e.g. `amazon-job-cuts`.
    pub id: String,
    /// Plain words: "Amazon corporate roles to be cut".
    pub label: String,
    /// The count, as a decimal string.
    pub count: Amount,
    /// What is counted: "roles".
    pub unit: String,
    /// The article's qualifier.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
}

/// A dated event of the article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    /// When, in the article's words: "2015", "late 2022", "October".
    pub when: String,
    /// What happened.
    pub event: String,
    /// Id of the sentence it comes from.
    pub source: String,
}

impl Story {
    /// Reads and validates a story from any serde deserializer (a JS object through
    /// serde-wasm-bindgen, or JSON text through serde_json).
    pub fn from_deserializer<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Story, StoryError> {
        let story: Story =
            serde_path_to_error::deserialize(deserializer).map_err(StoryError::from_shape)?;
        validate(&story)?;
        Ok(story)
    }

    /// The currency symbol to write amounts with.
    pub fn currency_symbol(&self) -> String {
        match self.currency.as_str() {
            "USD" => "$".to_owned(),
            "EUR" => "€".to_owned(),
            "GBP" => "£".to_owned(),
            "JPY" => "¥".to_owned(),
            other => format!("{other} "),
        }
    }

    /// Every named investor of the round, in tranche order.
    pub fn investors(&self) -> impl Iterator<Item = &Investor> {
        self.round
            .tranches
            .iter()
            .flat_map(|tranche| tranche.investors.iter())
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }
}
