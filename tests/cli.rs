//! The native `round-explainer` command.
#![cfg(not(target_arch = "wasm32"))] // native: runs the binary

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_round-explainer"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the command runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn snippet_prints_the_element_with_the_story_inline() {
    let (code, out, err) = run(&[
        "snippet",
        "www/stories/openai-2026.json",
        "--scenario",
        "v1&amazon=40B",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<round-explainer scenario=\"v1&amp;amazon=40B\">\n<script type=\"application/json\">\n{"), "{out}");
    assert!(out.ends_with("</script>\n</round-explainer>\n"), "{out}");
    assert_eq!(
        out.matches('<').count(),
        4,
        "no markup but the element's and the block's own tags"
    );
}

#[test]
fn snippet_refuses_a_bad_story_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("rx-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let story = include_str!("../www/stories/openai-2026.json").replacen(
        "\"value\": \"100B\"",
        "\"value\": \"100B\", \"value\": \"60B\"",
        1,
    );
    std::fs::write(&bad, story).unwrap();
    let (code, out, err) = run(&["snippet", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "nothing to paste: {out}");
    assert!(
        err.contains("round.total.value: this field appears twice"),
        "{err}"
    );
    let (code, _, err) = run(&["snippet"]);
    assert_eq!(
        (code, err.trim()),
        (
            2,
            "usage: round-explainer snippet STORY [--scenario FRAGMENT]"
        )
    );
}
