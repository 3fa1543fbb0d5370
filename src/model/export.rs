//! Every figure of a scenario as rows: the explainer's data table, and "Get the data" as CSV
//! and JSON. Each row says where its value comes from.

use rust_decimal::Decimal;

use super::money::Style;
use super::outcome::{HoldingKind, Outcome};
use super::scenario::{price_kind, reported_post_money, PriceKind, Scenario};
use super::story::{Price, ReportedAmount, Story};
use crate::locale::{fill, Locale};

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// As the article reports it.
    Reported,
    /// The reader moved it within the story's range.
    ReadersChoice,
    /// An assumption the article does not give (the price of the round).
    Assumption,
    /// Derived from the other figures: arithmetic over reported figures and choices.
    Derived,
}

impl Basis {
    /// Where the figure comes from in the reader's words, as the table and the CSV say it:
    /// "reader's choice", "Auswahl des Lesers".
    pub fn said(self, locale: &Locale) -> &'static str {
        let m = locale.messages();
        match self {
            Basis::Reported => m.basis_reported,
            Basis::ReadersChoice => m.basis_choice,
            Basis::Assumption => m.basis_assumption,
            Basis::Derived => m.basis_derived,
        }
    }

    /// The word the JSON download writes, the same in every language (the table and the CSV
    /// say it in the reader's: [`Basis::said`]).
    pub fn label(self) -> &'static str {
        match self {
            Basis::Reported => "reported",
            Basis::ReadersChoice => "reader's choice",
            Basis::Assumption => "assumption",
            Basis::Derived => "derived",
        }
    }
}

/// One figure of the current scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRow {
    /// What the figure is: "Post-money valuation".
    pub figure: String,
    /// The exact value: an amount in currency units, or a percentage.
    pub value: Decimal,
    /// `"USD"` (the story's currency) or `"percent"`.
    pub unit: String,
    /// The value as shown to readers: "$600B", "8.33%".
    pub display: String,
    /// The value as read aloud: "$600 billion", "8.33%".
    pub spoken: String,
    /// Where it comes from.
    pub basis: Basis,
    /// The id of the article sentence it comes from, for reported figures.
    pub source: Option<String>,
}

/// The rows of a scenario's outcome, in reading order.
pub fn data_rows(
    story: &Story,
    scenario: &Scenario,
    outcome: &Outcome,
    locale: &Locale,
) -> Vec<DataRow> {
    let m = locale.messages();
    let money = |figure: String, value: Decimal, basis: Basis, source: Option<&str>| DataRow {
        figure,
        value,
        unit: story.currency.clone(),
        display: locale.money(value, &story.currency, Style::Short),
        spoken: locale.money(value, &story.currency, Style::Long),
        basis,
        source: source.map(str::to_owned),
    };
    let percent = |figure: String, value: Decimal| DataRow {
        figure,
        value,
        unit: "percent".to_owned(),
        display: locale.percent(value),
        spoken: locale.percent(value),
        basis: Basis::Derived,
        source: None,
    };

    // The price as the article gives it, until the reader moves it.
    let (pre_basis, pre_source) = match (price_kind(story, scenario), &story.pre_money.price) {
        (PriceKind::Chosen, _) => (Basis::ReadersChoice, None),
        (_, Price::PreMoney(figure)) => (Basis::Reported, Some(figure.source.as_str())),
        (_, Price::PostMoney(_)) => (Basis::Derived, None),
        (_, Price::Assumed) => (Basis::Assumption, None),
    };
    let mut rows = vec![money(
        story.pre_money.label.clone(),
        outcome.pre_money,
        pre_basis,
        pre_source,
    )];
    let (basis, source) = match chosen(&story.round.total, outcome.round.total) {
        // Moved with its parts: arithmetic over the reader's choices.
        (Basis::ReadersChoice, _) if story.round.total_follows_parts => (Basis::Derived, None),
        chosen => chosen,
    };
    rows.push(money(
        story.round.label.clone(),
        outcome.round.total,
        basis,
        source,
    ));
    for holding in &outcome.holdings {
        let reported = match holding.kind {
            HoldingKind::Investor => story
                .investors()
                .find(|i| i.id == holding.id)
                .and_then(|i| i.amount.as_ref()),
            HoldingKind::SeparateDeal => story
                .separate_deals
                .iter()
                .find(|d| d.id == holding.id)
                .map(|d| &d.amount),
            HoldingKind::Existing | HoldingKind::Undisclosed => None,
        };
        match (holding.kind, reported) {
            (HoldingKind::Undisclosed, _) => rows.push(money(
                m.row_undisclosed.to_owned(),
                holding.amount,
                Basis::Derived,
                None,
            )),
            (_, Some(reported)) => {
                let (basis, source) = chosen(reported, holding.amount);
                rows.push(money(
                    fill(m.row_investment, &[("name", &holding.name)]),
                    holding.amount,
                    basis,
                    source,
                ));
            }
            _ => {}
        }
    }
    rows.push(money(
        m.row_new_money.to_owned(),
        outcome.new_money,
        Basis::Derived,
        None,
    ));
    let (post_basis, post_source) = match reported_post_money(story, scenario, outcome.post_money) {
        Some(figure) => (Basis::Reported, Some(figure.source.as_str())),
        None => (Basis::Derived, None),
    };
    rows.push(money(
        m.row_post_money.to_owned(),
        outcome.post_money,
        post_basis,
        post_source,
    ));
    for holding in &outcome.holdings {
        let name = match holding.kind {
            HoldingKind::Undisclosed => m.row_undisclosed_investors,
            HoldingKind::Existing => m.existing_holders,
            _ => &holding.name,
        };
        rows.push(percent(
            fill(m.row_stake, &[("name", name)]),
            holding.display_percent,
        ));
    }
    // Stakes the article reports, beside the computed ones (checked against them on reading).
    for investor in story.investors() {
        if let Some(stake) = &investor.stake {
            rows.push(DataRow {
                basis: Basis::Reported,
                source: Some(stake.source.clone()),
                display: stake
                    .qualifier
                    .said(locale, &locale.percent(stake.value.0.normalize())),
                ..percent(
                    fill(m.row_reported_stake, &[("name", &investor.name)]),
                    stake.value.0,
                )
            });
        }
    }
    rows.push(percent(m.row_dilution.to_owned(), outcome.dilution_percent));
    for (comparison, result) in story.comparisons.iter().zip(&outcome.comparisons) {
        rows.push(money(
            comparison.label.clone(),
            result.amount,
            Basis::Reported,
            Some(&comparison.amount.source),
        ));
    }
    rows
}

