use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Number;

use super::Condition;
use super::condition::Expression;
use super::error::FormError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub id: String,
    pub version: u32,
    /// Fluent id of the form's title.
    pub title: String,
    pub sections: Vec<Section>,
    /// Every item in form order, sections one after the other.
    pub items: Vec<Item>,
    pub derived: Vec<DerivedValue>,
    /// Items that name a response in lists (e.g. the department and region).
    pub summary: Vec<SummaryColumn>,
    /// The root of every path ODK prints (`/data/group/name`).
    pub root: String,
    pub(super) index: HashMap<String, usize>,
}

/// An item shown as a column where responses are listed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryColumn {
    pub item: String,
    /// Fluent id of the column heading.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Positions of its items in `Form::items`.
    pub items: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub section: usize,
    pub question: String,
    pub help: Option<String>,
    /// Always required (a form's `required: true`).
    pub required: bool,
    /// Required only while this holds (see [`Form::requires`]).
    pub required_when: Option<Condition>,
    pub kind: ItemKind,
    pub asked_when: Option<Condition>,
    /// For an "other, specify" companion: the choice item and option it
    /// details. Such an item is asked exactly when that option is chosen.
    pub specifies: Option<(usize, String)>,
    /// A single choice whose options are ordered (a scale, ranges): its
    /// statistics-package export marks it ordinal.
    pub ordinal: bool,
    /// Checks across answers, shown at this item: hard ones refuse,
    /// soft ones warn and take a reason.
    pub checks: Vec<Check>,
    /// The XLSForm groups it is in, outermost first, joined by `/`: its
    /// path is `/data/<group>/<id>`, as ODK names it.
    pub group: Option<String>,
}

/// A rule over the answers: when `when` holds, the answer is refused
/// (`soft: false`) or must be confirmed with a reason (`soft: true`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub when: Condition,
    /// Fluent id of what the respondent is told (without one, campo's
    /// own words: the answer is not allowed).
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub soft: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Single {
        options: Vec<OptionDef>,
        filterable: bool,
    },
    Multi {
        options: Vec<OptionDef>,
    },
    Text(TextRules),
    /// `integer` or `decimal`: stored as a JSON number.
    Number(NumberRules),
    /// Stored as ISO 8601, yyyy-mm-dd.
    Date(DateRules),
    /// Text shown (XLSForm's `note`), with `${name}` filled in; nothing
    /// is asked or stored.
    Note,
    /// A value worked out from earlier answers (XLSForm's `calculate`):
    /// never shown, stored under its id as the text ODK would submit,
    /// worked out again whenever an answer changes.
    Calculate(Expression),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextRules {
    pub multiline: bool,
    /// In characters, after trimming.
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    /// In words, counted by [`super::value::count_words`].
    pub min_words: Option<usize>,
    pub max_words: Option<usize>,
    pub format: TextFormat,
}

