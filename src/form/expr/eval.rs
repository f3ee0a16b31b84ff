//! Working an expression out against the answers, as ODK Web Forms'
//! engine does (tests/expressions.rs asks it, live, for every case).

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::syntax::{Expr, Operator, Path};
use super::value::{Value, days_to_instant, parse_instant_leniently};

/// What an expression can see: the answers, the item it belongs to, the
/// choices' labels and the clock. The engine gives one per evaluation.
pub trait Scope {
    /// `${name}`: the answer as it would be submitted, "" when unanswered
    /// or not relevant; `None` when the form has no such item.
    fn reference(&self, name: &str) -> Option<String>;
    /// A path: `/data/…`, `..`, or a bare name (in a `choice_filter`, the
    /// choice's own columns).
    fn path(&self, path: &Path) -> Option<String>;
    /// `.`: the answer of the item the expression belongs to.
    fn current(&self) -> String;
    /// The label, in the language shown, of `choice` of the item `item`.
    fn choice_label(&self, item: &str, choice: &str) -> Option<String>;
    /// Now, in the zone dates are shown in.
    fn now(&self) -> DateTime<FixedOffset>;
}

pub fn evaluate(expr: &Expr, scope: &dyn Scope) -> Value {
    Evaluation {
        scope,
        zone: *scope.now().offset(),
    }
    .value(expr)
}

struct Evaluation<'a> {
    scope: &'a dyn Scope,
    zone: FixedOffset,
}

