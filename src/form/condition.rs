use serde::Deserialize;
use serde_json::Number;

use super::Answer;
use super::expr::{self, Expr, SyntaxError};

/// When an item is asked, as written in a form definition, e.g.
/// `{"equals": ["ps_active", "yes"]}`,
/// `{"all": [{"equals": ["a", "yes"]}, {"not": {"includes": ["b", "none"]}}]}`
/// or, in XLSForm's language, `{"expression": "${age} >= 18 and selected(${b}, 'x')"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// A single-choice item has this code.
    Equals(String, String),
    /// A choice item has this code among its answers.
    Includes(String, String),
    /// The item has any non-empty answer.
    Answered(String),
    /// A number item's answer is greater than this.
    Above(String, Number),
    /// A number item's answer is less than this.
    Below(String, Number),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// XLSForm's `relevant`: holds when the expression is true.
    Expression(Expression),
}

/// An expression as a form writes it, read once when the form is; the
/// form is refused, naming the item, when it cannot be read.
#[derive(Debug, Clone)]
pub struct Expression {
    pub source: String,
    pub parsed: Result<Expr, SyntaxError>,
}

impl From<String> for Expression {
    fn from(source: String) -> Expression {
        let parsed = expr::parse(&source);
        Expression { source, parsed }
    }
}

impl<'de> Deserialize<'de> for Expression {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Expression, D::Error> {
        String::deserialize(deserializer).map(Expression::from)
    }
}

/// Two expressions are the same when written the same.
impl PartialEq for Expression {
    fn eq(&self, other: &Expression) -> bool {
        self.source == other.source
    }
}

impl Eq for Expression {}

impl Expression {
    /// Whether it holds over the answers `answer_of` gives (those of items
    /// asked; any other item is unanswered, as ODK has a non-relevant one).
    fn holds<'a>(
        &self,
        own: Option<&Answer>,
        answer_of: &impl Fn(&str) -> Option<&'a Answer>,
    ) -> bool {
        self.evaluate(own, answer_of)
            .is_some_and(|value| value.to_boolean())
    }

    /// What it is worth as text, as ODK would store a calculate's value
    /// (an empty text when it cannot be read: such a form is refused).
    pub fn value<'a>(&self, answer_of: &impl Fn(&str) -> Option<&'a Answer>) -> String {
        self.evaluate(None, answer_of)
            .map(|value| value.to_text())
            .unwrap_or_default()
    }

    fn evaluate<'a>(
        &self,
        own: Option<&Answer>,
        answer_of: &impl Fn(&str) -> Option<&'a Answer>,
    ) -> Option<expr::Value> {
        let parsed = self.parsed.as_ref().ok()?;
        let scope = AnswersInScope {
            own: own.map(Answer::submitted).unwrap_or_default(),
            answer_of,
        };
        Some(expr::evaluate(parsed, &scope))
    }
}

/// The answers as an expression sees them: as ODK would submit them.
struct AnswersInScope<'f, F> {
    own: String,
    answer_of: &'f F,
}

impl<'a, F: Fn(&str) -> Option<&'a Answer>> expr::Scope for AnswersInScope<'_, F> {
    fn reference(&self, name: &str) -> Option<String> {
        Some(
            (self.answer_of)(name)
                .map(Answer::submitted)
                .unwrap_or_default(),
        )
    }

    fn path(&self, path: &expr::Path) -> Option<String> {
        match path.steps.as_slice() {
            [expr::Step::Current] => Some(self.own.clone()),
            [expr::Step::Child(_), expr::Step::Child(name)] if path.absolute => {
                self.reference(name)
            }
            _ => None,
        }
    }

    fn current(&self) -> String {
        self.own.clone()
    }

    /// Conditions know no language: a label is for what is shown.
    fn choice_label(&self, _item: &str, _choice: &str) -> Option<String> {
        None
    }

    fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        chrono::Local::now().fixed_offset()
    }
}

