//! A parsed JSON document, and readers that turn it into typed values with JSON-path errors.
//!
//! Story files and scenarios are read in two steps: [`json::parse`](super::json::parse) builds a
//! [`Node`] tree from JSON text (a page's JavaScript object is first written as text with
//! `JSON.stringify`), then small hand-written readers walk it. The readers know the path of
//! every field, so every error names it. A reader
//! notes the first problem it meets and goes on with placeholders (see [`read_root`]), so the
//! document is refused with that problem and its path.

use core::cell::RefCell;
use core::fmt;

use rust_decimal::Decimal;

use super::currency::accepts;
use super::money::parse_amount_with_symbol;
use super::story::Amount;
use super::validate::{FieldError, Problem};

/// How deep a document may nest. A story needs six levels; the limit keeps a hostile file from
/// exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// A JSON value. Objects keep their keys in order, duplicates included, so they can be refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null` (and JavaScript's `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its JSON text. Amounts are never read from numbers; whole numbers such as
    /// `version` are.
    Number(String),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Node>),
    /// An object, as its entries in order.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// What kind of value this is, for error messages: "a string", "an object"…
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::Text(_) => "a string",
            Node::List(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

/// A JSON number's text as a whole number from 0 to `u32::MAX`, if it is written as one.
pub fn whole_number(text: &str) -> Option<u32> {
    let plain =
        text.bytes().all(|b| b.is_ascii_digit()) && !(text.len() > 1 && text.starts_with('0'));
    plain.then(|| text.parse().ok()).flatten()
}

/// The problems met while reading a document, in reading order.
///
/// Readers do not stop at a problem: they note it here, go on with a placeholder value, and the
/// document is refused at the end with every problem noted, so an author can fix them all in one
/// go. So a reader is straight-line code, without an early return at every field that must drop
/// whatever was read before it: that drop code, once per field of every type, took 16 KB of the
/// embeds' 221 KB of wasm.
#[derive(Default)]
struct Problems {
    all: RefCell<Vec<FieldError>>,
    /// The story's currency, once read: amounts written with another currency's symbol are
    /// refused. `None` while reading something else than a story (a scenario).
    currency: RefCell<Option<String>>,
}

/// The most problems noted for one document: enough to fix a file in one go, and a bound on the
/// work and the message a hostile file can cause.
pub const MAX_PROBLEMS: usize = 100;

/// A node and its JSON path: where a reader is.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// The value here.
    pub node: &'a Node,
    path: &'a Path<'a>,
    problems: &'a Problems,
    /// Inside something missing or of the wrong type, already noted: what is missing in it is
    /// that same problem, not one more per field.
    quiet: bool,
}

