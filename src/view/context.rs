//! Earlier valuations and the article's other figures: each mark with the step from it to this
//! round's price, and each fact. The step-up is derived from the price on screen, so it follows
//! the reader's choice.

use rust_decimal::Decimal;

use super::figures::{figure_button, isolate, spoken, Said};
use super::provenance::Ref;
use super::vnode::VNode;
use super::Look;
use crate::locale::fill;
use crate::model::checked::Checked;
use crate::model::scenario::price_kind;
use crate::model::story::MarkKind;
use crate::model::Story;

/// Whether the story has anything for this part.
pub fn has_context(story: &Story) -> bool {
    !story.marks.is_empty() || !story.facts.is_empty()
}

/// The list of marks and facts for the scenario on screen.
pub fn context(look: &Look) -> Vec<VNode> {
    let (story, scenario, outcome, locale) = (look.story, look.scenario, look.outcome, look.locale);
    let m = locale.messages();
    let money = |amount, style| locale.money(amount, &story.currency, style);
    let price = price_kind(story, scenario).word(locale);
    let marks = story.marks.iter().map(|mark| {
        let kind = match mark.kind {
            MarkKind::Primary => m.mark_primary,
            MarkKind::Secondary => m.mark_secondary,
        };
        let figure = Said::money(|style| {
            mark.valuation
                .qualifier
                .said(locale, &money(mark.valuation.value.0, style))
        });
        let mut item = VNode::el("li", "").with([
            VNode::text(
                "strong",
                "",
                &format!("{}, {}", isolate(&mark.label), isolate(&mark.when)),
            ),
            VNode::text("span", "", &format!(" ({kind}){}", m.colon)),
            figure_button(figure, &Ref::Source(mark.valuation.source.clone())),
        ]);
        // The step from that mark to this round's price: pre-money over the mark.
        let step = outcome
            .pre_money
            .div_checked(mark.valuation.value.0)
            .map(|ratio| ratio.round_dp(2).normalize());
        if let Some(step) = step.filter(|step| *step > Decimal::ZERO) {
            item.push(spoken(
                "span",
                "rx-step",
                Said::money(|style| {
                    fill(
                        m.mark_step,
                        &[
                            ("amount", &money(outcome.pre_money, style)),
                            ("kind", price),
                            ("step", &locale.number(step)),
                        ],
                    )
                }),
            ));
        }
        item
    });
    let facts = story.facts.iter().map(|fact| {
        let count = format!("{} {}", locale.number(fact.count.0), fact.unit);
        let count = fact.qualifier.said(locale, &count);
        VNode::el("li", "").with([
            VNode::text("strong", "", &isolate(&fact.label)),
            VNode::text("span", "", m.colon),
            figure_button(Said::plain(&count), &Ref::Source(fact.source.clone())),
        ])
    });
    vec![VNode::el("ul", "rx-context").with(marks.chain(facts))]
}
