//! The native `round-explainer` command, for newsrooms and their build scripts.
//!
//! ```text
//! round-explainer snippet STORY [--scenario FRAGMENT]
//! round-explainer check STORY --article ARTICLE.txt
//! ```
//!
//! `snippet` checks a story file with the same strict reader as the browser, and prints the
//! `<round-explainer>` element with the story inline, escaped so that no story text can end the
//! script block and run in the host page (README, "Embed it"). Problems go to standard error as
//! `path: what is wrong`, one a line, and the exit code is 1; a wrong command line exits with 2.
//!
//! `check` checks a story file the same way and binds it to its article: every quote is the
//! article's, every figure and name is in the sentence it cites (the [`check`] module says
//! exactly how, and what it prints to standard output).
#![forbid(unsafe_code)]

mod check;

use std::process::ExitCode;

use round_explainer::model::Story;
use round_explainer::view::html::inline_snippet;

const USAGE: &str = "usage: round-explainer snippet STORY [--scenario FRAGMENT]
       round-explainer check STORY --article ARTICLE.txt";

fn main() -> ExitCode {
    // `args()` would panic on an argument that is not UTF-8; such a command line is wrong.
    let Ok(args) = std::env::args_os()
        .skip(1)
        .map(|arg| arg.into_string())
        .collect::<Result<Vec<String>, _>>()
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["snippet", story] => snippet(story, None),
        ["snippet", story, "--scenario", fragment] => snippet(story, Some(fragment)),
        ["check", story, "--article", article] | ["check", "--article", article, story] => {
            check_story(story, article)
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn snippet(path: &str, scenario: Option<&str>) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot be read: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = Story::from_json(&text) {
        for problem in error.errors() {
            eprintln!("{path}: {problem}");
        }
        return ExitCode::FAILURE;
    }
    print!("{}", inline_snippet(&text, scenario));
    ExitCode::SUCCESS
}

/// Runs the check of a story against its article and prints what it finds (see [`check`]).
fn check_story(story_path: &str, article_path: &str) -> ExitCode {
    // Both files are read first, so that an author sees every unreadable one at once.
    let story_text = std::fs::read_to_string(story_path)
        .map_err(|error| format!("{story_path}: cannot be read: {error}"));
    let article_text = check::read_article(article_path);
    let (story_text, article_text) = match (story_text, article_text) {
        (Ok(story), Ok(article)) => (story, article),
        (story, article) => {
            for message in [story.err(), article.err()].into_iter().flatten() {
                println!("{message}");
            }
            return ExitCode::FAILURE;
        }
    };
    let story = match Story::from_json(&story_text) {
        Ok(story) => story,
        Err(error) => {
            // Paths are the story's, as in every other message of the check.
            for problem in error.errors() {
                println!("{problem}");
            }
            println!("{story_path}: not checked against the article until the story is valid");
            return ExitCode::FAILURE;
        }
    };
    let report = check::check(&story, &article_text);
    for line in report
        .problems
        .iter()
        .map(ToString::to_string)
        .chain(report.notes.iter().map(|note| format!("note: {note}")))
        .chain(
            report
                .unused
                .iter()
                .map(|unused| format!("unused: \"{unused}\"")),
        )
    {
        println!("{line}");
    }
    println!("{}", report.summary());
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
