//! The story file: a versioned JSON description of one funding round and the article it comes
//! from. `docs/story-format.md` is the author's guide; these types are its definition.
//!
//! Reading is two steps: [`Story::from_node`] walks a parsed [`Node`] tree into these types
//! (a wrong type or an unknown field is reported with its JSON path), then
//! [`validate`](super::validate) checks what types cannot say (ranges in order, sources that
//! exist, ids that are unique).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::checked::Checked;
use super::colour::{Colour, Rgb};
use super::currency::symbol_of;
use super::json;
use super::money::format_exact;
use super::node::{path_text, read_root, whole_number, At, Node, Path};
use super::validate::{validate, FieldError, Problem, StoryError};
use crate::locale::{fill, Locale};

/// The most bytes of a story file: a story with every list at its limit and the longest texts
/// takes about half of it, and a reader's tab need not parse more to refuse a hostile file.
pub const MAX_STORY_BYTES: usize = 2 * 1024 * 1024;

/// The story format version this build writes; it reads [`READ_VERSIONS`].
pub const FORMAT_VERSION: u32 = 2;

/// The versions this build reads: 1, and 2, which adds the round's price as reported
/// (`pre_money.reported`, or `post_money`).
pub const READ_VERSIONS: [u32; 2] = [1, 2];

/// A funding round as an article reports it, with the assumptions the explainer needs.
#[derive(Debug, Clone)]
pub struct Story {
    /// Story format version; must be [`FORMAT_VERSION`].
    pub version: u32,
    /// Short identifier, e.g. `openai-2026`.
    pub id: String,
    /// One-line title shown above the explainer.
    pub title: String,
    /// The company raising money, e.g. `OpenAI`.
    pub company: String,
    /// ISO 4217 code of every amount in the file (default `USD`, written with `$`).
    pub currency: String,
    /// The readers' locale as a BCP 47 tag (`de`, `fr-CA`): the interface's language and the
    /// numbers' format. `None` is English; a page's `locale` attribute overrides it.
    pub locale: Option<String>,
    /// The article the figures come from.
    pub article: Article,
    /// Exact sentences of the article; every figure names one by id.
    pub sources: Vec<Source>,
    /// Earlier valuations of the company (primary rounds or secondary sales).
    pub marks: Vec<Mark>,
    /// The investor whose amount the headline and the comparisons are about.
    pub focus_investor: String,
    /// The price of the round, before the new money: reported, derived from a reported
    /// post-money valuation, or the author's assumption; the reader may explore it.
    pub pre_money: PreMoney,
    /// The round itself.
    pub round: Round,
    /// Investments reported alongside the round but outside it (off or on by default).
    pub separate_deals: Vec<SeparateDeal>,
    /// Other figures of the article to compare the focus investor's amount with.
    pub comparisons: Vec<Comparison>,
    /// Figures of the article that are not money (job cuts, head counts…).
    pub facts: Vec<Fact>,
    /// Dated events of the article, in the order to show them.
    pub timeline: Vec<TimelineEvent>,
    /// Colours for the holdings without one of their own, used in bar order and cycled; empty
    /// for the default palette ([`super::colour::DEFAULT_PALETTE`]).
    pub palette: Vec<GivenColour>,
}

/// A colour as a story gives it: `"#rrggbb"` for both themes, or `{ "light": "#rrggbb",
/// "dark": "#rrggbb" }`. Checked for contrast at load ([`super::paint`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenColour {
    /// The colour in each theme.
    pub colour: Colour,
    /// Whether it was given per theme (its problems are then at `.light` or `.dark`).
    pub per_theme: bool,
}

/// Where the story comes from. Unknown fields are left out, never guessed.
#[derive(Debug, Clone, Default)]
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
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

impl Amount {
    /// The sum of two amounts, for checking parts against their whole; saturating at the
    /// largest amount, which is then more than any whole.
    pub fn plus(self, other: Amount) -> Amount {
        Amount(self.0.add_checked(other.0).unwrap_or(Decimal::MAX))
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_exact(self.0))
    }
}

