//! The set-up of the tests that drive the interface's model without a
//! terminal: a data folder with fixtures, the app in a language, keys, and
//! the screen drawn on ratatui's TestBackend.

use campo::i18n::{self, Lang, Texts, Zone};
use campo::package::FormPackage;
use campo::session::listing_recipe;
use campo::store::{DataDir, Response, Responses};
use campo::tui::app::{App, Command, Options, Screen, Start, Update};
use campo::tui::view;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fs;

pub const BOLOGNA: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000001",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "complete",
  "created": "2026-01-12T09:00:00Z",
  "updated": "2026-01-12T10:15:00Z",
  "lang": "it",
  "answers": {"dept_region": "emilia_romagna", "dept_name": "DSM-DP AUSL di Bologna", "ps_active": "no",
              "ps_difficulties": ["recognition", "resources"], "cp_planning_role": "consultative",
              "cp_tools": "no", "cp_active": "no", "rec_strategies": "dk"}
}"#;

pub const AOSTA: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000002",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "draft",
  "created": "2026-02-01T08:00:00Z",
  "updated": "2026-02-03T16:40:00Z",
  "lang": "it",
  "answers": {"dept_region": "valle_d_aosta", "dept_name": "DSM Valle d'Aosta", "ps_active": "yes",
              "ps_years": "y1_3", "ps_services": ["cmhc", "other"], "ps_services_other": "Ambulatorio"}
}"#;

pub struct Fixture {
    _dir: tempfile::TempDir,
    pub data: DataDir,
}

pub fn fixture(files: &[(&str, &str)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let form = FormPackage::bundled().form().unwrap();
    let data = DataDir::open(&dir.path().join("data"))
        .unwrap()
        .summarized_by(listing_recipe(&[form]));
    for (name, text) in files {
        fs::write(data.root().join("responses").join(name), text).unwrap();
    }
    Fixture { _dir: dir, data }
}

pub fn standard() -> Fixture {
    fixture(&[
        ("0a1b2c3d-0000-4000-8000-000000000001.json", BOLOGNA),
        ("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA),
        ("broken.json", "{\"id\": \"0a1b"),
    ])
}

pub fn app(fixture: &Fixture, lang: Lang, start: Start) -> App {
    app_with(fixture, lang, start, Options::default())
}

pub fn app_with(fixture: &Fixture, lang: Lang, start: Start, options: Options) -> App {
    let (form, catalog) = i18n::load_form(&FormPackage::bundled()).unwrap();
    let texts = Texts::new(lang, catalog).with_zone(Zone::Utc);
    let mut app = App::new(
        form,
        Vec::new(),
        texts,
        Box::new(fixture.data.clone()),
        options,
    );
    app.start(start).unwrap();
    settle(&mut app, fixture);
    app
}

/// What the interface's loop does with the work the model asks for: the
/// listing checked against the files and the results' counts are made
/// here and handed back; the other commands are returned.
pub fn settle(app: &mut App, fixture: &Fixture) -> Vec<Command> {
    let mut others = Vec::new();
    for command in app.take_commands() {
        match command {
            Command::List => {
                app.listed(fixture.data.list());
            }
            Command::Gather => {
                let form = app.form.clone();
                let status = campo::report::StatusFilter::Complete;
                app.gathered(campo::report::gather(&form, &fixture.data, status, None));
            }
            other => others.push(other),
        }
    }
    others
}

pub fn render(app: &App) -> String {
    render_at(app, 80, 24)
}

pub fn render_at(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

pub fn press(app: &mut App, code: KeyCode) -> Update {
    app.update(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn current_item(app: &App) -> String {
    match &app.screen {
        Screen::Entry(_, entry) => app.form.items[entry.item].id.clone(),
        _ => panic!("not on a question"),
    }
}

/// Every response saved, newest first.
pub fn saved(fixture: &Fixture) -> Vec<Response> {
    let mut all = Vec::new();
    fixture
        .data
        .each(&mut |read| all.extend(read.ok()))
        .unwrap();
    all.sort_by_key(|r| std::cmp::Reverse(r.updated));
    all
}

pub const AOSTA_FILE: &str = "0a1b2c3d-0000-4000-8000-000000000002.json";

pub fn ctrl_c(app: &mut App) -> Update {
    app.update(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )))
}

pub const LONG_ANSWERS: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000003",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "complete",
  "created": "2026-01-12T09:00:00Z",
  "updated": "2026-01-12T10:15:00Z",
  "lang": "it",
  "answers": {"dept_region": "emilia_romagna", "dept_name": "DSM-DP Forlì-Cesena, AUSL della Romagna", "ps_active": "yes",
              "ps_years": "y1_3", "ps_count": "n1_3", "ps_services": ["cmhc", "day_centre", "residential", "other"],
              "ps_services_other": "Ambulatori per i disturbi del comportamento alimentare e per l'età evolutiva, fino alla fine",
              "ps_activities": ["training"], "ps_trained": "no", "ps_paid": "no", "ps_protocols": "dk",
              "ps_effective": "very", "ps_stigma": "no", "ps_satisfaction": "dk", "ps_difficulties": ["recognition"],
              "cp_planning_role": "none", "cp_tools": "no", "cp_active": "no", "rec_strategies": "no",
              "rec_contribution": "a_little"}
}"#;
