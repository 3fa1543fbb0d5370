//! Every malformed story under `tests/malformed/` is refused with its field's path and a reason.
//!
//! Each case is a small JSON Patch (`replace`, `add`, `remove`) applied to the article's story,
//! so the file shows exactly what is broken; `raw/` holds files that are not even a story's shape.
#![cfg(not(target_arch = "wasm32"))] // native: these read files and use serde_json

mod common;

use std::fs;
use std::path::Path;

use common::{parse_story, ARTICLE_STORY};
use serde_json::Value;

fn apply(story: &mut Value, op: &Value) {
    let pointer = op["path"].as_str().expect("a patch path");
    let (parent, key) = pointer.rsplit_once('/').expect("a patch path has a parent");
    let parent = story
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no parent for {pointer}"));
    let value = op.get("value").cloned();
    match (op["op"].as_str(), parent) {
        (Some("replace" | "add"), Value::Object(map)) => {
            _ = map.insert(key.to_owned(), value.expect("a value"))
        }
        (Some("replace"), Value::Array(items)) => {
            items[key.parse::<usize>().expect("an index")] = value.expect("a value")
        }
        (Some("remove"), Value::Object(map)) => _ = map.remove(key).expect("the field to remove"),
        (op, _) => panic!("unsupported patch {op:?} at {pointer}"),
    }
}

#[test]
fn each_patched_story_fails_with_the_field_and_the_reason() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut count = 0;
    let mut mismatches: Vec<String> = Vec::new();
    for entry in fs::read_dir(&dir).expect("tests/malformed exists") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let case: Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).expect("a case is JSON");
        let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
        for op in case["patch"].as_array().expect("a patch list") {
            apply(&mut story, op);
        }
        let name = path.file_name().unwrap().to_string_lossy();
        let expected = case["expect"].as_str().expect("an expected message");
        match parse_story(&story.to_string()) {
            Ok(_) => panic!("{name} ({}) was accepted", case["why"]),
            Err(error) => {
                let message = error.to_string();
                if !message.starts_with(expected) {
                    mismatches.push(format!("{name}: expected {expected:?}\n  got {message:?}"));
                }
            }
        }
        count += 1;
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert!(count >= 20, "at least 20 malformed stories, found {count}");
}

#[test]
fn files_that_are_not_stories_fail_with_a_clear_reason() {
    let cases = [
        (
            "truncated.json",
            "(the document): not valid JSON at line 1, column 33: expected a field name in double quotes",
        ),
        (
            "array.json",
            "(the document): expected an object, found an array",
        ),
        (
            "empty.json",
            "(the document): not valid JSON at line 1, column 1: the text ends where a value should be",
        ),
        (
            "trailing-comma.json",
            "(the document): not valid JSON at line 1, column 17: expected a field name in double quotes",
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed/raw");
    for (file, expected) in cases {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let error = parse_story(&text).expect_err(file);
        assert_eq!(error.to_string(), expected, "{file}");
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["sources"][0]["quote"] = Value::from("");
    story["currency"] = Value::from("usd");
    let error = parse_story(&story.to_string()).expect_err("two problems");
    let paths: Vec<&str> = error.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["currency", "sources[0].quote"],
        "both problems, in the file's order"
    );
}

#[test]
fn deep_nesting_and_repeated_keys_are_refused() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = parse_story(&deep).expect_err("10,000 levels").to_string();
    assert!(
        error.starts_with("(the document): not valid JSON at line 1, column 33: the document nests deeper than 32 levels"),
        "{error}"
    );

    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["version"] = Value::from(1);
    let text = story
        .to_string()
        .replacen("\"version\":1", "\"version\":1,\"version\":2", 1);
    let error = parse_story(&text).expect_err("a repeated key").to_string();
    assert_eq!(error, "version: this field appears twice");
}

/// Issue 14: every problem of a file is reported at once, in the file's order, reading problems
/// (a wrong type, a wrong symbol) as well as checks.
#[test]
fn four_problems_are_four_messages() {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["title"] = Value::from(5);
    story["round"]["total"]["value"] = Value::from("€100B");
    story["separate_deals"][0]["amount"]["qualifier"] = Value::from("maybe");
    story["comparisons"][1]["amount"]["value"] = Value::from(11);
    let error = parse_story(&story.to_string()).expect_err("four problems");
    let paths: Vec<&str> = error.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "title",
            "round.total.value",
            "separate_deals[0].amount.qualifier",
            "comparisons[1].amount.value"
        ],
        "all four, in the file's order: {error}"
    );
}

/// Issue 14: a story's own currency symbol and the shorthand newsrooms write are accepted.
#[test]
fn a_euro_story_takes_euro_shorthand() {
    let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
    story["currency"] = Value::from("EUR");
    story["round"]["total"]["value"] = Value::from("€100bn");
    story["round"]["tranches"][0]["investors"][0]["amount"]["value"] = Value::from("€50 billion");
    let story = parse_story(&story.to_string()).expect("euro shorthand is read");
    assert_eq!(story.round.total.value.0, common::billions(100));
    assert_eq!(story.currency_symbol(), "€");
}