/// How the article qualifies a figure. Upper bounds limit how far a reader may explore.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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

    /// The figure with its qualifier in the reader's words: "as much as $50 billion",
    /// "bis zu 50 Milliarden $"; an exact figure as it is.
    pub fn said(self, locale: &Locale, figure: &str) -> String {
        let m = locale.messages();
        let template = match self {
            Self::Exactly => return figure.to_owned(),
            Self::Approximately => m.qualifier_approximately,
            Self::About => m.qualifier_about,
            Self::Roughly => m.qualifier_roughly,
            Self::CloseTo => m.qualifier_close_to,
            Self::AsMuchAs => m.qualifier_as_much_as,
            Self::UpTo => m.qualifier_up_to,
        };
        fill(template, &[("figure", figure)])
    }

    /// The figure with its English qualifier, for the story's error messages: "as much as 30%".
    pub fn phrase(self, amount: &str) -> String {
        match self.words() {
            "" => amount.to_owned(),
            words => format!("{words} {amount}"),
        }
    }

    /// True when the figure is the most the article allows ("as much as", "up to").
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Self::AsMuchAs | Self::UpTo)
    }
}

/// How far a deal has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// How far the deal has got, in the reader's words: "in talks", "in Verhandlungen".
    pub fn said(self, locale: &Locale) -> &'static str {
        let m = locale.messages();
        match self {
            Self::Expected => m.status_expected,
            Self::InTalks => m.status_in_talks,
            Self::TermSheet => m.status_term_sheet,
            Self::Closed => m.status_closed,
        }
    }

    /// Plain English words.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The amount as reported.
    pub value: Amount,
    /// The article's qualifier ("as much as"…).
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
}

impl Figure {}

/// The span a reader may explore with a slider. Its bounds are the story author's choice where
/// the article gives none, and `assumption` says so.
#[derive(Debug, Clone)]
pub struct Range {
    /// Lowest value a reader may choose.
    pub low: Amount,
    /// Highest value a reader may choose.
    pub high: Amount,
    /// Slider step; defaults to one hundredth of the span.
    pub step: Option<Amount>,
    /// Why the bounds are what they are, when the article does not give them.
    pub assumption: Option<String>,
    /// The sentence that gives the low end, when the article does ("could be reduced to $20
    /// billion"): that end is then reported, not the author's choice.
    pub low_source: Option<String>,
    /// The sentence that gives the high end, when the article does.
    pub high_source: Option<String>,
}

/// A reported figure that the reader may vary within a range.
#[derive(Debug, Clone)]
pub struct ReportedAmount {
    /// The amount as reported.
    pub value: Amount,
    /// The article's qualifier ("as much as"…).
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
    /// What a reader may explore; without it the amount is fixed.
    pub range: Option<Range>,
}

/// The price of the round, as a pre-money valuation the reader may explore.
#[derive(Debug, Clone)]
pub struct PreMoney {
    /// Label of the control, e.g. "Pre-money valuation".
    pub label: String,
    /// The value a reader sees first: the reported pre-money, the one derived from the
    /// reported post-money, or the author's assumption.
    pub default: Amount,
    /// What a reader may explore.
    pub range: Range,
    /// Id of the mark an assumed default is taken from, if any.
    pub basis: Option<String>,
    /// Why the default is an assumption and where it comes from (an assumed price only).
    pub assumption: String,
    /// How the article gives the price.
    pub price: Price,
}

/// How the article gives the round's price, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Price {
    /// It does not: the pre-money valuation is the author's assumption.
    Assumed,
    /// "at a pre-money valuation of $300 billion": the pre-money valuation, reported.
    PreMoney(Figure),
    /// "values Mistral at €11.7 billion after the investment": the post-money valuation,
    /// reported; the pre-money is derived, the post-money less the new money.
    PostMoney(Figure),
}

/// An earlier valuation of the company.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// New shares sold by the company: money in.
    Primary,
    /// Existing shares sold between holders: a price, but no money for the company.
    Secondary,
}

/// The round: its target, its tranches in order, its status.
#[derive(Debug, Clone)]
pub struct Round {
    /// Plain words, e.g. "OpenAI's new funding round".
    pub label: String,
    /// How far the round has got.
    pub status: Status,
    /// The reported total, and how far a reader may explore it.
    pub total: ReportedAmount,
    /// Whether the total follows its parts: when the reader lowers an investor's amount, the
    /// round shrinks with it ("SoftBank's cut lowers the round"), instead of the rest of a fixed
    /// total becoming undisclosed money that no one reported.
    pub total_follows_parts: bool,
    /// Tranches in the order they are raised.
    pub tranches: Vec<Tranche>,
}

