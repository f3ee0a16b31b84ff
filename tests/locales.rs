//! Both languages say everything: every message id and every `$variable`
//! exists in English and in Italian, and the form refers only to messages
//! that exist in both.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Message id to the variables its value and attributes use.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_in_pattern(pattern: &Pattern<String>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in_expression(expression, found);
        }
    }
}

fn variables_in_expression(expression: &Expression<String>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, found);
            for variant in variants {
                variables_in_pattern(&variant.value, found);
            }
        }
        Expression::Inline(inline) => variables_in_inline(inline, found),
    }
}

fn variables_in_inline(inline: &InlineExpression<String>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => variables_in_expression(expression, found),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                variables_in_inline(argument, found);
            }
            for argument in &arguments.named {
                variables_in_inline(&argument.value, found);
            }
        }
        _ => {}
    }
}

fn messages(path: &Path) -> (Messages, BTreeMap<String, String>) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(text.clone())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    let mut found = Messages::new();
    let mut values = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                variables_in_pattern(value, &mut variables);
                let literal: String = value
                    .elements
                    .iter()
                    .filter_map(|e| match e {
                        PatternElement::TextElement { value } => Some(value.as_str()),
                        _ => None,
                    })
                    .collect();
                values.insert(message.id.name.clone(), literal);
            }
            for attribute in &message.attributes {
                variables_in_pattern(&attribute.value, &mut variables);
            }
            assert!(
                found.insert(message.id.name.clone(), variables).is_none(),
                "{} defined twice",
                message.id.name
            );
        }
    }
    (found, values)
}

fn ftl_files(lang: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(format!("locales/{lang}"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl"))
        .collect();
    names.sort();
    names
}

#[test]
fn both_languages_have_the_same_files_messages_and_variables() {
    assert_eq!(ftl_files("en"), ftl_files("it"));
    for file in ftl_files("en") {
        let (en, _) = messages(&Path::new("locales/en").join(&file));
        let (it, _) = messages(&Path::new("locales/it").join(&file));
        let only_en: Vec<_> = en.keys().filter(|k| !it.contains_key(*k)).collect();
        let only_it: Vec<_> = it.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "{file}: only in English: {only_en:?}");
        assert!(only_it.is_empty(), "{file}: only in Italian: {only_it:?}");
        for (id, variables) in &en {
            // Italian alone agrees a word with the gender of a noun.
            let mut italian = it[id].clone();
            if !variables.contains("gender") {
                italian.remove("gender");
            }
            assert_eq!(
                variables, &italian,
                "{file}: message {id} uses different variables"
            );
        }
    }
}

/// Words that are the same in both languages: names, codes, loanwords used
/// as they are in Italian services ("recovery"), and key names.
const SAME_IN_BOTH: &[&str] = &[
    "opt-no",
    "opt-ps_count-n1_3",
    "opt-ps_count-n4_6",
    "region-abruzzo",
    "region-basilicata",
    "region-calabria",
    "region-campania",
    "region-emilia_romagna",
    "region-friuli_venezia_giulia",
    "region-lazio",
    "region-liguria",
    "region-marche",
    "region-molise",
    "region-umbria",
    "region-veneto",
    "section-recovery",
    "key-no",
    "document-invalid",
    "io-other",
    "sync-ask-token",
    "report-na",
    "cli-value-n",
    "cli-value-token",
    // "file" and "URL" are Italian too.
    "cli-value-file",
    "cli-value-url",
];

#[test]
fn no_english_is_left_in_the_italian_text() {
    for file in ftl_files("en") {
        let (_, en) = messages(&Path::new("locales/en").join(&file));
        let (_, it) = messages(&Path::new("locales/it").join(&file));
        for (id, english) in &en {
            if english.trim().chars().any(char::is_alphabetic) && it.get(id) == Some(english) {
                assert!(
                    SAME_IN_BOTH.contains(&id.as_str()),
                    "{file}: {id} is the same in Italian: {english:?}"
                );
            }
        }
    }
}

#[test]
fn the_bundled_form_refers_only_to_messages_in_both_languages() {
    let package = campo::package::FormPackage::bundled();
    let loaded = campo::i18n::load_form(&package);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn no_isolation_marks_in_any_message() {
    for lang in ["en", "it"] {
        for file in ftl_files(lang) {
            let text = fs::read_to_string(Path::new("locales").join(lang).join(&file)).unwrap();
            assert!(!text.contains(['\u{2068}', '\u{2069}']), "{lang}/{file}");
        }
    }
}

/// "1 caratteri": a number followed by a word must choose the word by the
/// number's plural category, in both languages.
#[test]
fn a_counted_word_follows_the_plural_of_its_number() {
    for lang in ["en", "it"] {
        for file in ftl_files(lang) {
            let text = fs::read_to_string(Path::new("locales").join(lang).join(&file)).unwrap();
            let resource = fluent_syntax::parser::parse(text).unwrap();
            for entry in resource.body {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let Some(value) = &message.value else {
                    continue;
                };
                // Top-level elements only: inside a select's variants the
                // word is chosen already.
                let elements = &value.elements;
                for (i, element) in elements.iter().enumerate() {
                    let PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } = element
                    else {
                        continue;
                    };
                    if !["count", "answered", "requests", "good", "problems"]
                        .contains(&id.name.as_str())
                    {
                        continue;
                    }
                    if let Some(PatternElement::TextElement { value: next }) = elements.get(i + 1) {
                        let word = next.split_whitespace().next().unwrap_or("");
                        // "NA" is a symbol, "of"/"di"/"su" a count's own words.
                        let counted = word.chars().next().is_some_and(char::is_alphabetic)
                            && !["of", "di", "su", "NA"]
                                .contains(&word.trim_end_matches([';', ')']));
                        assert!(
                            !counted,
                            "{lang}/{file}: {} puts \"{word}\" after ${} without choosing its plural",
                            message.id.name, id.name
                        );
                    }
                }
            }
        }
    }
}

/// campo looks a message up in `ui.ftl`, then in `commands.ftl` (parsed
/// only when needed): a message in both would have its second wording
/// never shown.
#[test]
fn no_message_is_in_two_of_campos_files() {
    for lang in ["en", "it"] {
        let (ui, _) = messages(&Path::new("locales").join(lang).join("ui.ftl"));
        let (commands, _) = messages(&Path::new("locales").join(lang).join("commands.ftl"));
        let both: Vec<_> = ui.keys().filter(|id| commands.contains_key(*id)).collect();
        assert!(
            both.is_empty(),
            "{lang}: in ui.ftl and commands.ftl: {both:?}"
        );
    }
}
