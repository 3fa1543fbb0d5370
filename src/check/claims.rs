//! What a story says the article says: each figure, name and date with the sentence it cites,
//! and the words that sentence must hold for it.
//!
//! [`claims`] lists them, one line per field of the story; a new figure in the story format
//! is one more line there (`claims.reported(...)` for a reported amount, `claims.figure(...)`
//! for a figure, `claims.count(...)` for a count).

use rust_decimal::Decimal;

use round_explainer::model::money::{format_money, group_thousands, Style};
use round_explainer::model::story::{Figure, Price, Qualifier, ReportedAmount};
use round_explainer::model::{Amount, Story};

/// How a claim's words are looked for in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An amount or a count with its qualifier; any case ("About 16,000" opens a sentence),
    /// and an exact figure may not follow another qualifier's words.
    Figure(Qualifier),
    /// A name, exactly as written.
    Name,
    /// A date in the article's words, in any case; "now" is the article's present tense.
    When,
}

/// One thing the cited sentence must say.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The field's JSON path, e.g. `round.total`.
    pub path: String,
    /// The id of the source it cites.
    pub source: String,
    /// The words as the message shows them: "close to $100 billion".
    pub shown: String,
    /// Every way of writing it that is accepted; the first is [`Claim::shown`].
    pub forms: Vec<String>,
    /// How the forms are looked for.
    pub kind: Kind,
}

/// Every qualifier, for telling an exact figure from a qualified one. The match in
/// [`qualifier_is_listed`] stops compiling when the format gains a qualifier, so this list
/// cannot silently fall behind.
pub const QUALIFIERS: [Qualifier; 7] = [
    Qualifier::Exactly,
    Qualifier::Approximately,
    Qualifier::About,
    Qualifier::Roughly,
    Qualifier::CloseTo,
    Qualifier::AsMuchAs,
    Qualifier::UpTo,
];

/// Always true; exists so that a new qualifier is a compile error until it is in [`QUALIFIERS`].
#[allow(dead_code)]
fn qualifier_is_listed(qualifier: Qualifier) -> bool {
    match qualifier {
        Qualifier::Exactly
        | Qualifier::Approximately
        | Qualifier::About
        | Qualifier::Roughly
        | Qualifier::CloseTo
        | Qualifier::AsMuchAs
        | Qualifier::UpTo => QUALIFIERS.contains(&qualifier),
    }
}

/// Every figure, name and date of the story with the sentence it cites, in the file's order.
pub fn claims(story: &Story) -> Vec<Claim> {
    let mut claims = Claims::new(story);
    match &story.pre_money.price {
        Price::PreMoney(figure) => claims.figure("pre_money.reported".to_owned(), figure),
        Price::PostMoney(figure) => claims.figure("post_money".to_owned(), figure),
        Price::Assumed => {}
    }
    claims.reported("round.total".to_owned(), &story.round.total);
    for (t, tranche) in story.round.tranches.iter().enumerate() {
        if let Some(amount) = &tranche.amount {
            claims.figure(format!("round.tranches[{t}].amount"), amount);
        }
        for (i, investor) in tranche.investors.iter().enumerate() {
            let path = format!("round.tranches[{t}].investors[{i}]");
            claims.name(format!("{path}.name"), &investor.name, &investor.source);
            for (m, member) in investor.members.iter().enumerate() {
                claims.name(format!("{path}.members[{m}]"), member, &investor.source);
            }
            if let Some(amount) = &investor.amount {
                claims.reported(format!("{path}.amount"), amount);
            }
            if let Some(stake) = &investor.stake {
                let percent = format!("{}%", stake.value.0.normalize());
                claims.push_figure(
                    format!("{path}.stake"),
                    &stake.source,
                    vec![percent],
                    stake.qualifier,
                );
            }
        }
    }
    for (d, deal) in story.separate_deals.iter().enumerate() {
        let path = format!("separate_deals[{d}]");
        claims.name(
            format!("{path}.investor"),
            &deal.investor,
            &deal.amount.source,
        );
        claims.reported(format!("{path}.amount"), &deal.amount);
    }
    for (m, mark) in story.marks.iter().enumerate() {
        claims.figure(format!("marks[{m}].valuation"), &mark.valuation);
    }
    for (c, comparison) in story.comparisons.iter().enumerate() {
        claims.figure(format!("comparisons[{c}].amount"), &comparison.amount);
    }
    for (f, fact) in story.facts.iter().enumerate() {
        claims.count(
            format!("facts[{f}].count"),
            fact.count,
            fact.qualifier,
            &fact.source,
        );
    }
    for (e, event) in story.timeline.iter().enumerate() {
        claims.when(format!("timeline[{e}].when"), &event.when, &event.source);
    }
    claims.list
}

