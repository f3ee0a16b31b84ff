//! Typed values: numbers as a person types them, dates, e-mail addresses,
//! phone numbers, and words counted as a person counts them. Pure functions;
//! the user's conventions (decimal comma, day-first dates) come in as a
//! [`Convention`] from the layer that knows the language.

use chrono::NaiveDate;
use serde_json::Number;

use super::{Answer, Form, ItemKind, TextFormat};

/// How numbers and dates are written in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Convention {
    /// The decimal separator: `,` in Italian, `.` in English.
    pub decimal: char,
    /// Dates shown as dd/mm/yyyy (Italian); otherwise as ISO 8601
    /// yyyy-mm-dd (English: unambiguous on both sides of the Atlantic).
    pub day_first: bool,
}

impl Convention {
    pub const ITALIAN: Convention = Convention {
        decimal: ',',
        day_first: true,
    };
    pub const ENGLISH: Convention = Convention {
        decimal: '.',
        day_first: false,
    };
}

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberMistake {
    NotANumber,
    /// A decimal part where only whole numbers are taken.
    NotWhole,
    /// The other language's separator ("3.5" in Italian): refused rather
    /// than guessed, since "1.234" is a thousand and more to an Italian.
    WrongSeparator,
}

/// Reads a number as typed: an optional sign, digits, and at most one
/// decimal separator, which must be the user's. No thousands separators.
pub fn parse_number(text: &str, whole: bool, decimal: char) -> Result<Number, NumberMistake> {
    let text = text.trim();
    let other = if decimal == ',' { '.' } else { ',' };
    if text.contains(other) {
        return Err(NumberMistake::WrongSeparator);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = match digits.split_once(decimal) {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(NumberMistake::NotANumber);
    }
    let negative = text.starts_with('-');
    if whole && frac.is_some() {
        return Err(NumberMistake::NotWhole);
    }
    // Typed without a decimal part, a number is stored as typed: 12, not 12.0.
    if frac.is_none()
        && let Ok(value) = int.parse::<i64>()
    {
        return Ok(Number::from(if negative { -value } else { value }));
    }
    if whole {
        return Err(NumberMistake::NotANumber);
    }
    let plain = format!(
        "{}{int}.{}",
        if negative { "-" } else { "" },
        frac.unwrap_or("0")
    );
    let value: f64 = plain.parse().map_err(|_| NumberMistake::NotANumber)?;
    Number::from_f64(value).ok_or(NumberMistake::NotANumber)
}

/// A number written for the user: "3,5" in Italian, "3.5" in English.
pub fn format_number(number: &Number, decimal: char) -> String {
    number.to_string().replace('.', &decimal.to_string())
}

/// Reads a date typed as dd/mm/yyyy (also with `-` or `.`, and one-digit
/// day or month) or as ISO 8601 yyyy-mm-dd, in either language: the two
/// cannot be confused, since only ISO begins with four digits.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a, 4..=4)?, number(b, 1..=2)?, number(c, 1..=2)?)
    } else {
        (number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?)
    };
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A stored date (ISO 8601), if it is one.
pub fn stored_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == value)
}

/// A date written for the user.
pub fn format_date(date: NaiveDate, convention: Convention) -> String {
    if convention.day_first {
        date.format("%d/%m/%Y").to_string()
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// Words as a person counts them, and as word processors do: runs of
/// text between spaces that hold a letter or a digit. "dell'ASL" is one
/// word; a dash standing alone is none.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// An e-mail address as people write them: one `@`, something before it,
/// a domain with a dot after it, no spaces, at most 254 characters.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    text.chars().count() <= 254
        && !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@<>()[]\\,;:\"".contains(c))
        && domain.contains('.')
        && domain.split('.').all(label_ok)
}

/// A phone number: digits, optionally a leading `+`, and the spaces,
/// dashes, dots, slashes and brackets people group them with; 6 to 15
/// digits (the international maximum).
pub fn is_phone(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || " -./()".contains(c))
        && (6..=15).contains(&digits)
}

impl Form {
    /// The answer of typed item `item` as the user would type it again:
    /// numbers and dates in the user's convention, anything else as stored.
    pub fn typed_text(&self, item: usize, answer: &Answer, convention: Convention) -> String {
        match (&self.items[item].kind, answer) {
            (_, Answer::Number(number)) => format_number(number, convention.decimal),
            (ItemKind::Date(_), Answer::One(text)) => match stored_date(text) {
                Some(date) => format_date(date, convention),
                None => text.clone(),
            },
            (_, Answer::One(text)) => text.clone(),
            (_, Answer::Many(codes)) => codes.join(", "),
        }
    }