impl Evaluation<'_> {
    fn value(&self, expr: &Expr) -> Value {
        match expr {
            Expr::Number(n) => Value::Number(*n),
            Expr::Text(text) => Value::Text(text.clone()),
            Expr::Reference(name) => Value::Node(self.scope.reference(name)),
            Expr::Path(path) => Value::Node(self.scope.path(path)),
            Expr::Negate(inner) => Value::Number(-self.number(inner)),
            Expr::Binary(operator, left, right) => self.binary(*operator, left, right),
            Expr::Call(name, arguments) => self.call(name, arguments),
        }
    }

    fn number(&self, expr: &Expr) -> f64 {
        self.value(expr).to_number(self.zone)
    }

    fn text(&self, expr: &Expr) -> String {
        self.value(expr).to_text()
    }

    fn boolean(&self, expr: &Expr) -> bool {
        self.value(expr).to_boolean()
    }

    fn binary(&self, operator: Operator, left: &Expr, right: &Expr) -> Value {
        use Operator::*;
        match operator {
            // Web Forms gives back the operand that decided, as
            // JavaScript's `&&` and `||` do: `'a' and 'b'` is 'b'. As a
            // condition it is the same; written out, it is what ODK writes.
            And => {
                let left = self.value(left);
                if left.to_boolean() {
                    self.value(right)
                } else {
                    left
                }
            }
            Or => {
                let left = self.value(left);
                if left.to_boolean() {
                    left
                } else {
                    self.value(right)
                }
            }
            Equal | NotEqual => {
                let equal = self.equal(&self.value(left), &self.value(right));
                Value::Boolean(equal.is_some_and(|equal| equal == (operator == Equal)))
            }
            Less | LessOrEqual | Greater | GreaterOrEqual => {
                let (left, right) = (self.number(left), self.number(right));
                Value::Boolean(match operator {
                    Less => left < right,
                    LessOrEqual => left <= right,
                    Greater => left > right,
                    _ => left >= right,
                })
            }
            Add => Value::Number(self.number(left) + self.number(right)),
            Subtract => Value::Number(self.number(left) - self.number(right)),
            Multiply => Value::Number(self.number(left) * self.number(right)),
            Divide => Value::Number(self.number(left) / self.number(right)),
            Modulo => Value::Number(self.number(left) % self.number(right)),
        }
    }

    /// XPath's `=`: as booleans if either is one, as numbers if either is
    /// one (or a date), else as texts. `None`: a path that names no node
    /// is neither equal nor unequal to anything but a boolean.
    fn equal(&self, left: &Value, right: &Value) -> Option<bool> {
        if matches!(left, Value::Boolean(_)) || matches!(right, Value::Boolean(_)) {
            return Some(left.to_boolean() == right.to_boolean());
        }
        if matches!(left, Value::Node(None)) || matches!(right, Value::Node(None)) {
            return None;
        }
        if left.is_numeric() || right.is_numeric() {
            return Some(left.to_number(self.zone) == right.to_number(self.zone));
        }
        Some(left.to_text() == right.to_text())
    }

    fn call(&self, name: &str, arguments: &[Expr]) -> Value {
        let text = |n: usize| self.text(&arguments[n]);
        let number = |n: usize| self.number(&arguments[n]);
        let optional_text = |n: usize| {
            arguments
                .get(n)
                .map_or_else(|| self.scope.current(), |a| self.text(a))
        };
        match name {
            "selected" => Value::Boolean(selected(&text(0), text(1).trim())),
            "count-selected" => Value::Number(text(0).split_whitespace().count() as f64),
            "selected-at" => {
                let at = number(1);
                let list = text(0);
                let chosen = (at >= 0.0)
                    .then(|| list.split_whitespace().nth(at as usize))
                    .flatten();
                Value::Text(chosen.unwrap_or_default().to_string())
            }
            "jr:choice-name" => {
                let item = item_named(&arguments[1]);
                let label = item.and_then(|item| self.scope.choice_label(&item, &text(0)));
                Value::Text(label.unwrap_or_default())
            }
            "string-length" => Value::Number(optional_text(0).chars().count() as f64),
            "substr" => Value::Text(substring(
                &text(0),
                number(1),
                arguments.get(2).map(|end| self.number(end)),
            )),
            "concat" => Value::Text(arguments.iter().map(|a| self.text(a)).collect()),
            "contains" => Value::Boolean(text(0).contains(&text(1))),
            "starts-with" => Value::Boolean(text(0).starts_with(&text(1))),
            "ends-with" => Value::Boolean(text(0).ends_with(&text(1))),
            "regex" => Value::Boolean(
                regex_lite::Regex::new(&text(1)).is_ok_and(|pattern| pattern.is_match(&text(0))),
            ),
            "if" => {
                let chosen = if self.boolean(&arguments[0]) { 1 } else { 2 };
                self.value(&arguments[chosen])
            }
            "coalesce" => {
                let first = self.value(&arguments[0]);
                if first.to_text().is_empty() {
                    self.value(&arguments[1])
                } else {
                    first
                }
            }
            "not" => Value::Boolean(!self.boolean(&arguments[0])),
            "true" => Value::Boolean(true),
            "false" => Value::Boolean(false),
            "boolean" => Value::Boolean(self.boolean(&arguments[0])),
            "number" => Value::Number(match arguments.first() {
                Some(argument) => self.number(argument),
                None => Value::Text(self.scope.current()).to_number(self.zone),
            }),
            "int" => Value::Number(number(0).trunc()),
            "round" => Value::Number(round(number(0), arguments.get(1).map(|d| self.number(d)))),
            "string" => Value::Text(optional_text(0)),
            "today" => Value::Date(self.scope.now().date_naive()),
            "now" => Value::DateTime(self.scope.now()),
            "date" => self.date(&arguments[0]),
            "decimal-date-time" => {
                let instant = self.value(&arguments[0]).to_instant(self.zone);
                Value::Number(instant.map_or(f64::NAN, |i| i.to_number(self.zone)))
            }
            "format-date" => {
                let instant = self.value(&arguments[0]).to_instant(self.zone);
                let written = instant.map(|i| format_date(&i, &text(1), self.zone));
                Value::Text(written.unwrap_or_default())
            }
            "once" => {
                let current = self.scope.current();
                if current.is_empty() {
                    self.value(&arguments[0])
                } else {
                    Value::Text(current)
                }
            }
            "abs" => Value::Number(number(0).abs()),
            "floor" => Value::Number(number(0).floor()),
            "ceiling" => Value::Number(number(0).ceil()),
            "pow" => Value::Number(number(0).powf(number(1))),
            "normalize-space" => Value::Text(
                optional_text(0)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            "translate" => Value::Text(translate(&text(0), &text(1), &text(2))),
            _ => unreachable!("the parser admits only the functions of functions.rs"),
        }
    }

    /// `date(…)`: a date from days or a text; nothing stays nothing, and a
    /// text that is no date is "Invalid Date", as Web Forms writes it.
    fn date(&self, argument: &Expr) -> Value {
        let value = self.value(argument);
        if let Value::Text(text) | Value::Node(Some(text)) = &value
            && text.is_empty()
        {
            return Value::Text(String::new());
        }
        match &value {
            Value::Number(days) => days_to_instant(*days, self.zone),
            Value::Text(text) | Value::Node(Some(text)) => {
                parse_instant_leniently(text.trim(), self.zone)
            }
            other => other.to_instant(self.zone),
        }
        .unwrap_or_else(|| Value::Text("Invalid Date".into()))
    }
}

