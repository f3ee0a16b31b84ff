use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;

use super::Condition;
use crate::io_failure::IoFailure;

/// Why a form definition was refused. Each variant names the item, option or
/// message at fault so the author can fix the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// The definition is not JSON of the expected shape.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A file of the form folder could not be read.
    Unreadable {
        path: String,
        failure: IoFailure,
    },
    /// A `.ftl` file of the form does not parse.
    Messages {
        file: String,
        detail: String,
    },
    NoSections,
    EmptySection {
        section: String,
    },
    DuplicateSection {
        section: String,
    },
    DuplicateItem {
        item: String,
    },
    DuplicateOption {
        item: String,
        code: String,
    },
    ChoiceWithoutOptions {
        item: String,
    },
    OptionsOnText {
        item: String,
    },
    /// `ordinal` on an item that is not a single choice.
    OrdinalNotSingle {
        item: String,
    },
    TextRulesOnChoice {
        item: String,
    },
    LengthRange {
        item: String,
    },
    ConditionOnUnknownItem {
        item: String,
        refers: String,
    },
    ConditionOnLaterItem {
        item: String,
        refers: String,
    },
    ConditionOnUnknownOption {
        item: String,
        refers: String,
        code: String,
    },
    SpecifyUnknownItem {
        item: String,
        refers: String,
    },
    SpecifyUnknownOption {
        item: String,
        refers: String,
        code: String,
    },
    SpecifyNotText {
        item: String,
    },
    DerivedUnknownItem {
        derived: String,
        refers: String,
    },
    DerivedUnknownOption {
        derived: String,
        code: String,
    },
    SummaryUnknownItem {
        item: String,
    },
    MissingMessage {
        id: String,
        lang: String,
    },
}

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
    index: HashMap<String, usize>,
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
    pub required: bool,
    pub kind: ItemKind,
    pub asked_when: Option<Condition>,
    /// For an "other, specify" companion: the choice item and option it
    /// details. Such an item is asked exactly when that option is chosen.
    pub specifies: Option<(usize, String)>,
    /// A single choice whose options are ordered (a scale, ranges): its
    /// statistics-package export marks it ordinal.
    pub ordinal: bool,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct TextRules {
    #[serde(default)]
    pub multiline: bool,
    /// In characters, after trimming.
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub code: String,
    pub label: String,
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
            ItemKind::Text(_) => &[],
        }
    }

    pub fn has_option(&self, code: &str) -> bool {
        self.options().iter().any(|o| o.code == code)
    }

    pub fn is_companion(&self) -> bool {
        self.specifies.is_some()
    }
}

