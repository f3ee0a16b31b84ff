//! What one answer of each kind must be: a code among the options (and an
//! exclusive one alone), a text of the right length, words and format, a
//! number in range, a date in range and not in the future.

use chrono::NaiveDate;
use serde_json::Number;

use super::Problem;
use super::definition::{DateRules, NumberRules, TextFormat, TextRules};
use super::value::{count_words, is_email, is_phone, stored_date};

pub(super) fn check_text(rules: &TextRules, text: &str) -> Option<Problem> {
    let allowed = |c: char| rules.multiline && (c == '\n' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Some(Problem::ControlCharacters);
    }
    let trimmed = text.trim();
    let length = trimmed.chars().count();
    let words = || count_words(trimmed);
    match rules.format {
        TextFormat::Email if !is_email(trimmed) => return Some(Problem::NotAnEmail),
        TextFormat::Phone if !is_phone(trimmed) => return Some(Problem::NotAPhone),
        _ => {}
    }
    match (
        rules.min_length,
        rules.max_length,
        rules.min_words,
        rules.max_words,
    ) {
        (Some(min), ..) if length < min => Some(Problem::TooShort { min }),
        (_, Some(max), ..) if length > max => Some(Problem::TooLong { max }),
        (_, _, Some(min), _) if words() < min => Some(Problem::TooFewWords { min }),
        (.., Some(max)) if words() > max => Some(Problem::TooManyWords { max }),
        _ => None,
    }
}

pub(super) fn check_number(rules: &NumberRules, number: &Number) -> Option<Problem> {
    if rules.whole && !(number.is_i64() || number.is_u64()) {
        return Some(Problem::NotWhole);
    }
    let value = number.as_f64()?;
    let beyond = |bound: &Option<Number>, below: bool| {
        bound
            .as_ref()
            .and_then(Number::as_f64)
            .is_some_and(|b| if below { value < b } else { value > b })
    };
    if beyond(&rules.min, true) {
        return rules.min.clone().map(|min| Problem::TooSmall { min });
    }
    if beyond(&rules.max, false) {
        return rules.max.clone().map(|max| Problem::TooLarge { max });
    }
    None
}

pub(super) fn check_date(rules: &DateRules, text: &str, today: NaiveDate) -> Option<Problem> {
    let Some(date) = stored_date(text) else {
        return Some(Problem::NotADate);
    };
    match (rules.min, rules.max) {
        (Some(min), _) if date < min => Some(Problem::TooEarly { min }),
        (_, Some(max)) if date > max => Some(Problem::TooLate { max }),
        _ if rules.not_in_future && date > today => Some(Problem::InTheFuture),
        _ => None,
    }
}

/// An exclusive option chosen with any other.
pub(super) fn not_alone(options: &[super::OptionDef], codes: &[String]) -> Option<Problem> {
    if codes.len() < 2 {
        return None;
    }
    options
        .iter()
        .find(|o| o.exclusive && codes.contains(&o.code))
        .map(|o| Problem::NotAlone {
            code: o.code.clone(),
        })
}

/// An option chosen twice (`["groups", "groups"]`): no one can tick a box
/// twice, so such a list was not typed.
pub(super) fn repeated(codes: &[String]) -> Option<Problem> {
    codes
        .iter()
        .enumerate()
        .find(|(at, code)| codes[..*at].contains(code))
        .map(|(_, code)| Problem::Repeated { code: code.clone() })
}

pub(super) fn unknown_code<'a>(
    options: &[super::OptionDef],
    codes: impl IntoIterator<Item = &'a String>,
) -> Option<Problem> {
    codes
        .into_iter()
        .find(|code| !options.iter().any(|o| &o.code == *code))
        .map(|code| Problem::NotAnOption { code: code.clone() })
}
