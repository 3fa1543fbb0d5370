//! The native `round-explainer` command, for newsrooms and their build scripts.
//!
//! ```text
//! round-explainer snippet STORY [--scenario FRAGMENT] [--locale TAG] [--prerendered [--theme light|dark]]
//! round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format html|text [--static] [--fragment] -o FILE
//! round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format svg|png [--print] -o FILE
//! round-explainer check STORY --article ARTICLE.txt
//! ```
//!
//! `snippet` checks a story file with the same strict reader as the browser, and prints the
//! `<round-explainer>` element with the story inline, escaped so that no story text can end the
//! script block and run in the host page (README, "Embed it"); with `--prerendered` the element
//! also holds the explainer in a declarative shadow root, shown before any script runs.
//! Problems go to standard error as `path: what is wrong`, one a line, and the exit code is 1;
//! a wrong command line exits with 2.
//!
//! `render` writes the explainer as it looks on load, with its stylesheet (`--format html`;
//! `--static` leaves out what needs script, for feeds and email; `--fragment` writes only the
//! explainer's element and its story, for a page that links its stylesheets already). `--format text` writes
//! the scenario in one plain sentence: the alt text of its images, the page's description.
//! `--format svg` or `png` writes an image: a share card of 1200 × 630 pixels for `og:image`
//! and social posts, or with `--print` a print version 1200 pixels wide and as tall as its
//! content, with the tranches and the article's sentences quoted. Every figure on it says its
//! kind. After writing an image it prints the image's alt text to standard output, one line
//! (the scenario in one sentence, as the explainer's live region says it), for the page's
//! `alt` or `og:image:alt`.
//!
//! `--locale TAG` (BCP 47: `de`, `fr-CA`) speaks that locale in place of the story's own
//! `locale` (English without either): the interface's words and the CLDR number formats.
//! `snippet` gives the element the same `locale` attribute, so that the page keeps it.
//!
//! `check` checks a story file the same way and binds it to its article: every quote is the
//! article's, every figure and name is in the sentence it cites (the [`check`] module says
//! exactly how, and what it prints to standard output).
#![forbid(unsafe_code)]

mod check;

use std::process::ExitCode;

use round_explainer::locale::Locale;
use round_explainer::model::{Scenario, Story};
use round_explainer::view::html::inline_snippet;
use round_explainer::view::prerender;

const USAGE: &str = "usage: round-explainer snippet STORY [--scenario FRAGMENT] [--locale TAG] [--prerendered [--theme light|dark]]
       round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format html|text [--static] [--fragment] -o FILE
       round-explainer render STORY [--scenario FRAGMENT] [--locale TAG] --format svg|png [--print] -o FILE
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
    let Some(command) = Command::read(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match command.name {
        "snippet" => snippet(&command),
        "render" => render(&command),
        "check" => match command.value("--article") {
            Some(article) => check_story(command.story, article),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => unreachable!("Command::read knows only these"),
    }
}

/// A command line: the command, its story file, and its options (`--flag` or `--name value`).
struct Command<'a> {
    name: &'a str,
    story: &'a str,
    flags: Vec<&'a str>,
    values: Vec<(&'a str, &'a str)>,
}

impl<'a> Command<'a> {
    /// The options each command takes: flags, then options with a value.
    fn options(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
        Some(match name {
            "snippet" => (&["--prerendered"], &["--scenario", "--theme", "--locale"]),
            "render" => (
                &["--static", "--fragment", "--print"],
                &["--scenario", "--format", "-o", "--locale"],
            ),
            "check" => (&[], &["--article"]),
            _ => return None,
        })
    }