impl Form {
    /// Reads and checks a definition. Messages are checked separately, by
    /// [`super::FormPackage`], once the translations are known.
    pub fn from_json(text: &str) -> Result<Form, FormError> {
        let raw: RawForm = serde_json::from_str(text).map_err(|e| FormError::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        build(raw)
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
        }
        ids.extend(self.summary.iter().map(|c| c.label.as_str()));
        for derived in &self.derived {
            ids.push(&derived.label);
            ids.extend(derived.values.iter().map(|v| v.label.as_str()));
        }
        ids
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    version: u32,
    title: String,
    sections: Vec<RawSection>,
    #[serde(default)]
    derived: Vec<DerivedValue>,
    #[serde(default)]
    summary: Vec<SummaryColumn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    items: Vec<RawItem>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum RawKind {
    Single,
    Multi,
    Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    #[serde(rename = "type")]
    kind: RawKind,
    question: String,
    help: Option<String>,
    #[serde(default = "required_by_default")]
    required: bool,
    options: Option<Vec<OptionDef>>,
    #[serde(default)]
    filterable: bool,
    #[serde(default)]
    ordinal: bool,
    #[serde(default)]
    multiline: bool,
    min_length: Option<usize>,
    max_length: Option<usize>,
    asked_when: Option<Condition>,
    specifies: Option<RawSpecifies>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpecifies {
    item: String,
    option: String,
}

fn required_by_default() -> bool {
    true
}

fn build(raw: RawForm) -> Result<Form, FormError> {
    if raw.sections.is_empty() {
        return Err(FormError::NoSections);
    }
    let mut sections = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut index = HashMap::new();
    let mut section_ids = HashSet::new();
    for (s, raw_section) in raw.sections.into_iter().enumerate() {
        if !section_ids.insert(raw_section.id.clone()) {
            return Err(FormError::DuplicateSection {
                section: raw_section.id,
            });
        }
        if raw_section.items.is_empty() {
            return Err(FormError::EmptySection {
                section: raw_section.id,
            });
        }
        let start = items.len();
        for raw_item in raw_section.items {
            let item = build_item(raw_item, s, &items, &index)?;
            if index.insert(item.id.clone(), items.len()).is_some() {
                return Err(FormError::DuplicateItem { item: item.id });
            }
            items.push(item);
        }
        sections.push(Section {
            id: raw_section.id,
            title: raw_section.title,
            items: start..items.len(),
        });
    }
    let form = Form {
        id: raw.id,
        version: raw.version,
        title: raw.title,
        sections,
        items,
        derived: raw.derived,
        summary: raw.summary,
        index,
    };
    check_derived(&form)?;
    if let Some(column) = form.summary.iter().find(|c| form.item(&c.item).is_none()) {
        return Err(FormError::SummaryUnknownItem {
            item: column.item.clone(),
        });
    }
    Ok(form)
}

/// Builds one item, checking it only against the items before it: conditions
/// and companions may only look back, so that answering in order always
/// settles what is asked next.
fn build_item(
    raw: RawItem,
    section: usize,
    earlier: &[Item],
    index: &HashMap<String, usize>,
) -> Result<Item, FormError> {
    let id = raw.id;
    if raw.ordinal && raw.kind != RawKind::Single {
        return Err(FormError::OrdinalNotSingle { item: id });
    }
    let kind = match (raw.kind, raw.options) {
        (RawKind::Text, Some(_)) => return Err(FormError::OptionsOnText { item: id }),
        (RawKind::Text, None) => {
            let rules = TextRules {
                multiline: raw.multiline,
                min_length: raw.min_length,
                max_length: raw.max_length,
            };
            if matches!((rules.min_length, rules.max_length), (Some(min), Some(max)) if min > max) {
                return Err(FormError::LengthRange { item: id });
            }
            ItemKind::Text(rules)
        }
        (_, None) => return Err(FormError::ChoiceWithoutOptions { item: id }),
        (_, Some(options)) if options.is_empty() => {
            return Err(FormError::ChoiceWithoutOptions { item: id });
        }
        (kind, Some(options)) => {
            if raw.multiline || raw.min_length.is_some() || raw.max_length.is_some() {
                return Err(FormError::TextRulesOnChoice { item: id });
            }
            let mut seen = HashSet::new();
            if let Some(dup) = options.iter().find(|o| !seen.insert(o.code.as_str())) {
                return Err(FormError::DuplicateOption {
                    item: id.clone(),
                    code: dup.code.clone(),
                });
            }
            if kind == RawKind::Single {
                ItemKind::Single {
                    options,
                    filterable: raw.filterable,
                }
            } else {
                ItemKind::Multi { options }
            }
        }
    };
    if let Some(condition) = &raw.asked_when {
        check_condition(&id, condition, earlier, index)?;
    }
    let specifies = match raw.specifies {
        None => None,
        Some(spec) => Some(resolve_specifies(&id, &kind, spec, earlier, index)?),
    };
    Ok(Item {
        id,
        section,
        question: raw.question,
        help: raw.help,
        required: raw.required,
        kind,
        asked_when: raw.asked_when,
        specifies,
        ordinal: raw.ordinal,
    })
}

fn check_condition(
    id: &str,
    condition: &Condition,
    earlier: &[Item],
    index: &HashMap<String, usize>,
) -> Result<(), FormError> {
    for (refers, code) in condition.references() {
        let Some(&position) = index.get(refers) else {
            return Err(if refers == id {
                FormError::ConditionOnLaterItem {
                    item: id.into(),
                    refers: refers.into(),
                }
            } else {
                FormError::ConditionOnUnknownItem {
                    item: id.into(),
                    refers: refers.into(),
                }
            });
        };
        let target = &earlier[position];
        if let Some(code) = code
            && !target.has_option(code)
        {
            return Err(FormError::ConditionOnUnknownOption {
                item: id.into(),
                refers: refers.into(),
                code: code.into(),
            });
        }
    }
    Ok(())
}

fn resolve_specifies(
    id: &str,
    kind: &ItemKind,
    spec: RawSpecifies,
    earlier: &[Item],
    index: &HashMap<String, usize>,
) -> Result<(usize, String), FormError> {
    if !matches!(kind, ItemKind::Text(_)) {
        return Err(FormError::SpecifyNotText { item: id.into() });
    }
    let Some(&parent) = index.get(&spec.item) else {
        return Err(FormError::SpecifyUnknownItem {
            item: id.into(),
            refers: spec.item,
        });
    };
    if !earlier[parent].has_option(&spec.option) {
        return Err(FormError::SpecifyUnknownOption {
            item: id.into(),
            refers: spec.item,
            code: spec.option,
        });
    }
    Ok((parent, spec.option))
}

fn check_derived(form: &Form) -> Result<(), FormError> {
    for derived in &form.derived {
        let Some(source) = form.item(&derived.from) else {
            return Err(FormError::DerivedUnknownItem {
                derived: derived.id.clone(),
                refers: derived.from.clone(),
            });
        };
        let unknown = derived
            .values
            .iter()
            .flat_map(|v| &v.from)
            .find(|code| !source.has_option(code));
        if let Some(code) = unknown {
            return Err(FormError::DerivedUnknownOption {
                derived: derived.id.clone(),
                code: code.clone(),
            });
        }
    }
    Ok(())
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
    fn unknown_keys_are_syntax_errors_with_a_position() {
        let err =
            form_with_items(r#"{"id": "c", "type": "text", "question": "q", "colour": "red"}"#)
                .unwrap_err();
        assert!(matches!(err, FormError::Syntax { line: 1, .. }), "{err:?}");
    }
}
