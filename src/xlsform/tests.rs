//! The importer's unit tests: pyxform's markdown in, a campo form out.

use super::*;

fn import_md(md: &str) -> Result<Imported, ImportError> {
    convert(&sheets::read_markdown(md), "test")
}

#[test]
fn a_form_with_groups_selects_and_relevance_becomes_a_campo_form() {
    let imported = import_md(
        "
        | survey |
        | | type | name | label::English (en) | label::Italiano (it) | relevant | required |
        | | begin group | about | About you | Chi sei | | |
        | | integer | age | Age | Età | | yes |
        | | select_one yn | works | Do you work? | Lavori? | ${age} >= 16 | |
        | | end group | | | | | |
        | | text | notes | Notes | Note | | |
        | choices |
        | | list_name | name | label::English (en) | label::Italiano (it) |
        | | yn | y | Yes | Sì |
        | | yn | n | No | No |
        | settings |
        | | form_id | version | form_title |
        | | work | 3 | Work survey |
        ",
    )
    .unwrap();
    let form = crate::form::Form::from_json(&imported.definition).unwrap();
    assert_eq!((form.id.as_str(), form.version), ("work", 3));
    let ids: Vec<&str> = form.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["age", "works", "notes"]);
    assert!(form.item("age").unwrap().required);
    assert!(!form.item("notes").unwrap().required, "ODK's default");
    assert_eq!(
        form.item("works")
            .unwrap()
            .asked_when
            .as_ref()
            .unwrap()
            .to_string(),
        "${age} >= 16"
    );
    let italian = &imported.messages[1].1;
    assert!(italian.contains("q-works = Lavori?"), "{italian}");
    assert!(italian.contains("o-yn-y = Sì"), "{italian}");
    assert!(italian.contains("title = Work survey"), "{italian}");
}

#[test]
fn what_campo_does_not_run_is_refused_where_it_is() {
    let refused = import_md(
        "
        | survey |
        | | type | name | label | default |
        | | integer | age | Age | |
        | | integer | kids | Kids | 2 |
        ",
    )
    .unwrap_err();
    assert_eq!(
        refused,
        ImportError {
            place: Place {
                sheet: "survey".into(),
                row: 3,
                column: "default".into()
            },
            problem: Problem::UnsupportedColumn
        }
    );
    let geo = import_md(
        "
        | survey |
        | | type | name | label |
        | | geopoint | where | Where? |
        ",
    )
    .unwrap_err();
    assert_eq!(geo.problem, Problem::UnsupportedType("geopoint".into()));
    assert_eq!(geo.place.row, 2);
}

#[test]
fn languages_are_known_by_code_or_by_name_with_one_colon_or_two() {
    for (column, kind, code) in [
        ("label::Italiano (it)", "label", Some("it")),
        ("label:English (en)", "label", Some("en")),
        ("hint::English", "hint", Some("en")),
        ("label::italiano", "label", Some("it")),
        ("label::eng", "label", Some("en")),
        ("label", "label", None),
    ] {
        assert_eq!(
            column_parts(column),
            (kind.to_string(), code.map(str::to_string)),
            "{column}"
        );
    }
}

#[test]
fn a_constraint_becomes_a_check_on_an_answer_given() {
    let imported = import_md(
        "
        | survey |
        | | type | name | label | constraint | constraint_message | campo:soft |
        | | integer | age | Age | . >= 18 | Adults only | |
        | | integer | staff | Staff | . <= 50 | | yes |
        ",
    )
    .unwrap();
    let form = crate::form::Form::from_json(&imported.definition).unwrap();
    let age = &form.item("age").unwrap().checks[0];
    assert!(!age.soft);
    assert_eq!(age.when.to_string(), "age answered and not (. >= 18)");
    assert!(age.message.is_some());
    let staff = &form.item("staff").unwrap().checks[0];
    assert!(staff.soft && staff.message.is_none());
}

#[test]
fn presentation_columns_are_taken_with_a_warning() {
    let imported = import_md(
        "
        | survey |
        | | type | name | label | appearance |
        | | text | q | Q | multiline |
        ",
    )
    .unwrap();
    assert_eq!(imported.warnings[0].column, "appearance");
}

#[test]
fn fluent_special_characters_are_escaped() {
    assert_eq!(fluent_text("a {b}"), "a {\"{\"}b{\"}\"}");
    assert_eq!(fluent_text(" x\n* y"), "{\" \"}x\n    {\"*\"} y");
    let imported = import_md(
        "
        | survey |
        | | type | name | label |
        | | text | q | Say {hello} * now |
        ",
    )
    .unwrap();
    let resource = fluent_syntax::parser::parse(imported.messages[0].1.clone());
    assert!(resource.is_ok(), "{}", imported.messages[0].1);
}
