//! Checks on a story that its types cannot express, each reported with the field's JSON path.

use core::fmt;

use super::colour::{Ratio, Rgb, Theme, MIN_CONTRAST};
use super::id_map::IdMap;
use super::json::JsonError;
use super::money::format_exact;
use super::node::{path_text, Path};
use super::story::{Amount, Price, Qualifier, Range, ReportedAmount, Story, READ_VERSIONS};
use super::text::{check_text, first_bidi_control, TextFault, MAX_LABEL_CHARS, MAX_QUOTE_CHARS};

/// The most named investors and separate deals a story may have. Every list has a limit, so
/// that a hostile file cannot make a reader's tab do unbounded work, and each limit is one the
/// view sustains: `make bench` mounts and drives a story at every limit at once.
pub const MAX_INVESTORS: usize = 100;
/// The most sentences a story may quote.
pub const MAX_SOURCES: usize = 300;
/// The most tranches of a round.
pub const MAX_TRANCHES: usize = 20;
/// The most earlier valuation marks.
pub const MAX_MARKS: usize = 20;
/// The most comparisons.
pub const MAX_COMPARISONS: usize = 20;
/// The most facts.
pub const MAX_FACTS: usize = 50;
/// The most timeline events.
pub const MAX_TIMELINE: usize = 100;
/// The most members of a group of investors named with one amount.
pub const MAX_MEMBERS: usize = 20;
/// The most colours in a story's palette: one for every holding it may have.
pub const MAX_PALETTE: usize = MAX_INVESTORS;

/// Ids that the URL fragment and the outcome use for themselves.
pub const RESERVED_IDS: [&str; 5] = ["v", "pre", "round", "existing", "undisclosed"];

/// Why a story file was refused: one or more problems, each at a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryError {
    errors: Vec<FieldError>,
}

/// One problem at one field of a story file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `round.tranches[0].investors[1].amount.range`.
    pub path: String,
    /// What is wrong there.
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text is not JSON at all: where and why.
    NotJson(JsonError),
    /// The JSON does not have the story's shape: a wrong type, an unknown, missing or repeated
    /// field, or an amount that does not parse.
    Shape(String),
    /// The format version is not one this build reads.
    UnsupportedVersion(u32),
    /// Text that must say something is empty.
    Empty,
    /// An id with characters other than lower-case letters, digits and hyphens.
    BadId(String),
    /// An id the explainer uses for itself.
    ReservedId(String),
    /// An id used twice; the path of its first use.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A reference to a source id that no source has.
    UnknownSource(String),
    /// A reference to a mark id that no mark has.
    UnknownMark(String),
    /// `focus_investor` names no investor with a reported amount.
    UnknownFocus(String),
    /// A range whose low end is above its high end.
    LowAboveHigh {
        /// The low end.
        low: Amount,
        /// The high end.
        high: Amount,
    },
    /// A value outside the range given for it.
    OutsideRange {
        /// The value.
        value: Amount,
        /// The range's low end.
        low: Amount,
        /// The range's high end.
        high: Amount,
    },
    /// A range that goes beyond what an "as much as" or "up to" figure allows.
    AboveUpperBound {
        /// The range's high end.
        high: Amount,
        /// The reported upper bound.
        bound: Amount,
        /// The article's words for it.
        qualifier: Qualifier,
    },
    /// An amount that must be above zero.
    NotPositive(Amount),
    /// A currency that is not a three-letter ISO 4217 code.
    BadCurrency(String),
    /// A locale that is not a BCP 47 tag, or of a language without a message table.
    BadLocale(crate::locale::LocaleError),
    /// More investors than [`MAX_INVESTORS`].
    TooManyInvestors(usize),
    /// A list longer than its limit.
    TooManyItems {
        /// How many it has.
        count: usize,
        /// How many it may have.
        max: usize,
    },
    /// Text holding a bidirectional control character, which would reorder the figures beside
    /// it.
    BidiControl {
        /// The character's code point.
        code: u32,
        /// Its position in the text, in characters from 0.
        at: usize,
    },
    /// Text longer than its limit, in characters.
    TooLong {
        /// Its length.
        length: usize,
        /// Its limit.
        max: usize,
    },
    /// Text with a run of combining marks too long to lay out.
    TooManyMarks,
    /// An amount written with the symbol of another currency than the story's.
    WrongCurrency {
        /// The symbol it was written with.
        symbol: String,
        /// The story's currency.
        currency: String,
    },
    /// A reported post-money valuation that is not above the new money, so that nothing is
    /// left for the pre-money valuation.
    PostNotAboveNewMoney {
        /// The reported post-money valuation.
        post: Amount,
        /// The new money at the article's figures.
        new_money: Amount,
    },
    /// Parts that add up to more than their whole: a tranche's investors more than the
    /// tranche, or the tranches more than the round.
    PartsExceedWhole {
        /// What the parts add up to.
        parts: Amount,
        /// The whole.
        whole: Amount,
        /// Where the whole is, e.g. `round.total`.
        whole_at: String,
    },
    /// A reported stake that the computed one contradicts beyond its qualifier.
    StakeContradicted {
        /// The reported percentage.
        reported: Amount,
        /// The article's words for it.
        qualifier: Qualifier,
        /// The computed percentage at the article's figures.
        computed: Amount,
    },
    /// A date that is not a real `YYYY-MM-DD` date.
    BadDate(String),
    /// A story file larger than [`MAX_STORY_BYTES`](super::story::MAX_STORY_BYTES).
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// A colour not written `#rrggbb`, the one form accepted.
    BadColour(String),
    /// A holding's colour too close to what it is drawn against (the card, or a neighbour in
    /// the bars, as [`super::paint`] defines them), in one theme.
    LowContrast {
        /// The colour.
        colour: Rgb,
        /// Its contrast ratio against `against`.
        ratio: Ratio,
        /// What it was measured against.
        against: Against,
        /// The theme it was measured in.
        theme: Theme,
        /// The holding it colours, when its path does not say (a palette entry).
        of: Option<String>,
    },
    /// A colour for an investor whose amount is not reported: it is drawn in the bars' "not
    /// reported" part, so it has no segment of its own.
    ColourWithoutSegment,
}