/// One phase of the round.
#[derive(Debug, Clone)]
pub struct Tranche {
    /// Identifier, e.g. `strategic`.
    pub id: String,
    /// Plain words, e.g. "Strategic partners".
    pub label: String,
    /// Id of the sentence that describes it.
    pub source: String,
    /// Its amount, when the article gives one ("$10 billion in April").
    pub amount: Option<Figure>,
    /// When it comes, in the article's words ("in April", "by the end of the year").
    pub when: Option<String>,
    /// Named investors; a tranche with none is wholly undisclosed.
    pub investors: Vec<Investor>,
}

/// An investor named in the round.
#[derive(Debug, Clone)]
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
    /// For investors named together with one amount ("a syndicate of Arden, Bexley and Corrin
    /// will put in £2 billion"): each member's name; the amount is the group's, never split.
    pub members: Vec<String>,
    /// The stake the article reports for it ("a stake of about 11%"), shown beside the computed
    /// one and checked against it.
    pub stake: Option<Figure>,
    /// Its colour in the bars and their legends, if the story gives one.
    pub colour: Option<GivenColour>,
}

/// An investment reported beside the round but separate from it.
#[derive(Debug, Clone)]
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
    pub on_by_default: bool,
    /// Its colour in the bars and their legends, if the story gives one.
    pub colour: Option<GivenColour>,
}

/// Another figure of the article to measure the focus investor's amount against.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Identifier, e.g. `amazon-capex-2026`.
    pub id: String,
    /// Noun phrase used in sentences: "Amazon's planned 2026 capex".
    pub label: String,
    /// The figure.
    pub amount: Figure,
}

/// A figure of the article that is a count, not money.
#[derive(Debug, Clone)]
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
    pub qualifier: Qualifier,
    /// Id of the sentence it comes from.
    pub source: String,
}

/// A dated event of the article.
#[derive(Debug, Clone)]
pub struct TimelineEvent {
    /// When, in the article's words: "2015", "late 2022", "October".
    pub when: String,
    /// What happened.
    pub event: String,
    /// Id of the sentence it comes from.
    pub source: String,
}

impl Story {
    /// The currency symbol an English article writes amounts with: `$`, `€`, `CHF `, or the
    /// code for a currency without one of its own (`SEK `). `check` looks for it in the
    /// article's sentences; readers see amounts in their locale's format instead.
    pub fn currency_symbol(&self) -> String {
        symbol_of(&self.currency)
    }

    /// Reads and validates a story from the text of its file: the reader every path uses.
    pub fn from_json(text: &str) -> Result<Story, StoryError> {
        if text.len() > MAX_STORY_BYTES {
            let problem = Problem::TooLarge {
                bytes: text.len(),
                max: MAX_STORY_BYTES,
            };
            return Err(FieldError {
                path: path_text(&Path::Root),
                problem,
            }
            .into());
        }
        let node = json::parse(text).map_err(|error| FieldError {
            path: path_text(&Path::Root),
            problem: Problem::NotJson(error),
        })?;
        Story::from_node(&node)
    }

    /// Reads and validates a story from its parsed JSON; every problem names its field.
    pub fn from_node(node: &Node) -> Result<Story, StoryError> {
        let mut story = read_root(node, read_story).map_err(StoryError::from)?;
        if let Price::PostMoney(post) = &story.pre_money.price {
            // Derived: the reported post-money less the new money at the article's figures
            // (validate says so if that leaves nothing).
            story.pre_money.default = Amount(
                post.value
                    .0
                    .sub_checked(story.article_new_money())
                    .unwrap_or(Decimal::ZERO)
                    .max(Decimal::ZERO),
            );
        }
        validate(&story)?;
        check_reported_stakes(&story)?;
        Ok(story)
    }

