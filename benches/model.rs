//! `cargo bench --bench model`: native timings of the model, as medians of many runs.
//! Prints one line per figure with its budget; `make bench` collects them into BENCHMARKS.md.
//! Native only: on wasm32 (clippy --all-targets --target wasm32) it compiles to nothing.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use round_explainer::model::validate::MAX_INVESTORS;
    use round_explainer::model::{compute, Scenario, Story};
    use serde_json::{json, Value};

    const ARTICLE_STORY: &str = include_str!("../www/stories/openai-2026.json");

    /// The median and the 99th percentile of `runs` timings of `work`.
    fn measure<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, Duration) {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(work());
                start.elapsed()
            })
            .collect();
        times.sort();
        (times[runs / 2], times[runs * 99 / 100])
    }

    fn parse(text: &str) -> Story {
        Story::from_json(text).expect("a valid story")
    }

    /// A round of `investors` investors, each with an amount and a range, in `tranches` tranches.
    fn generated_story(investors: usize, tranches: usize) -> String {
        let mut story: Value = serde_json::from_str(ARTICLE_STORY).unwrap();
        let per = investors / tranches;
        story["round"]["tranches"] = (0..tranches)
        .map(|t| {
            let list: Vec<Value> = (0..per)
                .map(|i| {
                    let n = t * per + i;
                    let value = format!("{}M", 10 + n % 90);
                    json!({ "id": format!("i{n}"), "name": format!("Investor {n}"), "source": "round-tranches",
                            "amount": { "value": value, "source": "round-tranches", "range": { "low": "1M", "high": value, "assumption": "generated" } } })
                })
                .collect();
            json!({ "id": format!("t{t}"), "label": format!("Tranche {t}"), "source": "round-tranches", "investors": list })
        })
        .collect();
        story["focus_investor"] = json!("i0");
        story.to_string()
    }

    fn report(name: &str, (median, p99): (Duration, Duration), budget: Option<Duration>) {
        let verdict = match budget {
            Some(budget) if median <= budget => format!("budget {budget:?}: met"),
            Some(budget) => format!("budget {budget:?}: MISSED"),
            None => "no budget".to_owned(),
        };
        println!("model | {name} | median {median:?} | p99 {p99:?} | {verdict}");
    }

    pub fn main() {
        let article = parse(ARTICLE_STORY);
        let scenario = Scenario::article(&article);
        report(
            "article story: parse (JSON text to validated story)",
            measure(2000, || parse(ARTICLE_STORY)),
            None,
        );
        report(
            "article story: compute",
            measure(20000, || compute(&article, &scenario).unwrap()),
            None,
        );

        // The most investors a story may have (validate::MAX_INVESTORS counts investors and
        // separate deals together: the article's story keeps its one deal).
        let investors = MAX_INVESTORS - article.separate_deals.len();
        let text = generated_story(investors, 9);
        let large = parse(&text);
        let large_scenario = Scenario::article(&large);
        report(
            "99 investors and a separate deal (the most a story may have) in 9 tranches: parse",
            measure(2000, || parse(&text)),
            None,
        );
        let budget = Some(Duration::from_millis(1));
        report(
            "99 investors and a separate deal in 9 tranches: compute",
            measure(5000, || compute(&large, &large_scenario).unwrap()),
            budget,
        );
    }
}
