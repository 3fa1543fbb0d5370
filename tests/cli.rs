//! The native `round-explainer` command.
#![cfg(not(target_arch = "wasm32"))] // native: runs the binary

use std::path::PathBuf;
use std::process::Command;

const STORY: &str = "www/stories/openai-2026.json";
const ARTICLE: &str = "tests/fixtures/openai-2026-article.txt";
const USAGE: &str = "usage: round-explainer snippet STORY [--scenario FRAGMENT] [--locale TAG] [--prerendered [--theme light|dark]]
       round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format html|text [--static] [--fragment] -o FILE
       round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format svg|png [--print] -o FILE
       round-explainer check STORY --article ARTICLE.txt";

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

/// A directory of this test process's own, for modified stories.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rx-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary directory can be made");
    dir
}

/// The shipped story with `from` replaced by `to` once, written to `dir`; its path.
fn edited_story(dir: &std::path::Path, name: &str, from: &str, to: &str) -> String {
    let shipped = include_str!("../www/stories/openai-2026.json");
    let story = shipped.replacen(from, to, 1);
    assert_ne!(
        story, shipped,
        "{name}: the edit {from:?} applies to the story"
    );
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, story).expect("the edited story can be written");
    path.to_string_lossy().into_owned()
}

#[test]
fn snippet_prints_the_element_with_the_story_inline() {
    let (code, out, err) = run(&["snippet", STORY, "--scenario", "v1&amazon=40B"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<round-explainer scenario=\"v1&amp;amazon=40B\">\n<script type=\"application/json\" class=\"rx-story\">\n{"), "{out}");
    assert!(out.ends_with("</script>\n</round-explainer>\n"), "{out}");
    assert_eq!(
        out.matches('<').count(),
        4,
        "no markup but the element's and the block's own tags"
    );
}

#[test]
fn snippet_refuses_a_bad_story_naming_the_field() {
    let dir = temp_dir("snippet");
    let bad = edited_story(
        &dir,
        "bad",
        "\"value\": \"100B\"",
        "\"value\": \"100B\", \"value\": \"60B\"",
    );
    let (code, out, err) = run(&["snippet", &bad]);
    assert_eq!(code, 1, "a bad story fails: {err}");
    assert!(out.is_empty(), "nothing to paste: {out}");
    assert!(
        err.contains("round.total.value: this field appears twice"),
        "{err}"
    );
    let (code, _, err) = run(&["snippet"]);
    assert_eq!((code, err.trim()), (2, USAGE), "a wrong command line");
    let _ = std::fs::remove_dir_all(dir);
}

/// A run of `check`: the story (shipped, or shipped with one edit), the command line, and what
/// it must print.
struct CheckCase {
    name: &'static str,
    /// `Some((from, to))`: the shipped story with `from` replaced by `to`, as `STORY` below.
    edit: Option<(&'static str, &'static str)>,
    /// The arguments after `check`; `STORY` stands for the (edited) story's path.
    args: &'static [&'static str],
    code: i32,
    /// Lines standard output must hold, each whole.
    lines: &'static [&'static str],
    /// Text standard error must hold (empty: nothing).
    err: &'static str,
}

