use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The stored value of one item: a code, text or ISO date (`One`), the
/// codes of a multiple choice (`Many`), or a number (`Number`, for
/// `integer` and `decimal` items). Which one an item takes depends on its
/// kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
    Number(serde_json::Number),
}

impl Answer {
    /// The answer as ODK would submit it: a code or text, codes separated
    /// by spaces, a number as written.
    pub fn submitted(&self) -> String {
        match self {
            Answer::One(text) => text.clone(),
            Answer::Many(codes) => codes.join(" "),
            Answer::Number(number) => number.to_string(),
        }
    }
}

/// A string is `One`, a list of strings `Many`; read directly, without
/// the buffering serde's untagged enums do (a tenth of reading a file).
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, a number or a list of strings")
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Answer, E> {
                Ok(Answer::Number(value.into()))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Answer, E> {
                Ok(Answer::Number(value.into()))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Answer, E> {
                serde_json::Number::from_f64(value)
                    .map(Answer::Number)
                    .ok_or_else(|| E::custom("not a finite number"))
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
            Answer::Number(_) => false,
        }
    }

    pub fn as_one(&self) -> Option<&str> {
        match self {
            Answer::One(value) => Some(value),
            _ => None,
        }
    }

    pub fn as_many(&self) -> Option<&[String]> {
        match self {
            Answer::Many(codes) => Some(codes),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&serde_json::Number> {
        match self {
            Answer::Number(number) => Some(number),
            _ => None,
        }
    }

    /// Whether the answer chose `code`, for single and multiple choice alike.
    pub fn includes(&self, code: &str) -> bool {
        match self {
            Answer::One(value) => value == code,
            Answer::Many(codes) => codes.iter().any(|c| c == code),
            Answer::Number(_) => false,
        }
    }
}

/// Item id to answer; unanswered items are absent.
pub type Answers = BTreeMap<String, Answer>;

/// Item id to the reason the respondent gave for an answer a soft check
/// warned about.
pub type Reasons = BTreeMap<String, String>;

/// The longest reason kept, in characters: a short sentence or two.
pub const MAX_REASON_CHARS: usize = 300;
