//! A definition as written (serde's mirror of the JSON) turned into a
//! [`Form`], checked as it is built.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::Condition;
use super::definition::{
    DerivedValue, Form, Item, ItemKind, OptionDef, Section, SummaryColumn, TextRules,
};
use super::error::FormError;

/// Reads and checks a definition (see [`Form::from_json`]).
pub(super) fn from_json(text: &str) -> Result<Form, FormError> {
    let raw: RawForm = serde_json::from_str(text).map_err(|e| FormError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    build(raw)
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