impl Condition {
    /// Evaluates the condition, looking answers up through `answer_of`, which
    /// must return `None` for items that are unanswered or not asked.
    pub fn holds<'a>(&self, answer_of: &impl Fn(&str) -> Option<&'a Answer>) -> bool {
        self.holds_with(None, answer_of)
    }

    /// The same, `own` being the answer of the item it belongs to (`.` in
    /// an expression: a check's own answer).
    pub fn holds_with<'a>(
        &self,
        own: Option<&Answer>,
        answer_of: &impl Fn(&str) -> Option<&'a Answer>,
    ) -> bool {
        match self {
            Condition::Equals(item, code) => answer_of(item).and_then(Answer::as_one) == Some(code),
            Condition::Includes(item, code) => answer_of(item).is_some_and(|a| a.includes(code)),
            Condition::Answered(item) => answer_of(item).is_some_and(|a| !a.is_empty()),
            Condition::Above(item, limit) => {
                compare(answer_of(item), limit).is_some_and(|o| o.is_gt())
            }
            Condition::Below(item, limit) => {
                compare(answer_of(item), limit).is_some_and(|o| o.is_lt())
            }
            Condition::All(all) => all.iter().all(|c| c.holds_with(own, answer_of)),
            Condition::Any(any) => any.iter().any(|c| c.holds_with(own, answer_of)),
            Condition::Not(inner) => !inner.holds_with(own, answer_of),
            Condition::Expression(expression) => expression.holds(own, answer_of),
        }
    }

    /// The first expression in it that cannot be read, and why.
    pub fn unreadable(&self) -> Option<(&str, &SyntaxError)> {
        match self {
            Condition::Expression(Expression {
                source,
                parsed: Err(error),
            }) => Some((source, error)),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().find_map(Condition::unreadable)
            }
            Condition::Not(inner) => inner.unreadable(),
            _ => None,
        }
    }

    /// Every item id the condition reads, with the code it compares, if any.
    pub fn references(&self) -> Vec<(&str, Option<&str>)> {
        match self {
            Condition::Equals(item, code) | Condition::Includes(item, code) => {
                vec![(item.as_str(), Some(code.as_str()))]
            }
            Condition::Answered(item) | Condition::Above(item, _) | Condition::Below(item, _) => {
                vec![(item.as_str(), None)]
            }
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(Condition::references).collect()
            }
            Condition::Not(inner) => inner.references(),
            Condition::Expression(expression) => expression
                .parsed
                .as_ref()
                .map(|parsed| parsed.references().into_iter().map(|r| (r, None)).collect())
                .unwrap_or_default(),
        }
    }
}

/// How a number answer compares with `limit`; `None` when it is no number.
fn compare(answer: Option<&Answer>, limit: &Number) -> Option<std::cmp::Ordering> {
    let value = answer?.as_number()?.as_f64()?;
    value.partial_cmp(&limit.as_f64()?)
}

/// The items a condition compares as numbers.
impl Condition {
    pub fn numeric_references(&self) -> Vec<&str> {
        match self {
            Condition::Above(item, _) | Condition::Below(item, _) => vec![item.as_str()],
            Condition::All(list) | Condition::Any(list) => list
                .iter()
                .flat_map(Condition::numeric_references)
                .collect(),
            Condition::Not(inner) => inner.numeric_references(),
            _ => Vec::new(),
        }
    }
}

