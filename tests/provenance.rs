//! The shipped story says nothing the article does not: every quote is the article's own
//! sentence, and every figure, name and date is in the sentence it cites, with its qualifier.
//!
//! The rules are `round-explainer check`'s (src/check/), so there is one place for them: this
//! runs the command on the shipped story and its article, as an author would.
#![cfg(not(target_arch = "wasm32"))] // native: runs the binary

use std::process::Command;

/// Runs `round-explainer check` on the shipped story against `article`.
fn check(article: &str) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_round-explainer"))
        .args([
            "check",
            "www/stories/openai-2026.json",
            "--article",
            article,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the command runs");
    let code = output.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_shipped_story_passes_the_check_against_its_article() {
    for article in [
        "tests/fixtures/openai-2026-article.txt",
        // The article as it came, with the image caption's leftovers at the top.
        "tests/fixtures/openai-2026-article-with-caption.txt",
    ] {
        let (code, out) = check(article);
        assert_eq!(code, 0, "{article}: the check finds problems:\n{out}");
        let summary = out.lines().last().unwrap_or("");
        // Every quote, figure, name and date of the story was looked for: a check that
        // skipped some would still pass.
        assert_eq!(
            summary,
            "checked 15 quotes, 9 figures, 4 names and 9 dates: 0 problems, 1 unused sentence",
            "{article}: what was checked\n{out}"
        );
    }
}

#[test]
fn the_only_money_sentence_left_out_is_a_repetition() {
    let (_, out) = check("tests/fixtures/openai-2026-article.txt");
    let unused: Vec<&str> = out
        .lines()
        .filter(|line| line.starts_with("unused: "))
        .collect();
    assert_eq!(
        unused,
        ["unused: \"A $50 billion investment from Amazon would not only deepen OpenAI’s war chest but also signal a new phase of competition among tech giants to control the future of artificial intelligence.\""],
        "the closing sentence repeats Amazon's $50 billion, which amazon-talks already cites"
    );
}