    /// What typing `text` into typed item `item` stores: nothing for blank
    /// text; a number or an ISO date when the text reads as one; otherwise
    /// the text itself, so that nothing typed is lost (a draft may hold it;
    /// the item's check says what is wrong with it).
    pub fn typed_answer(&self, item: usize, text: &str, convention: Convention) -> Option<Answer> {
        if text.trim().is_empty() {
            return None;
        }
        Some(match &self.items[item].kind {
            ItemKind::Number(rules) => parse_number(text, rules.whole, convention.decimal)
                .map(Answer::Number)
                .unwrap_or_else(|_| Answer::One(text.trim().to_string())),
            ItemKind::Date(_) => match parse_date(text) {
                Some(date) => Answer::One(date.format("%Y-%m-%d").to_string()),
                None => Answer::One(text.trim().to_string()),
            },
            ItemKind::Text(rules) if rules.format != TextFormat::Free => {
                Answer::One(text.trim().to_string())
            }
            _ => Answer::One(text.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str, whole: bool, decimal: char) -> Result<String, NumberMistake> {
        parse_number(text, whole, decimal).map(|n| n.to_string())
    }

    #[test]
    fn decimals_are_typed_with_the_users_separator() {
        assert_eq!(number("3,5", false, ','), Ok("3.5".into()));
        assert_eq!(number(" -0,25 ", false, ','), Ok("-0.25".into()));
        assert_eq!(number("3.5", false, '.'), Ok("3.5".into()));
        assert_eq!(number("12", false, ','), Ok("12".into()), "as typed");
        assert_eq!(number("12,0", false, ','), Ok("12.0".into()));
        assert_eq!(
            number("3.5", false, ','),
            Err(NumberMistake::WrongSeparator)
        );
        assert_eq!(
            number("1.234", true, ','),
            Err(NumberMistake::WrongSeparator)
        );
        assert_eq!(
            number("3,5", false, '.'),
            Err(NumberMistake::WrongSeparator)
        );
        for bad in ["", ",5", "3,", "3,5,1", "tre", "1e3", "--1", "+"] {
            assert_eq!(
                number(bad, false, ','),
                Err(NumberMistake::NotANumber),
                "{bad}"
            );
        }
    }

    #[test]
    fn whole_numbers_refuse_a_decimal_part() {
        assert_eq!(number("42", true, ','), Ok("42".into()));
        assert_eq!(number("-7", true, '.'), Ok("-7".into()));
        assert_eq!(number("+7", true, '.'), Ok("7".into()));
        assert_eq!(number("4,0", true, ','), Err(NumberMistake::NotWhole));
        assert_eq!(
            number("99999999999999999999", true, ','),
            Err(NumberMistake::NotANumber)
        );
    }

    #[test]
    fn numbers_are_written_back_in_the_users_convention() {
        let n = parse_number("3,75", false, ',').unwrap();
        assert_eq!(format_number(&n, ','), "3,75");
        assert_eq!(format_number(&n, '.'), "3.75");
        assert_eq!(format_number(&Number::from(12), ','), "12");
    }

    #[test]
    fn dates_are_read_day_first_or_iso_and_leap_days_are_checked() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("29/02/2024"), d(2024, 2, 29));
        assert_eq!(parse_date("29/02/2023"), None, "2023 is not a leap year");
        assert_eq!(parse_date("29/02/1900"), None, "1900 is not a leap year");
        assert_eq!(parse_date("29/02/2000"), d(2000, 2, 29));
        assert_eq!(parse_date("1/3/2025"), d(2025, 3, 1));
        assert_eq!(parse_date("01-03-2025"), d(2025, 3, 1));
        assert_eq!(parse_date("01.03.2025"), d(2025, 3, 1));
        assert_eq!(parse_date("2025-03-01"), d(2025, 3, 1));
        for bad in [
            "31/04/2025",
            "13/13/2025",
            "1/3/25",
            "2025/3",
            "",
            "a/b/cccc",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn stored_dates_are_strict_iso() {
        assert!(stored_date("2024-02-29").is_some());
        assert!(stored_date("2023-02-29").is_none());
        assert!(stored_date("2024-2-9").is_none());
        assert!(stored_date("29/02/2024").is_none());
        let date = stored_date("2025-03-01").unwrap();
        assert_eq!(format_date(date, Convention::ITALIAN), "01/03/2025");
        assert_eq!(format_date(date, Convention::ENGLISH), "2025-03-01");
    }

    #[test]
    fn words_are_counted_as_a_person_counts_them() {
        assert_eq!(count_words("Il programma dell'ASL di Bologna"), 5);
        assert_eq!(count_words("  uno\n\ndue\ttre  "), 3);
        assert_eq!(count_words("prima — dopo - fine"), 3);
        assert_eq!(count_words("2013-2017: 33 peer"), 3);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("l'ASL, l'AUSL e l’Ospedale"), 4);
    }

    #[test]
    fn email_addresses() {
        for good in [
            "f.guzzetta@ausl.bologna.it",
            "nome+campo@esempio.it",
            "àlvaro@università.it",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "f.guzzetta",
            "@ausl.it",
            "a@b",
            "a b@c.it",
            "a@@c.it",
            "a@c..it",
            ".a@c.it",
            "a@-c.it",
            "a@c.it;b@d.it",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers() {
        for good in [
            "3488935528",
            "+39 051 658 4200",
            "(051) 658-4200",
            "051/6584200",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "12345",
            "+39 051 abc",
            "1234567890123456",
            "++39 051 1234",
            "",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }
}
