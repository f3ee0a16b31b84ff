//! A definition as written (serde's mirror of the JSON) turned into a
//! [`Form`], checked as it is built.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::Condition;
use super::condition::Expression;
use super::definition::{
    Check, DateRules, DerivedValue, Form, Item, ItemKind, NumberRules, OptionDef, Section,
    SummaryColumn, TextFormat, TextRules,
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
    /// The name of the submitted instance's root element (XLSForm's
    /// settings `name`); ODK's paths begin with it.
    #[serde(default)]
    root: Option<String>,
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
    Email,
    Phone,
    Integer,
    Decimal,
    Date,
    Note,
    Calculate,
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
    min_words: Option<usize>,
    max_words: Option<usize>,
    /// A number for `integer` and `decimal`, an ISO date for `date`.
    min: Option<serde_json::Value>,
    max: Option<serde_json::Value>,
    unit: Option<String>,
    #[serde(default)]
    not_in_future: bool,
    asked_when: Option<Condition>,
    specifies: Option<RawSpecifies>,
    #[serde(default)]
    checks: Vec<Check>,
    group: Option<String>,
    /// A calculate's expression.
    calculation: Option<Expression>,
    /// Required only when this holds (XLSForm's `required` as an
    /// expression), in place of `required`.
    required_when: Option<Condition>,
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
            let item = &items[items.len() - 1];
            // A check may read its own item as well as earlier ones.
            for check in &item.checks {
                check_condition(&item.id, &check.when, &items, &index)?;
            }
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
        root: raw.root.unwrap_or_else(|| "data".into()),
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
    mut raw: RawItem,
    section: usize,
    earlier: &[Item],
    index: &HashMap<String, usize>,
) -> Result<Item, FormError> {
    refuse_keys_not_for(&raw)?;
    let id = raw.id.clone();
    let kind = match (raw.kind, raw.options.take()) {
        (RawKind::Single | RawKind::Multi, None) => {
            return Err(FormError::ChoiceWithoutOptions { item: id });
        }
        (RawKind::Single | RawKind::Multi, Some(options)) => choice_kind(&id, &raw, options)?,
        (_, Some(_)) => return Err(FormError::OptionsOnText { item: id }),
        (RawKind::Integer | RawKind::Decimal, None) => ItemKind::Number(number_rules(&id, &raw)?),
        (RawKind::Date, None) => ItemKind::Date(date_rules(&id, &raw)?),
        (RawKind::Note, None) => ItemKind::Note,
        (RawKind::Calculate, None) => {
            let Some(calculation) = raw.calculation.take() else {
                return Err(FormError::CalculateWithoutCalculation { item: id });
            };
            // Read as a condition is: only earlier items, so no cycle.
            check_condition(
                &id,
                &Condition::Expression(calculation.clone()),
                earlier,
                index,
            )?;
            ItemKind::Calculate(calculation)
        }
        (kind, None) => ItemKind::Text(text_rules(&id, &raw, kind)?),
    };
    if let Some(condition) = &raw.asked_when {
        check_condition(&id, condition, earlier, index)?;
    }
    let specifies = match raw.specifies {
        None => None,
        Some(spec) => Some(resolve_specifies(&id, &kind, spec, earlier, index)?),
    };
    if let Some(condition) = &raw.required_when {
        check_condition(&id, condition, earlier, index)?;
    }
    // A note or a calculate has no answer to require.
    let required = raw.required
        && raw.required_when.is_none()
        && !matches!(raw.kind, RawKind::Note | RawKind::Calculate);
    Ok(Item {
        id,
        section,
        question: raw.question,
        help: raw.help,
        required,
        required_when: raw.required_when,
        kind,
        asked_when: raw.asked_when,
        specifies,
        ordinal: raw.ordinal,
        checks: raw.checks,
        group: raw.group,
    })
}

/// The keys each type takes; any other is a mistake worth naming rather
/// than a rule silently not applied.
fn refuse_keys_not_for(raw: &RawItem) -> Result<(), FormError> {
    use RawKind::*;
    let texts = matches!(raw.kind, Text | Email | Phone);
    let numbers = matches!(raw.kind, Integer | Decimal);
    let given = [
        ("multiline", raw.multiline, raw.kind == Text),
        ("min_length", raw.min_length.is_some(), texts),
        ("max_length", raw.max_length.is_some(), texts),
        ("min_words", raw.min_words.is_some(), raw.kind == Text),
        ("max_words", raw.max_words.is_some(), raw.kind == Text),
        ("min", raw.min.is_some(), numbers || raw.kind == Date),
        ("max", raw.max.is_some(), numbers || raw.kind == Date),
        ("unit", raw.unit.is_some(), numbers),
        ("not_in_future", raw.not_in_future, raw.kind == Date),
        ("ordinal", raw.ordinal, raw.kind == Single),
        ("filterable", raw.filterable, raw.kind == Single),
        (
            "calculation",
            raw.calculation.is_some(),
            raw.kind == Calculate,
        ),
        (
            "specifies",
            raw.specifies.is_some(),
            !matches!(raw.kind, Note | Calculate),
        ),
        (
            "checks",
            !raw.checks.is_empty(),
            !matches!(raw.kind, Note | Calculate),
        ),
    ];
    let Some((key, ..)) = given.iter().find(|(_, set, allowed)| *set && !allowed) else {
        return Ok(());
    };
    let item = raw.id.clone();
    Err(match *key {
        "ordinal" => FormError::OrdinalNotSingle { item },
        "multiline" | "min_length" | "max_length" if matches!(raw.kind, Single | Multi) => {
            FormError::TextRulesOnChoice { item }
        }
        key => FormError::KeyNotForType {
            item,
            key: key.into(),
        },
    })
}

