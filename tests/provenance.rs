//! The shipped story says nothing the article does not: every quote is the article's own
//! sentence, and every figure appears, with its qualifier, in the sentence it cites.
#![cfg(not(target_arch = "wasm32"))] // native: these read files and use serde_json

mod common;

use common::{article_story, ARTICLE_TEXT};
use round_explainer::model::money::{format_money, group_thousands, Style};
use round_explainer::model::story::{Figure, Qualifier, ReportedAmount};
use round_explainer::model::Story;

#[test]
fn every_quote_is_a_sentence_of_the_article() {
    let story = article_story();
    for source in &story.sources {
        assert!(
            ARTICLE_TEXT.contains(&source.quote),
            "source {} is not quoted exactly: {:?}",
            source.id,
            source.quote
        );
    }
}

/// The words a quote must contain for an amount: "$50 billion", with "as much as" before it.
fn assert_quoted(story: &Story, what: &str, source: &str, words: String, qualifier: Qualifier) {
    let quote = &story
        .source(source)
        .unwrap_or_else(|| panic!("{what}: no source {source}"))
        .quote;
    let phrase = qualifier.phrase(&words);
    assert!(
        quote.contains(&phrase),
        "{what}: {phrase:?} is not in its source {source}: {quote:?}"
    );
}

fn reported(story: &Story, what: &str, amount: &ReportedAmount) {
    let words = format_money(amount.value.0, "$", Style::Long);
    assert_quoted(story, what, &amount.source, words, amount.qualifier);
}

fn figure(story: &Story, what: &str, figure: &Figure) {
    let words = format_money(figure.value.0, "$", Style::Long);
    assert_quoted(story, what, &figure.source, words, figure.qualifier);
}

#[test]
fn every_figure_is_in_the_sentence_it_cites() {
    let story = article_story();
    reported(&story, "round total", &story.round.total);
    for investor in story.investors() {
        if let Some(amount) = &investor.amount {
            reported(&story, &investor.id, amount);
        }
    }
    for deal in &story.separate_deals {
        reported(&story, &deal.id, &deal.amount);
    }
    for mark in &story.marks {
        figure(&story, &mark.id, &mark.valuation);
    }
    for comparison in &story.comparisons {
        figure(&story, &comparison.id, &comparison.amount);
    }
    for fact in &story.facts {
        let words = format!("{} ", group_thousands(fact.count.0));
        assert_quoted(&story, &fact.id, &fact.source, words, fact.qualifier);
    }
}

#[test]
fn every_name_and_date_is_in_the_sentence_it_cites() {
    let story = article_story();
    for investor in story.investors() {
        assert_quoted(
            &story,
            &investor.id,
            &investor.source,
            investor.name.clone(),
            Qualifier::Exactly,
        );
    }
    for deal in &story.separate_deals {
        assert_quoted(
            &story,
            &deal.id,
            &deal.amount.source,
            deal.investor.clone(),
            Qualifier::Exactly,
        );
    }
    for event in &story.timeline {
        let when = event.when.to_lowercase();
        let quote = story.source(&event.source).unwrap().quote.to_lowercase();
        let now = when == "now"; // the article's present tense: "is in active discussions"
        assert!(
            now || quote.contains(&when),
            "timeline {:?} is not in its source {}",
            event.when,
            event.source
        );
    }
}