/// Reported when the value is the article's, else the reader's choice.
fn chosen(reported: &ReportedAmount, value: Decimal) -> (Basis, Option<&str>) {
    if value == reported.value.0 {
        (Basis::Reported, Some(reported.source.as_str()))
    } else {
        (Basis::ReadersChoice, None)
    }
}

/// The rows as CSV (RFC 4180), with the quoted sentence of each reported figure.
pub fn to_csv(story: &Story, rows: &[DataRow], locale: &Locale) -> String {
    let mut csv = format!("{}\r\n", locale.messages().csv_header);
    for row in rows {
        let quote = row
            .source
            .as_deref()
            .and_then(|id| story.source(id))
            .map_or("", |s| s.quote.as_str());
        let fields = [
            row.figure.as_str(),
            &row.value.to_string(),
            &row.unit,
            row.basis.said(locale),
            quote,
        ];
        let line: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    csv
}

fn csv_field(text: &str) -> String {
    // A cell that starts like a formula is one in a spreadsheet: OWASP's list (=, +, -, @, TAB,
    // CR; LF too) and the full-width forms some spreadsheets fold into them. A quote mark
    // before it keeps it text.
    const FORMULA_LEADS: [char; 11] =
        ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
    let guarded = if text.starts_with(FORMULA_LEADS) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The rows as a JSON document: `{ "story": id, "figures": [{ figure, value, unit, basis, source }] }`.
/// Values are strings, so no digit is lost.
pub fn to_json(story: &Story, rows: &[DataRow]) -> String {
    let mut json = format!(
        "{{\n  \"story\": {},\n  \"figures\": [",
        json_string(&story.id)
    );
    for (index, row) in rows.iter().enumerate() {
        let quote = row
            .source
            .as_deref()
            .and_then(|id| story.source(id))
            .map(|s| json_string(&s.quote));
        json.push_str(if index == 0 { "\n    " } else { ",\n    " });
        json.push_str(&format!(
            "{{ \"figure\": {}, \"value\": \"{}\", \"unit\": {}, \"basis\": \"{}\", \"source\": {} }}",
            json_string(&row.figure),
            row.value,
            json_string(&row.unit),
            row.basis.label(),
            quote.unwrap_or_else(|| "null".to_owned())
        ));
    }
    json.push_str("\n  ]\n}\n");
    json
}

fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `<` escaped too, so the document is safe to inline in a <script> element.
            c if (c as u32) < 0x20 || c == '<' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
