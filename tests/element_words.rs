//! The custom element's own words (its loading line, its error heading, the line shown when
//! WebAssembly cannot run) are shown before the wasm runs, so `www/element.js` holds a copy of
//! them, for every language of `src/locale/messages/`. This test writes that copy from the
//! message tables and fails when the file's is stale: `UPDATE_ELEMENT_WORDS=1 cargo test --test
//! element_words` rewrites it. One table per language stays the only place they are written.
#![cfg(not(target_arch = "wasm32"))]

use round_explainer::locale::Language;

const ELEMENT: &str = "www/element.js";
const BEGIN: &str = "  // BEGIN ELEMENT WORDS\n";
const END: &str = "  // END ELEMENT WORDS\n";

/// A JavaScript string literal: JSON's, which is JavaScript's too.
fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn block() -> String {
    let mut out = String::from("  const WORDS = {\n");
    for (language, subtag) in Language::ALL {
        let m = language.messages();
        out.push_str(&format!(
            "    {subtag}: {{ heading: {}, loading: {}, noWasm: {} }},\n",
            literal(m.error_heading),
            literal(m.element_loading),
            literal(m.element_no_wasm)
        ));
    }
    out.push_str("  };\n");
    out
}

#[test]
fn the_elements_words_are_the_message_tables_own() {
    let file = std::fs::read_to_string(ELEMENT).expect("www/element.js is read");
    let start = file.find(BEGIN).expect("the block's start") + BEGIN.len();
    let end = file.find(END).expect("the block's end");
    let written = format!("{}{}{}", &file[..start], block(), &file[end..]);
    if std::env::var_os("UPDATE_ELEMENT_WORDS").is_some() {
        std::fs::write(ELEMENT, &written).expect("www/element.js is written");
    }
    let kept = std::fs::read_to_string(ELEMENT).expect("www/element.js is read");
    assert!(
        kept == written,
        "{ELEMENT}'s words are stale: run UPDATE_ELEMENT_WORDS=1 cargo test --test element_words"
    );
}