/// The condition in a compact notation for codebooks and exports:
/// `ps_active = yes`, `ps_services has other`, `a = x and (b = y or not c = z)`.
impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let joined = |f: &mut std::fmt::Formatter<'_>, list: &[Condition], word: &str| {
            let parts: Vec<String> = list
                .iter()
                .map(|c| match c {
                    Condition::All(_) | Condition::Any(_) => format!("({c})"),
                    _ => c.to_string(),
                })
                .collect();
            write!(f, "{}", parts.join(word))
        };
        match self {
            Condition::Equals(item, code) => write!(f, "{item} = {code}"),
            Condition::Includes(item, code) => write!(f, "{item} has {code}"),
            Condition::Answered(item) => write!(f, "{item} answered"),
            Condition::Above(item, limit) => write!(f, "{item} > {limit}"),
            Condition::Below(item, limit) => write!(f, "{item} < {limit}"),
            Condition::All(list) => joined(f, list, " and "),
            Condition::Any(list) => joined(f, list, " or "),
            Condition::Not(inner) => write!(f, "not ({inner})"),
            Condition::Expression(expression) => f.write_str(&expression.source),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn answers() -> BTreeMap<&'static str, Answer> {
        BTreeMap::from([
            ("active", Answer::One("yes".into())),
            (
                "services",
                Answer::Many(vec!["cmhc".into(), "other".into()]),
            ),
            ("name", Answer::One("  ".into())),
        ])
    }

    fn eval(json: &str) -> bool {
        let condition: Condition = serde_json::from_str(json).unwrap();
        let answers = answers();
        condition.holds(&|id: &str| answers.get(id))
    }

    #[test]
    fn equals_and_includes_compare_codes() {
        assert!(eval(r#"{"equals": ["active", "yes"]}"#));
        assert!(!eval(r#"{"equals": ["active", "no"]}"#));
        assert!(!eval(r#"{"equals": ["missing", "yes"]}"#));
        assert!(eval(r#"{"includes": ["services", "other"]}"#));
        assert!(!eval(r#"{"includes": ["services", "inpatient"]}"#));
        // A multiple choice never "equals" a code, even one it includes.
        assert!(!eval(r#"{"equals": ["services", "cmhc"]}"#));
    }

    #[test]
    fn blank_text_is_not_answered() {
        assert!(eval(r#"{"answered": "active"}"#));
        assert!(!eval(r#"{"answered": "name"}"#));
        assert!(!eval(r#"{"answered": "missing"}"#));
    }

    #[test]
    fn combinators_nest() {
        assert!(eval(
            r#"{"all": [{"equals": ["active", "yes"]}, {"not": {"includes": ["services", "inpatient"]}}]}"#
        ));
        assert!(!eval(
            r#"{"all": [{"equals": ["active", "yes"]}, {"answered": "name"}]}"#
        ));
        assert!(eval(
            r#"{"any": [{"equals": ["active", "no"]}, {"answered": "services"}]}"#
        ));
        assert!(!eval(r#"{"any": []}"#));
        assert!(eval(r#"{"all": []}"#));
    }

    #[test]
    fn conditions_read_as_text() {
        let condition: Condition = serde_json::from_str(
            r#"{"all": [{"equals": ["a", "x"]}, {"any": [{"includes": ["b", "y"]}, {"not": {"answered": "c"}}]}]}"#,
        )
        .unwrap();
        assert_eq!(
            condition.to_string(),
            "a = x and (b has y or not (c answered))"
        );
    }

    #[test]
    fn above_and_below_compare_numbers_only() {
        let answers = BTreeMap::from([
            ("staff", Answer::Number(51.into())),
            ("typed", Answer::One("60".into())),
        ]);
        let eval = |json: &str| {
            let condition: Condition = serde_json::from_str(json).unwrap();
            condition.holds(&|id: &str| answers.get(id))
        };
        assert!(eval(r#"{"above": ["staff", 50]}"#));
        assert!(!eval(r#"{"above": ["staff", 51]}"#));
        assert!(eval(r#"{"below": ["staff", 51.5]}"#));
        assert!(!eval(r#"{"above": ["typed", 50]}"#), "text is no number");
        assert!(!eval(r#"{"below": ["missing", 50]}"#));
    }

    #[test]
    fn unknown_operators_are_refused() {
        assert!(serde_json::from_str::<Condition>(r#"{"equal": ["a", "b"]}"#).is_err());
    }

    #[test]
    fn references_lists_every_item_read() {
        let condition: Condition = serde_json::from_str(
            r#"{"any": [{"equals": ["a", "x"]}, {"not": {"answered": "b"}}]}"#,
        )
        .unwrap();
        assert_eq!(condition.references(), vec![("a", Some("x")), ("b", None)]);
    }

    #[test]
    fn an_expression_holds_as_odk_works_it_out() {
        assert!(eval(
            r#"{"expression": "${active} = 'yes' and selected(${services}, 'cmhc')"}"#
        ));
        assert!(!eval(
            r#"{"expression": "count-selected(${services}) > 2"}"#
        ));
        // An unanswered (or skipped) item is nothing: no number, not above 3.
        assert!(!eval(r#"{"expression": "${missing} > 3"}"#));
        assert!(eval(r#"{"expression": "${missing} = ''"}"#));
        assert!(eval(r#"{"not": {"expression": "${missing} + 1 >= 1"}}"#));
    }

    #[test]
    fn an_expressions_references_are_what_it_reads() {
        let condition: Condition =
            serde_json::from_str(r#"{"expression": "if(${b} > 1, ${a}, ${b})"}"#).unwrap();
        assert_eq!(condition.references(), [("b", None), ("a", None)]);
        assert_eq!(condition.to_string(), "if(${b} > 1, ${a}, ${b})");
    }

    #[test]
    fn an_unreadable_expression_is_found_inside_others() {
        let condition: Condition =
            serde_json::from_str(r#"{"all": [{"answered": "a"}, {"expression": "${a} >"}]}"#)
                .unwrap();
        assert_eq!(
            condition.unreadable(),
            Some(("${a} >", &SyntaxError::UnexpectedEnd))
        );
    }
}