/// What a colour is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Against {
    /// The card, in the theme's colour.
    Card(Rgb),
    /// The holding beside it in the bars.
    Neighbour {
        /// Its name; `None` for the existing holders.
        name: Option<String>,
        /// Its colour in the theme.
        colour: Rgb,
        /// Whether they meet only in the ownership bar (the existing holders and the first
        /// investor), or in the round bar too.
        ownership_only: bool,
    },
}

impl fmt::Display for Against {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Card(card) => write!(f, "the card ({card})"),
            Self::Neighbour {
                name,
                colour,
                ownership_only,
            } => {
                let bars = if *ownership_only {
                    "the ownership bar"
                } else {
                    "the ownership and round bars"
                };
                match name {
                    Some(name) => write!(f, "\"{name}\"")?,
                    None => f.write_str("the existing holders")?,
                }
                write!(f, " ({colour}), its neighbour in {bars}")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = |a: &Amount| format_exact(a.0);
        match self {
            Self::Shape(message) => f.write_str(message),
            Self::NotJson(error) => write!(f, "{error}"),
            Self::UnsupportedVersion(found) => {
                write!(
                    f,
                    "version {found} is not supported; this build reads versions 1 and 2"
                )
            }
            Self::Empty => f.write_str("must not be empty"),
            Self::BadId(id) => write!(
                f,
                "id \"{id}\" must be 1 to 64 lower-case letters, digits or hyphens"
            ),
            Self::ReservedId(id) => write!(f, "id \"{id}\" is reserved; choose another"),
            Self::DuplicateId { id, first } => write!(f, "id \"{id}\" is already used at {first}"),
            Self::UnknownSource(id) => write!(f, "no source has the id \"{id}\""),
            Self::UnknownMark(id) => write!(f, "no mark has the id \"{id}\""),
            Self::UnknownFocus(id) => write!(
                f,
                "no investor in the round has the id \"{id}\" and a reported amount"
            ),
            Self::LowAboveHigh { low, high } => {
                write!(f, "low {} is above high {}", amount(low), amount(high))
            }
            Self::OutsideRange { value, low, high } => write!(
                f,
                "value {} is outside its range {} to {}",
                amount(value),
                amount(low),
                amount(high)
            ),
            Self::AboveUpperBound {
                high,
                bound,
                qualifier,
            } => write!(
                f,
                "high {} is above the reported \"{} {}\"",
                amount(high),
                qualifier.words(),
                amount(bound)
            ),
            Self::NotPositive(value) => write!(f, "{} must be above zero", amount(value)),
            Self::BadCurrency(code) => write!(
                f,
                "currency \"{code}\" must be a three-letter code such as \"USD\""
            ),
            Self::BadLocale(error) => write!(f, "{error}"),
            Self::TooManyInvestors(count) => {
                write!(
                    f,
                    "{count} investors and deals; a story may have at most {MAX_INVESTORS}"
                )
            }
            Self::TooManyItems { count, max } => {
                write!(f, "{count} items; there may be at most {max}")
            }
            Self::BidiControl { code, at } => write!(
                f,
                "holds the bidirectional control U+{code:04X} (at character {at}), which would reorder the figures beside it; remove it"
            ),
            Self::TooLong { length, max } => write!(
                f,
                "is {length} characters long; it may have at most {max}"
            ),
            Self::WrongCurrency { symbol, currency } => write!(
                f,
                "the amount is written in {symbol}, but the story's currency is {currency}: write it with the story's own symbol, or none"
            ),
            Self::PostNotAboveNewMoney { post, new_money } => write!(
                f,
                "the post-money valuation {} is not above the new money {}: nothing is left for the pre-money valuation",
                amount(post),
                amount(new_money)
            ),
            Self::PartsExceedWhole { parts, whole, whole_at } => write!(
                f,
                "these amounts add up to {}, more than the {} of {whole_at}",
                amount(parts),
                amount(whole)
            ),
            Self::StakeContradicted { reported, qualifier, computed } => write!(
                f,
                "the article's stake of {} is contradicted by the stake computed from its figures, {}%",
                qualifier.phrase(&format!("{}%", amount(reported))),
                amount(computed)
            ),
            Self::BadDate(date) => write!(
                f,
                "\"{date}\" is not a date: write a real date as YYYY-MM-DD, such as \"2026-01-31\""
            ),
            Self::TooLarge { bytes, max } => write!(
                f,
                "the file is {bytes} bytes long; a story file may have at most {max}"
            ),
            Self::TooManyMarks => f.write_str(
                "holds more than 8 combining marks in a row, which cannot be laid out",
            ),
            Self::BadColour(text) => write!(
                f,
                "\"{text}\" is not a colour written \"#rrggbb\" (a # and six hexadecimal digits, such as \"#1d4ed8\"): only that form is accepted, as it is safe to write into an attribute and a stylesheet"
            ),
            Self::LowContrast {
                colour,
                ratio,
                against,
                theme,
                of,
            } => write!(
                f,
                "{colour}{} is {ratio} against {against} in the {} theme; it needs at least {MIN_CONTRAST} against the card and its neighbours in the bars, in both themes (a colour may differ per theme: {{ \"light\": …, \"dark\": … }})",
                of.as_ref()
                    .map_or(String::new(), |name| format!(" (for \"{name}\")")),
                theme.name(),
            ),
            Self::ColourWithoutSegment => f.write_str(
                "this investor's amount is not reported, so it is drawn in the bars' \"not reported\" part: it has no segment to colour",
            ),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl StoryError {
    /// The problems, in the order of the file (never empty).
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }
}

impl From<Vec<FieldError>> for StoryError {
    /// The problems of a document, in its order (never empty: a reader's problems).
    fn from(errors: Vec<FieldError>) -> Self {
        Self { errors }
    }
}

impl From<FieldError> for StoryError {
    fn from(error: FieldError) -> Self {
        Self {
            errors: vec![error],
        }
    }
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StoryError {}

/// Collects every problem of a story, so an author can fix them all in one go.
///
/// Paths are passed as [`Path`]s and written out only for a problem (or an id, to name where it
/// first appeared): building every field's path as a string cost an allocation per check, and a
/// `format!` per call site in the wasm.
#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
    source_ids: Seen,
}

/// The ids of one kind met so far, each with the path where it was first met. Not a `HashMap`:
/// its hashing and table code made the wasm 2.5 KB larger (1 KB gzip).
type Seen = IdMap<String>;

impl Checker {
    fn fail(&mut self, path: &Path<'_>, problem: Problem) {
        self.errors.push(FieldError {
            path: path_text(path),
            problem,
        });
    }

    /// Checks required text: something visible, no bidirectional controls, at most `max`
    /// characters.
    fn text_up_to(&mut self, path: &Path<'_>, text: &str, max: usize) {
        let problem = match check_text(text, max) {
            None => return,
            Some(TextFault::Invisible) => Problem::Empty,
            Some(TextFault::BidiControl(c, at)) => Problem::BidiControl { code: c.into(), at },
            Some(TextFault::TooLong(length, max)) => Problem::TooLong { length, max },
            Some(TextFault::TooManyMarks) => Problem::TooManyMarks,
        };
        self.fail(path, problem);
    }

    /// A name, label or event.
    fn text(&mut self, path: &Path<'_>, text: &str) {
        self.text_up_to(path, text, MAX_LABEL_CHARS);
    }

    /// Optional text (a publisher, a date, an address): no bidirectional controls, and a limit.
    fn optional(&mut self, path: &Path<'_>, text: Option<&String>) {
        let Some(text) = text else { return };
        if let Some((c, at)) = first_bidi_control(text) {
            self.fail(path, Problem::BidiControl { code: c.into(), at });
        } else if text.chars().count() > MAX_QUOTE_CHARS {
            let length = text.chars().count();
            self.fail(
                path,
                Problem::TooLong {
                    length,
                    max: MAX_QUOTE_CHARS,
                },
            );
        }
    }

    /// A `YYYY-MM-DD` date that exists (2025-02-29 does not).
    fn date(&mut self, path: &Path<'_>, date: Option<&String>) {
        if let Some(date) = date {
            if !is_real_date(date) {
                self.fail(path, Problem::BadDate(date.clone()));
            }
        }
    }

    /// Fails `path` when `count` is above `max`.
    fn limit(&mut self, path: &Path<'_>, count: usize, max: usize) -> bool {
        if count > max {
            self.fail(path, Problem::TooManyItems { count, max });
        }
        count > max
    }

    /// Checks an id's spelling and that it is new among `seen`.
    fn id(&mut self, path: &Path<'_>, id: &str, seen: &mut Seen) {
        let well_formed = (1..=64).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            self.fail(path, Problem::BadId(id.to_owned()));
        } else if let Some(first) = seen.get(id) {
            let problem = Problem::DuplicateId {
                id: id.to_owned(),
                first: first.clone(),
            };
            self.fail(path, problem);
        } else {
            seen.insert(id.to_owned(), path_text(path));
        }
    }

    fn source(&mut self, path: &Path<'_>, id: &str) {
        if !self.source_ids.contains_key(id) {
            self.fail(path, Problem::UnknownSource(id.to_owned()));
        }
    }

    fn range(&mut self, path: &Path<'_>, value: Amount, range: &Range) {
        let range_path = Path::Field(path, "range");
        if range.low > range.high {
            let problem = Problem::LowAboveHigh {
                low: range.low,
                high: range.high,
            };
            self.fail(&range_path, problem);
        } else if value < range.low || value > range.high {
            let problem = Problem::OutsideRange {
                value,
                low: range.low,
                high: range.high,
            };
            self.fail(&range_path, problem);
        }
        self.optional(
            &Path::Field(&range_path, "assumption"),
            range.assumption.as_ref(),
        );
        for (field, source) in [
            ("low_source", &range.low_source),
            ("high_source", &range.high_source),
        ] {
            if let Some(source) = source {
                self.source(&Path::Field(&range_path, field), source);
            }
        }
        // An end the article does not give is the author's choice, which must say why.
        let unsourced = range.low_source.is_none() || range.high_source.is_none();
        if unsourced && range.assumption.is_none() {
            self.fail(
                &Path::Field(&range_path, "assumption"),
                Problem::Shape(
                    "is required: say why the slider's ends are what they are, or cite the sentences that give them (low_source, high_source)"
                        .to_owned(),
                ),
            );
        }
        if let Some(step) = range.step {
            if step.0.is_zero() {
                self.fail(
                    &Path::Field(&range_path, "step"),
                    Problem::NotPositive(step),
                );
            }
        }
    }

    fn reported(&mut self, path: &Path<'_>, amount: &ReportedAmount) {
        self.source(&Path::Field(path, "source"), &amount.source);
        if let Some(range) = &amount.range {
            self.range(path, amount.value, range);
            if amount.qualifier.is_upper_bound() && range.high > amount.value {
                let problem = Problem::AboveUpperBound {
                    high: range.high,
                    bound: amount.value,
                    qualifier: amount.qualifier,
                };
                let high = Path::Field(&Path::Field(path, "range"), "high");
                self.fail(&high, problem);
            }
        }
    }
}

/// A field of the story's root object.
fn top(name: &str) -> Path<'_> {
    Path::Field(&Path::Root, name)
}

