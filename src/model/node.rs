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

use super::money::parse_amount;
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

/// The first problem met while reading a document.
///
/// Readers do not stop at a problem: they note it here, go on with a placeholder value, and the
/// document is refused at the end with the first problem noted. So a reader is straight-line
/// code, without an early return at every field that must drop whatever was read before it:
/// that drop code, once per field of every type, took 16 KB of the embeds' 221 KB of wasm.
#[derive(Default)]
struct Problems {
    first: RefCell<Option<FieldError>>,
}

impl Problems {
    /// Whether a problem has been noted: then lists and objects are no longer read, so that a
    /// refused document costs no more than reading up to its first problem, and a few
    /// placeholders.
    fn noted(&self) -> bool {
        self.first.borrow().is_some()
    }
}

/// A node and its JSON path: where a reader is.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// The value here.
    pub node: &'a Node,
    path: &'a Path<'a>,
    problems: &'a Problems,
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

/// Reads a whole document with `read`, starting at its root; the first problem any reader noted
/// refuses it.
pub fn read_root<T>(node: &Node, read: impl FnOnce(At<'_>) -> T) -> Result<T, FieldError> {
    let problems = Problems::default();
    let value = read(At {
        node,
        path: &Path::Root,
        problems: &problems,
    });
    match problems.first.into_inner() {
        None => Ok(value),
        Some(error) => Err(error),
    }
}

impl<'a> At<'a> {
    /// The same document at another node and path.
    fn to<'b>(&'b self, node: &'b Node, path: &'b Path<'b>) -> At<'b> {
        At {
            node,
            path,
            problems: self.problems,
        }
    }

    /// Notes `problem` here, unless an earlier one was noted: only the first is reported.
    pub fn problem(&self, problem: Problem) {
        let mut first = self.problems.first.borrow_mut();
        if first.is_none() {
            *first = Some(FieldError {
                path: path_text(self.path),
                problem,
            });
        }
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

    fn expected(&self, what: &str) {
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
            Node::Text(text) => match parse_amount(text) {
                Ok(value) => return Amount(value),
                Err(error) => self.fail(error.to_string()),
            },
            Node::Number(_) => self.fail(
                "amounts are strings such as \"50B\" or \"50000000000\", not JSON numbers, which can lose digits",
            ),
            _ => self.expected("an amount as a string, such as \"50B\""),
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
        if self.problems.noted() {
            return Vec::new();
        }
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
        if self.problems.noted() {
            return Vec::new();
        }
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
        let entries: &[(String, Node)] = match self.node {
            _ if self.problems.noted() => &[],
            Node::Object(entries) => entries,
            _ => {
                self.expected("an object");
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
        read(&Fields { entries, at: *self })
    }
}

/// The fields of an object being read.
pub struct Fields<'a> {
    entries: &'a [(String, Node)],
    at: At<'a>,
}

impl Fields<'_> {
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
    fn read_example(node: &Node) -> Result<(String, u32, Vec<String>), FieldError> {
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
    fn after_a_problem_lists_are_not_read() {
        let tags = Node::List(vec![Node::Text("a".into()); 1000]);
        let node = object(&[
            ("name", Node::Null),
            ("count", Node::Number("1".to_owned())),
            ("tags", tags),
        ]);
        let reads = core::cell::Cell::new(0);
        let result = read_root(&node, |at| {
            at.object(&["name", "count", "tags"], |o| {
                (
                    o.text("name"),
                    o.list("tags", |at| {
                        reads.set(reads.get() + 1);
                        at.text()
                    }),
                )
            })
        });
        assert_eq!(
            result.expect_err("name is missing").path,
            "name",
            "the first problem"
        );
        assert_eq!(reads.get(), 0, "the tags after it were not read");
    }

    #[test]
    fn the_first_problem_in_reading_order_is_the_one_reported() {
        let cases: [(&str, Node, &str, &str); 5] = [
            (
                "an unknown field is found before any field is read",
                object(&[("count", Node::Bool(true)), ("nmae", Node::Null)]),
                "nmae",
                "unknown field; expected one of: name, count, tags",
            ),
            (
                "a missing field, then a wrong type after it",
                object(&[("count", Node::Bool(true))]),
                "name",
                "is required but missing",
            ),
            (
                "a wrong type, then a missing field after it",
                object(&[("name", Node::Number("1".to_owned()))]),
                "name",
                "expected a string, found a number",
            ),
            (
                "a problem inside a list names its element",
                object(&[
                    ("name", Node::Text("x".into())),
                    ("count", Node::Number("1".to_owned())),
                    ("tags", Node::List(vec![Node::Text("a".into()), Node::Null])),
                ]),
                "tags[1]",
                "expected a string, found null",
            ),
            (
                "not an object at all",
                Node::List(Vec::new()),
                "(the document)",
                "expected an object, found an array",
            ),
        ];
        for (why, node, path, message) in cases {
            let error = read_example(&node).expect_err(why);
            assert_eq!(error.path, path, "{why}: path");
            assert_eq!(
                error.problem,
                Problem::Shape(message.to_owned()),
                "{why}: problem"
            );
        }
    }
}