    /// The new money at the article's figures: the round's reported total (or the amounts
    /// reported for its investors, if they come to more) and the separate deals on by default.
    pub fn article_new_money(&self) -> Decimal {
        let disclosed = self
            .investors()
            .filter_map(|investor| investor.amount.as_ref())
            .fold(Decimal::ZERO, |sum, amount| {
                sum.add_checked(amount.value.0).unwrap_or(sum)
            });
        let round = self.round.total.value.0.max(disclosed);
        self.separate_deals
            .iter()
            .filter(|deal| deal.on_by_default)
            .fold(round, |sum, deal| {
                sum.add_checked(deal.amount.value.0).unwrap_or(sum)
            })
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

// Readers: one small function per type, each listing the fields its object may have.

fn read_story(at: At<'_>) -> Story {
    // Another version may have other fields: say so before complaining about any of them.
    if let Node::Object(entries) = at.node {
        if let Some((_, Node::Number(version))) = entries.iter().find(|(key, _)| key == "version") {
            match whole_number(version) {
                Some(version) if !READ_VERSIONS.contains(&version) => {
                    at.field_problem("version", Problem::UnsupportedVersion(version));
                }
                _ => {}
            }
        }
    }
    // Amounts are checked against the story's currency as they are read.
    if let Node::Object(entries) = at.node {
        if let Some((_, Node::Text(code))) = entries.iter().find(|(key, _)| key == "currency") {
            at.set_currency(code);
        } else {
            at.set_currency("USD");
        }
    }
    const FIELDS: &[&str] = &[
        "version",
        "id",
        "title",
        "company",
        "currency",
        "locale",
        "article",
        "sources",
        "marks",
        "focus_investor",
        "pre_money",
        "post_money",
        "round",
        "separate_deals",
        "comparisons",
        "facts",
        "timeline",
        "palette",
    ];
    at.object(FIELDS, |o| Story {
        version: o.need("version", |at| at.whole_number()),
        id: o.text("id"),
        title: o.text("title"),
        company: o.text("company"),
        currency: o.opt_text("currency").unwrap_or_else(|| "USD".to_owned()),
        locale: o.opt_text("locale"),
        article: o.get("article", read_article).unwrap_or_default(),
        sources: o.list("sources", read_source),
        marks: o.list("marks", read_mark),
        focus_investor: o.text("focus_investor"),
        pre_money: o.need("pre_money", |at| {
            read_pre_money(at, o.get("post_money", read_figure))
        }),
        round: o.need("round", read_round),
        separate_deals: o.list("separate_deals", read_separate_deal),
        comparisons: o.list("comparisons", read_comparison),
        facts: o.list("facts", read_fact),
        timeline: o.list("timeline", read_timeline_event),
        palette: o.list("palette", read_colour),
    })
}

fn read_article(at: At<'_>) -> Article {
    at.object(&["headline", "publisher", "date", "url"], |o| Article {
        headline: o.opt_text("headline"),
        publisher: o.opt_text("publisher"),
        date: o.opt_text("date"),
        url: o.opt_text("url"),
    })
}

fn read_source(at: At<'_>) -> Source {
    at.object(&["id", "quote", "publisher", "date", "url"], |o| Source {
        id: o.text("id"),
        quote: o.text("quote"),
        publisher: o.opt_text("publisher"),
        date: o.opt_text("date"),
        url: o.opt_text("url"),
    })
}

fn read_qualifier(at: At<'_>) -> Qualifier {
    at.one_of(&[
        ("exactly", Qualifier::Exactly),
        ("approximately", Qualifier::Approximately),
        ("about", Qualifier::About),
        ("roughly", Qualifier::Roughly),
        ("close_to", Qualifier::CloseTo),
        ("as_much_as", Qualifier::AsMuchAs),
        ("up_to", Qualifier::UpTo),
    ])
}

fn read_status(at: At<'_>) -> Status {
    at.one_of(&[
        ("expected", Status::Expected),
        ("in_talks", Status::InTalks),
        ("term_sheet", Status::TermSheet),
        ("closed", Status::Closed),
    ])
}

fn read_figure(at: At<'_>) -> Figure {
    at.object(&["value", "qualifier", "source"], |o| Figure {
        value: o.amount("value"),
        qualifier: o.get("qualifier", read_qualifier).unwrap_or_default(),
        source: o.text("source"),
    })
}

fn read_range(at: At<'_>) -> Range {
    const FIELDS: &[&str] = &[
        "low",
        "high",
        "step",
        "assumption",
        "low_source",
        "high_source",
    ];
    at.object(FIELDS, |o| Range {
        low: o.amount("low"),
        high: o.amount("high"),
        step: o.get("step", |at| at.amount()),
        assumption: o.opt_text("assumption"),
        low_source: o.opt_text("low_source"),
        high_source: o.opt_text("high_source"),
    })
}

fn read_reported(at: At<'_>) -> ReportedAmount {
    at.object(&["value", "qualifier", "source", "range"], |o| {
        ReportedAmount {
            value: o.amount("value"),
            qualifier: o.get("qualifier", read_qualifier).unwrap_or_default(),
            source: o.text("source"),
            range: o.get("range", read_range),
        }
    })
}

/// The pre-money object, with the story's reported post-money valuation if it has one. A
/// reported price needs no default or assumption: the default is the reported figure, or is
/// derived from it once the round is read ([`Story::from_node`]).
fn read_pre_money(at: At<'_>, post_money: Option<Figure>) -> PreMoney {
    const FIELDS: &[&str] = &[
        "label",
        "default",
        "range",
        "basis",
        "assumption",
        "reported",
    ];
    at.object(FIELDS, |o| {
        let reported = o.get("reported", read_figure);
        let price = match (reported, post_money) {
            (Some(pre), None) => Price::PreMoney(pre),
            (None, Some(post)) => Price::PostMoney(post),
            (Some(pre), Some(_)) => {
                o.fail_at(
                    "reported",
                    "give the price once: a reported pre-money or the story's post_money, not both",
                );
                Price::PreMoney(pre)
            }
            (None, None) => Price::Assumed,
        };
        let assumed = price == Price::Assumed;
        let default = match &price {
            Price::PreMoney(figure) => figure.value,
            _ if assumed => o.amount("default"),
            // Derived once the round is read.
            _ => Amount(Decimal::ZERO),
        };
        if !assumed && (o.has("default") || o.has("assumption")) {
            o.fail_at(
                if o.has("default") {
                    "default"
                } else {
                    "assumption"
                },
                "a reported price has no default or assumption: the article gives it",
            );
        }
        PreMoney {
            label: o.text("label"),
            default,
            range: o.need("range", read_range),
            basis: o.opt_text("basis"),
            assumption: if assumed {
                o.text("assumption")
            } else {
                String::new()
            },
            price,
        }
    })
}

fn read_mark(at: At<'_>) -> Mark {
    at.object(&["id", "label", "kind", "when", "valuation"], |o| Mark {
        id: o.text("id"),
        label: o.text("label"),
        kind: o.need("kind", |at| {
            at.one_of(&[
                ("primary", MarkKind::Primary),
                ("secondary", MarkKind::Secondary),
            ])
        }),
        when: o.text("when"),
        valuation: o.need("valuation", read_figure),
    })
}

fn read_round(at: At<'_>) -> Round {
    const FIELDS: &[&str] = &["label", "status", "total", "total_follows", "tranches"];
    at.object(FIELDS, |o| Round {
        label: o.text("label"),
        status: o.need("status", read_status),
        total: o.need("total", read_reported),
        total_follows_parts: o
            .get("total_follows", |at| {
                at.one_of(&[("fixed", false), ("parts", true)])
            })
            .unwrap_or(false),
        tranches: o.need("tranches", |at| at.list(read_tranche)),
    })
}

fn read_tranche(at: At<'_>) -> Tranche {
    const FIELDS: &[&str] = &["id", "label", "source", "amount", "when", "investors"];
    at.object(FIELDS, |o| Tranche {
        id: o.text("id"),
        label: o.text("label"),
        source: o.text("source"),
        amount: o.get("amount", read_figure),
        when: o.opt_text("when"),
        investors: o.list("investors", read_investor),
    })
}

fn read_investor(at: At<'_>) -> Investor {
    const FIELDS: &[&str] = &[
        "id", "name", "status", "source", "amount", "members", "stake", "colour",
    ];
    at.object(FIELDS, |o| Investor {
        id: o.text("id"),
        name: o.text("name"),
        status: o.get("status", read_status),
        source: o.text("source"),
        amount: o.get("amount", read_reported),
        members: o
            .get("members", |at| at.list(|at| at.text()))
            .unwrap_or_default(),
        stake: o.get("stake", read_stake),
        colour: o.get("colour", read_colour),
    })
}

/// Whether a reported stake agrees with the one computed at the article's figures, within what
/// its qualifier allows: "exactly" to the reported precision, "as much as" and "up to" from
/// below, and "about" and the like within a point or a tenth of the figure, whichever is more.
fn stake_agrees(reported: &Figure, computed: Decimal) -> bool {
    let value = reported.value.0;
    // Checked arithmetic, the crate's one copy of it (src/model/checked.rs), not the operators.
    let difference = computed.sub_checked(value).unwrap_or(Decimal::MAX).abs();
    match reported.qualifier {
        Qualifier::Exactly => computed.round_dp(value.scale()) == value,
        Qualifier::AsMuchAs | Qualifier::UpTo => computed.round_dp(value.scale()) <= value,
        Qualifier::About | Qualifier::Approximately | Qualifier::Roughly | Qualifier::CloseTo => {
            difference <= Decimal::ONE.max(value.div_checked(Decimal::TEN).unwrap_or(value))
        }
    }
}

/// Every reported stake against the stake the model computes for the article's figures: a
/// contradiction is an error naming both, for the author to find the wrong figure.
fn check_reported_stakes(story: &Story) -> Result<(), StoryError> {
    let has_stakes = story.investors().any(|investor| investor.stake.is_some());
    if !has_stakes {
        return Ok(());
    }
    let Ok(outcome) = super::outcome::compute(story, &super::scenario::Scenario::article(story))
    else {
        return Ok(()); // the view reports what cannot be computed
    };
    let mut errors = Vec::new();
    for (t, tranche) in story.round.tranches.iter().enumerate() {
        for (i, investor) in tranche.investors.iter().enumerate() {
            let (Some(stake), Some(holding)) = (&investor.stake, outcome.holding(&investor.id))
            else {
                continue;
            };
            let computed = holding.display_percent;
            if !stake_agrees(stake, computed) {
                errors.push(FieldError {
                    path: format!("round.tranches[{t}].investors[{i}].stake"),
                    problem: Problem::StakeContradicted {
                        reported: stake.value,
                        qualifier: stake.qualifier,
                        computed: Amount(computed),
                    },
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

/// A reported stake: `{ "value": "11%", "qualifier": "about", "source": … }`, in percent.
fn read_stake(at: At<'_>) -> Figure {
    at.object(&["value", "qualifier", "source"], |o| Figure {
        value: o.need("value", |at| at.percent()),
        qualifier: o.get("qualifier", read_qualifier).unwrap_or_default(),
        source: o.text("source"),
    })
}

fn read_separate_deal(at: At<'_>) -> SeparateDeal {
    at.object(
        &[
            "id",
            "investor",
            "status",
            "amount",
            "on_by_default",
            "colour",
        ],
        |o| SeparateDeal {
            id: o.text("id"),
            investor: o.text("investor"),
            status: o.need("status", read_status),
            amount: o.need("amount", read_reported),
            on_by_default: o.get("on_by_default", |at| at.boolean()).unwrap_or(false),
            colour: o.get("colour", read_colour),
        },
    )
}

/// A colour: `"#rrggbb"`, or `{ "light": "#rrggbb", "dark": "#rrggbb" }`.
fn read_colour(at: At<'_>) -> GivenColour {
    match at.node {
        Node::Object(_) => at.object(&["light", "dark"], |o| GivenColour {
            colour: Colour {
                light: o.need("light", read_rgb),
                dark: o.need("dark", read_rgb),
            },
            per_theme: true,
        }),
        Node::Text(_) => GivenColour {
            colour: Colour::one(read_rgb(at)),
            per_theme: false,
        },
        _ => {
            at.expected(
                "a colour, \"#rrggbb\" or { \"light\": \"#rrggbb\", \"dark\": \"#rrggbb\" }",
            );
            GivenColour {
                colour: Colour::one(Rgb(0, 0, 0)),
                per_theme: false,
            }
        }
    }
}

/// `#rrggbb`, the only form accepted: it is safe to write into an attribute and a stylesheet.
fn read_rgb(at: At<'_>) -> Rgb {
    match at.node {
        Node::Text(text) => match Rgb::parse(text) {
            Some(rgb) => return rgb,
            None => at.problem(Problem::BadColour(text.clone())),
        },
        _ => at.expected("a colour as a string, \"#rrggbb\""),
    }
    Rgb(0, 0, 0)
}

fn read_comparison(at: At<'_>) -> Comparison {
    at.object(&["id", "label", "amount"], |o| Comparison {
        id: o.text("id"),
        label: o.text("label"),
        amount: o.need("amount", read_figure),
    })
}

fn read_fact(at: At<'_>) -> Fact {
    at.object(
        &["id", "label", "count", "unit", "qualifier", "source"],
        |o| Fact {
            id: o.text("id"),
            label: o.text("label"),
            count: o.amount("count"),
            unit: o.text("unit"),
            qualifier: o.get("qualifier", read_qualifier).unwrap_or_default(),
            source: o.text("source"),
        },
    )
}

fn read_timeline_event(at: At<'_>) -> TimelineEvent {
    at.object(&["when", "event", "source"], |o| TimelineEvent {
        when: o.text("when"),
        event: o.text("event"),
        source: o.text("source"),
    })
}
