//! The reader's choices: presets, ranges, the round held at what is disclosed, and the URL
//! fragment that shares them.
#![cfg(not(target_arch = "wasm32"))] // native: these read files and use serde_json

mod common;

use common::{article_story, billions};
use round_explainer::model::fragment::{from_fragment, to_fragment};
use round_explainer::model::{compute, Amount, ComputeError, Preset, Scenario};

#[test]
fn presets_move_reported_amounts_to_their_ends() {
    let story = article_story();
    let mut chosen = Scenario::article(&story);
    chosen.pre_money = Amount(billions(700));
    chosen.deals.insert("softbank".into(), true);
    let cases = [
        (Preset::LowEnd, 700, 50, 10, 5, true),
        (Preset::UpperEnd, 700, 100, 50, 30, true),
        (Preset::Article, 500, 100, 50, 30, false),
    ];
    for (preset, pre, round, amazon, softbank, softbank_on) in cases {
        let scenario = chosen.with_preset(&story, preset);
        assert_eq!(
            scenario.pre_money,
            Amount(billions(pre)),
            "{preset:?}: pre-money"
        );
        assert_eq!(
            scenario.round_total,
            Amount(billions(round)),
            "{preset:?}: round"
        );
        assert_eq!(
            scenario.amounts["amazon"],
            Amount(billions(amazon)),
            "{preset:?}: Amazon"
        );
        assert_eq!(
            scenario.amounts["softbank"],
            Amount(billions(softbank)),
            "{preset:?}: SoftBank"
        );
        assert_eq!(
            scenario.deals["softbank"], softbank_on,
            "{preset:?}: SoftBank toggle"
        );
        compute(&story, &scenario).unwrap_or_else(|e| panic!("{preset:?} computes: {e}"));
    }
}

#[test]
fn the_round_is_never_less_than_what_is_disclosed() {
    let story = article_story();
    let mut scenario = Scenario::article(&story);
    scenario.round_total = Amount(billions(50));
    scenario
        .amounts
        .insert("amazon".into(), Amount(billions(50)));
    let outcome = compute(&story, &scenario).unwrap();
    assert!(
        !outcome.round.held_at_disclosed,
        "$50B round, $50B disclosed: not held"
    );
    assert_eq!(outcome.round.undisclosed, billions(0));

    // A story whose disclosed amounts can pass the round's low end.
    let mut story = story;
    story.round.total.range.as_mut().unwrap().low = Amount(billions(20));
    scenario.round_total = Amount(billions(20));
    scenario
        .amounts
        .insert("amazon".into(), Amount(billions(30)));
    let outcome = compute(&story, &scenario).unwrap();
    assert!(
        outcome.round.held_at_disclosed,
        "a $20B round cannot hold Amazon's $30B"
    );
    assert_eq!(
        outcome.round.total,
        billions(30),
        "the round is raised to the disclosed $30B"
    );
    assert_eq!(
        outcome.round.chosen_total,
        billions(20),
        "the reader's choice is kept"
    );
    assert_eq!(outcome.post_money, billions(530));
}

#[test]
fn choices_outside_the_story_are_refused_with_the_field() {
    let story = article_story();
    type Change = fn(&mut Scenario);
    let cases: [(&str, Change, &str); 5] = [
        (
            "amazon above its range",
            |s| _ = s.amounts.insert("amazon".into(), Amount(billions(60))),
            "amounts.amazon: 60B is outside its range 10B to 50B",
        ),
        (
            "pre-money below its range",
            |s| s.pre_money = Amount(billions(1)),
            "pre_money: 1B is outside its range 300B to 1T",
        ),
        (
            "an undisclosed investor",
            |s| _ = s.amounts.insert("microsoft".into(), Amount(billions(10))),
            "amounts.microsoft: this amount is fixed by the story",
        ),
        (
            "an unknown deal",
            |s| _ = s.deals.insert("sovereign-fund".into(), true),
            "deals.sovereign-fund: the story has no separate deal with this id",
        ),
        (
            "a round above its range",
            |s| s.round_total = Amount(billions(150)),
            "round_total: 150B is outside its range 50B to 100B",
        ),
    ];
    for (what, change, expected) in cases {
        let mut scenario = Scenario::article(&story);
        change(&mut scenario);
        let error: ComputeError = compute(&story, &scenario).expect_err(what);
        assert_eq!(error.to_string(), expected, "{what}");
    }
}

