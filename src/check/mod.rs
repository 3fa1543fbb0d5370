//! `round-explainer check STORY --article ARTICLE.txt`: the story says nothing its article
//! does not.
//!
//! The story is read with the strict reader every path uses (every rule of the format), then
//! bound to the article's text:
//!
//! 1. every `sources[i].quote` is in the article word for word; only whitespace (a run of it,
//!    line breaks too, is one space) and typographic quotes (’ ‘ “ ” are ' and ") are
//!    normalised. A quote that is not is reported with the article's sentence closest to it.
//!    A source with its own `publisher` or `url` quotes another article and is only noted.
//! 2. every figure is in the sentence it cites, with its qualifier's own words ("as much as" is
//!    not "up to"): the round's total, investors' and separate deals' amounts, marks'
//!    valuations, comparisons' amounts and facts' counts. Money is accepted as the model writes
//!    it (`$100 billion`) and in the shorthands articles use (`$100bn`, `$100B`, `100 billion
//!    dollars`); counts grouped (`16,000`) or not. An exact figure may not follow another
//!    qualifier's words. Names (investors', deals' investors) and timeline dates must be in
//!    their sentences too.
//! 3. every sentence of the article that states an amount of money (a currency symbol before a
//!    digit, or a number with "billion", "million", "bn"…) and that no source quotes is listed
//!    as unused: a warning, so an author sees what they left out.
//!
//! Everything the check finds goes to standard output, one problem a line as
//! `path: what is wrong`, with the sentence involved indented below it, then `note:` and
//! `unused:` lines, then one summary line. The exit code is 0 without problems (notes and
//! unused sentences do not count), 1 with any (an unreadable file or an invalid story too),
//! and 2 for a wrong command line, whose usage goes to standard error.

mod article;
mod claims;

use std::collections::HashSet;
use std::fmt;
use std::io::Read;

use round_explainer::model::story::{Qualifier, Source};
use round_explainer::model::Story;

use article::{comparable, contains_phrase, occurrences, one_line, states_money, Article};
use claims::{claims, Claim, Kind, QUALIFIERS};

/// The most bytes of an article: far more than any news article, and few enough that a wrong
/// file (a video, a dump) is refused at once instead of being searched.
pub const MAX_ARTICLE_BYTES: u64 = 1024 * 1024;

/// One problem: the field, what is wrong, and maybe the sentence involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field's JSON path, e.g. `sources[2].quote`.
    pub path: String,
    /// What is wrong with it.
    pub what: String,
    /// The sentence to look at, with what it is: `("closest", "…")`, `("sentence", "…")`.
    pub sentence: Option<(&'static str, String)>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.what)?;
        if let Some((label, sentence)) = &self.sentence {
            write!(f, "\n  {label}: \"{sentence}\"")?;
        }
        Ok(())
    }
}

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems: each makes the check fail.
    pub problems: Vec<Finding>,
    /// Things checked differently, e.g. a quote from another article; not problems.
    pub notes: Vec<String>,
    /// Sentences of the article that state money and that no source quotes; not problems.
    pub unused: Vec<String>,
    /// How many quotes were looked for in the article.
    pub quotes: usize,
    /// How many figures, names and dates were looked for in their sentences.
    pub figures: usize,
    /// Of those, names.
    pub names: usize,
    /// Of those, timeline dates.
    pub dates: usize,
}

impl Report {
    /// The last line of the output: what was checked and what was found.
    pub fn summary(&self) -> String {
        let money = self.figures - self.names - self.dates;
        format!(
            "checked {} quotes, {money} figures, {} names and {} dates: {} problem{}, {} unused sentence{}",
            self.quotes,
            self.names,
            self.dates,
            self.problems.len(),
            plural(self.problems.len()),
            self.unused.len(),
            plural(self.unused.len()),
        )
    }
}

/// "s" unless there is exactly one.
fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// Reads an article's text: at most [`MAX_ARTICLE_BYTES`], UTF-8. The error says why, after
/// the file's name.
pub fn read_article(path: &str) -> Result<String, String> {
    let file =
        std::fs::File::open(path).map_err(|error| format!("{path}: cannot be read: {error}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("{path}: cannot be read: {error}"))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "{path}: is larger than {MAX_ARTICLE_BYTES} bytes, the most an article may have"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: is not UTF-8 text"))
}

