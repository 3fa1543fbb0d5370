//! The native `round-explainer` command, for newsrooms and their build scripts.
//!
//! ```text
//! round-explainer snippet STORY [--scenario FRAGMENT]
//! ```
//!
//! `snippet` checks a story file with the same strict reader as the browser, and prints the
//! `<round-explainer>` element with the story inline, escaped so that no story text can end the
//! script block and run in the host page (README, "Embed it"). Problems go to standard error as
//! `path: what is wrong`, one a line, and the exit code is 1; a wrong command line exits with 2.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use round_explainer::model::Story;
use round_explainer::view::html::inline_snippet;

const USAGE: &str = "usage: round-explainer snippet STORY [--scenario FRAGMENT]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["snippet", story] => snippet(story, None),
        ["snippet", story, "--scenario", fragment] => snippet(story, Some(fragment)),
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