fn choice_kind(id: &str, raw: &RawItem, options: Vec<OptionDef>) -> Result<ItemKind, FormError> {
    if options.is_empty() {
        return Err(FormError::ChoiceWithoutOptions { item: id.into() });
    }
    let mut seen = HashSet::new();
    if let Some(dup) = options.iter().find(|o| !seen.insert(o.code.as_str())) {
        return Err(FormError::DuplicateOption {
            item: id.into(),
            code: dup.code.clone(),
        });
    }
    if raw.kind == RawKind::Multi {
        return Ok(ItemKind::Multi { options });
    }
    if let Some(option) = options.iter().find(|o| o.exclusive) {
        return Err(FormError::ExclusiveNotMulti {
            item: id.into(),
            code: option.code.clone(),
        });
    }
    Ok(ItemKind::Single {
        options,
        filterable: raw.filterable,
    })
}

fn text_rules(id: &str, raw: &RawItem, kind: RawKind) -> Result<TextRules, FormError> {
    let rules = TextRules {
        multiline: raw.multiline,
        min_length: raw.min_length,
        max_length: raw.max_length,
        min_words: raw.min_words,
        max_words: raw.max_words,
        format: match kind {
            RawKind::Email => TextFormat::Email,
            RawKind::Phone => TextFormat::Phone,
            _ => TextFormat::Free,
        },
    };
    let inverted =
        |range: (Option<usize>, Option<usize>)| matches!(range, (Some(a), Some(b)) if a > b);
    if inverted((rules.min_length, rules.max_length))
        || inverted((rules.min_words, rules.max_words))
    {
        return Err(FormError::LengthRange { item: id.into() });
    }
    Ok(rules)
}

fn number_rules(id: &str, raw: &RawItem) -> Result<NumberRules, FormError> {
    let whole = raw.kind == RawKind::Integer;
    let bound = |key: &str, value: &Option<serde_json::Value>| match value {
        None => Ok(None),
        Some(serde_json::Value::Number(n)) if !whole || n.is_i64() || n.is_u64() => {
            Ok(Some(n.clone()))
        }
        Some(_) => Err(FormError::BadBound {
            item: id.into(),
            key: key.into(),
        }),
    };
    let rules = NumberRules {
        whole,
        min: bound("min", &raw.min)?,
        max: bound("max", &raw.max)?,
        unit: raw.unit.clone(),
    };
    let value = |n: &Option<serde_json::Number>| n.as_ref().and_then(serde_json::Number::as_f64);
    if matches!((value(&rules.min), value(&rules.max)), (Some(a), Some(b)) if a > b) {
        return Err(FormError::LengthRange { item: id.into() });
    }
    Ok(rules)
}

fn date_rules(id: &str, raw: &RawItem) -> Result<DateRules, FormError> {
    let bound = |key: &str, value: &Option<serde_json::Value>| match value {
        None => Ok(None),
        Some(serde_json::Value::String(s)) if super::value::stored_date(s).is_some() => {
            Ok(super::value::stored_date(s))
        }
        Some(_) => Err(FormError::BadBound {
            item: id.into(),
            key: key.into(),
        }),
    };
    let rules = DateRules {
        min: bound("min", &raw.min)?,
        max: bound("max", &raw.max)?,
        not_in_future: raw.not_in_future,
    };
    if matches!((rules.min, rules.max), (Some(a), Some(b)) if a > b) {
        return Err(FormError::LengthRange { item: id.into() });
    }
    Ok(rules)
}

fn check_condition(
    id: &str,
    condition: &Condition,
    earlier: &[Item],
    index: &HashMap<String, usize>,
) -> Result<(), FormError> {
    if let Some((expression, problem)) = condition.unreadable() {
        return Err(FormError::UnreadableExpression {
            item: id.into(),
            expression: expression.into(),
            problem: problem.clone(),
        });
    }
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
        if code.is_none()
            && condition.numeric_references().contains(&refers)
            && !matches!(target.kind, ItemKind::Number(_))
        {
            return Err(FormError::ConditionNotNumber {
                item: id.into(),
                refers: refers.into(),
            });
        }
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