    fn read(args: &'a [String]) -> Option<Command<'a>> {
        let (name, rest) = args.split_first()?;
        let (flag_names, value_names) = Command::options(name)?;
        let mut command = Command {
            name: Command::options(name).map(|_| name.as_str())?,
            story: "",
            flags: Vec::new(),
            values: Vec::new(),
        };
        let mut rest = rest.iter().map(String::as_str);
        while let Some(arg) = rest.next() {
            if let Some(flag) = flag_names.iter().find(|f| **f == arg) {
                command.flags.push(flag);
            } else if let Some(option) = value_names.iter().find(|v| **v == arg) {
                command.values.push((option, rest.next()?));
            } else if arg.starts_with('-') || !command.story.is_empty() {
                return None;
            } else {
                command.story = arg;
            }
        }
        (!command.story.is_empty()).then_some(command)
    }

    fn value(&self, name: &str) -> Option<&'a str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    fn has(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }
}

/// Reads and checks the command's story file, printing its problems (`path: what is wrong`)
/// if any, and speaks the locale `--locale` asks for in place of the story's.
fn read_story_for(command: &Command) -> Result<(Story, String), ExitCode> {
    let (mut story, text) = read_story(command.story)?;
    if let Some(tag) = command.value("--locale") {
        match Locale::parse(tag.trim()) {
            Ok(locale) => story.locale = Some(locale.tag().to_owned()),
            Err(error) => {
                eprintln!("--locale {tag}: {error}");
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok((story, text))
}

/// Reads and checks a story file, printing its problems (`path: what is wrong`) if any.
fn read_story(path: &str) -> Result<(Story, String), ExitCode> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        eprintln!("{path}: cannot be read: {error}");
        ExitCode::FAILURE
    })?;
    match Story::from_json(&text) {
        Ok(story) => Ok((story, text)),
        Err(error) => {
            for problem in error.errors() {
                eprintln!("{path}: {problem}");
            }
            Err(ExitCode::FAILURE)
        }
    }
}

fn snippet(command: &Command) -> ExitCode {
    let (story, text) = match read_story_for(command) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let scenario = command.value("--scenario");
    if !command.has("--prerendered") {
        let attributes: Vec<(&str, &str)> = [
            scenario.map(|s| ("scenario", s)),
            command
                .value("--locale")
                .and(story.locale.as_deref())
                .map(|l| ("locale", l)),
        ]
        .into_iter()
        .flatten()
        .collect();
        print!("{}", inline_snippet(&text, &attributes, None));
        return ExitCode::SUCCESS;
    }
    let theme = match command
        .value("--theme")
        .map(|name| (name, prerender::Theme::parse(name)))
    {
        None => None,
        Some((_, Some(theme))) => Some(theme),
        Some((name, None)) => {
            eprintln!("--theme {name}: the theme is light or dark");
            return ExitCode::from(2);
        }
    };
    match prerender::shadow_snippet(&story, &text, scenario, theme) {
        Ok(snippet) => {
            print!("{snippet}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: {error}", command.story);
            ExitCode::FAILURE
        }
    }
}

/// `render`: the explainer as HTML (as it looks on load, or `--static` for surfaces without
/// script), its sentence as text, or as an image (the card, or `--print`), whose alt text it
/// then prints.
fn render(command: &Command) -> ExitCode {
    let (Some(format), Some(out)) = (command.value("--format"), command.value("-o")) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    // Each flag belongs to its formats: `--static` and `--fragment` to HTML, `--print` to the
    // images.
    let flags_fit = match format {
        "html" | "text" => !command.has("--print"),
        "svg" | "png" => !command.has("--static") && !command.has("--fragment"),
        _ => false,
    };
    if !flags_fit {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (story, text) = match read_story_for(command) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let scenario = prerender::scenario_of(&story, command.value("--scenario"));
    let mut alt = None;
    let written: Result<Vec<u8>, String> = match format {
        "html" if command.has("--fragment") => {
            prerender::fragment_html(&story, &text, &scenario, !command.has("--static"))
                .map(String::into_bytes)
        }
        "text" => {
            prerender::sentence(&story, &scenario).map(|text| format!("{text}\n").into_bytes())
        }
        "html" => prerender::standalone_html(&story, &scenario, !command.has("--static"))
            .map(String::into_bytes),
        image_format => image(
            &story,
            &scenario,
            image_format == "png",
            command.has("--print"),
        )
        .map(|(bytes, text)| {
            alt = Some(text);
            bytes
        }),
    };
    let bytes = match written {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", command.story);
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::write(out, bytes) {
        eprintln!("{out}: cannot be written: {error}");
        return ExitCode::FAILURE;
    }
    if let Some(alt) = alt {
        println!("{alt}");
    }
    ExitCode::SUCCESS
}

/// An image of the scenario, as PNG or SVG bytes, and its alt text.
#[cfg(not(target_arch = "wasm32"))]
fn image(
    story: &Story,
    scenario: &Scenario,
    png: bool,
    print: bool,
) -> Result<(Vec<u8>, String), String> {
    use round_explainer::image::{Image, Layout};
    let layout = if print { Layout::Print } else { Layout::Card };
    let image = Image::draw(story, scenario, layout).map_err(|error| error.to_string())?;
    let bytes = if png {
        image.to_png().map_err(|error| error.to_string())?
    } else {
        image.to_svg().into_bytes()
    };
    Ok((bytes, image.alt))
}

/// Images are drawn natively only (`src/image/`); a command built for wasm says so.
#[cfg(target_arch = "wasm32")]
fn image(_: &Story, _: &Scenario, _: bool, _: bool) -> Result<(Vec<u8>, String), String> {
    Err("images are drawn by the native command only".to_owned())
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