/// `selected(list, choice)`: whether a space-separated list holds the
/// choice (an empty list holds only the empty choice, as in Web Forms).
fn selected(list: &str, choice: &str) -> bool {
    if list.trim().is_empty() {
        return choice.is_empty();
    }
    list.split_whitespace().any(|one| one == choice)
}

/// The item `jr:choice-name`'s second argument names: `'${name}'` as
/// XLSForm writes it, or the path pyxform makes of it.
fn item_named(argument: &Expr) -> Option<String> {
    let text = match argument {
        Expr::Text(text) => text.trim(),
        Expr::Reference(name) => return Some(name.clone()),
        _ => return None,
    };
    if let Some(name) = text.strip_prefix("${").and_then(|t| t.strip_suffix('}')) {
        return Some(name.trim().to_string());
    }
    text.rsplit('/').next().map(str::to_string)
}

/// `substr(text, start, end)`: characters from `start` (counted from 0)
/// to before `end`, negative positions counting from the end, as
/// JavaScript's `slice`.
fn substring(text: &str, start: f64, end: Option<f64>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let length = chars.len() as f64;
    let position = |at: f64| {
        let at = if at.is_nan() { 0.0 } else { at.trunc() };
        let at = if at < 0.0 { length + at } else { at };
        at.clamp(0.0, length) as usize
    };
    let (from, to) = (position(start), end.map_or(chars.len(), position));
    if from >= to {
        return String::new();
    }
    chars[from..to].iter().collect()
}

/// Half away from zero, to `digits` places (negative: tens, hundreds…).
fn round(n: f64, digits: Option<f64>) -> f64 {
    let digits = digits.unwrap_or(0.0).trunc();
    if digits == 0.0 {
        return n.round();
    }
    let factor = 10f64.powf(digits);
    (n * factor).round() / factor
}

