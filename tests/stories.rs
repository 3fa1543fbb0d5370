//! Stories other than the article's (tests/stories/, fictional, each with its own article
//! text): their figures computed by hand, as exact fractions and as displayed percentages, and
//! the kind of every figure the reader sees first.
#![cfg(not(target_arch = "wasm32"))] // native: reads files

mod common;

use common::{billions, dec};
use round_explainer::model::export::{data_rows, Basis};
use round_explainer::model::story::Price;
use round_explainer::model::{compute, Scenario, Story};

fn story(file: &str) -> Story {
    let path = format!("{}/tests/stories/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    Story::from_json(&text).unwrap_or_else(|error| panic!("{file} is refused: {error}"))
}

/// Brightwater AI (fictional): "raised €1.7 billion in a funding round that values the
/// company at €11.7 billion after the investment"; Halden Partners "is putting in €1 billion".
/// The post-money valuation is reported, so the pre-money is derived: 11.7 − 1.7 = €10 billion.
#[test]
fn a_post_money_reported_in_euros_derives_the_pre_money() {
    let story = story("brightwater-eur.json");
    assert!(
        matches!(story.pre_money.price, Price::PostMoney(_)),
        "the price is the reported post-money"
    );
    assert_eq!(
        story.pre_money.default.0,
        billions(10),
        "pre-money derived: €11.7B − €1.7B"
    );
    assert_eq!(story.currency_symbol(), "€");
    let scenario = Scenario::article(&story);
    let outcome = compute(&story, &scenario).expect("the article's figures compute");
    assert_eq!(
        outcome.post_money,
        dec("11700000000"),
        "the reported post-money, exactly"
    );
    // Exact stakes over the post-money valuation, and their displayed percentages
    // (largest remainder: 8.547…, 5.982…, 85.470… floor to 99.99; the 0.01 goes to Halden's .70).
    let expected = [
        ("existing", "10000000000", "85.47"),
        ("halden", "1000000000", "8.55"),
        ("undisclosed", "700000000", "5.98"),
    ];
    let shown: Vec<(String, String, String)> = outcome
        .holdings
        .iter()
        .map(|h| {
            (
                h.id.clone(),
                h.stake.part.to_string(),
                h.display_percent.to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(id, part, percent)| (id.to_string(), part.to_string(), percent.to_string()))
        .collect();
    assert_eq!(
        shown, expected,
        "each holding's part of €11.7B and its percentage"
    );
    for holding in &outcome.holdings {
        assert_eq!(
            holding.stake.whole,
            dec("11700000000"),
            "{} over the post-money",
            holding.id
        );
    }

    let rows = data_rows(&story, &scenario, &outcome);
    let basis = |figure: &str| {
        rows.iter()
            .find(|row| row.figure == figure)
            .map(|row| (row.basis, row.source.clone()))
            .unwrap_or_else(|| panic!("no row {figure}"))
    };
    assert_eq!(
        basis("Brightwater's value before the new money (pre-money)"),
        (Basis::Derived, None),
        "the pre-money is derived, never assumed"
    );
    assert_eq!(
        basis("Post-money valuation"),
        (Basis::Reported, Some("round".to_owned()))
    );
    assert_eq!(basis("Halden Partners's investment").0, Basis::Reported);

    // Moved by the reader, the price is the reader's choice and the post-money derived from it.
    let mut moved = scenario.clone();
    moved.pre_money.0 = billions(12);
    let outcome = compute(&story, &moved).unwrap();
    let rows = data_rows(&story, &moved, &outcome);
    let post = rows
        .iter()
        .find(|row| row.figure == "Post-money valuation")
        .unwrap();
    assert_eq!(
        (post.value, post.basis),
        (dec("13700000000"), Basis::Derived)
    );
    assert_eq!(rows[0].basis, Basis::ReadersChoice);
}
