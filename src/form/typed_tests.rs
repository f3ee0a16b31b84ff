//! Checks of the typed items (numbers, dates, e-mail, phone, words),
//! exclusive options and soft checks, on a form that has them all.

use chrono::NaiveDate;

use super::*;
use crate::form::definition::{DateRules, NumberRules, TextFormat, TextRules};

fn form_with_items(items: &str) -> Result<Form, FormError> {
    Form::from_json(&format!(
        r#"{{"id": "t", "version": 1, "title": "t", "sections": [{{"id": "s", "title": "s", "items": [{items}]}}]}}"#
    ))
}

const CHOICE: &str = r#"{"id": "a", "type": "single", "question": "q", "options": [{"code": "yes", "label": "y"}, {"code": "other", "label": "o"}]}"#;

const WITH_NONE: &str = r#"{"id": "m", "type": "multi", "question": "q", "options": [{"code": "a", "label": "l"}, {"code": "b", "label": "l"}, {"code": "none", "label": "l", "exclusive": true}]}"#;

#[test]
fn an_exclusive_option_is_chosen_alone() {
    let form = form_with_items(WITH_NONE).unwrap();
    let item = form.item("m").unwrap();
    let codes = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // Ticked last, it clears the others.
    assert_eq!(item.with_chosen(&codes(&["a", "b"]), "none"), ["none"]);
    // Another ticked after it clears it.
    assert_eq!(item.with_chosen(&codes(&["none"]), "a"), ["a"]);
    assert_eq!(item.with_chosen(&codes(&["a"]), "b"), ["a", "b"]);
}

#[test]
fn new_item_types_are_read_with_their_rules() {
    let items = r#"
        {"id": "n", "type": "integer", "question": "q", "min": 0, "max": 500, "unit": "u",
         "checks": [{"when": {"above": ["n", 50]}, "message": "m", "soft": true}]},
        {"id": "d", "type": "decimal", "question": "q", "min": 0.5},
        {"id": "day", "type": "date", "question": "q", "min": "2000-01-01", "not_in_future": true},
        {"id": "e", "type": "email", "question": "q"},
        {"id": "p", "type": "phone", "question": "q", "required": false},
        {"id": "t", "type": "text", "question": "q", "multiline": true, "max_words": 400}"#;
    let form = form_with_items(items).unwrap();
    let ItemKind::Number(rules) = &form.item("n").unwrap().kind else {
        panic!("integer is a number")
    };
    assert!(rules.whole && rules.unit.as_deref() == Some("u"));
    assert_eq!(form.item("n").unwrap().checks.len(), 1);
    assert!(matches!(
        form.item("d").unwrap().kind,
        ItemKind::Number(NumberRules { whole: false, .. })
    ));
    assert!(matches!(
        form.item("day").unwrap().kind,
        ItemKind::Date(DateRules {
            not_in_future: true,
            ..
        })
    ));
    assert!(matches!(
        form.item("e").unwrap().kind,
        ItemKind::Text(TextRules {
            format: TextFormat::Email,
            ..
        })
    ));
    assert!(matches!(
        form.item("t").unwrap().kind,
        ItemKind::Text(TextRules {
            max_words: Some(400),
            ..
        })
    ));
    assert!(form.message_ids().contains(&"u") && form.message_ids().contains(&"m"));
}