/// Binds a valid story to its article's text.
pub fn check(story: &Story, article_text: &str) -> Report {
    let article = Article::new(article_text);
    let mut report = Report::default();
    check_quotes(story, &article, &mut report);
    let claims = claims(story);
    report.figures = claims.len();
    report.names = claims.iter().filter(|c| c.kind == Kind::Name).count();
    report.dates = claims.iter().filter(|c| c.kind == Kind::When).count();
    report
        .problems
        .extend(claims.iter().filter_map(|claim| check_claim(story, claim)));
    report.unused = unused_sentences(story, &article);
    report
}

/// Looks for every quote of the story's own article in its text.
fn check_quotes(story: &Story, article: &Article, report: &mut Report) {
    for (index, source) in story.sources.iter().enumerate() {
        let path = format!("sources[{index}].quote");
        if let Some(elsewhere) = other_article(story, source) {
            report.notes.push(format!(
                "{path}: from another article ({elsewhere}), not looked for in this one"
            ));
            continue;
        }
        report.quotes += 1;
        if !article.contains_quote(&source.quote) {
            report.problems.push(Finding {
                path,
                what: "not found in the article".to_owned(),
                sentence: article
                    .closest(&source.quote)
                    .map(|sentence| ("closest", sentence.text.clone())),
            });
        }
    }
}

/// Where a source's quote comes from when it names another article than the story's own.
fn other_article<'a>(story: &Story, source: &'a Source) -> Option<&'a str> {
    let own = &story.article;
    let publisher = source
        .publisher
        .as_deref()
        .filter(|publisher| own.publisher.as_deref() != Some(*publisher));
    let url = source
        .url
        .as_deref()
        .filter(|url| own.url.as_deref() != Some(*url));
    publisher.or(url)
}

/// The problem with a claim, if its cited sentence does not hold it.
fn check_claim(story: &Story, claim: &Claim) -> Option<Finding> {
    let Some(index) = story.sources.iter().position(|s| s.id == claim.source) else {
        // The reader refuses a story citing a missing source; said here all the same.
        return Some(Finding {
            path: claim.path.clone(),
            what: format!(
                "cites \"{}\", which is not a source of the story",
                claim.source
            ),
            sentence: None,
        });
    };
    let quote = &story.sources[index].quote;
    if holds(claim, quote) {
        return None;
    }
    Some(Finding {
        path: claim.path.clone(),
        what: format!(
            "\"{}\" is not in the sentence it cites (sources[{index}], \"{}\")",
            claim.shown, claim.source
        ),
        sentence: Some(("sentence", one_line(quote))),
    })
}

/// True when the sentence says what the claim says, in one of its accepted forms.
fn holds(claim: &Claim, sentence: &str) -> bool {
    let sentence = comparable(sentence);
    match claim.kind {
        Kind::Name => claim
            .forms
            .iter()
            .any(|name| contains_phrase(&sentence, &comparable(name))),
        Kind::When => claim.forms.iter().any(|when| {
            // "Now" stands for the article's present tense ("is in active discussions").
            when.eq_ignore_ascii_case("now")
                || contains_phrase(&sentence.to_lowercase(), &comparable(when).to_lowercase())
        }),
        Kind::Figure(qualifier) => {
            let sentence = sentence.to_lowercase();
            let forms: Vec<String> = claim
                .forms
                .iter()
                .map(|form| comparable(form).to_lowercase())
                .collect();
            forms.iter().any(|form| {
                occurrences(&sentence, form).any(|start| {
                    qualifier != Qualifier::Exactly || !ends_with_qualifier(&sentence[..start])
                })
            })
        }
    }
}

/// True when lower-cased text ends with a qualifier's words: "could total close to ", so an
/// exact figure written after them is not the article's figure.
fn ends_with_qualifier(before: &str) -> bool {
    let before = before.trim_end();
    QUALIFIERS
        .iter()
        .map(|qualifier| qualifier.words())
        .filter(|words| !words.is_empty())
        .any(|words| occurrences(before, words).any(|at| at + words.len() == before.len()))
}

