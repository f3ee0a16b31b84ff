//! What an expression is worth, and how one kind becomes another, as ODK
//! Web Forms' engine has it (checked against it by tests/expressions.rs):
//! XPath 1.0's rules, with dates counted in days since 1970 wherever a
//! number is wanted, numbers written as JavaScript writes them, and a number
//! that is not one (an unanswered integer plus one) written as nothing.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Boolean(bool),
    Date(NaiveDate),
    DateTime(DateTime<FixedOffset>),
    /// A question's answer as it would be submitted ("" unanswered or not
    /// relevant); `None` where a path names no node. As a boolean it is
    /// whether the node exists, as XPath has it, not whether it has a value.
    Node(Option<String>),
}

const MILLIS_A_DAY: f64 = 86_400_000.0;

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date")
}

impl Value {
    pub fn to_boolean(&self) -> bool {
        match self {
            Value::Text(text) => !text.is_empty(),
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::Boolean(b) => *b,
            Value::Date(_) | Value::DateTime(_) => true,
            Value::Node(node) => node.is_some(),
        }
    }

    /// `zone`: where a date and time written without an offset is.
    pub fn to_number(&self, zone: FixedOffset) -> f64 {
        match self {
            Value::Text(text) | Value::Node(Some(text)) => text_to_number(text, zone),
            Value::Number(n) => *n,
            Value::Boolean(b) => f64::from(u8::from(*b)),
            Value::Date(date) => (*date - epoch()).num_days() as f64,
            Value::DateTime(at) => at.timestamp_millis() as f64 / MILLIS_A_DAY,
            Value::Node(None) => f64::NAN,
        }
    }

    pub fn to_text(&self) -> String {
        match self {
            Value::Text(text) | Value::Node(Some(text)) => text.clone(),
            Value::Number(n) => number_to_text(*n),
            Value::Boolean(b) => b.to_string(),
            Value::Date(date) => date.format("%Y-%m-%d").to_string(),
            Value::DateTime(at) => at.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string(),
            Value::Node(None) => String::new(),
        }
    }

    /// Whether comparing with it compares numbers (XPath: a number; ODK:
    /// a date too).
    pub(super) fn is_numeric(&self) -> bool {
        matches!(self, Value::Number(_) | Value::Date(_) | Value::DateTime(_))
    }

    /// The date or date and time it names, if it names one.
    pub fn to_instant(&self, zone: FixedOffset) -> Option<Value> {
        match self {
            Value::Date(_) | Value::DateTime(_) => Some(self.clone()),
            Value::Number(n) => days_to_instant(*n, zone),
            Value::Text(text) | Value::Node(Some(text)) => parse_instant(text.trim(), zone),
            Value::Boolean(_) | Value::Node(None) => None,
        }
    }
}

/// A text as a number: a date or a date and time as days since 1970, else
/// as JavaScript's `Number` reads it, except that nothing is not a number.
fn text_to_number(text: &str, zone: FixedOffset) -> f64 {
    if text.is_empty() {
        return f64::NAN;
    }
    if let Some(instant) = parse_instant(text.trim(), zone) {
        return instant.to_number(zone);
    }
    javascript_number(text)
}

fn javascript_number(text: &str) -> f64 {
    let text = text.trim();
    match text {
        "" => return 0.0,
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return u64::from_str_radix(hex, 16).map_or(f64::NAN, |n| n as f64);
    }
    // Rust reads "inf" and "nan", JavaScript does not.
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-' | 'e' | 'E'));
    if !plain {
        return f64::NAN;
    }
    text.parse().unwrap_or(f64::NAN)
}

/// A number as JavaScript writes it (the shortest digits that read back
/// the same; an exponent from 10²¹ up and below 10⁻⁶), and a number that is
/// not one as nothing, as Web Forms writes it.
pub fn number_to_text(n: f64) -> String {
    if n.is_nan() {
        return String::new();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n == 0.0 {
        return "0".into();
    }
    let scientific = format!("{:e}", n.abs());
    let (mantissa, exponent) = scientific.split_once('e').expect("{:e} has an exponent");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().expect("{:e} writes an integer exponent");
    let sign = if n < 0.0 { "-" } else { "" };
    let k = digits.len() as i32;
    let point = exponent + 1; // where the decimal point goes among the digits
    let body = if k <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - k) as usize))
    } else if 0 < point && point <= 21 {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let exponent_sign = if point - 1 < 0 { '-' } else { '+' };
        format!("{first}{rest}e{exponent_sign}{}", (point - 1).abs())
    };
    format!("{sign}{body}")
}

/// A number of days since 1970 as a date (whole days) or a date and time.
pub fn days_to_instant(days: f64, zone: FixedOffset) -> Option<Value> {
    if !days.is_finite() {
        return None;
    }
    if days.fract() == 0.0 {
        return epoch()
            .checked_add_signed(chrono::Duration::days(days as i64))
            .map(Value::Date);
    }
    let millis = (days * MILLIS_A_DAY).round() as i64;
    zone.timestamp_millis_opt(millis)
        .single()
        .map(Value::DateTime)
}

