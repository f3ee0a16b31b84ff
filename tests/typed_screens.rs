//! The new kinds of question on ratatui's TestBackend at 80×24: a number
//! with its unit, a soft check's warning and the field for its reason, a
//! text counted in words, an exclusive option; and what switching language
//! does to a number being typed.

use std::path::Path;

use campo::i18n::{self, Lang, Texts, Zone};
use campo::package::FormPackage;
use campo::session::listing_recipe;
use campo::store::{DataDir, Response, Responses};
use campo::tui::app::{App, Options, Screen, Start};
use campo::tui::view;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TYPED_FORM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/typed-form");

struct Fixture {
    _dir: tempfile::TempDir,
    data: DataDir,
}

fn app(package: &FormPackage, lang: Lang) -> (Fixture, App) {
    let dir = tempfile::tempdir().unwrap();
    let (form, catalog) = i18n::load_form(package).unwrap();
    let data = DataDir::open(&dir.path().join("data"))
        .unwrap()
        .summarized_by(listing_recipe(std::slice::from_ref(&form)));
    let texts = Texts::new(lang, catalog).with_zone(Zone::Utc);
    let mut app = App::new(
        form,
        Vec::new(),
        texts,
        Box::new(data.clone()),
        Options::default(),
    );
    app.start(Start::New).unwrap();
    (Fixture { _dir: dir, data }, app)
}

fn typed_form(lang: Lang) -> (Fixture, App) {
    app(&FormPackage::from_dir(Path::new(TYPED_FORM)).unwrap(), lang)
}

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn current_item(app: &App) -> String {
    match &app.screen {
        Screen::Entry(_, entry) => app.form.items[entry.item].id.clone(),
        _ => panic!("not on a question"),
    }
}

fn saved(fixture: &Fixture) -> Response {
    let mut all = Vec::new();
    fixture
        .data
        .each(&mut |read| all.extend(read.ok()))
        .unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

#[test]
fn a_number_shows_its_unit_and_a_soft_check_asks_why() {
    let (fixture, mut app) = typed_form(Lang::It);
    type_text(&mut app, "60");
    insta::assert_snapshot!("number_with_unit_it", render(&app));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "staff", "a warning stops the way on");
    insta::assert_snapshot!("soft_check_reason_it", render(&app));
    // Enter without a reason does not move on either.
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "staff");
    type_text(&mut app, "Due servizi uniti");
    assert!(
        render(&app).contains("Più di 50 esperti"),
        "the warning stays while its reason is typed"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "hours");
    let response = saved(&fixture);
    assert_eq!(response.reasons["staff"], "Due servizi uniti");
    assert_eq!(
        response.answers["staff"],
        campo::form::Answer::Number(60.into())
    );
}

#[test]
fn changing_an_answer_drops_the_reason_given_for_the_old_one() {
    let (fixture, mut app) = typed_form(Lang::En);
    type_text(&mut app, "60");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "merged");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(current_item(&app), "staff");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "5");
    assert!(
        saved(&fixture).reasons.is_empty(),
        "65 has not been explained"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "staff", "65 is warned about too");
}

#[test]
fn a_decimal_typed_in_italian_is_written_again_in_english() {
    let (fixture, mut app) = typed_form(Lang::It);
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_item(&app), "hours");
    type_text(&mut app, "7,25");
    assert_eq!(
        saved(&fixture).answers["hours"],
        campo::form::Answer::Number(serde_json::Number::from_f64(7.25).unwrap())
    );
    press(&mut app, KeyCode::F(2));
    assert!(render(&app).contains("│7.25 "), "{}", render(&app));
    type_text(&mut app, "5");
    assert_eq!(
        saved(&fixture).answers["hours"],
        campo::form::Answer::Number(serde_json::Number::from_f64(7.255).unwrap())
    );
}

#[test]
fn an_exclusive_option_ticked_last_clears_the_others_and_another_clears_it() {
    let (fixture, mut app) = typed_form(Lang::En);
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(current_item(&app), "kinds");
    type_text(&mut app, "12");
    let kinds = |fixture: &Fixture| saved(fixture).answers["kinds"].clone();
    let many =
        |codes: &[&str]| campo::form::Answer::Many(codes.iter().map(|c| c.to_string()).collect());
    assert_eq!(kinds(&fixture), many(&["groups", "visits"]));
    type_text(&mut app, "3");
    assert_eq!(kinds(&fixture), many(&["none"]));
    type_text(&mut app, "1");
    assert_eq!(kinds(&fixture), many(&["groups"]));
}

#[test]
fn the_abstract_counts_its_words_as_they_are_typed() {
    let package = FormPackage::bundled_named("abstract-bologna").unwrap();
    let (_fixture, mut app) = app(&package, Lang::It);
    for _ in 0..9 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(current_item(&app), "contents");
    type_text(&mut app, "Premesse: il programma dell'ASL di Bologna.");
    insta::assert_snapshot!("abstract_contents_it", render(&app));
}
