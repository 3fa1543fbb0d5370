//! "Get the data": every figure of the scenario as rows, CSV and JSON, with where it comes from.
#![cfg(not(target_arch = "wasm32"))] // native: uses serde_json

mod common;

use common::article_story;
use round_explainer::locale::Locale;
use round_explainer::model::export::{data_rows, to_csv, to_json, Basis, DataRow};
use round_explainer::model::{compute, Amount, Scenario, Story};

/// The rows of the article's figures for `story`, in English.
fn article_rows(story: &Story) -> Vec<DataRow> {
    let scenario = Scenario::article(story);
    let outcome = compute(story, &scenario).unwrap();
    data_rows(story, &scenario, &outcome, &Locale::english())
}

#[test]
fn rows_cover_the_scenario_and_say_where_each_figure_comes_from() {
    let story = article_story();
    let mut scenario = Scenario::article(&story);
    scenario
        .amounts
        .insert("amazon".into(), Amount(common::billions(40)));
    let outcome = compute(&story, &scenario).unwrap();
    let rows = data_rows(&story, &scenario, &outcome, &Locale::english());
    let find = |figure: &str| {
        rows.iter()
            .find(|r| r.figure == figure)
            .unwrap_or_else(|| panic!("no row {figure}"))
    };

    let pre = find("OpenAI's value before the new money (pre-money)");
    assert_eq!(
        (pre.display.as_str(), pre.basis),
        ("$500B", Basis::Assumption)
    );
    let round = find("OpenAI's new funding round");
    assert_eq!(
        (round.display.as_str(), round.basis, round.source.as_deref()),
        ("$100B", Basis::Reported, Some("round-total"))
    );
    let amazon = find("Amazon's investment");
    assert_eq!(
        (amazon.display.as_str(), amazon.basis),
        ("$40B", Basis::ReadersChoice),
        "moved by the reader"
    );
    assert_eq!(
        find("Rest of the round, amounts not reported").display,
        "$60B"
    );
    assert_eq!(find("Post-money valuation").display, "$600B");
    assert_eq!(find("Stake after the deal: Amazon").display, "6.67%");
    assert_eq!(
        find("Stake after the deal: Investors whose amounts are not reported").display,
        "10.00%"
    );
    assert_eq!(find("Dilution of existing holders").display, "16.67%");
    assert_eq!(
        find("Project Rainier, Amazon's Indiana data center campus")
            .source
            .as_deref(),
        Some("project-rainier")
    );
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let story = article_story();
    let rows = article_rows(&story);
    let csv = to_csv(&story, &rows, &Locale::english());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "figure,value,unit,basis,source");
    assert_eq!(lines.len(), rows.len() + 1, "a line per row");
    assert!(
        csv.contains("Post-money valuation,600000000000,USD,derived,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\"Amazon is in active discussions to invest as much as $50 billion in OpenAI, a move"
        ),
        "a quote with commas is quoted"
    );
}

#[test]
fn json_keeps_every_digit_and_escapes_markup() {
    let mut story = article_story();
    story.id = "x".into();
    story.pre_money.label = "<script>\"pre\"</script>".into();
    let rows = article_rows(&story);
    let json = to_json(&story, &rows);
    assert!(!json.contains("<script>"), "no raw markup: {json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["figures"][0]["figure"], "<script>\"pre\"</script>");
    assert_eq!(
        parsed["figures"][0]["value"], "500000000000",
        "values are strings"
    );
    assert_eq!(parsed["figures"].as_array().unwrap().len(), rows.len());
}

/// Issue 13, item 17: a cell that a spreadsheet would read as a formula is neutralised, for
/// every lead of OWASP's CSV-injection list (`=`, `+`, `-`, `@`, TAB, CR) and their full-width
/// forms, which some spreadsheets fold into the same characters.
#[test]
fn csv_cells_that_would_be_formulas_are_kept_as_text() {
    for lead in ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"] {
        let mut story = article_story();
        story.pre_money.label = format!("{lead}HYPERLINK(\"http://x.invalid\")");
        let rows = article_rows(&story);
        let csv = to_csv(&story, &rows, &Locale::english());
        let first_cell = csv.split("\r\n").nth(1).expect("a first row");
        assert!(
            first_cell.starts_with(&format!("\"'{lead}"))
                || first_cell.starts_with(&format!("'{lead}")),
            "lead {lead:?} is kept as text: {first_cell:?}"
        );
    }
}