/// Checks everything about a story that its types do not; all problems at once.
pub fn validate(story: &Story) -> Result<(), StoryError> {
    let mut check = Checker::default();
    if !READ_VERSIONS.contains(&story.version) {
        check.fail(&top("version"), Problem::UnsupportedVersion(story.version));
    }
    check.id(&top("id"), &story.id, &mut Seen::default());
    check.text(&top("title"), &story.title);
    check.text(&top("company"), &story.company);
    let article = top("article");
    for (field, text) in [
        ("headline", &story.article.headline),
        ("publisher", &story.article.publisher),
        ("date", &story.article.date),
        ("url", &story.article.url),
    ] {
        check.optional(&Path::Field(&article, field), text.as_ref());
    }
    check.date(&Path::Field(&article, "date"), story.article.date.as_ref());
    // Lists past their limits are not checked item by item: the limit is the problem.
    let too_many = [
        check.limit(&top("sources"), story.sources.len(), MAX_SOURCES),
        check.limit(&top("marks"), story.marks.len(), MAX_MARKS),
        check.limit(
            &Path::Field(&top("round"), "tranches"),
            story.round.tranches.len(),
            MAX_TRANCHES,
        ),
        check.limit(
            &top("comparisons"),
            story.comparisons.len(),
            MAX_COMPARISONS,
        ),
        check.limit(&top("facts"), story.facts.len(), MAX_FACTS),
        check.limit(&top("timeline"), story.timeline.len(), MAX_TIMELINE),
        check.limit(&top("palette"), story.palette.len(), MAX_PALETTE),
    ];
    if too_many.contains(&true) {
        return Err(StoryError {
            errors: check.errors,
        });
    }
    let currency_ok =
        story.currency.len() == 3 && story.currency.bytes().all(|b| b.is_ascii_uppercase());
    if !currency_ok {
        check.fail(
            &top("currency"),
            Problem::BadCurrency(story.currency.clone()),
        );
    }

    if let Some(Err(error)) = story.locale.as_deref().map(crate::locale::Locale::parse) {
        check.fail(&top("locale"), Problem::BadLocale(error));
    }

    let mut source_ids = Seen::default();
    let sources = top("sources");
    for (i, source) in story.sources.iter().enumerate() {
        let here = Path::Index(&sources, i);
        check.id(&Path::Field(&here, "id"), &source.id, &mut source_ids);
        check.text_up_to(&Path::Field(&here, "quote"), &source.quote, MAX_QUOTE_CHARS);
        check.optional(&Path::Field(&here, "publisher"), source.publisher.as_ref());
        check.optional(&Path::Field(&here, "date"), source.date.as_ref());
        check.date(&Path::Field(&here, "date"), source.date.as_ref());
        check.optional(&Path::Field(&here, "url"), source.url.as_ref());
    }
    check.source_ids = source_ids;

    let mut mark_ids = Seen::default();
    let marks = top("marks");
    for (i, mark) in story.marks.iter().enumerate() {
        let here = Path::Index(&marks, i);
        check.id(&Path::Field(&here, "id"), &mark.id, &mut mark_ids);
        check.text(&Path::Field(&here, "label"), &mark.label);
        check.text(&Path::Field(&here, "when"), &mark.when);
        let valuation = Path::Field(&here, "valuation");
        check.source(&Path::Field(&valuation, "source"), &mark.valuation.source);
    }

    let pre = &story.pre_money;
    let pre_path = top("pre_money");
    check.text(&Path::Field(&pre_path, "label"), &pre.label);
    match &pre.price {
        Price::Assumed => check.text_up_to(
            &Path::Field(&pre_path, "assumption"),
            &pre.assumption,
            MAX_QUOTE_CHARS,
        ),
        Price::PreMoney(figure) => {
            let reported = Path::Field(&pre_path, "reported");
            check.source(&Path::Field(&reported, "source"), &figure.source);
        }
        Price::PostMoney(figure) => {
            let post = top("post_money");
            check.source(&Path::Field(&post, "source"), &figure.source);
            let new_money = story.article_new_money();
            if figure.value.0 <= new_money {
                let problem = Problem::PostNotAboveNewMoney {
                    post: figure.value,
                    new_money: Amount(new_money),
                };
                check.fail(&Path::Field(&post, "value"), problem);
            }
        }
    }
    check.range(&pre_path, pre.default, &pre.range);
    if pre.range.low.0.is_zero() {
        let low = Path::Field(&Path::Field(&pre_path, "range"), "low");
        check.fail(&low, Problem::NotPositive(pre.range.low));
    }
    if let Some(basis) = &pre.basis {
        if !mark_ids.contains_key(basis) {
            check.fail(
                &Path::Field(&pre_path, "basis"),
                Problem::UnknownMark(basis.clone()),
            );
        }
    }

    let round = top("round");
    check.text(&Path::Field(&round, "label"), &story.round.label);
    check.reported(&Path::Field(&round, "total"), &story.round.total);
    if story.round.total_follows_parts && story.round.total.range.is_some() {
        check.fail(
            &Path::Field(&Path::Field(&round, "total"), "range"),
            Problem::Shape(
                "a total that follows its parts has no range of its own: it moves with them"
                    .to_owned(),
            ),
        );
    }
    let count = story.investors().count() + story.separate_deals.len();
    if count > MAX_INVESTORS {
        check.fail(&round, Problem::TooManyInvestors(count));
        return Err(StoryError {
            errors: check.errors,
        });
    }
    let mut tranche_ids = Seen::default();
    let mut investor_ids = Seen::default();
    let tranches = Path::Field(&round, "tranches");
    for (t, tranche) in story.round.tranches.iter().enumerate() {
        let here = Path::Index(&tranches, t);
        check.id(&Path::Field(&here, "id"), &tranche.id, &mut tranche_ids);
        check.text(&Path::Field(&here, "label"), &tranche.label);
        check.source(&Path::Field(&here, "source"), &tranche.source);
        if let Some(when) = &tranche.when {
            check.text(&Path::Field(&here, "when"), when);
        }
        if let Some(amount) = &tranche.amount {
            let amount_path = Path::Field(&here, "amount");
            check.source(&Path::Field(&amount_path, "source"), &amount.source);
            let investors = tranche
                .investors
                .iter()
                .filter_map(|investor| investor.amount.as_ref())
                .fold(Amount::default(), |sum, reported| sum.plus(reported.value));
            if investors > amount.value {
                let problem = Problem::PartsExceedWhole {
                    parts: investors,
                    whole: amount.value,
                    whole_at: path_text(&amount_path),
                };
                check.fail(&Path::Field(&here, "investors"), problem);
            }
        }
        let investors = Path::Field(&here, "investors");
        for (i, investor) in tranche.investors.iter().enumerate() {
            let here = Path::Index(&investors, i);
            let id = Path::Field(&here, "id");
            investor_id(&mut check, &id, &investor.id, &mut investor_ids);
            check.text(&Path::Field(&here, "name"), &investor.name);
            check.source(&Path::Field(&here, "source"), &investor.source);
            if let Some(amount) = &investor.amount {
                check.reported(&Path::Field(&here, "amount"), amount);
            }
            let members = Path::Field(&here, "members");
            if !check.limit(&members, investor.members.len(), MAX_MEMBERS) {
                for (m, member) in investor.members.iter().enumerate() {
                    check.text(&Path::Index(&members, m), member);
                }
            }
            if let Some(stake) = &investor.stake {
                let stake_path = Path::Field(&here, "stake");
                check.source(&Path::Field(&stake_path, "source"), &stake.source);
                if investor.amount.is_none() {
                    let message = "a reported stake needs the investor's reported amount, to be checked against";
                    check.fail(&stake_path, Problem::Shape(message.to_owned()));
                }
            }
        }
    }
    let tranche_amounts = story
        .round
        .tranches
        .iter()
        .filter_map(|tranche| tranche.amount.as_ref())
        .fold(Amount::default(), |sum, amount| sum.plus(amount.value));
    if tranche_amounts > story.round.total.value {
        let problem = Problem::PartsExceedWhole {
            parts: tranche_amounts,
            whole: story.round.total.value,
            whole_at: "round.total".to_owned(),
        };
        check.fail(&tranches, problem);
    }
    let deals = top("separate_deals");
    for (i, deal) in story.separate_deals.iter().enumerate() {
        let here = Path::Index(&deals, i);
        investor_id(
            &mut check,
            &Path::Field(&here, "id"),
            &deal.id,
            &mut investor_ids,
        );
        check.text(&Path::Field(&here, "investor"), &deal.investor);
        check.reported(&Path::Field(&here, "amount"), &deal.amount);
    }
    let focus_disclosed = story
        .investors()
        .any(|i| i.id == story.focus_investor && i.amount.is_some());
    if !focus_disclosed {
        check.fail(
            &top("focus_investor"),
            Problem::UnknownFocus(story.focus_investor.clone()),
        );
    }

    let mut comparison_ids = Seen::default();
    let comparisons = top("comparisons");
    for (i, comparison) in story.comparisons.iter().enumerate() {
        let here = Path::Index(&comparisons, i);
        check.id(
            &Path::Field(&here, "id"),
            &comparison.id,
            &mut comparison_ids,
        );
        check.text(&Path::Field(&here, "label"), &comparison.label);
        let amount = Path::Field(&here, "amount");
        check.source(&Path::Field(&amount, "source"), &comparison.amount.source);
        if comparison.amount.value.0.is_zero() {
            check.fail(
                &Path::Field(&amount, "value"),
                Problem::NotPositive(comparison.amount.value),
            );
        }
    }
    let mut fact_ids = Seen::default();
    let facts = top("facts");
    for (i, fact) in story.facts.iter().enumerate() {
        let here = Path::Index(&facts, i);
        check.id(&Path::Field(&here, "id"), &fact.id, &mut fact_ids);
        check.text(&Path::Field(&here, "label"), &fact.label);
        check.text(&Path::Field(&here, "unit"), &fact.unit);
        check.source(&Path::Field(&here, "source"), &fact.source);
    }
    let timeline = top("timeline");
    for (i, event) in story.timeline.iter().enumerate() {
        let here = Path::Index(&timeline, i);
        check.text(&Path::Field(&here, "when"), &event.when);
        check.text(&Path::Field(&here, "event"), &event.event);
        check.source(&Path::Field(&here, "source"), &event.source);
    }
    // Colours: against the card and their neighbours in the bars (src/model/paint.rs).
    check.errors.extend(super::paint::check(story));

    if check.errors.is_empty() {
        Ok(())
    } else {
        Err(StoryError {
            errors: check.errors,
        })
    }
}

/// Investor and deal ids share one namespace with the reserved words: they are URL-fragment keys.
fn investor_id(check: &mut Checker, path: &Path<'_>, id: &str, seen: &mut Seen) {
    if RESERVED_IDS.contains(&id) {
        check.fail(path, Problem::ReservedId(id.to_owned()));
    } else {
        check.id(path, id, seen);
    }
}

/// Whether `text` is a real date written `YYYY-MM-DD`, leap years included.
fn is_real_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::is_real_date;

    #[test]
    fn dates_are_real_dates() {
        let cases = [
            ("2026-01-31", true),
            ("2024-02-29", true),
            ("2000-02-29", true),
            ("1900-02-29", false),
            ("2025-02-29", false),
            ("2025-13-45", false),
            ("2025-04-31", false),
            ("2025-1-5", false),
            ("26-01-31", false),
            ("2026-01-31T00:00", false),
            ("", false),
        ];
        for (date, real) in cases {
            assert_eq!(is_real_date(date), real, "{date}");
        }
    }
}