/// The article's sentences that state money and that no source quotes, as printed.
fn unused_sentences(story: &Story, article: &Article) -> Vec<String> {
    let symbol = story.currency_symbol();
    let symbols = [symbol.as_str(), "$", "€", "£", "¥"];
    let mut seen = HashSet::new();
    let quotes: Vec<String> = story
        .sources
        .iter()
        .map(|source| comparable(&source.quote))
        .filter(|quote| !quote.is_empty())
        .collect();
    article
        .sentences
        .iter()
        .filter(|sentence| states_money(&sentence.text, &symbols))
        .filter(|sentence| {
            // A quote may hold two of our sentences, or our sentence two quotes (a split the
            // splitter missed): either way the sentence is used.
            !quotes.iter().any(|quote| {
                quote.contains(&sentence.comparable) || sentence.comparable.contains(quote)
            })
        })
        // An article that repeats a sentence needs it left out once, and listed once.
        .filter(|sentence| seen.insert(sentence.comparable.as_str()))
        .map(|sentence| sentence.text.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../../www/stories/openai-2026.json");
    const ARTICLE: &str = include_str!("../../tests/fixtures/openai-2026-article.txt");

    fn story(text: &str) -> Story {
        Story::from_json(text).unwrap_or_else(|error| panic!("a test story is valid: {error}"))
    }

    #[test]
    fn the_shipped_story_is_bound_to_its_article() {
        let report = check(&story(STORY), ARTICLE);
        assert_eq!(report.problems, [], "no problems");
        assert_eq!(report.quotes, 15, "every quote looked for");
        assert_eq!(
            report.unused,
            ["A $50 billion investment from Amazon would not only deepen OpenAI’s war chest but also signal a new phase of competition among tech giants to control the future of artificial intelligence."],
            "the one money sentence no source quotes"
        );
    }

    #[test]
    fn figures_need_their_own_qualifier_and_exact_ones_none() {
        let cases = [
            // (qualifier, value, sentence, holds)
            (
                "close_to",
                "100B",
                "could total close to $100 billion.",
                true,
            ),
            ("close_to", "100B", "could total close to $100bn.", true),
            ("close_to", "100B", "could total close to $100B.", true),
            (
                "close_to",
                "100B",
                "could total close to 100 billion dollars.",
                true,
            ),
            ("close_to", "100B", "could total $100 billion.", false),
            (
                "close_to",
                "90B",
                "could total close to $100 billion.",
                false,
            ),
            ("as_much_as", "50B", "to invest up to $50 billion", false),
            ("up_to", "30B", "could reach Up To $30 billion", true),
            ("exactly", "11B", "unveiled an $11 billion campus", true),
            (
                "exactly",
                "11B",
                "unveiled an about $11 billion campus",
                false,
            ),
            ("exactly", "1.5B", "a $1.5 billion deal", true),
            ("exactly", "500M", "a $500 million deal", true),
            ("exactly", "500M", "a $500m deal", true),
        ];
        for (qualifier, value, sentence, expected) in cases {
            let text = STORY.replacen(
                "\"value\": \"11B\", \"source\": \"project-rainier\"",
                &format!("\"value\": \"{value}\", \"qualifier\": \"{qualifier}\", \"source\": \"project-rainier\""),
                1,
            );
            let story = story(&text);
            let claim = claims(&story)
                .into_iter()
                .find(|claim| claim.path == "comparisons[1].amount")
                .unwrap_or_else(|| panic!("the comparison's claim"));
            assert_eq!(
                holds(&claim, sentence),
                expected,
                "{qualifier} {value} in {sentence:?}"
            );
        }
    }

    #[test]
    fn a_paraphrased_quote_names_the_closest_sentence() {
        let text = STORY.replacen("could total close to", "might total close to", 1);
        let report = check(&story(&text), ARTICLE);
        let expected = "sources[2].quote: not found in the article\n  closest: \"Amazon’s potential commitment is expected to form the cornerstone of a much broader OpenAI fundraising round that could total close to $100 billion.\"";
        assert_eq!(
            report
                .problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
            [expected],
            "the quote and its closest sentence; the figure is still in the quote"
        );
    }

    #[test]
    fn a_repeated_unused_sentence_is_listed_once() {
        let article = format!("{ARTICLE}\n\n{ARTICLE}");
        let report = check(&story(STORY), &article);
        assert_eq!(report.unused.len(), 1, "one listing: {:?}", report.unused);
    }

    #[test]
    fn a_quote_from_another_article_is_noted_not_looked_for() {
        let text = STORY.replacen(
            "\"quote\": \"SoftBank is also",
            "\"publisher\": \"Reuters\", \"quote\": \"SoftBank, too, is",
            1,
        );
        let report = check(&story(&text), ARTICLE);
        assert_eq!(report.problems, [], "the figure is still in its quote");
        assert_eq!(
            report.notes,
            ["sources[5].quote: from another article (Reuters), not looked for in this one"],
            "the note"
        );
        assert_eq!(
            report.quotes, 14,
            "the other article's quote is not counted as looked for"
        );
    }
}
