//! The article's story with its default scenario gives exactly the figures of DESIGN.md.
#![cfg(not(target_arch = "wasm32"))] // native: these read files and use serde_json

mod common;

use common::{article_story, billions, dec};
use round_explainer::model::{compute, HoldingKind, Outcome, Scenario, Share};

fn percents(outcome: &Outcome) -> Vec<(String, String)> {
    outcome
        .holdings
        .iter()
        .map(|h| (h.id.clone(), h.display_percent.to_string()))
        .collect()
}

fn exact_stake(outcome: &Outcome, id: &str) -> Share {
    outcome
        .holdings
        .iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no holding {id}"))
        .stake
}

#[test]
fn default_scenario_is_six_hundred_billion_post_money() {
    let story = article_story();
    let outcome =
        compute(&story, &Scenario::article(&story)).expect("the default scenario computes");
    assert_eq!(
        outcome.pre_money,
        billions(500),
        "pre-money is the October mark"
    );
    assert_eq!(
        outcome.round.total,
        billions(100),
        "the round is close to $100B"
    );
    assert_eq!(
        outcome.round.disclosed,
        billions(50),
        "Amazon's $50B is the only disclosed amount"
    );
    assert_eq!(
        outcome.round.undisclosed,
        billions(50),
        "the rest of the round is undisclosed"
    );
    assert_eq!(
        outcome.separate_deals,
        billions(0),
        "SoftBank is off by default"
    );
    assert_eq!(outcome.post_money, billions(600), "post-money = 500 + 100");

    let expected = [("amazon", 50), ("undisclosed", 50), ("existing", 500)];
    for (id, part) in expected {
        let stake = exact_stake(&outcome, id);
        assert!(
            stake
                .same_value(&Share::new(billions(part), billions(600)))
                .unwrap(),
            "{id} owns exactly {part}/600"
        );
    }
    assert!(
        outcome
            .dilution
            .same_value(&Share::new(billions(100), billions(600)))
            .unwrap(),
        "diluted by 100/600"
    );
    assert_eq!(
        outcome.dilution_percent,
        dec("16.67"),
        "dilution shown to two decimals"
    );
    assert_eq!(
        percents(&outcome),
        [
            ("existing", "83.34"),
            ("amazon", "8.33"),
            ("undisclosed", "8.33")
        ]
        .map(|(id, p)| (id.to_owned(), p.to_owned()))
        .to_vec(),
        "largest remainder: the tie goes to the larger holding"
    );
}

#[test]
fn softbank_on_gives_six_hundred_thirty_billion() {
    let story = article_story();
    let mut scenario = Scenario::article(&story);
    scenario.deals.insert("softbank".into(), true);
    let outcome = compute(&story, &scenario).expect("SoftBank on computes");
    assert_eq!(
        outcome.post_money,
        billions(630),
        "post-money = 500 + 100 + 30"
    );
    assert_eq!(
        outcome.new_money,
        billions(130),
        "new money counts the separate deal"
    );
    assert_eq!(
        percents(&outcome),
        [
            ("existing", "79.36"),
            ("amazon", "7.94"),
            ("undisclosed", "7.94"),
            ("softbank", "4.76")
        ]
        .map(|(id, p)| (id.to_owned(), p.to_owned()))
        .to_vec()
    );
    let softbank = outcome
        .holdings
        .iter()
        .find(|h| h.id == "softbank")
        .expect("a SoftBank holding");
    assert_eq!(softbank.kind, HoldingKind::SeparateDeal);
    assert!(
        softbank
            .stake
            .same_value(&Share::new(billions(30), billions(630)))
            .unwrap(),
        "SoftBank owns 30/630"
    );
}

#[test]
fn tranches_report_only_what_is_disclosed() {
    let story = article_story();
    let outcome = compute(&story, &Scenario::article(&story)).unwrap();
    let tranches: Vec<_> = outcome
        .round
        .tranches
        .iter()
        .map(|t| (t.id.as_str(), t.disclosed, t.has_undisclosed))
        .collect();
    assert_eq!(
        tranches,
        [
            ("strategic", billions(50), true),
            ("financial", billions(0), true)
        ],
        "Microsoft's and Nvidia's amounts, and the financial tranche, are not reported"
    );
}

#[test]
fn stake_ranges_span_each_amount_range() {
    let story = article_story();
    let outcome = compute(&story, &Scenario::article(&story)).unwrap();
    let amazon = outcome.holdings.iter().find(|h| h.id == "amazon").unwrap();
    let range = amazon.stake_range.expect("Amazon's amount is adjustable");
    // With the round held at $100B, Amazon's $10B to $50B is 10/600 to 50/600.
    assert!(
        range
            .low
            .same_value(&Share::new(billions(10), billions(600)))
            .unwrap(),
        "low end {:?}",
        range.low
    );
    assert!(
        range
            .high
            .same_value(&Share::new(billions(50), billions(600)))
            .unwrap(),
        "high end {:?}",
        range.high
    );
}

#[test]
fn comparisons_are_put_in_plain_words() {
    let story = article_story();
    let outcome = compute(&story, &Scenario::article(&story)).unwrap();
    let words: Vec<&str> = outcome
        .comparisons
        .iter()
        .map(|c| c.words.as_str())
        .collect();
    assert_eq!(
        words,
        [
            "40% of Amazon's planned 2026 capital spending",
            "4.5 times Project Rainier, Amazon's Indiana data center campus",
            "10% of OpenAI's last reported valuation",
            "14% of Anthropic's valuation",
        ]
    );
}
