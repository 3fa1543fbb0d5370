//! The timeline from the article, and the data table with every figure of the scenario (also
//! what a screen reader reads instead of the charts).

use web_sys::Element;

use super::dom::{append, set, Dom};
use super::figures::{figure_button, isolate, spoken, Said};
use super::provenance::Ref;
use super::vnode::VNode;
use crate::model::export::{Basis, DataRow};
use crate::model::Story;

/// The story's timeline as a list; each event can show its sentence.
pub fn timeline(story: &Story) -> VNode {
    VNode::el("ol", "rx-timeline").with(story.timeline.iter().map(|event| {
        VNode::el("li", "").with([
            VNode::text("bdi", "rx-when", &event.when),
            VNode::el("span", "rx-event").with([
                VNode::text("span", "", &format!("{} ", isolate(&event.event))),
                figure_button(Said::plain("source"), &Ref::Source(event.source.clone())),
            ]),
        ])
    }))
}

/// The table's body rows for the current figures.
pub fn table_rows(rows: &[DataRow]) -> Vec<VNode> {
    rows.iter()
        .map(|row| {
            let reference = match (row.basis, &row.source) {
                (Basis::Reported, Some(source)) => Some(Ref::Source(source.clone())),
                (Basis::Assumption, _) => Some(Ref::PreMoney),
                _ => None,
            };
            let said = Said {
                short: row.display.clone(),
                long: row.spoken.clone(),
            };
            let value = match reference {
                Some(reference) => {
                    VNode::el("td", "rx-num").with([figure_button(said, &reference)])
                }
                None => spoken("td", "rx-num", said),
            };
            VNode::el("tr", "").with([
                VNode::text("th", "", &row.figure).attr("scope", "row"),
                value,
                VNode::text("td", "", row.basis.label()),
            ])
        })
        .collect()
}

/// An empty data table: caption, header, and the body to fill with [`table_rows`].
pub fn table(dom: &Dom) -> (Element, Element) {
    let table = dom.el("table", "rx-table");
    let head = dom.el("thead", "");
    let header = dom.el("tr", "");
    for title in ["Figure", "Value", "Basis"] {
        let th = dom.text("th", "", title);
        set(&th, "scope", "col");
        append(&header, &[&th]);
    }
    append(&head, &[&header]);
    let body = dom.el("tbody", "");
    append(
        &table,
        &[
            &dom.text("caption", "", "Every figure of this scenario"),
            &head,
            &body,
        ],
    );
    (table, body)
}
