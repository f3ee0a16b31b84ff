//! Why an answer or a stored response is not acceptable, in words.

use super::Texts;
use super::describe::{Describe, s};
use crate::form::{DocumentProblem, Problem};

impl Describe for Problem {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Problem::Required => texts.t("problem-required"),
            Problem::TooShort { min } => {
                texts.t_args("problem-too-short", &[("min", (*min).into())])
            }
            Problem::TooLong { max } => texts.t_args("problem-too-long", &[("max", (*max).into())]),
            Problem::NotAnOption { code } => {
                texts.t_args("problem-not-an-option", &[("code", s(code))])
            }
            Problem::WrongType => texts.t("problem-wrong-type"),
            Problem::ControlCharacters => texts.t("problem-control-characters"),
            Problem::TooFewWords { min } => {
                texts.t_args("problem-too-few-words", &[("min", (*min).into())])
            }
            Problem::TooManyWords { max } => {
                texts.t_args("problem-too-many-words", &[("max", (*max).into())])
            }
            Problem::NotANumber => texts.t("problem-not-a-number"),
            Problem::NotWhole => texts.t("problem-not-whole"),
            Problem::TooSmall { min } => {
                texts.t_args("problem-too-small", &[("min", texts.number(min).into())])
            }
            Problem::TooLarge { max } => {
                texts.t_args("problem-too-large", &[("max", texts.number(max).into())])
            }
            Problem::NotADate => texts.t("problem-not-a-date"),
            Problem::TooEarly { min } => {
                texts.t_args("problem-too-early", &[("min", texts.date(*min).into())])
            }
            Problem::TooLate { max } => {
                texts.t_args("problem-too-late", &[("max", texts.date(*max).into())])
            }
            Problem::InTheFuture => texts.t("problem-in-the-future"),
            Problem::NotAnEmail => texts.t("problem-not-an-email"),
            Problem::NotAPhone => texts.t("problem-not-a-phone"),
            Problem::NotAlone { code } => texts.t_args("problem-not-alone", &[("option", s(code))]),
            Problem::Repeated { code } => texts.t_args("problem-repeated", &[("option", s(code))]),
            Problem::Refused { message } => check_message(message.as_deref(), texts),
            Problem::Unconfirmed { message } => texts.t_args(
                "problem-unconfirmed",
                &[("message", check_message(message.as_deref(), texts).into())],
            ),
        }
    }
}

/// A check's own message, or campo's words when it has none.
fn check_message(message: Option<&str>, texts: &Texts) -> String {
    message.map_or_else(|| texts.t("problem-not-allowed"), |m| texts.form_text(m))
}

impl Describe for DocumentProblem {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            DocumentProblem::UnknownItem { item } => {
                texts.t_args("document-unknown-item", &[("item", s(item))])
            }
            DocumentProblem::NotAsked { item } => {
                texts.t_args("document-not-asked", &[("item", s(item))])
            }
            DocumentProblem::BadReason { item } => {
                texts.t_args("document-bad-reason", &[("item", s(item))])
            }
            DocumentProblem::Invalid { item, problem } => texts.t_args(
                "document-invalid",
                &[
                    ("item", s(item)),
                    ("problem", problem.describe(texts).into()),
                ],
            ),
        }
    }
}
