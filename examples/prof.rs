use round_explainer::model::node::Node;
use round_explainer::model::share::display_percentages;
use round_explainer::model::{compute, Scenario, Story};
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("/tmp/big.json").unwrap();
    let node: Node = serde_json::from_str(&text).unwrap();
    let story = Story::from_node(&node).unwrap();
    let sc = Scenario::article(&story);
    let t = Instant::now();
    for _ in 0..200 {
        sc.check(&story).unwrap();
    }
    println!("check {:?}", t.elapsed() / 200);
    let out = compute(&story, &sc).unwrap();
    let parts: Vec<_> = out.holdings.iter().map(|h| h.amount).collect();
    let t = Instant::now();
    for _ in 0..200 {
        display_percentages(&parts, out.post_money, 2).unwrap();
    }
    println!("display {:?}", t.elapsed() / 200);
    let t = Instant::now();
    for _ in 0..200 {
        compute(&story, &sc).unwrap();
    }
    println!("compute {:?}", t.elapsed() / 200);
    let t = Instant::now();
    for _ in 0..200 {
        std::hint::black_box(Scenario::article(&story));
    }
    println!("article {:?}", t.elapsed() / 200);
}
