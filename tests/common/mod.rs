//! Helpers shared by the native test files.
#![allow(dead_code)] // each test file uses its own subset

use std::str::FromStr;

use round_explainer::model::{Story, StoryError};
use rust_decimal::Decimal;

/// The article's story file, as shipped in `www/stories/`.
pub const ARTICLE_STORY: &str = include_str!("../../www/stories/openai-2026.json");

/// The article the story quotes, without the image-caption leftovers.
pub const ARTICLE_TEXT: &str = include_str!("../fixtures/openai-2026-article.txt");

/// Reads a story file from JSON text, with the reader every path uses.
pub fn parse_story(text: &str) -> Result<Story, StoryError> {
    Story::from_json(text)
}

/// The article's story, which must be valid.
pub fn article_story() -> Story {
    parse_story(ARTICLE_STORY)
        .unwrap_or_else(|error| panic!("the shipped story is invalid: {error}"))
}

/// A decimal from text, for expectations.
pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("bad decimal in a test: {text}"))
}

/// `n` billion, for expectations.
pub fn billions(n: i64) -> Decimal {
    Decimal::from(n) * Decimal::from(1_000_000_000i64)
}
