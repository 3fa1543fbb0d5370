//! JSON text (RFC 8259) read strictly into a [`Node`] tree: the one reader of every story and
//! scenario, natively and in the browser, so that every path refuses the same files with the
//! same messages.
//!
//! The tree keeps an object's keys in order, duplicates included, for the readers in
//! [`node`](super::node) to refuse a key given twice (`JSON.parse` keeps only the last one, which
//! would let a second `"value"` replace the figure its quote gives). Numbers keep their text:
//! the readers take only whole numbers from them, and no digit is lost on the way. An error
//! gives the line and column (both from 1, columns in characters) where the text stops being
//! JSON.

use core::fmt;

use super::node::{Node, MAX_DEPTH};

/// Where and why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem in characters, from 1.
    pub column: usize,
    /// What was expected or found there.
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not valid JSON at line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Reads `text` as one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    // A byte-order mark is not JSON, but editors write one; it says nothing.
    if text.starts_with('\u{feff}') {
        reader.at = '\u{feff}'.len_utf8();
    }
    reader.skip_space();
    let node = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("unexpected text after the JSON value"));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> JsonError {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        JsonError {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).unwrap_or_default().chars().count() + 1,
            message,
        }
    }

    /// The bytes not read yet.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    /// The text from `start` to here. The reader stops only at ASCII bytes, so both ends are
    /// character boundaries; `get` instead of indexing keeps the panic path, with its
    /// formatting code, out of the wasm.
    fn slice(&self, start: usize) -> &str {
        self.text.get(start..self.at).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, node: Node) -> Result<Node, JsonError> {
        if self.rest().starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(node)
        } else {
            Err(self
                .error("expected a value (an object, array, string, number, true, false or null)"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.list(depth),
            Some(b'"') => self.string().map(Node::Text),
            Some(b't') => self.expect_word("true", Node::Bool(true)),
            Some(b'f') => self.expect_word("false", Node::Bool(false)),
            Some(b'n') => self.expect_word("null", Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self
                .error("expected a value (an object, array, string, number, true, false or null)")),
        }
    }

    fn deeper(&self, depth: usize) -> Result<usize, JsonError> {
        if depth >= MAX_DEPTH {
            Err(self.error("the document nests deeper than 32 levels"))
        } else {
            Ok(depth + 1)
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node, JsonError> {
        let depth = self.deeper(depth)?;
        self.at += 1;
        let mut entries = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Node::Object(entries));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in double quotes"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after the field name"));
            }
            self.at += 1;
            self.skip_space();
            entries.push((key, self.value(depth)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Node::Object(entries));
                }
                _ => return Err(self.error("expected ',' or '}' after a field")),
            }
        }
    }

    fn list(&mut self, depth: usize) -> Result<Node, JsonError> {
        let depth = self.deeper(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Node::List(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Node::List(items));
                }
                _ => return Err(self.error("expected ',' or ']' after an item")),
            }
        }
    }

    /// A number's text, checked against JSON's grammar.
    fn number(&mut self) -> Result<Node, JsonError> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while let Some(b'0'..=b'9') = reader.peek() {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        Ok(Node::Number(self.slice(start).to_owned()))
    }

    /// A string's value, its escapes decoded.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut value = String::new();
        loop {
            let run = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run stops only at ASCII bytes, so it is whole UTF-8.
            value.push_str(self.slice(run));
            match self.peek() {
                None => return Err(self.error("the text ends inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(value);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let decoded = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            value.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.error("unknown escape in a string")),
                    };
                    self.at += 1;
                    value.push(decoded);
                }
                Some(_) => {
                    return Err(self.error("a control character in a string must be escaped"))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .filter(|digits| digits.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error("expected four hexadecimal digits after \\u"))?;
        let value = digits.iter().fold(0, |value, digit| {
            value * 16 + char::from(*digit).to_digit(16).unwrap_or(0)
        });
        self.at += 4;
        Ok(value)
    }

    /// `\uXXXX`, or a surrogate pair of two of them; a lone surrogate is no character.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.rest().starts_with(b"\\u") {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("a lone surrogate in a \\u escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("a \\u escape that is no character"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.to_owned())
    }

    #[test]
    fn values_are_read_whole_and_in_order() {
        let cases: &[(&str, Node)] = &[
            ("null", Node::Null),
            (" true ", Node::Bool(true)),
            ("-0.5e+3", Node::Number("-0.5e+3".to_owned())),
            (r#""a\"\\\/\n\u00e9\ud83d\ude00""#, text("a\"\\/\né😀")),
            (
                "[1, [] ,{}]",
                Node::List(vec![
                    Node::Number("1".to_owned()),
                    Node::List(vec![]),
                    Node::Object(vec![]),
                ]),
            ),
            (
                r#"{"a": 1, "a": "x"}"#,
                Node::Object(vec![
                    ("a".to_owned(), Node::Number("1".to_owned())),
                    ("a".to_owned(), text("x")),
                ]),
            ),
            ("\u{feff}{}", Node::Object(vec![])),
        ];
        for (json, expected) in cases {
            assert_eq!(parse(json).as_ref(), Ok(expected), "reading {json:?}");
        }
    }

    #[test]
    fn errors_say_where_and_why() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("", 1, 1, "the text ends where a value should be"),
            (
                "{\n  \"a\": 1,\n}",
                3,
                1,
                "expected a field name in double quotes",
            ),
            ("[1 2]", 1, 4, "expected ',' or ']' after an item"),
            ("{\"é\": tru}", 1, 7, "expected a value"),
            ("01", 1, 2, "unexpected text after the JSON value"),
            ("1.", 1, 3, "expected digits after the decimal point"),
            (
                "\"a\tb\"",
                1,
                3,
                "a control character in a string must be escaped",
            ),
            ("\"\\ud800\"", 1, 8, "a lone surrogate"),
            ("\"\\x\"", 1, 3, "unknown escape"),
            ("\"abc", 1, 5, "the text ends inside a string"),
            ("{'a': 1}", 1, 2, "expected a field name in double quotes"),
            ("NaN", 1, 1, "expected a value"),
        ];
        for (json, line, column, message) in cases {
            let error = parse(json).expect_err(json);
            assert_eq!(
                (error.line, error.column),
                (*line, *column),
                "position in {json:?}"
            );
            assert!(
                error.message.starts_with(message),
                "message for {json:?}: {}",
                error.message
            );
        }
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        let error = parse(&deep).expect_err("too deep");
        assert_eq!(error.message, "the document nests deeper than 32 levels");
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok(), "{MAX_DEPTH} levels are allowed");
    }
}
