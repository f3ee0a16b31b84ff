use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The stored value of one item: a code or text (`One`), or the codes of a
/// multiple choice (`Many`). Which one an item takes depends on its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    /// An answer that says nothing: empty text or no codes chosen.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::One(text) => text.trim().is_empty(),
            Answer::Many(codes) => codes.is_empty(),
        }
    }

    pub fn as_one(&self) -> Option<&str> {
        match self {
            Answer::One(value) => Some(value),
            Answer::Many(_) => None,
        }
    }

    pub fn as_many(&self) -> Option<&[String]> {
        match self {
            Answer::Many(codes) => Some(codes),
            Answer::One(_) => None,
        }
    }

    /// Whether the answer chose `code`, for single and multiple choice alike.
    pub fn includes(&self, code: &str) -> bool {
        match self {
            Answer::One(value) => value == code,
            Answer::Many(codes) => codes.iter().any(|c| c == code),
        }
    }
}

/// Item id to answer; unanswered items are absent.
pub type Answers = BTreeMap<String, Answer>;