/// A date, `2024-05-01`, or a date and time (`2024-05-01T10:30:00`, with
/// fractions and an offset optional; one without an offset is in `zone`),
/// as ODK reads them where a date is wanted. A time it cannot read leaves
/// the date.
pub fn parse_instant(text: &str, zone: FixedOffset) -> Option<Value> {
    read_instant(text, zone, Reading::Strict)
}

/// What `date()` reads besides: months and days of one digit, and times
/// without seconds.
pub fn parse_instant_leniently(text: &str, zone: FixedOffset) -> Option<Value> {
    read_instant(text, zone, Reading::Lenient)
}

#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Strict,
    Lenient,
}

fn read_instant(text: &str, zone: FixedOffset, reading: Reading) -> Option<Value> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let longest_part = if reading == Reading::Strict { 2 } else { 1 };
    let date = parse_date(date, longest_part)?;
    let Some(time) = time else {
        return Some(Value::Date(date));
    };
    let clock = split_offset(time).and_then(|(clock, offset)| {
        let with_seconds = NaiveTime::parse_from_str(clock, "%H:%M:%S%.f");
        let clock = match reading {
            Reading::Strict => with_seconds.ok()?,
            Reading::Lenient => with_seconds
                .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
                .ok()?,
        };
        Some((clock, offset))
    });
    let Some((clock, offset)) = clock else {
        return (reading == Reading::Strict).then_some(Value::Date(date));
    };
    let local = NaiveDateTime::new(date, clock);
    let at = offset
        .unwrap_or(zone)
        .from_local_datetime(&local)
        .single()?;
    Some(Value::DateTime(at.with_timezone(&zone)))
}

/// Year, month and day: four digits, then `shortest` to two each.
fn parse_date(text: &str, shortest: usize) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, least: usize, most: usize| {
        (least..=most).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(year, 4, 4) || !digits(month, shortest, 2) || !digits(day, shortest, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A time and its offset (`Z`, `+02:00`, `-0500`), if it has one.
fn split_offset(time: &str) -> Option<(&str, Option<FixedOffset>)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, FixedOffset::east_opt(0)));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = time.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let hours: i32 = digits[..2].parse().ok()?;
            let minutes: i32 = digits[2..].parse().ok()?;
            Some((
                clock,
                FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)),
            ))
        }
        None => Some((time, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (n, text) in [
            (7.0, "7"),
            (-0.0, "0"),
            (1.5, "1.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e22, "1e+22"),
            (123456789012345678901234.0, "1.2345678901234569e+23"),
            (999999999999999900000.0, "999999999999999900000"),
            (0.000001, "0.000001"),
            (0.0000001, "1e-7"),
            (1.0 / 3000000000.0, "3.333333333333333e-10"),
            (-14.5, "-14.5"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, ""),
        ] {
            assert_eq!(number_to_text(n), text, "{n}");
        }
    }

    #[test]
    fn texts_are_read_as_javascript_reads_them_but_nothing_is_not_a_number() {
        let number = |text: &str| Value::Text(text.into()).to_number(utc());
        assert!(number("").is_nan());
        assert_eq!(number(" "), 0.0);
        assert_eq!(number("  12.5 "), 12.5);
        assert_eq!(number("+5"), 5.0);
        assert_eq!(number(".5"), 0.5);
        assert_eq!(number("5."), 5.0);
        assert_eq!(number("1e3"), 1000.0);
        assert!(number("1,5").is_nan());
        assert!(number("12abc").is_nan());
        assert!(number("inf").is_nan());
        assert_eq!(number("Infinity"), f64::INFINITY);
    }

    #[test]
    fn dates_are_days_since_1970_where_a_number_is_wanted() {
        let number = |text: &str| Value::Text(text.into()).to_number(utc());
        assert_eq!(number("2024-05-01"), 19844.0);
        assert!(
            number("2024-5-1").is_nan(),
            "date() reads it; number() does not"
        );
        assert_eq!(number("2024-05-01T12:00:00"), 19844.5);
        assert_eq!(number("2024-05-02T02:00:00+02:00"), 19845.0);
        assert!(number("2024-02-30").is_nan());
    }

    #[test]
    fn a_node_is_true_when_it_exists_even_unanswered() {
        assert!(Value::Node(Some(String::new())).to_boolean());
        assert!(!Value::Node(None).to_boolean());
        assert!(!Value::Text(String::new()).to_boolean());
        assert!(Value::Text("false".into()).to_boolean());
    }

    #[test]
    fn days_become_a_date_or_a_date_and_time() {
        assert_eq!(days_to_instant(0.0, utc()).unwrap().to_text(), "1970-01-01");
        assert_eq!(
            days_to_instant(19844.5, utc()).unwrap().to_text(),
            "2024-05-01T12:00:00.000+00:00"
        );
    }
}
