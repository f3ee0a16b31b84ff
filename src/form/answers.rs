use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The stored value of one item: a code or text (`One`), or the codes of a
/// multiple choice (`Many`). Which one an item takes depends on its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

/// A string is `One`, a list of strings `Many`; read directly, without
/// the buffering serde's untagged enums do (a tenth of reading a file).
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Answer, E> {
                Ok(Answer::One(value.to_string()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Answer, E> {
                Ok(Answer::One(value))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Answer, A::Error> {
                let mut codes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(code) = seq.next_element::<String>()? {
                    codes.push(code);
                }
                Ok(Answer::Many(codes))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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
