//! A parsed JSON document, and readers that turn it into typed values with JSON-path errors.
//!
//! Story files and scenarios are read in two steps: serde builds a [`Node`] tree (from a JS
//! object through serde-wasm-bindgen, or from JSON text through serde_json), then small
//! hand-written readers walk it. One `Deserialize` impl instead of one per type keeps the
//! wasm small, and the readers know the path of every field, so every error names it.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

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
    /// A number. Amounts are never read from numbers; whole numbers such as `version` are.
    Number(f64),
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

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        NodeSeed { depth: 0 }.deserialize(deserializer)
    }
}

/// Deserializes one node at a known depth, refusing to go deeper than [`MAX_DEPTH`].
#[derive(Clone, Copy)]
struct NodeSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl NodeSeed {
    fn child<E: de::Error>(self) -> Result<NodeSeed, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "the document nests deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(NodeSeed {
            depth: self.depth + 1,
        })
    }
}

impl<'de> Visitor<'de> for NodeSeed {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let child = self.child()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(child)? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let child = self.child()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            entries.push((key, map.next_value_seed(child)?));
        }
        Ok(Node::Object(entries))
    }
}

/// A node and its JSON path: where a reader is.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// The value here.
    pub node: &'a Node,
    path: &'a Path<'a>,
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

/// Reads a whole document with `read`, starting at its root.
pub fn read_root<T>(
    node: &Node,
    read: impl FnOnce(At<'_>) -> Result<T, FieldError>,
) -> Result<T, FieldError> {
    read(At {
        node,
        path: &Path::Root,
    })
}

impl<'a> At<'a> {
    /// An error here.
    pub fn error(&self, message: impl Into<String>) -> FieldError {
        FieldError {
            path: path_text(self.path),
            problem: Problem::Shape(message.into()),
        }
    }

    fn expected(&self, what: &str) -> FieldError {
        self.error(format!("expected {what}, found {}", self.node.kind()))
    }

    /// The JSON path of this place.
    pub fn path(&self) -> String {
        path_text(self.path)
    }

    /// Text.
    pub fn text(&self) -> Result<String, FieldError> {
        match self.node {
            Node::Text(text) => Ok(text.clone()),
            _ => Err(self.expected("a string")),
        }
    }

    /// An amount written as a decimal string; JSON numbers are refused, as they can lose digits.
    pub fn amount(&self) -> Result<Amount, FieldError> {
        match self.node {
            Node::Text(text) => parse_amount(text).map(Amount).map_err(|error| self.error(error.to_string())),
            Node::Number(_) => Err(self.error(
                "amounts are strings such as \"50B\" or \"50000000000\", not JSON numbers, which can lose digits",
            )),
            _ => Err(self.expected("an amount as a string, such as \"50B\"")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn whole_number(&self) -> Result<u32, FieldError> {
        match self.node {
            Node::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
                Ok(*n as u32)
            }
            Node::Number(_) => Err(self.error("expected a whole number")),
            _ => Err(self.expected("a whole number")),
        }
    }

    /// `true` or `false`.
    pub fn boolean(&self) -> Result<bool, FieldError> {
        match self.node {
            Node::Bool(value) => Ok(*value),
            _ => Err(self.expected("true or false")),
        }
    }

    /// One of a fixed set of words.
    pub fn one_of<T: Copy>(&self, choices: &[(&str, T)]) -> Result<T, FieldError> {
        let text = self.text()?;
        choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                self.error(format!(
                    "unknown value \"{text}\"; expected one of: {}",
                    names.join(", ")
                ))
            })
    }

    /// Each element of an array, read with `read` at its own path.
    pub fn list<T>(
        &self,
        read: impl Fn(At<'_>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        let Node::List(items) = self.node else {
            return Err(self.expected("an array"));
        };
        // A loop rather than `collect::<Result<Vec<_>, _>>()`, whose adapter is compiled again
        // for every element type and costs kilobytes of wasm each time.
        let mut read_items = Vec::with_capacity(items.len());
        for (index, node) in items.iter().enumerate() {
            read_items.push(read(At {
                node,
                path: &Path::Index(self.path, index),
            })?);
        }
        Ok(read_items)
    }

    /// Each entry of an object whose keys are ids, read with `read`.
    pub fn entries<T>(
        &self,
        read: impl Fn(&str, At<'_>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        let Node::Object(entries) = self.node else {
            return Err(self.expected("an object"));
        };
        let mut read_entries = Vec::with_capacity(entries.len());
        for (key, node) in entries {
            read_entries.push(read(
                key,
                At {
                    node,
                    path: &Path::Field(self.path, key),
                },
            )?);
        }
        Ok(read_entries)
    }

    /// Reads this object with `read`, after checking it has no keys other than `known` and no
    /// key twice.
    pub fn object<T>(
        &self,
        known: &[&str],
        read: impl FnOnce(&Fields<'_>) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        let Node::Object(entries) = self.node else {
            return Err(self.expected("an object"));
        };
        for (index, (key, _)) in entries.iter().enumerate() {
            let here = At {
                node: self.node,
                path: &Path::Field(self.path, key),
            };
            if !known.contains(&key.as_str()) {
                return Err(here.error(format!(
                    "unknown field; expected one of: {}",
                    known.join(", ")
                )));
            }
            if entries[..index].iter().any(|(earlier, _)| earlier == key) {
                return Err(here.error("this field appears twice"));
            }
        }
        read(&Fields {
            entries,
            path: self.path,
        })
    }
}

/// The fields of an object being read.
pub struct Fields<'a> {
    entries: &'a [(String, Node)],
    path: &'a Path<'a>,
}

impl Fields<'_> {
    /// The field `key`, or `None` when it is absent or `null`.
    pub fn get<T>(
        &self,
        key: &str,
        read: impl FnOnce(At<'_>) -> Result<T, FieldError>,
    ) -> Result<Option<T>, FieldError> {
        match self.entries.iter().find(|(name, _)| name == key) {
            None | Some((_, Node::Null)) => Ok(None),
            Some((_, node)) => read(At {
                node,
                path: &Path::Field(self.path, key),
            })
            .map(Some),
        }
    }

    /// The field `key`, which must be present.
    pub fn need<T>(
        &self,
        key: &str,
        read: impl FnOnce(At<'_>) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        self.get(key, read)?.ok_or_else(|| {
            let path = Path::Field(self.path, key);
            FieldError {
                path: path_text(&path),
                problem: Problem::Shape("is required but missing".to_owned()),
            }
        })
    }

    /// Required text.
    pub fn text(&self, key: &str) -> Result<String, FieldError> {
        self.need(key, |at| at.text())
    }

    /// Optional text.
    pub fn opt_text(&self, key: &str) -> Result<Option<String>, FieldError> {
        self.get(key, |at| at.text())
    }

    /// A required amount.
    pub fn amount(&self, key: &str) -> Result<Amount, FieldError> {
        self.need(key, |at| at.amount())
    }

    /// An array that may be left out (read as empty).
    pub fn list<T>(
        &self,
        key: &str,
        read: impl Fn(At<'_>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        Ok(self.get(key, |at| at.list(read))?.unwrap_or_default())
    }
}
