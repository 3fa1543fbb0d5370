//! The timeline from the article, and the data table with every figure of the scenario (also
//! what a screen reader reads instead of the charts).

use web_sys::Element;

use super::dom::{append, set, Dom};
use super::figures::figure_button;
use super::provenance::Ref;
use crate::model::export::{Basis, DataRow};
use crate::model::Story;

/// The story's timeline as a list; each event can show its sentence.
pub fn timeline(dom: &Dom, story: &Story) -> Element {
    let list = dom.el("ol", "rx-timeline");
    for event in &story.timeline {
        let item = dom.el("li", "");
        let what = dom.text("span", "rx-event", &format!("{} ", event.event));
        append(
            &what,
            &[&figure_button(
                dom,
                "source",
                &Ref::Source(event.source.clone()),
            )],
        );
        append(&item, &[&dom.text("span", "rx-when", &event.when), &what]);
        append(&list, &[&item]);
    }
    list
}

/// The table's body rows for the current figures.
pub fn table_rows(dom: &Dom, rows: &[DataRow]) -> Vec<Element> {
    rows.iter()
        .map(|row| {
            let tr = dom.el("tr", "");
            let name = dom.text("th", "", &row.figure);
            set(&name, "scope", "row");
            let value = dom.el("td", "rx-num");
            let reference = match (row.basis, &row.source) {
                (Basis::Reported, Some(source)) => Some(Ref::Source(source.clone())),
                (Basis::Assumption, _) => Some(Ref::PreMoney),
                _ => None,
            };
            match reference {
                Some(reference) => append(&value, &[&figure_button(dom, &row.display, &reference)]),
                None => value.set_text_content(Some(&row.display)),
            }
            append(
                &tr,
                &[&name, &value, &dom.text("td", "", row.basis.label())],
            );
            tr
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
