//! The timeline from the article, and the data table with every figure of the scenario (also
//! what a screen reader reads instead of the charts).

use super::figures::{figure_button, isolate, source_button, spoken, Said};
use super::provenance::Ref;
use super::vnode::VNode;
use crate::locale::{fill, Locale};
use crate::model::export::{Basis, DataRow};
use crate::model::Story;

/// The story's timeline as a list; each event can show its sentence.
pub fn timeline(story: &Story, locale: &Locale) -> VNode {
    VNode::el("ol", "rx-timeline").with(story.timeline.iter().map(|event| {
        VNode::el("li", "").with([
            VNode::text("bdi", "rx-when", &event.when),
            VNode::el("span", "rx-event").with([
                VNode::text("span", "", &format!("{} ", isolate(&event.event))),
                source_button(&event.source, locale),
            ]),
        ])
    }))
}

/// The table's body rows for the current figures.
fn table_rows(rows: &[DataRow], locale: &Locale) -> Vec<VNode> {
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
                VNode::text("td", "", row.basis.said(locale)),
            ])
        })
        .collect()
}

/// The data table: caption, header, and a row for every figure of the scenario.
pub fn table(rows: &[DataRow], story: &Story, locale: &Locale) -> VNode {
    let m = locale.messages();
    let header = VNode::el("tr", "").with(
        [m.column_figure, m.column_value, m.column_basis]
            .map(|title| VNode::text("th", "", title).attr("scope", "col")),
    );
    let caption = fill(m.table_caption, &[("currency", &story.currency)]);
    VNode::el("table", "rx-table").with([
        VNode::text("caption", "", &caption),
        VNode::el("thead", "").with([header]),
        VNode::el("tbody", "").with(table_rows(rows, locale)),
    ])
}
