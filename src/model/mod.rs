//! The funding-round model: pure Rust, no web types, tested natively.
//!
//! A [`Story`] (read from a story file and validated) plus a [`Scenario`] (the reader's
//! choices) gives an [`Outcome`] (money, stakes, dilution, comparisons), computed exactly.

pub mod checked;
pub mod colour;
pub mod currency;
pub mod export;
pub mod fragment;
pub mod id_map;
pub mod json;
pub mod money;
pub mod node;
pub mod outcome;
pub mod paint;
pub mod scenario;
pub mod share;
pub mod steps;
pub mod story;
pub mod text;
pub mod validate;

pub use outcome::{compute, ComputeError, Holding, HoldingKind, Outcome};
pub use scenario::{Preset, Scenario};
pub use share::Share;
pub use story::{Amount, Story};
pub use validate::{FieldError, Problem, StoryError};