const CHECK_CASES: &[CheckCase] = &[
    CheckCase {
        name: "the shipped story is bound to its article",
        edit: None,
        args: &["STORY", "--article", ARTICLE],
        code: 0,
        lines: &[
            "unused: \"A $50 billion investment from Amazon would not only deepen OpenAI’s war chest but also signal a new phase of competition among tech giants to control the future of artificial intelligence.\"",
            "checked 15 quotes, 9 figures, 4 names and 9 dates: 0 problems, 1 unused sentence",
        ],
        err: "",
    },
    CheckCase {
        name: "the article may come first",
        edit: None,
        args: &["--article", ARTICLE, "STORY"],
        code: 0,
        lines: &["checked 15 quotes, 9 figures, 4 names and 9 dates: 0 problems, 1 unused sentence"],
        err: "",
    },
    CheckCase {
        name: "the article with its image caption and blank lines",
        edit: None,
        args: &["STORY", "--article", "tests/fixtures/openai-2026-article-with-caption.txt"],
        code: 0,
        lines: &["checked 15 quotes, 9 figures, 4 names and 9 dates: 0 problems, 1 unused sentence"],
        err: "",
    },
    CheckCase {
        name: "a paraphrased quote",
        edit: Some(("Its valuation surged to", "Its valuation rose to")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &[
            "sources[7].quote: not found in the article",
            "  closest: \"Its valuation surged to approximately $500 billion in October following a secondary share sale, placing it among the most valuable private firms globally.\"",
            // The sentence it should quote is now unused as well.
            "checked 15 quotes, 9 figures, 4 names and 9 dates: 1 problem, 2 unused sentences",
        ],
        err: "",
    },
    CheckCase {
        name: "a round total its sentence does not give",
        edit: Some(("\"value\": \"100B\"", "\"value\": \"90B\"")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &[
            "round.total: \"close to $90 billion\" is not in the sentence it cites (sources[2], \"round-total\")",
            concat!("  sentence: \"", "Amazon’s potential commitment is expected to form the cornerstone of a much broader OpenAI fundraising round that could total close to $100 billion.", "\""),
        ],
        err: "",
    },
    CheckCase {
        name: "a qualifier the sentence does not use",
        edit: Some(("\"qualifier\": \"as_much_as\"", "\"qualifier\": \"up_to\"")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &["round.tranches[0].investors[0].amount: \"up to $50 billion\" is not in the sentence it cites (sources[0], \"amazon-talks\")"],
        err: "",
    },
    CheckCase {
        name: "a count without its qualifier",
        edit: Some(("\"qualifier\": \"about\", \"source\": \"job-cuts\"", "\"source\": \"job-cuts\"")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &["facts[0].count: \"16,000\" is not in the sentence it cites (sources[12], \"job-cuts\")"],
        err: "",
    },
    CheckCase {
        name: "a name its sentence does not give",
        edit: Some(("\"name\": \"Nvidia\"", "\"name\": \"NVIDIA\"")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &["round.tranches[0].investors[2].name: \"NVIDIA\" is not in the sentence it cites (sources[4], \"round-tranches\")"],
        err: "",
    },
    CheckCase {
        name: "a missing article file",
        edit: None,
        args: &["STORY", "--article", "tests/fixtures/no-such-article.txt"],
        code: 1,
        lines: &["tests/fixtures/no-such-article.txt: cannot be read: No such file or directory (os error 2)"],
        err: "",
    },
    CheckCase {
        name: "a bad story (a key given twice)",
        edit: Some(("\"value\": \"100B\"", "\"value\": \"100B\", \"value\": \"60B\"")),
        args: &["STORY", "--article", ARTICLE],
        code: 1,
        lines: &["round.total.value: this field appears twice"],
        err: "",
    },
    CheckCase {
        name: "no article",
        edit: None,
        args: &["STORY"],
        code: 2,
        lines: &[],
        err: USAGE,
    },
];

#[test]
fn check_binds_the_story_to_its_article() {
    let dir = temp_dir("check");
    for (index, case) in CHECK_CASES.iter().enumerate() {
        let story = match case.edit {
            Some((from, to)) => edited_story(&dir, &format!("case-{index}"), from, to),
            None => STORY.to_owned(),
        };
        let mut args = vec!["check"];
        args.extend(
            case.args
                .iter()
                .map(|arg| if *arg == "STORY" { story.as_str() } else { arg }),
        );
        let (code, out, err) = run(&args);
        assert_eq!(code, case.code, "{}: exit code\n{out}{err}", case.name);
        for line in case.lines {
            assert!(
                out.lines().any(|printed| printed == *line),
                "{}: standard output lacks the line\n{line}\nin\n{out}",
                case.name
            );
        }
        assert_eq!(err.trim(), case.err, "{}: standard error", case.name);
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The fictional stories under tests/stories/ pass the check against their own articles, the
/// reported post-money valuation included, and fail it when that figure is not the article's.
#[test]
fn the_fictional_stories_pass_the_check_against_their_articles() {
    let (code, out, err) = run(&[
        "check",
        "tests/stories/brightwater-eur.json",
        "--article",
        "tests/stories/brightwater-eur.txt",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("6 figures") && out.contains("0 problems"),
        "{out}"
    );

    let dir = std::env::temp_dir().join(format!("rx-cli-eur-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wrong = dir.join("wrong-post.json");
    let story =
        include_str!("stories/brightwater-eur.json").replacen("\"€11.7bn\"", "\"€12bn\"", 1);
    std::fs::write(&wrong, story).unwrap();
    let (code, out, _) = run(&[
        "check",
        wrong.to_str().unwrap(),
        "--article",
        "tests/stories/brightwater-eur.txt",
    ]);
    assert_eq!(
        code, 1,
        "a post-money the article does not give fails: {out}"
    );
    assert!(out.contains("post_money:"), "and names the field: {out}");
}

/// `render` writes the explainer natively: as it looks on load (for pages whose script takes it
/// over), or static for feeds and email, where nothing may pretend to be a control.
#[test]
fn render_writes_the_explainer_as_html_static_for_feeds_and_as_a_sentence() {
    let dir = temp_dir("render");
    let out = dir.join("out.html");
    let out = out.to_str().unwrap();
    let (code, _, err) = run(&["render", STORY, "--format", "html", "-o", out]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.starts_with("<style>"), "with its stylesheet");
    for expected in ["$600B", "8.33%", "data-control=\"amazon\"", "<noscript>"] {
        assert!(page.contains(expected), "on load: {expected}");
    }

    let (code, _, err) = run(&["render", STORY, "--format", "html", "--static", "-o", out]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(out).unwrap();
    let feed = written
        .split_once("</style>")
        .expect("a stylesheet, then the explainer")
        .1;
    for absent in ["<button", "<input", "<script", "<noscript", "aria-live"] {
        assert!(
            !feed.contains(absent),
            "nothing that needs script in a feed: {absent}"
        );
    }
    for expected in [
        "$600B",
        "8.33%",
        "as much as $50 billion in OpenAI",
        "interactive version",
    ] {
        assert!(feed.contains(expected), "static: {expected}");
    }

    let (code, _, err) = run(&[
        "render",
        STORY,
        "--scenario",
        "v1&amazon=40B",
        "--format",
        "text",
        "-o",
        out,
    ]);
    assert_eq!(code, 0, "{err}");
    let sentence = std::fs::read_to_string(out).unwrap();
    assert!(
        sentence.contains("invests $40 billion") && sentence.contains("6.67%"),
        "the scenario's figures in words: {sentence}"
    );
}

#[test]
fn render_keeps_hostile_story_text_as_text() {
    let dir = temp_dir("render-hostile");
    let story = edited_story(
        &dir,
        "hostile",
        "\"name\": \"Amazon\"",
        "\"name\": \"</span><script>alert(1)</script><img src=x onerror=alert(2)> & co\"",
    );
    let out = dir.join("out.html");
    let out = out.to_str().unwrap();
    let (code, _, err) = run(&["render", &story, "--format", "html", "--static", "-o", out]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; co"));
}

#[test]
fn snippet_prerendered_holds_a_declarative_shadow_root_and_the_story() {
    let (code, out, err) = run(&["snippet", STORY, "--prerendered"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("<round-explainer>\n<template shadowrootmode=\"open\"><style>"),
        "{out}"
    );
    assert!(out.contains(
        "<div class=\"rx-host\"><div class=\"rx\" part=\"explainer\" data-story=\"openai-2026\""
    ));
    assert!(out.contains("$600B") && out.contains("8.33%"));
    assert!(out.contains("<script type=\"application/json\" class=\"rx-story\">"));
    assert!(out.ends_with("</script>\n</round-explainer>\n"), "{out}");

    let (code, dark, err) = run(&["snippet", STORY, "--prerendered", "--theme", "dark"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        dark.starts_with("<round-explainer theme=\"dark\">")
            && dark.contains("<div class=\"rx-host\" data-theme=\"dark\">"),
        "dark from the first paint, before the element's script"
    );
    let (code, _, err) = run(&["snippet", STORY, "--prerendered", "--theme", "sepia"]);
    assert_eq!(
        (code, err.trim()),
        (2, "--theme sepia: the theme is light or dark")
    );
}

/// `render --format png|svg [--print]` writes the image and prints its alt text, one line.
#[test]
fn render_writes_an_image_and_prints_its_alt_text() {
    let dir = temp_dir("render-image");
    let alt = "If \u{2068}Amazon\u{2069} invests $40 billion in a $100 billion round, at \u{2068}OpenAI\u{2069}'s last reported valuation of $500 billion (an assumption: the article gives no price for this round), \u{2068}OpenAI\u{2069} would be worth $600 billion after the deal and \u{2068}Amazon\u{2069} would own 6.67% of it. Existing holders would be diluted by 16.67%.\n";
    for (args, file, height) in [
        (&["--format", "png"][..], "card.png", Some(630)),
        (&["--format", "png", "--print"][..], "print.png", None),
        (&["--format", "svg"][..], "card.svg", None),
    ] {
        let out = dir.join(file).to_string_lossy().into_owned();
        let mut command = vec!["render", STORY, "--scenario", "v1&amazon=40B", "-o", &out];
        command.extend(args);
        let (code, stdout, err) = run(&command);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(stdout, alt, "{args:?}: the alt text, alone on its line");
        let bytes = std::fs::read(&out).expect("the image is written");
        if file.ends_with(".png") {
            let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
            assert_eq!(word(16), 1200, "{args:?}: width");
            match height {
                Some(height) => assert_eq!(word(20), height, "{args:?}: height"),
                None => assert!(word(20) > 630, "{args:?}: the print version is taller"),
            }
        } else {
            let svg = String::from_utf8(bytes).expect("the SVG is UTF-8");
            assert!(
                svg.contains(&format!("<title>{}</title>", alt.trim_end())),
                "{svg}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn render_says_which_file_cannot_be_written_and_refuses_flags_of_other_formats() {
    let (code, out, err) = run(&[
        "render",
        STORY,
        "--format",
        "png",
        "-o",
        "/nonexistent-directory/card.png",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.is_empty(),
        "no alt text for an image not written: {out}"
    );
    assert_eq!(
        err.trim(),
        "/nonexistent-directory/card.png: cannot be written: No such file or directory (os error 2)"
    );
    for args in [
        &["--format", "html", "--print"][..],
        &["--format", "png", "--static"][..],
        &["--format", "jpeg"][..],
    ] {
        let mut command = vec!["render", STORY, "-o", "/dev/null"];
        command.extend(args);
        let (code, _, err) = run(&command);
        assert_eq!(
            (code, err.trim()),
            (2, USAGE),
            "{args:?}: a wrong command line"
        );
    }
}

#[test]
fn render_and_snippet_speak_the_locale_asked_for() {
    let dir = temp_dir("render-locale");
    let out = dir.join("sentence.txt");
    let out = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "render", STORY, "--locale", "de", "--format", "text", "-o", out,
    ]);
    assert_eq!(code, 0, "{err}");
    let sentence = std::fs::read_to_string(out).unwrap();
    assert!(
        sentence.contains("50 Milliarden\u{a0}$") && sentence.contains("8,33\u{a0}%"),
        "German words and CLDR figures: {sentence}"
    );
    let html = dir.join("explainer.html");
    let html = html.to_str().unwrap();
    let (code, _, err) = run(&[
        "render", STORY, "--locale", "fr-CA", "--format", "html", "-o", html,
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.contains("lang=\"fr-CA\""), "the root's lang");
    let (code, snippet, err) = run(&["snippet", STORY, "--locale", "es"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        snippet.contains("locale=\"es\""),
        "the element keeps the locale: {snippet}"
    );
    let (code, _, err) = run(&[
        "render", STORY, "--locale", "pt-BR", "--format", "text", "-o", out,
    ]);
    assert_eq!(code, 2, "a locale it cannot speak is a wrong command line");
    assert!(
        err.contains("--locale pt-BR") && err.contains("en, de, fr and es"),
        "{err}"
    );
}
