//! Stories other than the article's (tests/stories/, fictional, each with its own article
//! text): their figures computed by hand, as exact fractions and as displayed percentages, and
//! the kind of every figure the reader sees first.
#![cfg(not(target_arch = "wasm32"))] // native: reads files

mod common;

use common::{billions, dec};
use round_explainer::locale::Locale;
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
    assert_eq!(
        stakes(&outcome),
        owned(&[
            ("existing", "10000000000", "85.47"),
            ("halden", "1000000000", "8.55"),
            ("undisclosed", "700000000", "5.98"),
        ]),
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

    let rows = data_rows(&story, &scenario, &outcome, &Locale::english());
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
    let rows = data_rows(&story, &moved, &outcome, &Locale::english());
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

/// `(id, exact part of the post-money, displayed percent)` of each holding.
fn stakes(outcome: &round_explainer::model::Outcome) -> Vec<(String, String, String)> {
    outcome
        .holdings
        .iter()
        .map(|h| {
            (
                h.id.clone(),
                h.stake.part.to_string(),
                h.display_percent.to_string(),
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// Orbital Compute (fictional): "$40 billion at a $300 billion post-money valuation", in two
/// parts, "$10 billion in April, and the remaining $30 billion by the end of the year"; Kestrel
/// leads "with $25 billion, though its commitment could be reduced to $15 billion, which would
/// make the round smaller": both ends of Kestrel's slider are the article's, and the round's
/// total follows its parts, so lowering Kestrel invents no undisclosed money.
#[test]
fn tranches_by_time_and_a_lead_that_could_be_reduced() {
    let story = story("orbital-tranches.json");
    assert_eq!(
        story.pre_money.default.0,
        billions(260),
        "derived: $300B − $40B"
    );
    let tranches: Vec<(Option<String>, Option<String>)> = story
        .round
        .tranches
        .iter()
        .map(|t| {
            (
                t.when.clone(),
                t.amount.as_ref().map(|a| a.value.0.to_string()),
            )
        })
        .collect();
    assert_eq!(
        tranches,
        [
            (Some("April".to_owned()), Some("10000000000".to_owned())),
            (
                Some("by the end of the year".to_owned()),
                Some("30000000000".to_owned())
            )
        ]
    );
    let scenario = Scenario::article(&story);
    let outcome = compute(&story, &scenario).unwrap();
    assert_eq!(outcome.post_money, billions(300));
    // 5/300, 25/300, 10/300 and 260/300 floor to 99.98; the two hundredths go to the largest
    // remainders, Pinecrest's and the existing holders' (.666… each).
    assert_eq!(
        stakes(&outcome),
        owned(&[
            ("existing", "260000000000", "86.67"),
            ("pinecrest", "5000000000", "1.67"),
            ("kestrel", "25000000000", "8.33"),
            ("undisclosed", "10000000000", "3.33"),
        ])
    );

    // Kestrel cut to the article's $15 billion: the round is $30 billion, not $40 billion with
    // $10 billion more "not reported"; post-money $260B + $30B.
    let mut cut = scenario.clone();
    cut.amounts.insert(
        "kestrel".to_owned(),
        round_explainer::model::Amount(billions(15)),
    );
    let outcome = compute(&story, &cut).unwrap();
    assert_eq!(
        outcome.round.total,
        billions(30),
        "the round follows its parts"
    );
    assert_eq!(
        outcome.round.undisclosed,
        billions(10),
        "the same undisclosed money as before"
    );
    assert_eq!(outcome.post_money, billions(290));
    // 15/290, 5/290, 10/290, 260/290: 5.172…, 1.724…, 3.448…, 89.655…; floors 99.98, the
    // hundredths to the undisclosed rest (.83) and the existing holders (.52).
    assert_eq!(
        stakes(&outcome),
        owned(&[
            ("existing", "260000000000", "89.66"),
            ("pinecrest", "5000000000", "1.72"),
            ("kestrel", "15000000000", "5.17"),
            ("undisclosed", "10000000000", "3.45"),
        ])
    );
    let rows = data_rows(&story, &cut, &outcome, &Locale::english());
    let round = rows
        .iter()
        .find(|row| row.figure == "Orbital's new funding round")
        .unwrap();
    assert_eq!(
        (round.value, round.basis),
        (billions(30), Basis::Derived),
        "a total moved with its parts is derived"
    );
}

/// Parts never add up to more than their whole, and the error names the field that breaks it.
#[test]
fn parts_that_exceed_their_whole_are_refused() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/stories/orbital-tranches.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cases = [
        (
            text.replacen("\"value\": \"$10 billion\"", "\"value\": \"$4 billion\"", 1),
            "round.tranches[0].investors: these amounts add up to 5B, more than the 4B of round.tranches[0].amount",
        ),
        (
            text.replacen("\"value\": \"$30 billion\"", "\"value\": \"$35 billion\"", 1),
            "round.tranches: these amounts add up to 45B, more than the 40B of round.total",
        ),
    ];
    for (story, expected) in cases {
        let error = Story::from_json(&story).expect_err(expected).to_string();
        assert!(error.contains(expected), "{error}");
    }
}

/// Once the round follows a cut part, the post-money valuation is no longer the article's.
#[test]
fn a_post_money_moved_by_its_parts_is_no_longer_reported() {
    let story = story("orbital-tranches.json");
    let mut cut = Scenario::article(&story);
    cut.amounts.insert(
        "kestrel".to_owned(),
        round_explainer::model::Amount(billions(15)),
    );
    let outcome = compute(&story, &cut).unwrap();
    let rows = data_rows(&story, &cut, &outcome, &Locale::english());
    let post = rows
        .iter()
        .find(|row| row.figure == "Post-money valuation")
        .unwrap();
    assert_eq!((post.value, post.basis), (billions(290), Basis::Derived));
    let article = Scenario::article(&story);
    let rows = data_rows(
        &story,
        &article,
        &compute(&story, &article).unwrap(),
        &Locale::english(),
    );
    let post = rows
        .iter()
        .find(|row| row.figure == "Post-money valuation")
        .unwrap();
    assert_eq!(
        post.basis,
        Basis::Reported,
        "at the article's figures it is the article's"
    );
}

/// Thistle Robotics (fictional): "a £3 billion funding round at a pre-money valuation of £12
/// billion"; a syndicate of three "will put in £2 billion, taking a stake of about 13%"; two
/// separate deals, "up to £500 million" and "as much as £250 million", off by default.
#[test]
fn a_pre_money_reported_in_pounds_with_a_group_and_two_deals() {
    let story = story("thistle-gbp.json");
    assert!(matches!(story.pre_money.price, Price::PreMoney(_)));
    assert_eq!(story.currency_symbol(), "£");
    let syndicate = story
        .investors()
        .find(|i| i.id == "arden-syndicate")
        .unwrap();
    assert_eq!(
        syndicate.members,
        ["Arden Capital", "Bexley Partners", "Corrin Ventures"]
    );
    let scenario = Scenario::article(&story);
    let outcome = compute(&story, &scenario).unwrap();
    assert_eq!(outcome.post_money, billions(15), "£12B + £3B");
    // 12/15, 2/15, 1/15: 80, 13.333…, 6.666…; the hundredth left goes to the backers' .666….
    assert_eq!(
        stakes(&outcome),
        owned(&[
            ("existing", "12000000000", "80.00"),
            ("arden-syndicate", "2000000000", "13.33"),
            ("backers", "1000000000", "6.67"),
        ]),
        "no undisclosed rest: the round's £3B is all reported"
    );
    let rows = data_rows(&story, &scenario, &outcome, &Locale::english());
    assert_eq!(
        (rows[0].basis, rows[0].source.as_deref()),
        (Basis::Reported, Some("round")),
        "the pre-money is reported, with its sentence"
    );

    // Both deals on, at the article's figures: £15.75B. 76.190…, 12.698…, 6.349…, 3.174…,
    // 1.587… floor to 99.97; the three hundredths go to .92 (backers), .84 (the syndicate)
    // and .73 (Haruna).
    let mut both = scenario.clone();
    both.deals.insert("snif".to_owned(), true);
    both.deals.insert("haruna".to_owned(), true);
    let outcome = compute(&story, &both).unwrap();
    assert_eq!(outcome.post_money, dec("15750000000"));
    assert_eq!(
        stakes(&outcome),
        owned(&[
            ("existing", "12000000000", "76.19"),
            ("arden-syndicate", "2000000000", "12.70"),
            ("backers", "1000000000", "6.35"),
            ("snif", "500000000", "3.17"),
            ("haruna", "250000000", "1.59"),
        ])
    );
}

/// A reported stake that the figures contradict beyond its qualifier is an error naming both.
#[test]
fn a_reported_stake_is_checked_against_the_computed_one() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/stories/thistle-gbp.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cases = [
        ("\"value\": \"13%\", \"qualifier\": \"about\"", None),
        ("\"value\": \"14%\", \"qualifier\": \"about\"", None),
        ("\"value\": \"13.33%\", \"qualifier\": \"exactly\"", None),
        // 13.33% is "13%" to the precision the article gives.
        ("\"value\": \"13%\", \"qualifier\": \"exactly\"", None),
        ("\"value\": \"14%\", \"qualifier\": \"exactly\"", Some("the article's stake of 14% is contradicted by the stake computed from its figures, 13.33%")),
        ("\"value\": \"20%\", \"qualifier\": \"about\"", Some("the article's stake of about 20% is contradicted by the stake computed from its figures, 13.33%")),
        ("\"value\": \"12%\", \"qualifier\": \"up_to\"", Some("the article's stake of up to 12% is contradicted")),
    ];
    for (stake, expected) in cases {
        let story = text.replacen("\"value\": \"13%\", \"qualifier\": \"about\"", stake, 1);
        match (Story::from_json(&story), expected) {
            (Ok(_), None) => {}
            (Err(error), Some(expected)) => {
                let message = error.to_string();
                assert!(
                    message
                        .starts_with(&format!("round.tranches[0].investors[0].stake: {expected}")),
                    "{stake}: {message}"
                );
            }
            (result, expected) => panic!(
                "{stake}: expected {expected:?}, got {:?}",
                result.err().map(|e| e.to_string())
            ),
        }
    }
}
