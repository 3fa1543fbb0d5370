//! The interface's own words, one table per language: `en.rs`, `de.rs`, `fr.rs`, `es.rs`.
//!
//! A message is a template whose `{names}` [`fill`] replaces with figures and story text
//! (already formatted for the locale). Every table has every message (the struct makes a
//! missing one a compile error) and the same `{names}` in each (a test checks).
//!
//! To add a language: copy `en.rs` to `xx.rs` and translate each template, keeping its
//! `{names}`; add `pub mod xx;` below and the language to `Language` and `Language::ALL` in
//! `locale/mod.rs`. `cargo test` then checks the new table's names against English's.

pub mod de;
pub mod en;
pub mod es;
pub mod fr;

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// One language's words for everything the explainer says of its own.
        #[derive(Debug)]
        pub struct Messages {
            $(
                #[doc = concat!("The message `", stringify!($name), "`: `en.rs` gives its English.")]
                pub $name: &'static str,
            )*
        }

        impl Messages {
            /// Every message with its name, for the tests that compare tables.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

messages! {
    // The kinds of figure, as a note names them.
    kind_reported, kind_assumption, kind_choice, kind_derived, kind_partly_reported,
    // The price's kind inside a sentence ("(an assumption)") and as one word ("assumed").
    price_assumed_words, price_reported_words, price_derived_words, price_chosen_words,
    price_assumed_word, price_reported_word, price_derived_word, price_chosen_word,
    // A reported figure with the article's qualifier.
    qualifier_approximately, qualifier_about, qualifier_roughly, qualifier_close_to,
    qualifier_as_much_as, qualifier_up_to,
    // How far the deal has got.
    status_expected, status_in_talks, status_term_sheet, status_closed,
    // Where a figure comes from, in the table and the CSV.
    basis_reported, basis_choice, basis_assumption, basis_derived,
    // The provenance notes.
    note_from_article, note_chosen_price, note_article_assumption, note_article_figure,
    note_article_derived_price, note_reported_price, note_derived_price, note_slider_span,
    note_author_ends, note_both_ends, note_low_end_given, note_high_end_given, note_you_set,
    note_round_held, note_reported_total, note_your_total, note_undisclosed, note_round_follows,
    note_reported_post, note_derived_post, note_stake_existing, note_stake_undisclosed,
    note_stake_investor, note_stake_rounding, note_dilution,
    // The one-sentence summary: live region, alt text, page description.
    summary_price_assumed_basis, summary_price_assumed, summary_price_reported,
    summary_price_derived, summary_price_chosen, summary_dilution, summary_with_focus,
    summary_without_focus,
    // The headline tiles.
    tile_round, tile_post, tile_stake, tile_dilution, reported_figure, post_sum, stake_for,
    stake_falls, source_link,
    // The controls.
    preset_article, preset_low, preset_upper, slider_held, slider_off, slider_upper,
    controls_label, presets_label, deal_toggle, deal_label, investment_label, whole_round,
    range_hint, price_assumed_hint, price_derived_hint, get_data,
    // The charts.
    not_reported, not_reported_names, separate_deal, new_money_caption, amount_not_reported,
    no_investors, tranche_reported, tranche_chosen, tranches_in_order, existing_holders,
    before, after, list_and, comparison_words, ratio_percent_of, ratio_same, ratio_times,
    // The sections and the title.
    title_round, title_ownership, title_comparisons, title_context, title_timeline, title_table,
    sources_one, sources_many, status_line, price_is_assumed, price_is_reported,
    price_is_derived, tap_hint, noscript_line, static_note, error_heading,
    // Earlier valuations and facts.
    mark_primary, mark_secondary, mark_step,
    // The data table and the CSV.
    column_figure, column_value, column_basis, table_caption, row_undisclosed, row_investment,
    row_new_money, row_post_money, row_stake, row_undisclosed_investors, row_reported_stake,
    row_dilution, csv_header,
    // The share image.
    image_more_sentences, image_more, legend_more, status_only, image_source,
    // Punctuation and the explainer's own errors.
    colon, choice_unshowable,
    // The element's own words before the wasm runs (www/element.js holds a copy: see
    // tests/element_words.rs).
    element_loading, element_no_wasm,
}

/// The template with each `{name}` replaced by its value. Values are inserted as they are and
/// never read again, so a `{` in story text stays a `{`; a name without a value stays as
/// written, which the tests catch.
///
/// ```
/// use round_explainer::locale::fill;
///
/// assert_eq!(fill("{name}'s stake", &[("name", "Amazon")]), "Amazon's stake");
/// assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]), "{b} and x");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // `split_once` rather than slicing by index: a slice's panic path would bring the
    // standard library's string-escaping tables into the wasm.
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, tail)) = after.split_once('}') else {
            out.push('{');
            out.push_str(after);
            return out;
        };
        match values.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The `{names}` a template uses, in order of first use.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        if !names.contains(&name) {
            names.push(name);
        }
        rest = tail;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Language;

    #[test]
    fn every_table_uses_the_names_english_uses() {
        let english = en::MESSAGES.all();
        for (language, subtag) in Language::ALL {
            let table = language.messages().all();
            assert_eq!(table.len(), english.len(), "{subtag} has every message");
            for ((name, english), (_, translated)) in english.iter().zip(&table) {
                let mut want = placeholders(english);
                let mut got = placeholders(translated);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{subtag}.{name} keeps English's {{names}}");
                assert!(
                    !translated.trim().is_empty() || english.trim().is_empty(),
                    "{subtag}.{name} is not empty"
                );
            }
        }
    }

    #[test]
    fn filling_replaces_names_once() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: &[Case] = &[
            ("{a}", &[("a", "1")], "1"),
            ("x {a} y {a}", &[("a", "1")], "x 1 y 1"),
            ("{a}", &[("a", "{a}")], "{a}"),
            ("{missing}", &[], "{missing}"),
            ("no brace {", &[], "no brace {"),
            ("€ {a}}", &[("a", "1")], "€ 1}"),
        ];
        for (template, values, expected) in cases {
            assert_eq!(fill(template, values), *expected, "filling {template:?}");
        }
    }
}
