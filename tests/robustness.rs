//! Hostile and extreme stories fail fast with a clear error, or work; none hangs or panics.
#![cfg(not(target_arch = "wasm32"))] // native: uses serde_json

mod common;

use common::{article_story, parse_story, ARTICLE_STORY};
use round_explainer::model::validate::{
    MAX_COMPARISONS, MAX_FACTS, MAX_INVESTORS, MAX_MARKS, MAX_SOURCES, MAX_TIMELINE, MAX_TRANCHES,
};
use round_explainer::model::{compute, Amount, ComputeError, Scenario};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn story_with_investors(count: usize) -> Value {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    let investors: Vec<Value> = (0..count)
        .map(|n| json!({ "id": format!("i{n}"), "name": format!("Investor {n}"), "source": "round-tranches",
                         "amount": { "value": "1M", "source": "round-tranches", "range": { "low": "0", "high": "1M", "assumption": "generated" } } }))
        .collect();
    story["round"]["tranches"] = json!([{ "id": "all", "label": "All", "source": "round-tranches", "investors": investors }]);
    story["separate_deals"] = json!([]);
    story["focus_investor"] = json!("i0");
    story
}

#[test]
fn a_hundred_investors_work_and_one_more_is_refused() {
    let story = parse_story(&story_with_investors(MAX_INVESTORS).to_string())
        .expect("100 investors are allowed");
    let outcome = compute(&story, &Scenario::article(&story)).expect("and compute");
    assert_eq!(
        outcome.holdings.len(),
        MAX_INVESTORS + 2,
        "existing, 100 investors, undisclosed"
    );
    let shown: Decimal = outcome.holdings.iter().map(|h| h.display_percent).sum();
    assert_eq!(shown, Decimal::ONE_HUNDRED);

    let error =
        parse_story(&story_with_investors(MAX_INVESTORS + 1).to_string()).expect_err("too many");
    assert_eq!(
        error.to_string(),
        "round: 101 investors and deals; a story may have at most 100"
    );
}

#[test]
fn repeated_ids_are_each_named_with_where_they_were_first_used() {
    let mut story = story_with_investors(MAX_INVESTORS);
    let investors = story["round"]["tranches"][0]["investors"]
        .as_array_mut()
        .unwrap();
    // Ids met in falling order (each one lands first in id order), with two repeats.
    for (n, investor) in investors.iter_mut().enumerate() {
        investor["id"] = json!(format!("i{:03}", 99 - n));
    }
    investors[70]["id"] = json!("i090");
    investors[80]["id"] = json!("i005");
    story["focus_investor"] = json!("i001");
    let error = parse_story(&story.to_string()).expect_err("repeated ids");
    let prefix = "round.tranches[0].investors";
    assert_eq!(
        error.to_string(),
        format!(
            "{prefix}[70].id: id \"i090\" is already used at {prefix}[9].id; \
             {prefix}[94].id: id \"i005\" is already used at {prefix}[80].id"
        ),
        "both repeats, in the story's order, each with its first place"
    );
}

/// Issue 13, item 12: every list has a limit, and a list far past it is refused with its path,
/// without checking its items one by one (150,000 sources in falling order took 7 s before).
#[test]
fn every_list_past_its_limit_is_refused_with_its_path() {
    let cases: &[(&str, usize, &str)] = &[
        ("/sources", MAX_SOURCES, "sources"),
        ("/marks", MAX_MARKS, "marks"),
        ("/round/tranches", MAX_TRANCHES, "round.tranches"),
        ("/comparisons", MAX_COMPARISONS, "comparisons"),
        ("/facts", MAX_FACTS, "facts"),
        ("/timeline", MAX_TIMELINE, "timeline"),
    ];
    for (pointer, max, path) in cases {
        for count in [max + 1, max * 10] {
            let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
            // Copies of the list's first item: past the limit, no item is checked.
            let first = story.pointer(pointer).unwrap()[0].clone();
            *story.pointer_mut(pointer).unwrap() = Value::from(vec![first; count]);
            let error = parse_story(&story.to_string()).expect_err(path);
            assert_eq!(
                error.to_string(),
                format!("{path}: {count} items; there may be at most {max}"),
                "{count} {path}"
            );
        }
    }
}

#[test]
fn a_file_past_two_megabytes_is_refused_before_it_is_read() {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["sources"] = Value::from(vec![story["sources"][0].clone(); 150_000]);
    let text = story.to_string();
    let error = parse_story(&text).expect_err("150,000 sources");
    assert_eq!(
        error.to_string(),
        format!(
            "(the document): the file is {} bytes long; a story file may have at most 2097152",
            text.len()
        )
    );
}

#[test]
fn a_long_quote_is_refused_with_its_length() {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["sources"][0]["quote"] = Value::from("x".repeat(1024 * 1024));
    let error = parse_story(&story.to_string()).expect_err("a 1 MB quote is no sentence");
    assert_eq!(
        error.to_string(),
        "sources[0].quote: is 1048576 characters long; it may have at most 2000"
    );
}

#[test]
fn deep_nesting_is_refused_at_any_place() {
    let deep_object = format!(
        "{}{}",
        "{\"a\":".repeat(10_000),
        "1".to_owned() + &"}".repeat(10_000)
    );
    let error = parse_story(&deep_object)
        .expect_err("10,000 levels of objects")
        .to_string();
    assert!(error.contains("nests deeper than 32 levels"), "{error}");

    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    let mut nested = json!(1);
    for _ in 0..100 {
        nested = json!([nested]);
    }
    story["title"] = nested;
    let error = parse_story(&story.to_string())
        .expect_err("deep inside a field")
        .to_string();
    assert!(error.contains("nests deeper than 32 levels"), "{error}");
}

#[test]
fn amounts_at_the_decimal_limit_overflow_into_an_error() {
    let mut story = article_story();
    let max = Amount(Decimal::MAX);
    story.pre_money.range.high = max;
    story.pre_money.default = max;
    let outcome = compute(&story, &Scenario::article(&story));
    assert_eq!(
        outcome,
        Err(ComputeError::Overflow("the post-money valuation"))
    );
    assert_eq!(
        outcome.unwrap_err().to_string(),
        "the amounts are too large to compute the post-money valuation exactly"
    );

    // Amounts that still add up are computed exactly, percentages included.
    let mut story = article_story();
    let huge = Amount(Decimal::MAX / Decimal::from(4));
    story.pre_money.range.high = huge;
    story.pre_money.default = Amount(huge.0.round());
    let outcome =
        compute(&story, &Scenario::article(&story)).expect("a quarter of the limit adds up");
    assert_eq!(
        outcome.post_money,
        Amount(huge.0.round()).0 + common::billions(100)
    );
    let shown: Vec<String> = outcome
        .holdings
        .iter()
        .map(|h| h.display_percent.to_string())
        .collect();
    assert_eq!(
        shown,
        ["100.00", "0.00", "0.00"],
        "$100B is nothing next to 2 × 10^28"
    );
}
