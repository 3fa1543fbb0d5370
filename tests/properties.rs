//! Invariants that hold for every story and every choice, checked on generated rounds:
//! stakes add up to the whole, post = pre + new money, dilution is never negative, displayed
//! percentages add up to exactly 100, and no input (however broken) makes the model panic.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test properties` runs a long campaign.
#![cfg(not(target_arch = "wasm32"))] // native: these read files and use serde_json

mod common;

use common::{article_story, parse_story, ARTICLE_STORY};
use proptest::prelude::*;
use round_explainer::model::fragment::from_fragment;
use round_explainer::model::{compute, Amount, Scenario};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// An amount between 1 and 10^15 with up to two decimals, as exact shorthand text.
fn amount() -> impl Strategy<Value = Decimal> {
    (1u64..1_000_000_000_000_000, 0u32..3)
        .prop_map(|(units, scale)| Decimal::new(units as i64, scale).max(Decimal::ONE))
}

fn range(value: Decimal, low_fraction: u32) -> Value {
    let low = value * Decimal::from(low_fraction) / Decimal::ONE_HUNDRED;
    json!({ "low": low.round_dp(2).to_string(), "high": value.to_string(), "assumption": "generated" })
}

/// A generated round: tranches of investors, some with amounts, some undisclosed, and deals.
fn story() -> impl Strategy<Value = Value> {
    let investor = (amount(), any::<bool>(), 1u32..100);
    let tranche = prop::collection::vec(investor, 0..6);
    (amount(), amount(), prop::collection::vec(tranche, 1..5), prop::collection::vec((amount(), any::<bool>()), 0..3))
        .prop_map(|(pre, total, tranches, deals)| {
            let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
            story["pre_money"] = json!({ "label": "Pre-money", "default": pre.to_string(), "range": range(pre, 10), "assumption": "generated" });
            story["round"]["total"] = json!({ "value": total.to_string(), "source": "round-total", "range": range(total, 50) });
            let mut n = 0;
            let tranches: Vec<Value> = tranches
                .into_iter()
                .enumerate()
                .map(|(t, investors)| {
                    let investors: Vec<Value> = investors
                        .into_iter()
                        .map(|(value, disclosed, low)| {
                            n += 1;
                            let mut investor = json!({ "id": format!("i{n}"), "name": format!("Investor {n}"), "source": "round-tranches" });
                            if disclosed || n == 1 {
                                investor["amount"] = json!({ "value": value.to_string(), "source": "round-tranches", "range": range(value, low) });
                            }
                            investor
                        })
                        .collect();
                    json!({ "id": format!("t{t}"), "label": "Tranche", "source": "round-tranches", "investors": investors })
                })
                .collect();
            story["round"]["tranches"] = Value::Array(tranches);
            story["focus_investor"] = json!(if n > 0 { "i1" } else { "none" });
            story["separate_deals"] = deals
                .into_iter()
                .enumerate()
                .map(|(d, (value, on))| json!({ "id": format!("d{d}"), "investor": "Deal", "status": "in_talks", "on_by_default": on, "amount": { "value": value.to_string(), "source": "softbank", "range": range(value, 20) } }))
                .collect();
            story
        })
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        "[0-9]{1,40}[kKmMbBtT]?".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn outcomes_add_up(story in story(), pick in prop::collection::vec(0u32..=100, 8)) {
        let Ok(story) = parse_story(&story.to_string()) else {
            // Only generated stories whose focus investor is undisclosed are refused.
            return Ok(());
        };
        // Move every choice somewhere in its range.
        let at = |low: Amount, high: Amount, i: usize| Amount(low.0 + (high.0 - low.0) * Decimal::from(pick[i % pick.len()]) / Decimal::ONE_HUNDRED);
        let mut scenario = Scenario::article(&story);
        scenario.pre_money = at(story.pre_money.range.low, story.pre_money.range.high, 0);
        let round_range = story.round.total.range.clone().unwrap();
        scenario.round_total = at(round_range.low, round_range.high, 1);
        for (i, adjustable) in story.adjustables().enumerate() {
            scenario.amounts.insert(adjustable.id.to_owned(), at(adjustable.range.low, adjustable.range.high, i + 2));
        }
        let outcome = compute(&story, &scenario).expect("amounts up to 10^15 do not overflow");

        let parts: Decimal = outcome.holdings.iter().map(|h| h.amount).sum();
        prop_assert_eq!(parts, outcome.post_money, "holdings add up to the post-money valuation");
        prop_assert!(outcome.holdings.iter().all(|h| h.stake.whole == outcome.post_money), "every stake is of the post-money");
        prop_assert_eq!(outcome.post_money, outcome.pre_money + outcome.new_money, "post = pre + new money");
        prop_assert_eq!(outcome.new_money, outcome.round.total + outcome.separate_deals);
        prop_assert!(outcome.round.total >= outcome.round.disclosed, "the round holds what is disclosed");
        prop_assert!(!outcome.dilution.part.is_sign_negative(), "dilution is never negative");
        prop_assert!(outcome.dilution.part <= outcome.dilution.whole, "dilution is at most everything");

        let shown: Decimal = outcome.holdings.iter().map(|h| h.display_percent).sum();
        prop_assert_eq!(shown, Decimal::ONE_HUNDRED, "displayed percentages add up to exactly 100");
        for holding in &outcome.holdings {
            let exact = holding.amount * Decimal::ONE_HUNDRED / outcome.post_money;
            prop_assert!((holding.display_percent - exact).abs() < Decimal::new(1, 2), "{} shown {} for {}", holding.id, holding.display_percent, exact);
            if let Some(range) = holding.stake_range {
                prop_assert!(range.low.part <= holding.amount && holding.amount <= range.high.part, "the amount is inside its range");
            }
        }
    }

    #[test]
    fn no_json_value_makes_parsing_panic(value in any_json()) {
        let _ = parse_story(&value.to_string());
    }

    #[test]
    fn no_change_to_a_story_makes_the_model_panic(path in 0usize..400, value in any_json()) {
        // Replace one node of the article's story, found by its position in a walk of the tree.
        let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
        let mut seen = 0;
        replace_nth(&mut story, path, &mut seen, value);
        if let Ok(story) = parse_story(&story.to_string()) {
            let scenario = Scenario::article(&story);
            let _ = compute(&story, &scenario);
            let _ = compute(&story, &scenario.clone().with_preset(&story, round_explainer::model::Preset::LowEnd));
        }
    }

    #[test]
    fn any_fragment_gives_a_scenario_that_computes(fragment in "(v1)?(&[a-z]{0,8}=[-$.,0-9a-zA-Z<>%]{0,12}){0,6}") {
        let story = article_story();
        let scenario = from_fragment(&story, &fragment);
        prop_assert!(compute(&story, &scenario).is_ok(), "{:?} gave {:?}", fragment, scenario);
    }
}

fn replace_nth(node: &mut Value, target: usize, seen: &mut usize, value: Value) -> bool {
    if *seen == target {
        *node = value;
        return true;
    }
    *seen += 1;
    let children: Vec<&mut Value> = match node {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => return false,
    };
    for child in children {
        if replace_nth(child, target, seen, value.clone()) {
            return true;
        }
    }
    false
}