#[test]
fn new_keys_in_the_wrong_place_are_named() {
    let err = |item: &str| form_with_items(item).unwrap_err();
    assert_eq!(
        err(r#"{"id": "d", "type": "date", "question": "q", "unit": "u"}"#),
        FormError::KeyNotForType {
            item: "d".into(),
            key: "unit".into()
        }
    );
    assert_eq!(
        err(r#"{"id": "n", "type": "integer", "question": "q", "max_words": 3}"#),
        FormError::KeyNotForType {
            item: "n".into(),
            key: "max_words".into()
        }
    );
    assert_eq!(
        err(r#"{"id": "n", "type": "integer", "question": "q", "min": 1.5}"#),
        FormError::BadBound {
            item: "n".into(),
            key: "min".into()
        }
    );
    assert_eq!(
        err(r#"{"id": "d", "type": "date", "question": "q", "max": "31/12/2025"}"#),
        FormError::BadBound {
            item: "d".into(),
            key: "max".into()
        }
    );
    assert_eq!(
        err(r#"{"id": "n", "type": "decimal", "question": "q", "min": 5, "max": 1}"#),
        FormError::LengthRange { item: "n".into() }
    );
    assert_eq!(
        err(r#"{"id": "t", "type": "text", "question": "q", "min_words": 5, "max_words": 1}"#),
        FormError::LengthRange { item: "t".into() }
    );
    assert_eq!(
        err(
            r#"{"id": "s", "type": "single", "question": "q", "options": [{"code": "x", "label": "l", "exclusive": true}]}"#
        ),
        FormError::ExclusiveNotMulti {
            item: "s".into(),
            code: "x".into()
        }
    );
    assert_eq!(
        err(&format!(
            r#"{CHOICE}, {{"id": "t", "type": "text", "question": "q", "checks": [{{"when": {{"above": ["a", 3]}}, "message": "m"}}]}}"#
        )),
        FormError::ConditionNotNumber {
            item: "t".into(),
            refers: "a".into()
        }
    );
}

const ITEMS: &str = r#"{"id": "t", "version": 1, "title": "t", "sections": [{"id": "s", "title": "s", "items": [
    {"id": "staff", "type": "integer", "question": "q", "min": 0, "max": 500,
     "checks": [{"when": {"above": ["staff", 50]}, "message": "many", "soft": true},
                {"when": {"below": ["staff", 1]}, "message": "none-at-all"}]},
    {"id": "hours", "type": "decimal", "question": "q", "min": 0.5, "max": 40},
    {"id": "since", "type": "date", "question": "q", "min": "2000-01-01", "not_in_future": true},
    {"id": "mail", "type": "email", "question": "q"},
    {"id": "phone", "type": "phone", "question": "q", "required": false},
    {"id": "abstract", "type": "text", "question": "q", "multiline": true, "min_words": 3, "max_words": 5},
    {"id": "with", "type": "multi", "question": "q", "options": [
        {"code": "a", "label": "l"}, {"code": "b", "label": "l"},
        {"code": "dont_know", "label": "l", "exclusive": true}]}
]}]}"#;

fn form() -> Form {
    Form::from_json(ITEMS).unwrap()
}

fn check(form: &Form, id: &str, answer: Answer) -> Option<Problem> {
    let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    form.check_answer_on(form.position(id).unwrap(), Some(&answer), today)
}

fn one(text: &str) -> Answer {
    Answer::One(text.into())
}

fn number(json: &str) -> Answer {
    Answer::Number(serde_json::from_str(json).unwrap())
}

#[test]
fn numbers_are_checked_against_their_range_and_kind() {
    let form = form();
    assert_eq!(check(&form, "staff", number("12")), None);
    assert_eq!(
        check(&form, "staff", number("501")),
        Some(Problem::TooLarge { max: 500.into() })
    );
    assert_eq!(
        check(&form, "staff", number("-1")),
        Some(Problem::TooSmall { min: 0.into() })
    );
    assert_eq!(
        check(&form, "staff", number("12.5")),
        Some(Problem::NotWhole)
    );
    assert_eq!(check(&form, "staff", one("12,")), Some(Problem::NotANumber));
    assert_eq!(check(&form, "hours", number("0.5")), None);
    assert_eq!(
        check(&form, "hours", number("0.25")),
        Some(Problem::TooSmall {
            min: serde_json::Number::from_f64(0.5).unwrap()
        })
    );
    assert_eq!(
        check(&form, "hours", Answer::Many(vec![])),
        Some(Problem::Required)
    );
}

#[test]
fn dates_are_checked_for_leap_days_ranges_and_the_future() {
    let form = form();
    assert_eq!(check(&form, "since", one("2024-02-29")), None);
    assert_eq!(
        check(&form, "since", one("2023-02-29")),
        Some(Problem::NotADate)
    );
    assert_eq!(
        check(&form, "since", one("29/02/2024")),
        Some(Problem::NotADate)
    );
    assert_eq!(
        check(&form, "since", one("1999-12-31")),
        Some(Problem::TooEarly {
            min: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
        })
    );
    assert_eq!(
        check(&form, "since", one("2025-06-30")),
        None,
        "today is not the future"
    );
    assert_eq!(
        check(&form, "since", one("2025-07-01")),
        Some(Problem::InTheFuture)
    );
}

#[test]
fn email_phone_and_words() {
    let form = form();
    assert_eq!(
        check(&form, "mail", one("f.guzzetta@ausl.bologna.it")),
        None
    );
    assert_eq!(
        check(&form, "mail", one("f.guzzetta at ausl")),
        Some(Problem::NotAnEmail)
    );
    assert_eq!(check(&form, "phone", one("+39 348 893 5528")), None);
    assert_eq!(
        check(&form, "phone", one("tel. 348")),
        Some(Problem::NotAPhone)
    );
    // "dell'ASL" is one word: five in all.
    assert_eq!(
        check(&form, "abstract", one("Il programma dell'ASL di Bologna")),
        None
    );
    assert_eq!(
        check(
            &form,
            "abstract",
            one("Il programma dell'ASL di Bologna oggi")
        ),
        Some(Problem::TooManyWords { max: 5 })
    );
    assert_eq!(
        check(&form, "abstract", one("dell'ASL — Bologna")),
        Some(Problem::TooFewWords { min: 3 })
    );
}

#[test]
fn an_exclusive_option_with_others_is_refused_even_in_a_draft() {
    let form = form();
    let many = |codes: &[&str]| Answer::Many(codes.iter().map(|c| c.to_string()).collect());
    assert_eq!(check(&form, "with", many(&["dont_know"])), None);
    assert_eq!(
        check(&form, "with", many(&["a", "dont_know"])),
        Some(Problem::NotAlone {
            code: "dont_know".into()
        })
    );
    let answers = Answers::from([("with".into(), many(&["a", "dont_know"]))]);
    assert_eq!(
        form.check_document(&answers, &Reasons::new(), false),
        [DocumentProblem::Invalid {
            item: "with".into(),
            problem: Problem::NotAlone {
                code: "dont_know".into()
            }
        }]
    );
}

#[test]
fn a_soft_check_asks_for_a_reason_and_a_hard_one_refuses() {
    let form = form();
    let staff = form.position("staff").unwrap();
    let answers = Answers::from([("staff".into(), number("60"))]);
    let unconfirmed = Problem::Unconfirmed {
        message: Some("many".into()),
    };
    assert_eq!(
        form.problem_of(staff, &answers, &Reasons::new()),
        Some(unconfirmed.clone())
    );
    let reasons = Reasons::from([("staff".into(), "Two services merged".into())]);
    assert_eq!(form.problem_of(staff, &answers, &reasons), None);
    let blank = Reasons::from([("staff".into(), "  ".into())]);
    assert_eq!(
        form.problem_of(staff, &answers, &blank),
        Some(unconfirmed.clone())
    );
    // A reason does not confirm a hard check.
    let zero = Answers::from([("staff".into(), number("0"))]);
    assert_eq!(
        form.problem_of(staff, &zero, &reasons),
        Some(Problem::Refused {
            message: Some("none-at-all".into())
        })
    );
    // A completed response needs the reason; a draft does not yet.
    let invalid = DocumentProblem::Invalid {
        item: "staff".into(),
        problem: unconfirmed,
    };
    assert!(
        form.check_document(&answers, &Reasons::new(), true)
            .contains(&invalid)
    );
    assert!(
        !form
            .check_document(&answers, &Reasons::new(), false)
            .contains(&invalid)
    );
    assert!(
        !form
            .check_document(&answers, &reasons, true)
            .contains(&invalid)
    );
}

#[test]
fn a_reason_only_for_an_item_with_a_soft_check_and_short() {
    let form = form();
    let answers = Answers::from([("staff".into(), number("60"))]);
    let bad = |item: &str, reason: String| {
        let reasons = Reasons::from([(item.to_string(), reason)]);
        form.check_document(&answers, &reasons, false)
            .contains(&DocumentProblem::BadReason { item: item.into() })
    };
    assert!(!bad("staff", "Due servizi uniti".into()));
    assert!(bad("hours", "no soft check here".into()));
    assert!(bad("nowhere", "not an item".into()));
    assert!(bad("staff", "x".repeat(301)));
    assert!(bad("staff", "a\u{1b}[2J".into()));
}

#[test]
fn a_draft_may_be_half_typed_but_never_too_long() {
    let form = form();
    let draft = |id: &str, answer: Answer| {
        let answers = Answers::from([(id.to_string(), answer)]);
        form.check_document(&answers, &Reasons::new(), false)
    };
    assert_eq!(draft("hours", one("3,")), [], "typing in progress");
    assert_eq!(draft("mail", one("f.guzzetta@")), []);
    assert_eq!(draft("staff", number("501")), []);
    assert_eq!(
        draft("abstract", one("uno due tre quattro cinque sei")),
        [DocumentProblem::Invalid {
            item: "abstract".into(),
            problem: Problem::TooManyWords { max: 5 }
        }]
    );
    let bundled = crate::package::FormPackage::bundled().form().unwrap();
    let long = Answers::from([("dept_name".into(), one(&"a".repeat(201)))]);
    assert_eq!(
        bundled.check_document(&long, &Reasons::new(), false),
        [DocumentProblem::Invalid {
            item: "dept_name".into(),
            problem: Problem::TooLong { max: 200 }
        }]
    );
}

#[test]
fn a_stored_date_a_day_ahead_is_taken_for_the_time_zones_two_are_not() {
    let form = form();
    let today = chrono::Local::now().date_naive();
    let day = |ahead: u64| {
        let date = today.checked_add_days(chrono::Days::new(ahead)).unwrap();
        Answers::from([("since".into(), one(&date.format("%Y-%m-%d").to_string()))])
    };
    let problems = |answers: &Answers| form.check_document(answers, &Reasons::new(), true);
    let in_the_future = DocumentProblem::Invalid {
        item: "since".into(),
        problem: Problem::InTheFuture,
    };
    assert!(!problems(&day(1)).contains(&in_the_future));
    assert!(problems(&day(2)).contains(&in_the_future));
    // Typed here, the local date holds: tomorrow is refused.
    let since = form.position("since").unwrap();
    assert_eq!(
        form.check_answer(since, day(1).get("since")),
        Some(Problem::InTheFuture)
    );
}