/// A JSON path as a chain of steps, written out only when an error needs it.
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// A field of an object.
    Field(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Paths are written as `round.tranches[0].investors[1].amount`; the root as `(the document)`.
pub(crate) fn path_text(path: &Path<'_>) -> String {
    match path {
        Path::Root => "(the document)".to_owned(),
        path => path.to_string(),
    }
}

/// What a missing required field is read as, once that is noted: its reader then only gives
/// its placeholder, as the problem it would note comes second.
static ABSENT: Node = Node::Null;

/// Reads a whole document with `read`, starting at its root; the problems any reader noted, in
/// reading order, refuse it.
pub fn read_root<T>(node: &Node, read: impl FnOnce(At<'_>) -> T) -> Result<T, Vec<FieldError>> {
    let problems = Problems::default();
    let value = read(At {
        node,
        path: &Path::Root,
        problems: &problems,
        quiet: false,
    });
    let all = problems.all.into_inner();
    if all.is_empty() {
        Ok(value)
    } else {
        Err(all)
    }
}

impl<'a> At<'a> {
    /// The same document at another node and path.
    fn to<'b>(&'b self, node: &'b Node, path: &'b Path<'b>) -> At<'b> {
        At {
            node,
            path,
            problems: self.problems,
            quiet: self.quiet,
        }
    }

    /// Notes `problem` here (up to [`MAX_PROBLEMS`] in all).
    pub fn problem(&self, problem: Problem) {
        if self.quiet {
            return;
        }
        let mut all = self.problems.all.borrow_mut();
        if all.len() < MAX_PROBLEMS {
            all.push(FieldError {
                path: path_text(self.path),
                problem,
            });
        }
    }

    /// From here on, amounts are in `code`: one written with another currency's symbol is a
    /// problem.
    pub fn set_currency(&self, code: &str) {
        *self.problems.currency.borrow_mut() = Some(code.to_owned());
    }

    /// Whether this is a required field that is missing, already noted as such: its reader then
    /// notes nothing more about it.
    fn missing(&self) -> bool {
        core::ptr::eq(self.node, &ABSENT)
    }

    /// Notes `problem` at this object's field `key`.
    pub fn field_problem(&self, key: &str, problem: Problem) {
        self.to(self.node, &Path::Field(self.path, key))
            .problem(problem);
    }

    /// Notes a problem with the document's shape here.
    pub fn fail(&self, message: impl Into<String>) {
        self.problem(Problem::Shape(message.into()));
    }

    /// Notes that `what` was expected here and something else found (nothing, for a missing
    /// field already noted).
    pub fn expected(&self, what: &str) {
        if self.missing() {
            return;
        }
        self.fail(format!("expected {what}, found {}", self.node.kind()));
    }

    /// Text (empty after a problem).
    pub fn text(&self) -> String {
        match self.node {
            Node::Text(text) => text.clone(),
            _ => {
                self.expected("a string");
                String::new()
            }
        }
    }

    /// An amount written as a decimal string; JSON numbers are refused, as they can lose digits.
    pub fn amount(&self) -> Amount {
        match self.node {
            Node::Text(text) => match parse_amount_with_symbol(text) {
                Ok((value, symbol)) => {
                    let currency = self.problems.currency.borrow();
                    match (symbol, currency.as_deref()) {
                        (Some(symbol), Some(code)) if !accepts(code, symbol) => {
                            let problem = Problem::WrongCurrency {
                                symbol: symbol.to_owned(),
                                currency: code.to_owned(),
                            };
                            drop(currency);
                            self.problem(problem);
                        }
                        _ => return Amount(value),
                    }
                }
                Err(error) => self.fail(error.to_string()),
            },
            Node::Number(_) => self.fail(
                "amounts are strings such as \"50B\" or \"50000000000\", not JSON numbers, which can lose digits",
            ),
            _ => self.expected("an amount as a string, such as \"50B\""),
        }
        Amount(Decimal::ZERO)
    }

    /// A percentage written as a string, `"11%"` or `"11.5%"`, from 0 to 100.
    pub fn percent(&self) -> Amount {
        let Node::Text(text) = self.node else {
            self.expected("a percentage as a string, such as \"11%\"");
            return Amount(Decimal::ZERO);
        };
        let number = text.trim().strip_suffix('%').map(str::trim_end);
        match number.map(parse_amount_with_symbol) {
            Some(Ok((value, None))) if value <= Decimal::ONE_HUNDRED => return Amount(value),
            _ => self.fail(format!(
                "\"{text}\" is not a percentage: write it as \"11%\" or \"11.5%\", from 0% to 100%"
            )),
        }
        Amount(Decimal::ZERO)
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn whole_number(&self) -> u32 {
        match self.node {
            Node::Number(text) => match whole_number(text) {
                Some(number) => return number,
                None => self.fail("expected a whole number"),
            },
            _ => self.expected("a whole number"),
        }
        0
    }

    /// `true` or `false`.
    pub fn boolean(&self) -> bool {
        match self.node {
            Node::Bool(value) => *value,
            _ => {
                self.expected("true or false");
                false
            }
        }
    }

    /// One of a fixed set of words (the first of them after a problem).
    pub fn one_of<T: Copy>(&self, choices: &[(&str, T)]) -> T {
        let text = self.text();
        match choices.iter().find(|(name, _)| *name == text) {
            Some((_, value)) => *value,
            None => {
                if matches!(self.node, Node::Text(_)) {
                    let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                    self.fail(format!(
                        "unknown value \"{text}\"; expected one of: {}",
                        names.join(", ")
                    ));
                }
                choices[0].1
            }
        }
    }

    /// Each element of an array, read with `read` at its own path.
    pub fn list<T>(&self, read: impl Fn(At<'_>) -> T) -> Vec<T> {
        let Node::List(items) = self.node else {
            self.expected("an array");
            return Vec::new();
        };
        let mut read_items = Vec::with_capacity(items.len());
        for (index, node) in items.iter().enumerate() {
            read_items.push(read(self.to(node, &Path::Index(self.path, index))));
        }
        read_items
    }

    /// Each entry of an object whose keys are ids, read with `read`.
    pub fn entries<T>(&self, read: impl Fn(&str, At<'_>) -> T) -> Vec<T> {
        let Node::Object(entries) = self.node else {
            self.expected("an object");
            return Vec::new();
        };
        let mut read_entries = Vec::with_capacity(entries.len());
        for (key, node) in entries {
            read_entries.push(read(key, self.to(node, &Path::Field(self.path, key))));
        }
        read_entries
    }

    /// Reads this object with `read`, after checking it has no keys other than `known` and no
    /// key twice. Something else than an object is read as an empty one.
    pub fn object<T>(&self, known: &[&str], read: impl FnOnce(&Fields<'_>) -> T) -> T {
        let mut at = *self;
        let entries: &[(String, Node)] = match self.node {
            Node::Object(entries) => entries,
            _ => {
                self.expected("an object");
                at.quiet = true;
                &[]
            }
        };
        for (index, (key, _)) in entries.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                let message = format!("unknown field; expected one of: {}", known.join(", "));
                self.field_problem(key, Problem::Shape(message));
                break;
            } else if entries[..index].iter().any(|(earlier, _)| earlier == key) {
                self.field_problem(key, Problem::Shape("this field appears twice".to_owned()));
                break;
            }
        }
        read(&Fields { entries, at })
    }
}

/// The fields of an object being read.
pub struct Fields<'a> {
    entries: &'a [(String, Node)],
    at: At<'a>,
}

impl Fields<'_> {
    /// Whether the field `key` is given (and not `null`).
    pub fn has(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|(name, node)| name == key && *node != Node::Null)
    }

    /// Notes a problem at the field `key`.
    pub fn fail_at(&self, key: &str, message: &str) {
        self.at
            .field_problem(key, Problem::Shape(message.to_owned()));
    }

    /// The field `key`, or `None` when it is absent or `null`.
    pub fn get<T>(&self, key: &str, read: impl FnOnce(At<'_>) -> T) -> Option<T> {
        match self.entries.iter().find(|(name, _)| name == key) {
            None | Some((_, Node::Null)) => None,
            Some((_, node)) => Some(read(self.at.to(node, &Path::Field(self.at.path, key)))),
        }
    }

    /// The field `key`, which must be present (read as `null` when it is not, after noting so).
    pub fn need<T>(&self, key: &str, read: impl FnOnce(At<'_>) -> T) -> T {
        let path = Path::Field(self.at.path, key);
        let node = match self.entries.iter().find(|(name, _)| name == key) {
            None | Some((_, Node::Null)) => {
                let missing = self.at.to(&ABSENT, &path);
                missing.fail("is required but missing");
                &ABSENT
            }
            Some((_, node)) => node,
        };
        read(self.at.to(node, &path))
    }

    /// Required text.
    pub fn text(&self, key: &str) -> String {
        self.need(key, |at| at.text())
    }

    /// Optional text.
    pub fn opt_text(&self, key: &str) -> Option<String> {
        self.get(key, |at| at.text())
    }

    /// A required amount.
    pub fn amount(&self, key: &str) -> Amount {
        self.need(key, |at| at.amount())
    }

    /// An array that may be left out (read as empty).
    pub fn list<T>(&self, key: &str, read: impl Fn(At<'_>) -> T) -> Vec<T> {
        self.get(key, |at| at.list(read)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(entries: &[(&str, Node)]) -> Node {
        Node::Object(
            entries
                .iter()
                .map(|(key, node)| ((*key).to_owned(), node.clone()))
                .collect(),
        )
    }

    /// Reads `{ name: text, count: whole number, tags: [text] }`.
    fn read_example(node: &Node) -> Result<(String, u32, Vec<String>), Vec<FieldError>> {
        read_root(node, |at| {
            at.object(&["name", "count", "tags"], |o| {
                (
                    o.text("name"),
                    o.need("count", |at| at.whole_number()),
                    o.list("tags", |at| at.text()),
                )
            })
        })
    }

    #[test]
    fn a_good_document_is_read_whole() {
        let node = object(&[
            ("name", Node::Text("x".into())),
            ("count", Node::Number("3".to_owned())),
            ("tags", Node::List(vec![Node::Text("a".into())])),
        ]);
        assert_eq!(
            read_example(&node),
            Ok(("x".to_owned(), 3, vec!["a".to_owned()])),
            "every field read"
        );
    }

    #[test]
    fn every_problem_is_reported_once_in_reading_order() {
        let shape = |path: &str, message: &str| FieldError {
            path: path.to_owned(),
            problem: Problem::Shape(message.to_owned()),
        };
        let cases: Vec<(&str, Node, Vec<FieldError>)> = vec![
            (
                "an unknown field, and every field after it is still read",
                object(&[("count", Node::Bool(true)), ("nmae", Node::Null)]),
                vec![
                    shape("nmae", "unknown field; expected one of: name, count, tags"),
                    shape("name", "is required but missing"),
                    shape("count", "expected a whole number, found a boolean"),
                ],
            ),
            (
                "a missing field is noted once, not again as the wrong type",
                object(&[("name", Node::Text("x".into()))]),
                vec![shape("count", "is required but missing")],
            ),
            (
                "problems inside a list name their elements",
                object(&[
                    ("name", Node::Number("1".to_owned())),
                    ("count", Node::Number("1".to_owned())),
                    (
                        "tags",
                        Node::List(vec![Node::Null, Node::Text("a".into()), Node::Bool(false)]),
                    ),
                ]),
                vec![
                    shape("name", "expected a string, found a number"),
                    shape("tags[0]", "expected a string, found null"),
                    shape("tags[2]", "expected a string, found a boolean"),
                ],
            ),
            (
                "not an object at all",
                Node::List(Vec::new()),
                vec![shape(
                    "(the document)",
                    "expected an object, found an array",
                )],
            ),
        ];
        for (why, node, expected) in cases {
            assert_eq!(read_example(&node).expect_err(why), expected, "{why}");
        }
    }

    #[test]
    fn problems_are_bounded() {
        let tags = Node::List(vec![Node::Null; 10 * MAX_PROBLEMS]);
        let node = object(&[
            ("name", Node::Text("x".into())),
            ("count", Node::Number("1".to_owned())),
            ("tags", tags),
        ]);
        let errors = read_example(&node).expect_err("a thousand problems");
        assert_eq!(
            errors.len(),
            MAX_PROBLEMS,
            "at most {MAX_PROBLEMS} are kept"
        );
    }
}