fn translate(text: &str, from: &str, to: &str) -> String {
    let (from, to): (Vec<char>, Vec<char>) = (from.chars().collect(), to.chars().collect());
    text.chars()
        .filter_map(|c| match from.iter().position(|&f| f == c) {
            Some(at) => to.get(at).copied(),
            None => Some(c),
        })
        .collect()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// ODK's `format-date` patterns: `%Y %y %m %n %d %e %H %h %M %S %3 %a %b`.
fn format_date(instant: &Value, pattern: &str, zone: FixedOffset) -> String {
    let at = match instant {
        Value::Date(date) => date.and_hms_opt(0, 0, 0).expect("midnight exists"),
        Value::DateTime(at) => at.with_timezone(&zone).naive_local(),
        _ => return String::new(),
    };
    let mut written = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            written.push(c);
            continue;
        }
        let Some(code) = chars.next() else {
            written.push('%');
            break;
        };
        let piece = match code {
            'Y' => format!("{:04}", at.year()),
            'y' => format!("{:02}", at.year() % 100),
            'm' => format!("{:02}", at.month()),
            'n' => at.month().to_string(),
            'd' => format!("{:02}", at.day()),
            'e' => at.day().to_string(),
            'H' => format!("{:02}", at.hour()),
            'h' => at.hour().to_string(),
            'M' => format!("{:02}", at.minute()),
            'S' => format!("{:02}", at.second()),
            '3' => format!("{:03}", at.nanosecond() / 1_000_000),
            'a' => WEEKDAYS[at.weekday().num_days_from_monday() as usize].to_string(),
            'b' => MONTHS[at.month0() as usize].to_string(),
            other => format!("%{other}"),
        };
        written.push_str(&piece);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::super::syntax::parse;
    use super::*;
    use std::collections::HashMap;

    struct Answers(HashMap<&'static str, &'static str>);

    impl Scope for Answers {
        fn reference(&self, name: &str) -> Option<String> {
            self.0.get(name).map(|v| v.to_string())
        }
        fn path(&self, _: &Path) -> Option<String> {
            None
        }
        fn current(&self) -> String {
            String::new()
        }
        fn choice_label(&self, item: &str, choice: &str) -> Option<String> {
            (item == "s" && choice == "b").then(|| "Banana".to_string())
        }
        fn now(&self) -> DateTime<FixedOffset> {
            DateTime::parse_from_rfc3339("2026-12-03T10:30:00+01:00").unwrap()
        }
    }

    fn worth(source: &str) -> String {
        let answers = Answers(HashMap::from([
            ("t", "hello"),
            ("e", ""),
            ("i", "7"),
            ("d", "2024-05-01"),
            ("s", "b"),
            ("m", "a b"),
        ]));
        evaluate(&parse(source).unwrap(), &answers).to_text()
    }

    #[test]
    fn an_unanswered_question_is_nothing_in_arithmetic_and_false_in_comparisons() {
        assert_eq!(worth("${e} + 1"), "");
        assert_eq!(worth("${e} > 3"), "false");
        assert_eq!(worth("${e} < 3"), "false");
        assert_eq!(worth("${e} = ''"), "true");
        assert_eq!(worth("concat('[', ${e}, ']')"), "[]");
        // It exists, so as a condition on its own it holds.
        assert_eq!(worth("if(${e}, 'y', 'n')"), "y");
    }

    #[test]
    fn dates_compare_and_count_as_dates() {
        assert_eq!(worth("${d} + 1"), "19845");
        assert_eq!(worth("${d} > '2024-01-01'"), "true");
        assert_eq!(worth("${d} = date('2024-05-01')"), "true");
        assert_eq!(worth("today()"), "2026-12-03");
        assert_eq!(worth("now()"), "2026-12-03T10:30:00.000+01:00");
        assert_eq!(
            worth("format-date(${d}, '%e/%n/%Y %a %b')"),
            "1/5/2024 Wed May"
        );
        assert_eq!(worth("date('bad')"), "Invalid Date");
        assert_eq!(
            worth("decimal-date-time('2024-05-01T13:00:00+01:00')"),
            "19844.5"
        );
    }

    #[test]
    fn selects_are_space_separated_lists() {
        assert_eq!(worth("selected(${m}, 'b')"), "true");
        assert_eq!(worth("count-selected(${m})"), "2");
        assert_eq!(worth("selected-at(${m}, 1)"), "b");
        assert_eq!(worth("selected-at(${m}, 2)"), "");
        assert_eq!(worth("jr:choice-name(${s}, '${s}')"), "Banana");
    }

    #[test]
    fn texts_and_numbers_as_odk_has_them() {
        assert_eq!(worth("substr(${t}, 1, 3)"), "el");
        assert_eq!(worth("substr(${t}, -1, 2)"), "");
        assert_eq!(worth("string-length('héllo')"), "5");
        assert_eq!(worth("round(-2.5)"), "-3");
        assert_eq!(worth("round(1234.5678, -2)"), "1200");
        assert_eq!(worth("int(-2.7)"), "-2");
        assert_eq!(worth("-7 mod 3"), "-1");
        assert_eq!(worth("1 div 0"), "Infinity");
        assert_eq!(worth("regex(${t}, '^he')"), "true");
        assert_eq!(worth("coalesce(${e}, ${t})"), "hello");
        assert_eq!(worth("translate('abc', 'ab', 'A')"), "Ac");
    }

    #[test]
    fn and_and_or_give_back_the_operand_that_decided() {
        assert_eq!(worth("'a' and 'b'"), "b");
        assert_eq!(worth("1 and 0"), "0");
        assert_eq!(worth("'' or 'a'"), "a");
        assert_eq!(worth("true() and false()"), "false");
    }
}