/// What a text must look like: anything, an e-mail address, a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextFormat {
    #[default]
    Free,
    Email,
    Phone,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberRules {
    /// `integer` rather than `decimal`.
    pub whole: bool,
    pub min: Option<Number>,
    pub max: Option<Number>,
    /// Fluent id of the unit shown after the field ("persone", "km").
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRules {
    pub min: Option<NaiveDate>,
    pub max: Option<NaiveDate>,
    pub not_in_future: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub code: String,
    pub label: String,
    /// Chosen alone in a multiple choice ("Don't know", "None"): ticking
    /// it clears the others, ticking another clears it.
    #[serde(default)]
    pub exclusive: bool,
}

/// A value computed from an answer rather than asked, such as the macro-area
/// of a region.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedValue {
    pub id: String,
    pub label: String,
    pub from: String,
    pub values: Vec<DerivedCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedCode {
    pub code: String,
    pub label: String,
    /// The codes of the source item that map to this value.
    pub from: Vec<String>,
}

impl Item {
    pub fn options(&self) -> &[OptionDef] {
        match &self.kind {
            ItemKind::Single { options, .. } | ItemKind::Multi { options } => options,
            _ => &[],
        }
    }

    /// Answered by typing (text, number, date) rather than by choosing.
    pub fn is_typed(&self) -> bool {
        matches!(
            self.kind,
            ItemKind::Text(_) | ItemKind::Number(_) | ItemKind::Date(_)
        )
    }

    /// Asked of the respondent and stored: neither a note nor a calculate.
    pub fn takes_answer(&self) -> bool {
        !matches!(self.kind, ItemKind::Note | ItemKind::Calculate(_))
    }

    pub fn is_calculate(&self) -> bool {
        matches!(self.kind, ItemKind::Calculate(_))
    }

    pub fn has_option(&self, code: &str) -> bool {
        self.options().iter().any(|o| o.code == code)
    }

    /// The codes of a multiple choice once `code` is chosen too: an
    /// exclusive option is chosen alone, and any other clears the exclusive
    /// ones.
    pub fn with_chosen(&self, codes: &[String], code: &str) -> Vec<String> {
        let exclusive = |c: &str| self.options().iter().any(|o| o.code == c && o.exclusive);
        if exclusive(code) {
            return vec![code.to_string()];
        }
        let mut kept: Vec<String> = codes
            .iter()
            .filter(|c| !exclusive(c) && *c != code)
            .cloned()
            .collect();
        kept.push(code.to_string());
        kept
    }

    pub fn is_companion(&self) -> bool {
        self.specifies.is_some()
    }
}

impl Form {
    /// Reads and checks a definition. Messages are checked separately, by
    /// [`crate::package::FormPackage`], once the translations are known.
    pub fn from_json(text: &str) -> Result<Form, FormError> {
        super::build::from_json(text)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The companion items that detail options of item `index`.
    pub fn companions_of(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, item)| matches!(item.specifies, Some((parent, _)) if parent == index))
            .map(|(i, _)| i)
    }

    /// The companion of item `index` for option `code`, if there is one.
    pub fn companion_for(&self, index: usize, code: &str) -> Option<usize> {
        self.companions_of(index)
            .find(|&c| matches!(&self.items[c].specifies, Some((_, option)) if option == code))
    }

    /// The code of a derived value for these answers, e.g. the macro-area.
    pub fn derive<'a>(&self, derived: &'a DerivedValue, source: Option<&str>) -> Option<&'a str> {
        let source = source?;
        derived
            .values
            .iter()
            .find(|v| v.from.iter().any(|c| c == source))
            .map(|v| v.code.as_str())
    }

    /// Every Fluent id the definition refers to.
    pub fn message_ids(&self) -> Vec<&str> {
        let mut ids = vec![self.title.as_str()];
        ids.extend(self.sections.iter().map(|s| s.title.as_str()));
        for item in &self.items {
            ids.push(&item.question);
            ids.extend(item.help.as_deref());
            ids.extend(item.options().iter().map(|o| o.label.as_str()));
            if let ItemKind::Number(rules) = &item.kind {
                ids.extend(rules.unit.as_deref());
            }
            ids.extend(item.checks.iter().filter_map(|c| c.message.as_deref()));
        }
        ids.extend(self.summary.iter().map(|c| c.label.as_str()));
        for derived in &self.derived {
            ids.push(&derived.label);
            ids.extend(derived.values.iter().map(|v| v.label.as_str()));
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_with_items(items: &str) -> Result<Form, FormError> {
        Form::from_json(&format!(
            r#"{{"id": "t", "version": 1, "title": "t", "sections": [{{"id": "s", "title": "s", "items": [{items}]}}]}}"#
        ))
    }

    const CHOICE: &str = r#"{"id": "a", "type": "single", "question": "q", "options": [{"code": "yes", "label": "y"}, {"code": "other", "label": "o"}]}"#;

    #[test]
    fn bundled_definition_has_28_items_and_their_companions() {
        let form =
            Form::from_json(include_str!("../../forms/mhd-peer-support-2025/form.json")).unwrap();
        assert_eq!(form.id, "mhd-peer-support-2025");
        assert_eq!(form.version, 1);
        assert_eq!(form.items.iter().filter(|i| !i.is_companion()).count(), 28);
        let companions: Vec<&str> = form
            .items
            .iter()
            .filter(|i| i.is_companion())
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(companions.len(), 11);
        assert!(companions.iter().all(|id| id.ends_with("_other")));
        assert!(companions.contains(&"cp_planning_role_other"));
        assert_eq!(
            form.item("ps_years").unwrap().asked_when,
            Some(Condition::Equals("ps_active".into(), "yes".into()))
        );
        assert!(!form.item("promising_practices").unwrap().required);
    }

    #[test]
    fn condition_on_an_unknown_item_is_named() {
        let item = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"equals": ["nope", "yes"]}}"#;
        assert_eq!(
            form_with_items(&format!("{CHOICE}, {item}")),
            Err(FormError::ConditionOnUnknownItem {
                item: "b".into(),
                refers: "nope".into()
            })
        );
    }

    #[test]
    fn an_expression_condition_is_read_and_checked_with_the_form() {
        let later = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"expression": "${a} = 'yes'"}}"#;
        let form = form_with_items(&format!("{CHOICE}, {later}")).unwrap();
        let answers = |code: &str| {
            crate::form::Answers::from([("a".to_string(), crate::form::Answer::One(code.into()))])
        };
        let b = form.position("b").unwrap();
        assert!(form.asked(&answers("yes")).is_asked(b));
        assert!(!form.asked(&answers("other")).is_asked(b));

        let unreadable = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"expression": "${a} = = 1"}}"#;
        assert!(matches!(
            form_with_items(&format!("{CHOICE}, {unreadable}")),
            Err(FormError::UnreadableExpression { item, .. }) if item == "b"
        ));
        let unknown = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"expression": "${nope} > 1"}}"#;
        assert_eq!(
            form_with_items(&format!("{CHOICE}, {unknown}")),
            Err(FormError::ConditionOnUnknownItem {
                item: "b".into(),
                refers: "nope".into()
            })
        );
    }

    #[test]
    fn condition_on_an_unknown_option_is_named() {
        let item = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"equals": ["a", "maybe"]}}"#;
        assert_eq!(
            form_with_items(&format!("{CHOICE}, {item}")),
            Err(FormError::ConditionOnUnknownOption {
                item: "b".into(),
                refers: "a".into(),
                code: "maybe".into()
            })
        );
    }

    #[test]
    fn condition_may_not_look_ahead() {
        let item = r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"equals": ["a", "yes"]}}"#;
        assert_eq!(
            form_with_items(&format!("{item}, {CHOICE}")),
            Err(FormError::ConditionOnUnknownItem {
                item: "b".into(),
                refers: "a".into()
            })
        );
        let own =
            r#"{"id": "b", "type": "text", "question": "q", "asked_when": {"answered": "b"}}"#;
        assert_eq!(
            form_with_items(own),
            Err(FormError::ConditionOnLaterItem {
                item: "b".into(),
                refers: "b".into()
            })
        );
    }

    #[test]
    fn companion_must_name_an_existing_option() {
        let item = r#"{"id": "a_other", "type": "text", "question": "q", "specifies": {"item": "a", "option": "else"}}"#;
        assert_eq!(
            form_with_items(&format!("{CHOICE}, {item}")),
            Err(FormError::SpecifyUnknownOption {
                item: "a_other".into(),
                refers: "a".into(),
                code: "else".into()
            })
        );
    }

    #[test]
    fn structural_mistakes_are_named() {
        assert_eq!(
            form_with_items(&format!("{CHOICE}, {CHOICE}")),
            Err(FormError::DuplicateItem { item: "a".into() })
        );
        assert_eq!(
            form_with_items(r#"{"id": "c", "type": "multi", "question": "q", "options": []}"#),
            Err(FormError::ChoiceWithoutOptions { item: "c".into() })
        );
        assert_eq!(
            form_with_items(
                r#"{"id": "c", "type": "text", "question": "q", "min_length": 5, "max_length": 2}"#
            ),
            Err(FormError::LengthRange { item: "c".into() })
        );
        let dup = r#"{"id": "c", "type": "single", "question": "q", "options": [{"code": "x", "label": "l"}, {"code": "x", "label": "l"}]}"#;
        assert_eq!(
            form_with_items(dup),
            Err(FormError::DuplicateOption {
                item: "c".into(),
                code: "x".into()
            })
        );
    }

    #[test]
    fn a_calculate_needs_its_calculation_and_reads_only_earlier_items() {
        let number = r#"{"id": "n", "type": "integer", "question": "q"}"#;
        assert_eq!(
            form_with_items(r#"{"id": "c", "type": "calculate", "question": "q"}"#),
            Err(FormError::CalculateWithoutCalculation { item: "c".into() })
        );
        let ahead =
            r#"{"id": "c", "type": "calculate", "question": "q", "calculation": "${n} * 2"}"#;
        // As a condition: an item further on is not known yet.
        assert_eq!(
            form_with_items(&format!("{ahead}, {number}")),
            Err(FormError::ConditionOnUnknownItem {
                item: "c".into(),
                refers: "n".into()
            })
        );
        assert!(matches!(
            form_with_items(&format!(
                r#"{number}, {{"id": "c", "type": "calculate", "question": "q", "calculation": "${{n}} *"}}"#
            )),
            Err(FormError::UnreadableExpression { .. })
        ));
        let form =
            form_with_items(&format!("{number}, {}", ahead.replace("\"c\"", "\"d\""))).unwrap();
        let calculate = form.item("d").unwrap();
        assert!(calculate.is_calculate() && !calculate.takes_answer() && !calculate.required);
    }

    #[test]
    fn notes_and_calculates_take_no_checks_and_only_calculates_a_calculation() {
        assert_eq!(
            form_with_items(
                r#"{"id": "t", "type": "text", "question": "q", "calculation": "1 + 1"}"#
            ),
            Err(FormError::KeyNotForType {
                item: "t".into(),
                key: "calculation".into()
            })
        );
        let note_with_check = r#"{"id": "n", "type": "note", "question": "q", "checks": [{"when": {"answered": "n"}}]}"#;
        assert!(matches!(
            form_with_items(note_with_check),
            Err(FormError::KeyNotForType { key, .. }) if key == "checks"
        ));
        let note =
            form_with_items(r#"{"id": "n", "type": "note", "question": "q", "required": true}"#)
                .unwrap();
        assert!(!note.items[0].required, "a note asks for nothing");
        assert!(!note.items[0].takes_answer() && !note.items[0].is_typed());
    }

    #[test]
    fn unknown_keys_are_syntax_errors_with_a_position() {
        let err =
            form_with_items(r#"{"id": "c", "type": "text", "question": "q", "colour": "red"}"#)
                .unwrap_err();
        assert!(matches!(err, FormError::Syntax { line: 1, .. }), "{err:?}");
    }
}