/// The claims being collected, with how the story writes money.
struct Claims {
    /// The story's currency symbol: "$", "€", or "CHF ".
    symbol: String,
    /// The currency's name as articles write it after a number ("100 billion dollars").
    currency_word: Option<&'static str>,
    list: Vec<Claim>,
}

impl Claims {
    fn new(story: &Story) -> Claims {
        let currency_word = match story.currency.as_str() {
            "USD" => Some("dollars"),
            "EUR" => Some("euros"),
            "GBP" => Some("pounds"),
            "JPY" => Some("yen"),
            _ => None,
        };
        Claims {
            symbol: story.currency_symbol(),
            currency_word,
            list: Vec::new(),
        }
    }

    /// A reported amount (a figure a reader may vary).
    fn reported(&mut self, path: String, amount: &ReportedAmount) {
        self.money(path.clone(), amount.value, amount.qualifier, &amount.source);
        // A slider's end that cites a sentence is a figure of that sentence too.
        if let Some(range) = &amount.range {
            let ends = [
                ("low", range.low, &range.low_source),
                ("high", range.high, &range.high_source),
            ];
            for (end, value, source) in ends {
                if let Some(source) = source {
                    self.money(
                        format!("{path}.range.{end}"),
                        value,
                        Qualifier::Exactly,
                        source,
                    );
                }
            }
        }
    }

    /// A figure.
    fn figure(&mut self, path: String, figure: &Figure) {
        self.money(path, figure.value, figure.qualifier, &figure.source);
    }

    /// An amount of money with its qualifier: "close to $100 billion", or "$100bn", "$100B",
    /// "100 billion dollars" after the same qualifier.
    fn money(&mut self, path: String, value: Amount, qualifier: Qualifier, source: &str) {
        let forms = self.money_forms(value.0);
        self.push_figure(path, source, forms, qualifier);
    }

    /// A count that is not money: "about 16,000", or "about 16000".
    fn count(&mut self, path: String, count: Amount, qualifier: Qualifier, source: &str) {
        let count = count.0.normalize();
        let forms = vec![group_thousands(count), count.to_string()];
        self.push_figure(path, source, forms, qualifier);
    }

    /// A name, which must be in its sentence as written.
    fn name(&mut self, path: String, name: &str, source: &str) {
        self.push(path, source, vec![name.to_owned()], Kind::Name);
    }

    /// A timeline date, in the article's words.
    fn when(&mut self, path: String, when: &str, source: &str) {
        self.push(path, source, vec![when.to_owned()], Kind::When);
    }

    /// A figure's forms, each put after its qualifier's words (and only its own: "as much as"
    /// is not "up to").
    fn push_figure(&mut self, path: String, source: &str, forms: Vec<String>, q: Qualifier) {
        let phrases = forms.iter().map(|form| q.phrase(form)).collect();
        self.push(path, source, phrases, Kind::Figure(q));
    }

    fn push(&mut self, path: String, source: &str, mut forms: Vec<String>, kind: Kind) {
        dedup_in_order(&mut forms);
        self.list.push(Claim {
            path,
            source: source.to_owned(),
            shown: forms.first().cloned().unwrap_or_default(),
            forms,
            kind,
        });
    }

    /// The ways articles write an amount, the model's long form first ("$100 billion").
    fn money_forms(&self, value: Decimal) -> Vec<String> {
        let symbol = self.symbol.as_str();
        let long = format_money(value, symbol, Style::Long);
        let mut forms = vec![long.clone(), format_money(value, symbol, Style::Short)];
        // The long form is the symbol, the number and maybe a unit word: "$100 billion".
        let Some(rest) = long.strip_prefix(symbol) else {
            return forms; // a negative amount, which the format refuses anyway
        };
        let (number, unit) = rest.split_once(' ').unwrap_or((rest, ""));
        for short in shorthands(unit) {
            forms.push(format!("{symbol}{number}{short}"));
        }
        if let Some(word) = self.currency_word {
            forms.push(one_space_join(&[number, unit, word]));
        }
        forms
    }
}

/// The shorthands of a unit word besides the model's short form: "bn" for "billion".
fn shorthands(unit: &str) -> &'static [&'static str] {
    match unit {
        "million" => &["m", "mn", "M"],
        "billion" => &["bn", " bn", "B"],
        "trillion" => &["tn", "trn", "T"],
        _ => &[],
    }
}

/// Words joined by one space, leaving out empty ones.
fn one_space_join(words: &[&str]) -> String {
    words
        .iter()
        .filter(|word| !word.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes repeated entries, keeping the first of each.
fn dedup_in_order(forms: &mut Vec<String>) {
    let mut seen = Vec::with_capacity(forms.len());
    forms.retain(|form| {
        let new = !seen.contains(form);
        if new {
            seen.push(form.clone());
        }
        new
    });
}