#[test]
fn clamping_brings_amounts_inside_and_drops_ids_the_story_lacks() {
    let story = article_story();
    let mut scenario = Scenario::article(&story);
    scenario
        .amounts
        .insert("amazon".into(), Amount(billions(60)));
    scenario
        .amounts
        .insert("microsoft".into(), Amount(billions(10)));
    scenario
        .amounts
        .insert("nobody".into(), Amount(billions(1)));
    scenario.deals.insert("sovereign-fund".into(), true);
    scenario.pre_money = Amount(billions(1));

    let clamped = scenario.clamped(&story);
    assert_eq!(
        clamped.amounts.keys().collect::<Vec<_>>(),
        ["amazon", "softbank"],
        "only adjustable ids stay: microsoft's amount is fixed, nobody is unknown"
    );
    assert_eq!(
        clamped.amounts["amazon"],
        Amount(billions(50)),
        "to its high end"
    );
    assert_eq!(clamped.pre_money, Amount(billions(300)), "to its low end");
    assert!(
        clamped.deals.get("sovereign-fund").is_none(),
        "an unknown deal is dropped"
    );
    compute(&story, &clamped).expect("a clamped scenario computes");
}

#[test]
fn fragments_round_trip_and_omit_defaults() {
    let story = article_story();
    let article = Scenario::article(&story);
    assert_eq!(
        to_fragment(&story, &article),
        "",
        "the default scenario is the empty fragment"
    );

    let mut scenario = article.clone();
    scenario.pre_money = Amount(billions(750));
    scenario
        .amounts
        .insert("amazon".into(), Amount(billions(35)));
    scenario.deals.insert("softbank".into(), true);
    let fragment = to_fragment(&story, &scenario);
    assert_eq!(fragment, "v1&pre=750B&amazon=35B&softbank=on");
    assert_eq!(
        from_fragment(&story, &format!("#{fragment}")),
        scenario,
        "read back with its #"
    );

    scenario.amounts.insert(
        "softbank".into(),
        Amount(billions(12) + billions(1) / rust_decimal::Decimal::TWO),
    );
    let fragment = to_fragment(&story, &scenario);
    assert_eq!(
        fragment, "v1&pre=750B&amazon=35B&softbank=12.5B",
        "an amount turns a deal on too"
    );
    assert_eq!(from_fragment(&story, &fragment), scenario);
}

#[test]
fn hostile_fragments_give_a_valid_scenario() {
    let story = article_story();
    let article = Scenario::article(&story);
    let defaults = [
        "",
        "#",
        "v2&pre=600B",
        "pre=600B",
        "v1&pre=<script>alert(1)</script>",
        "v1&amazon=-5B&round=NaN&softbank=maybe",
        "v1&&&==&=&pre",
        "v1&microsoft=10B&existing=1T&__proto__=1",
        "%76%31&pre=600B",
    ];
    for fragment in defaults {
        assert_eq!(
            from_fragment(&story, fragment),
            article,
            "{fragment:?} gives the article's figures"
        );
    }
    let long = format!("v1&pre=600B{}", "&x=1".repeat(2000));
    assert_eq!(
        from_fragment(&story, &long),
        article,
        "an over-long fragment is not read"
    );

    let clamped = from_fragment(&story, "v1&pre=5T&amazon=999B&round=1B");
    assert_eq!(
        clamped.pre_money,
        Amount(billions(1000)),
        "pre-money clamped to its high end"
    );
    assert_eq!(
        clamped.amounts["amazon"],
        Amount(billions(50)),
        "Amazon clamped to 'as much as $50B'"
    );
    assert_eq!(
        clamped.round_total,
        Amount(billions(50)),
        "round clamped to its low end"
    );
    compute(&story, &clamped).expect("a clamped scenario computes");
}

/// Issue 13, item 13: the explainer reads and writes only its own part of the page's fragment;
/// the host's anchors are neither read as a scenario nor erased.
#[test]
fn the_fragment_has_a_host_part_and_the_explainers_own() {
    use round_explainer::model::fragment::{own_part, with_own_part};
    let reads: &[(&str, Option<&str>)] = &[
        ("#comments", None),
        ("", None),
        ("#v1&amazon=40B", Some("v1&amazon=40B")),
        ("v1", Some("v1")),
        ("#comments&v1&amazon=40B", Some("v1&amazon=40B")),
        ("#v10", None),
        ("#a&v1x", None),
    ];
    for (fragment, expected) in reads {
        assert_eq!(own_part(fragment), *expected, "own part of {fragment:?}");
    }
    let writes: &[(&str, &str, &str)] = &[
        ("comments", "v1&amazon=40B", "comments&v1&amazon=40B"),
        (
            "comments&v1&amazon=40B",
            "v1&amazon=30B",
            "comments&v1&amazon=30B",
        ),
        ("comments&v1&amazon=40B", "", "comments"),
        ("v1&amazon=40B", "", ""),
        ("", "v1&round=80B", "v1&round=80B"),
    ];
    for (fragment, ours, expected) in writes {
        assert_eq!(
            with_own_part(fragment, ours),
            *expected,
            "{fragment:?} with {ours:?}"
        );
    }
}
