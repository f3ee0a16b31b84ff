//! The screens drawn on ratatui's TestBackend at 80×24, in both languages,
//! and the interface driven by key events without a terminal.

use std::fs;

use campo::i18n::{self, Lang, Texts, Zone};
use campo::package::FormPackage;
use campo::session::listing_recipe;
use campo::store::{DataDir, Response, Responses, Status};
use campo::tui::app::{App, Command, Options, Screen, Start, Update};
use campo::tui::view;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BOLOGNA: &str = r#"{
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

const AOSTA: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000002",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "draft",
  "created": "2026-02-01T08:00:00Z",
  "updated": "2026-02-03T16:40:00Z",
  "lang": "it",
  "answers": {"dept_region": "valle_d_aosta", "dept_name": "DSM Valle d'Aosta", "ps_active": "yes",
              "ps_years": "y1_3", "ps_services": ["cmhc", "other"], "ps_services_other": "Ambulatorio"}
}"#;

struct Fixture {
    _dir: tempfile::TempDir,
    data: DataDir,
}

fn fixture(files: &[(&str, &str)]) -> Fixture {
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

fn standard() -> Fixture {
    fixture(&[
        ("0a1b2c3d-0000-4000-8000-000000000001.json", BOLOGNA),
        ("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA),
        ("broken.json", "{\"id\": \"0a1b"),
    ])
}

fn app(fixture: &Fixture, lang: Lang, start: Start) -> App {
    app_with(fixture, lang, start, Options::default())
}

fn app_with(fixture: &Fixture, lang: Lang, start: Start, options: Options) -> App {
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
fn settle(app: &mut App, fixture: &Fixture) -> Vec<Command> {
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

fn render(app: &App) -> String {
    render_at(app, 80, 24)
}

fn render_at(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) -> Update {
    app.update(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
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

/// Every response saved, newest first.
fn saved(fixture: &Fixture) -> Vec<Response> {
    let mut all = Vec::new();
    fixture
        .data
        .each(&mut |read| all.extend(read.ok()))
        .unwrap();
    all.sort_by_key(|r| std::cmp::Reverse(r.updated));
    all
}

#[test]
fn home_screen_in_both_languages() {
    let fixture = standard();
    for lang in Lang::ALL {
        let app = app(&fixture, lang, Start::Home);
        let screen = render(&app);
        insta::assert_snapshot!(format!("home_{}", lang.code()), screen);
    }
}

#[test]
fn home_shows_the_path_and_reason_of_a_damaged_file() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::It, Start::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let screen = render_at(&app, 200, 24);
    assert!(
        screen.contains("broken.json: il file si interrompe a metà dei dati"),
        "{screen}"
    );
    assert!(screen.contains("Danneggiato"), "{screen}");
}

#[test]
fn entry_screen_in_both_languages() {
    let fixture = standard();
    for lang in Lang::ALL {
        let app = app(&fixture, lang, Start::New);
        insta::assert_snapshot!(format!("entry_first_{}", lang.code()), render(&app));
    }
}

#[test]
fn multiple_choice_with_other_specified_inline() {
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, Lang::En, Start::Home);
        // Second row is the Aosta draft (newest first: it changed last).
        press(&mut app, KeyCode::Enter);
        // It reopens at its first question; go to ps_services.
        while current_item(&app) != "ps_services" {
            press(&mut app, KeyCode::Tab);
        }
        if lang == Lang::It {
            press(&mut app, KeyCode::F(2));
        }
        insta::assert_snapshot!(format!("entry_multi_other_{}", lang.code()), render(&app));
    }
}

/// From 100 columns the sections stand beside the question, one row each:
/// ✓ for those answered in full, the current one with how far it has got,
/// and the rule beside them only.
#[test]
fn a_wide_window_lists_the_sections_beside_the_question() {
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, lang, Start::Home);
        press(&mut app, KeyCode::Enter);
        while current_item(&app) != "ps_services" {
            press(&mut app, KeyCode::Tab);
        }
        insta::assert_snapshot!(
            format!("entry_sections_{}_110x24", lang.code()),
            render_at(&app, 110, 24)
        );
    }
}

#[test]
fn review_marks_missing_answers_after_mark_complete() {
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, lang, Start::Home);
        press(&mut app, KeyCode::Char('r'));
        press(&mut app, KeyCode::Char('c'));
        insta::assert_snapshot!(format!("review_missing_{}", lang.code()), render(&app));
    }
}

#[test]
fn help_lists_the_keys_of_the_screen_beneath() {
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, lang, Start::New);
        press(&mut app, KeyCode::F(1));
        insta::assert_snapshot!(format!("help_entry_{}", lang.code()), render(&app));
    }
}

#[test]
fn a_small_window_gets_a_message_not_a_broken_layout() {
    let fixture = standard();
    let app = app(&fixture, Lang::En, Start::Home);
    let screen = render_at(&app, 40, 10);
    assert!(screen.contains("The window is too small"), "{screen}");
    let italian = render_at(&self::app(&fixture, Lang::It, Start::Home), 40, 10);
    assert!(
        italian.contains("La finestra è troppo piccola"),
        "{italian}"
    );
}

#[test]
fn switching_language_keeps_the_place_and_the_answers() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::It, Start::New);
    type_text(&mut app, "tosc");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "DSM Firenze");
    assert_eq!(current_item(&app), "dept_name");
    press(&mut app, KeyCode::F(2));
    assert_eq!(current_item(&app), "dept_name");
    assert_eq!(app.texts.lang, Lang::En);
    let screen = render(&app);
    assert!(
        screen.contains("Name of the Mental Health Department"),
        "{screen}"
    );
    assert!(screen.contains("DSM Firenze"), "{screen}");
    let response = &saved(&fixture)[0];
    assert_eq!(response.answers["dept_region"].as_one(), Some("toscana"));
}

#[test]
fn a_filtered_list_matches_labels_and_codes() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    type_text(&mut app, "tusc");
    assert!(render(&app).contains("1 ( ) Tuscany"));
    type_text(&mut app, "x");
    assert!(render(&app).contains("No option matches the filter"));
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "valle d");
    assert!(
        render(&app).contains("1 ( ) Aosta Valley"),
        "{}",
        render(&app)
    );
    press(&mut app, KeyCode::Esc);
    assert!(
        render(&app).contains("2 ( ) Basilicata"),
        "Esc clears the filter first"
    );
}

/// Back home from a response, the list is shown at once from what was
/// last listed, with the response just left as it is now; what changed
/// behind the interface's back (another session's new response) comes
/// with the listing checked against the files, which the loop has made in
/// the background.
#[test]
fn back_home_shows_the_response_just_left_at_once_then_the_checked_list() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::En, Start::New);
    type_text(&mut app, "tusc");
    press(&mut app, KeyCode::Enter);
    let other = fixture
        .data
        .root()
        .join("responses/0a1b2c3d-0000-4000-8000-000000000009.json");
    fs::write(&other, AOSTA.replace("000000000002", "000000000009")).unwrap();
    press(&mut app, KeyCode::Esc);
    assert!(
        app.asked().contains(&Command::List),
        "the loop is asked for a checked listing"
    );
    let shown = render(&app);
    let rows: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("Draft") || l.contains("Complete"))
        .collect();
    assert_eq!(
        rows.len(),
        3,
        "the new response and the two listed: {shown}"
    );
    assert!(
        rows[0].contains("Tuscany"),
        "the one just left, on top: {shown}"
    );
    settle(&mut app, &fixture);
    let rows = render(&app)
        .lines()
        .filter(|l| l.contains("Draft") || l.contains("Complete"))
        .count();
    assert_eq!(rows, 4, "and the other session's, once checked");
}

#[test]
fn every_change_is_on_disk_at_once() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    assert!(
        saved(&fixture).is_empty(),
        "nothing is written before the first answer"
    );
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        saved(&fixture)[0].answers["dept_region"].as_one(),
        Some("basilicata")
    );
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Pot");
    assert_eq!(
        saved(&fixture)[0].answers["dept_name"].as_one(),
        Some("Pot")
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(saved(&fixture)[0].answers["dept_name"].as_one(), Some("Po"));
}

#[test]
fn a_required_item_blocks_completion_not_navigation() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    // Enter on an unanswered text says why and stays…
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "dept_name");
    assert!(render(&app).contains("An answer is required."));
    // …but Tab moves on.
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_item(&app), "ps_active");
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(saved(&fixture)[0].status, Status::Draft);
    assert!(render(&app).contains("answers are missing or not valid"));
}

#[test]
fn keys_move_between_questions_and_sections() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_item(&app), "dept_name");
    for back_tab in [
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Tab, KeyModifiers::ALT),
    ] {
        press(&mut app, KeyCode::Tab);
        app.update(Event::Key(back_tab));
        assert_eq!(current_item(&app), "dept_name", "{back_tab:?}");
    }
    press(&mut app, KeyCode::PageDown);
    assert_eq!(current_item(&app), "ps_active");
    press(&mut app, KeyCode::PageDown);
    // Nothing in (b)–(d) is asked until ps_active is answered.
    assert_eq!(current_item(&app), "ps_difficulties");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(current_item(&app), "ps_active");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(current_item(&app), "ps_activities");
    // j/k move within the list; a key that changes nothing asks for no redraw.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(press(&mut app, KeyCode::Char('k')), Update::Nothing);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn changing_a_complete_response_makes_it_a_draft_again() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::En, Start::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    // A complete response opens in its review; Enter there changes the
    // highlighted answer.
    assert!(matches!(app.screen, Screen::Review(..)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "dept_region");
    type_text(&mut app, "lomb");
    press(&mut app, KeyCode::Enter);
    let bologna = saved(&fixture)
        .into_iter()
        .find(|r| r.id.to_string().ends_with('1'))
        .unwrap();
    assert_eq!(bologna.status, Status::Draft);
    assert_eq!(bologna.answers["dept_region"].as_one(), Some("lombardia"));
    assert!(render(&app).contains("The response is a draft again"));
}

#[test]
fn delete_asks_first_and_moves_the_file_to_the_trash() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::En, Start::Home);
    press(&mut app, KeyCode::Char('d'));
    assert!(render(&app).contains("Delete response"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(saved(&fixture).len(), 2);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(saved(&fixture).len(), 1);
    assert!(
        fixture
            .data
            .root()
            .join("trash")
            .read_dir()
            .unwrap()
            .next()
            .is_some()
    );
}

#[test]
fn sync_from_the_home_screen_shows_progress_then_the_summary() {
    use campo::sync::{Event, Progress, Summary};
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, lang, Start::Home);
        assert_eq!(press(&mut app, KeyCode::Char('s')), Update::Redraw);
        assert_eq!(settle(&mut app, &fixture), [Command::StartSync]);
        app.on_sync_event(Event::Progress(Progress::Planned { total: 4 }));
        app.on_sync_event(Event::Progress(Progress::Done {
            done: 1,
            total: 4,
            bytes: 1536,
        }));
        // Keys other than Ctrl-C wait while it runs.
        assert_eq!(press(&mut app, KeyCode::Esc), Update::Nothing);
        insta::assert_snapshot!(format!("sync_progress_{}", lang.code()), render(&app));
        let summary = Summary {
            sent: 3,
            already_there: 1,
            bytes: 6144,
            requests: 4,
            ..Summary::default()
        };
        app.on_sync_event(Event::Finished(Ok(summary)));
        insta::assert_snapshot!(format!("sync_done_{}", lang.code()), render(&app));
        assert_eq!(press(&mut app, KeyCode::Esc), Update::Redraw);
        assert!(app.sync_view().is_none());
    }
}

#[test]
fn sync_without_a_server_says_how_to_set_one() {
    use campo::sync::{Event, SyncError};
    let fixture = standard();
    let mut app = app(&fixture, Lang::It, Start::Home);
    press(&mut app, KeyCode::Char('s'));
    app.on_sync_event(Event::Finished(Err(SyncError::NoServer)));
    assert!(
        render(&app).contains("campo sync --setup"),
        "{}",
        render(&app)
    );
}

#[test]
fn the_report_screen_shows_bars_item_by_item() {
    let fixture = standard();
    for lang in Lang::ALL {
        let mut app = app(&fixture, lang, Start::Home);
        press(&mut app, KeyCode::Char('t'));
        settle(&mut app, &fixture);
        // P4: the 21 regions do not fit: the last line says so, and Space
        // shows the rest.
        insta::assert_snapshot!(format!("report_regions_{}", lang.code()), render(&app));
        assert_eq!(press(&mut app, KeyCode::Char(' ')), Update::Redraw);
        insta::assert_snapshot!(
            format!("report_regions_scrolled_{}", lang.code()),
            render(&app)
        );
        // To ps_difficulties, a multiple choice asked of everyone.
        for _ in 0..5 {
            press(&mut app, KeyCode::PageDown);
        }
        insta::assert_snapshot!(format!("report_{}", lang.code()), render(&app));
        assert_eq!(press(&mut app, KeyCode::Esc), Update::Redraw);
        assert!(matches!(app.screen, Screen::Home(_)));
    }
}

/// Heads-down entry of a paper questionnaire: digits and Enter only (and
/// the department's name), with auto-advance. Counts the keys.
#[test]
fn a_paper_questionnaire_goes_in_with_digits_and_enter() {
    let fixture = fixture(&[]);
    let auto_advance = Options {
        auto_advance: true,
        ..Options::default()
    };
    let mut app = app_with(&fixture, Lang::It, Start::New, auto_advance);
    let mut keys = 0;
    let mut send = |app: &mut App, code: KeyCode| {
        keys += 1;
        press(app, code)
    };
    send(&mut app, KeyCode::Char('9'));
    assert_eq!(
        current_item(&app),
        "dept_name",
        "a digit on a single choice moves on"
    );
    type_text(&mut app, "DSM Milano");
    send(&mut app, KeyCode::Enter);
    // A digit per single choice; digits then Enter per multiple choice.
    let script: &[&str] = &[
        "1", "3", "2", "12\n", "1\n", "1", "1\n", "1", "2\n", "1", "4", "1", "1\n", "1", "12\n",
        "2", "1", "1", "1\n", "3", "1\n", "2\n", "1", "14\n", "4",
    ];
    for answer in script {
        for c in answer.chars() {
            send(
                &mut app,
                if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                },
            );
        }
    }
    assert_eq!(current_item(&app), "promising_practices");
    send(&mut app, KeyCode::Tab);
    send(&mut app, KeyCode::Char('c'));
    let response = &saved(&fixture)[0];
    assert_eq!(response.status, Status::Complete, "{:?}", response.answers);
    assert_eq!(response.answers.len(), 27);
    // Keep the README's figure honest: this is the count it reports.
    assert_eq!(
        keys, 42,
        "keys for a whole paper questionnaire, besides the name typed"
    );
}

/// A store whose disk is full: every save fails until `full` is cleared.
struct FullDisk {
    inner: DataDir,
    full: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Responses for FullDisk {
    fn list(&self) -> Result<Vec<campo::store::Listed>, campo::store::StoreError> {
        self.inner.list()
    }
    fn each(
        &self,
        visit: &mut dyn FnMut(Result<Response, campo::store::StoreError>),
    ) -> Result<(), campo::store::StoreError> {
        self.inner.each(visit)
    }
    fn load(&self, id: uuid::Uuid) -> Result<Response, campo::store::StoreError> {
        self.inner.load(id)
    }
    fn save(&self, response: &Response) -> Result<(), campo::store::StoreError> {
        if self.full.get() {
            return Err(campo::store::StoreError::Io {
                path: "/data/responses/x.json".into(),
                failure: campo::io_failure::IoFailure::NoSpace,
            });
        }
        self.inner.save(response)
    }
    fn delete(&self, id: uuid::Uuid) -> Result<(), campo::store::StoreError> {
        self.inner.delete(id)
    }
    fn location(&self, id: uuid::Uuid) -> String {
        self.inner.location(id)
    }
    fn lock(&self, id: uuid::Uuid) -> Result<campo::store::Lock, campo::store::StoreError> {
        self.inner.lock(id)
    }
}

/// A new response, its region answered, on a disk that is now full
/// (`full.set(false)` frees it).
fn on_a_disk_that_fills_up() -> (Fixture, std::rc::Rc<std::cell::Cell<bool>>, App) {
    let fixture = fixture(&[]);
    let full = std::rc::Rc::new(std::cell::Cell::new(false));
    let (form, catalog) = i18n::load_form(&FormPackage::bundled()).unwrap();
    let texts = Texts::new(Lang::En, catalog).with_zone(Zone::Utc);
    let store = FullDisk {
        inner: fixture.data.clone(),
        full: full.clone(),
    };
    let mut app = App::new(form, Vec::new(), texts, Box::new(store), Options::default());
    app.start(Start::New).unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    full.set(true);
    (fixture, full, app)
}

#[test]
fn a_failed_save_is_shown_and_retried_on_the_next_change() {
    let (fixture, full, mut app) = on_a_disk_that_fills_up();
    type_text(&mut app, "DSM");
    let screen = render(&app);
    assert!(
        screen.contains("Not saved: Cannot use /data/responses/x.json: the disk is full."),
        "{screen}"
    );
    assert!(
        screen.contains("DSM"),
        "the answer stays in memory: {screen}"
    );
    assert_eq!(
        saved(&fixture)[0].answers.get("dept_name"),
        None,
        "the file on disk is the last good one"
    );
    full.set(false);
    type_text(&mut app, "!");
    assert!(!render(&app).contains("Not saved"));
    assert_eq!(
        saved(&fixture)[0].answers["dept_name"].as_one(),
        Some("DSM!")
    );
}

const AOSTA_FILE: &str = "0a1b2c3d-0000-4000-8000-000000000002.json";

fn ctrl_c(app: &mut App) -> Update {
    app.update(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )))
}

#[test]
fn a_response_opens_as_it_is_on_disk_and_leaving_it_unchanged_writes_nothing() {
    let fixture = fixture(&[(AOSTA_FILE, AOSTA)]);
    let mut app = app(&fixture, Lang::En, Start::Home);
    // Another session edits the response after this one listed it.
    let path = fixture.data.root().join("responses").join(AOSTA_FILE);
    let mut later: serde_json::Value = serde_json::from_str(AOSTA).unwrap();
    later["revision"] = 5.into();
    later["answers"]["ps_count"] = "n2_5".into();
    let later = serde_json::to_vec_pretty(&later).unwrap();
    fs::write(&path, &later).unwrap();
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Entry(..)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        fs::read(&path).unwrap(),
        later,
        "the other session's answers and revision are untouched"
    );
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn a_response_deleted_after_the_list_was_read_is_not_brought_back() {
    let fixture = fixture(&[(AOSTA_FILE, AOSTA)]);
    let mut app = app(&fixture, Lang::En, Start::Home);
    let id = "0a1b2c3d-0000-4000-8000-000000000002".parse().unwrap();
    fixture.data.delete(id).unwrap();
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(render(&app).contains("No response has the ID"));
    assert!(saved(&fixture).is_empty());
}

#[test]
fn quitting_with_unsaved_answers_warns_then_hands_them_over() {
    let (_fixture, _full, mut app) = on_a_disk_that_fills_up();
    type_text(&mut app, "DSM");
    assert_eq!(ctrl_c(&mut app), Update::Redraw, "the first Ctrl-C stays");
    let screen = render(&app);
    assert!(
        screen.contains("Your last answers are not saved"),
        "{screen}"
    );
    // Any other key disarms it: the next Ctrl-C warns again.
    press(&mut app, KeyCode::Char('!'));
    assert_eq!(ctrl_c(&mut app), Update::Redraw);
    ctrl_c(&mut app);
    assert!(app.quitting(), "the second one leaves");
    let unsaved = app.unsaved_answers().expect("the answers are handed over");
    assert_eq!(unsaved.response.answers["dept_name"].as_one(), Some("DSM!"));
    let rescued = unsaved.rescue().unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(rescued.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "the rescue folder is private");
    }
    let back: Response = serde_json::from_slice(&fs::read(&rescued).unwrap()).unwrap();
    assert_eq!(back.answers["dept_name"].as_one(), Some("DSM!"));
    assert_eq!(
        rescued.file_name().unwrap().to_str().unwrap(),
        format!("{}.json", back.id),
        "named to go straight back into responses/"
    );
    fs::remove_dir_all(rescued.parent().unwrap()).unwrap();
}

#[test]
fn leaving_a_response_with_unsaved_answers_warns_then_writes_them_elsewhere() {
    let (_fixture, _full, mut app) = on_a_disk_that_fills_up();
    type_text(&mut app, "DSM");
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen, Screen::Entry(..)),
        "the first Esc stays"
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)));
    let Some(campo::tui::app::Notice::Rescued(path)) = app.notice.clone() else {
        panic!("no word of where the answers went: {:?}", app.notice)
    };
    assert!(render(&app).contains("Your unsaved answers were written to"));
    let back: Response = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(back.answers["dept_name"].as_one(), Some("DSM"));
    fs::remove_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
}

#[test]
fn enter_on_an_unanswered_choice_records_nothing_and_says_how_to_answer() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "dept_region", "it stays");
    assert!(saved(&fixture).is_empty(), "no Abruzzo nobody chose");
    let screen = render(&app);
    assert!(
        screen.contains("An answer is required: choose with Space"),
        "{screen}"
    );
    // The same on a yes/no that would open a whole branch.
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "DSM");
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "ps_active");
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "ps_active");
    assert_eq!(saved(&fixture)[0].answers.get("ps_active"), None);
}

#[test]
fn enter_takes_the_option_the_user_moved_or_filtered_to() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&fixture)[0].answers["dept_region"].as_one(),
        Some("basilicata")
    );
    let fixture = self::fixture(&[]);
    let mut app = self::app(&fixture, Lang::En, Start::New);
    type_text(&mut app, "tosc");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&fixture)[0].answers["dept_region"].as_one(),
        Some("toscana")
    );
    assert_eq!(current_item(&app), "dept_name");
}

#[test]
fn a_response_open_in_another_session_is_not_deleted() {
    let fixture = fixture(&[(AOSTA_FILE, AOSTA)]);
    let mut app = app(&fixture, Lang::En, Start::Home);
    let id = "0a1b2c3d-0000-4000-8000-000000000002".parse().unwrap();
    let campo::store::Lock::Mine(_held) = fixture.data.lock(id).unwrap() else {
        panic!("the other session's lock")
    };
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(saved(&fixture).len(), 1, "still there");
    let screen = render(&app);
    assert!(
        screen.contains("Someone else has this response open"),
        "{screen}"
    );
}

/// At ps_difficulties, fifteen options, with "Other" ticked by its number
/// and its detail typed.
fn other_ticked_at_the_bottom(lang: Lang) -> (Fixture, App) {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, lang, Start::New);
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "DSM Bologna");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "ps_difficulties");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('5'));
    type_text(&mut app, "testo visibile");
    (fixture, app)
}

#[test]
fn a_long_list_keeps_the_other_detail_in_view_and_says_what_is_hidden() {
    for lang in [Lang::It, Lang::En] {
        let (fixture, app) = other_ticked_at_the_bottom(lang);
        let answers = &saved(&fixture)[0].answers;
        assert_eq!(
            answers["ps_difficulties"],
            campo::form::Answer::Many(vec!["other".into()]),
            "two digits, one option: 15, not 1 and 5"
        );
        for (width, height) in [(80, 24), (60, 20)] {
            let screen = render_at(&app, width, height);
            assert!(screen.contains("testo visibile"), "{screen}");
            let above = if lang == Lang::It {
                "opzioni sopra"
            } else {
                "options above"
            };
            assert!(screen.contains(above), "{screen}");
            insta::assert_snapshot!(
                format!("long_list_other_{}_{width}x{height}", lang.code()),
                screen
            );
        }
    }
}

#[test]
fn options_past_nine_are_reached_with_two_digits() {
    let fixture = fixture(&[]);
    let mut app = app(&fixture, Lang::En, Start::New);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        saved(&fixture)[0].answers["dept_region"].as_one(),
        Some("piemonte"),
        "12: the twelfth region"
    );
    // A digit then another key keeps the first choice.
    let fixture = self::fixture(&[]);
    let mut app = self::app(&fixture, Lang::En, Start::New);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&fixture)[0].answers["dept_region"].as_one(),
        Some("abruzzo")
    );
    assert_eq!(current_item(&app), "dept_name");
}

const LONG_ANSWERS: &str = r#"{
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

#[test]
fn the_review_shows_answers_whole_pages_and_offers_completion_only_to_a_draft() {
    for lang in [Lang::It, Lang::En] {
        let fixture = fixture(&[("0a1b2c3d-0000-4000-8000-000000000003.json", LONG_ANSWERS)]);
        let mut app = app(&fixture, lang, Start::Home);
        press(&mut app, KeyCode::Char('r'));
        let top = render(&app);
        assert!(top.contains("fino alla fine"), "wrapped, not cut: {top}");
        let complete = if lang == Lang::It {
            "segna come completato"
        } else {
            "mark complete"
        };
        assert!(!top.contains(complete), "a complete response: {top}");
        press(&mut app, KeyCode::End);
        let bottom = render(&app);
        let last = if lang == Lang::It {
            "In che misura ritiene"
        } else {
            "To what extent do you think"
        };
        assert!(bottom.contains(last), "{bottom}");
        press(&mut app, KeyCode::Home);
        assert_eq!(render(&app), top);
        press(&mut app, KeyCode::PageDown);
        assert_ne!(render(&app), top);
        for (width, height) in [(80, 24), (60, 20)] {
            insta::assert_snapshot!(
                format!("review_complete_{}_{width}x{height}", lang.code()),
                render_at(&app, width, height)
            );
        }
    }
}

#[test]
fn typing_the_start_of_a_region_picks_it_before_one_that_only_contains_it() {
    for (lang, typed, expected) in [
        (Lang::It, "ven", "veneto"),
        (Lang::En, "ven", "veneto"),
        (Lang::It, "tren", "trento"),
        (Lang::En, "sic", "sicilia"),
    ] {
        let fixture = fixture(&[]);
        let mut app = app(&fixture, lang, Start::New);
        type_text(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            saved(&fixture)[0].answers["dept_region"].as_one(),
            Some(expected),
            "{typed} in {lang:?}"
        );
    }
}

#[test]
fn no_notice_is_cut_at_80_columns_in_either_language() {
    use campo::tui::app::Notice;
    let failure = campo::store::StoreError::Io {
        path:
            "/home/direttore/.local/share/campo/responses/0a1b2c3d-0000-4000-8000-000000000002.json"
                .into(),
        failure: campo::io_failure::IoFailure::NoSpace,
    };
    let notices = [
        Notice::SaveFailed(failure.clone()),
        Notice::Reopened,
        Notice::Missing(14),
        Notice::UnknownForm {
            id: "mhd-peer-support-2025".into(),
            version: 7,
        },
        Notice::Failed(failure),
        Notice::UnsavedAnswers { quit: true },
        Notice::NotUtf8,
        Notice::Refused(campo::tui::screens::entry::Refused::Locked),
    ];
    for lang in [Lang::It, Lang::En] {
        let fixture = fixture(&[]);
        let mut app = app(&fixture, lang, Start::New);
        for notice in &notices {
            app.notice = Some(notice.clone());
            let text = view::notice_text(&app, notice);
            // Line breaks and the spaces around them aside, all of it is there.
            let compact = |s: &str| -> String {
                s.chars()
                    .filter(|c| !c.is_whitespace() && *c != '"')
                    .collect()
            };
            let screen = render(&app);
            assert!(
                compact(&screen).contains(&compact(&text)),
                "{text:?} is not whole on:\n{screen}"
            );
        }
    }
}

#[test]
fn the_lock_prompt_of_campo_edit_stands_over_the_real_list() {
    let fixture = fixture(&[(AOSTA_FILE, AOSTA)]);
    let id = "0a1b2c3d-0000-4000-8000-000000000002".parse().unwrap();
    let campo::store::Lock::Mine(_held) = fixture.data.lock(id).unwrap() else {
        panic!("the other session's lock")
    };
    let app = app(&fixture, Lang::It, Start::Edit(id));
    assert!(app.lock_prompt().is_some());
    let screen = render(&app);
    assert!(screen.contains("1 questionario"), "{screen}");
    assert!(!screen.contains("Ancora nessun questionario"), "{screen}");
    // The keys in Italian: l to read (leggere), a to wait (attendere).
    assert!(screen.contains("l: leggerlo"), "{screen}");
    let mut app = app;
    assert_eq!(press(&mut app, KeyCode::Char('a')), Update::Redraw);
    assert!(app.asked().contains(&Command::WaitForLock(id)));
}

#[test]
fn a_units_new_response_shows_the_lists_answers_locked() {
    let fixture = fixture(&[]);
    for lang in [Lang::It, Lang::En] {
        let for_unit = Some(campo::store::ForUnit {
            unit: "dsm-bologna".into(),
            answers: [
                ("dept_region".to_string(), "emilia_romagna".to_string()),
                (
                    "dept_name".to_string(),
                    "DSM-DP AUSL di Bologna".to_string(),
                ),
            ]
            .into(),
        });
        let options = Options {
            for_unit,
            ..Options::default()
        };
        let mut app = app_with(&fixture, lang, Start::New, options);
        insta::assert_snapshot!(format!("entry_locked_{}", lang.code()), render(&app));
        // A digit, Space or Delete changes nothing, and says why.
        for key in [KeyCode::Char('3'), KeyCode::Char(' '), KeyCode::Delete] {
            press(&mut app, key);
            assert!(
                matches!(
                    app.notice,
                    Some(campo::tui::app::Notice::Refused(
                        campo::tui::screens::entry::Refused::Locked
                    ))
                ),
                "{key:?}: {:?}",
                app.notice
            );
        }
        // Typed letters do not filter the list either; Enter goes on.
        press(&mut app, KeyCode::Char('x'));
        press(&mut app, KeyCode::Enter);
        let screen = render(&app);
        assert!(screen.contains("DSM-DP AUSL di Bologna"), "{screen}");
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Enter);
        let Screen::Entry(session, _) = &app.screen else {
            panic!("not answering")
        };
        assert_eq!(session.response.unit.as_deref(), Some("dsm-bologna"));
        assert_eq!(
            session.response.answers["dept_region"],
            campo::form::Answer::One("emilia_romagna".into())
        );
        assert_eq!(
            session.response.answers["dept_name"],
            campo::form::Answer::One("DSM-DP AUSL di Bologna".into())
        );
    }
}

/// P2: after "marked complete", Esc goes to the list, and the next key
/// (`q`) quits instead of being typed into the last answer.
#[test]
fn leaving_after_marking_complete_goes_to_the_list_not_into_a_text_field() {
    let fixture = fixture(&[(
        "0a1b2c3d-0000-4000-8000-000000000002.json",
        &AOSTA.replace("\"status\": \"draft\"", "\"status\": \"complete\""),
    )]);
    let mut app = app(&fixture, Lang::It, Start::Home);
    // Reopening a complete response opens its review, not a question.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Review(..)), "{}", render(&app));
    // A draft opens at its question; marked complete from the review.
    let fixture = self::fixture(&[(
        "0a1b2c3d-0000-4000-8000-000000000001.json",
        BOLOGNA
            .replace("\"status\": \"complete\"", "\"status\": \"draft\"")
            .as_str(),
    )]);
    let mut app = self::app(&fixture, Lang::It, Start::Home);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Entry(..)),
        "a draft opens at its question"
    );
    press(&mut app, KeyCode::F(3));
    assert!(matches!(app.screen, Screen::Review(..)));
    press(&mut app, KeyCode::Char('c'));
    assert!(render(&app).contains("completato"), "{}", render(&app));
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen, Screen::Home(_)),
        "Esc after completing goes to the list:\n{}",
        render(&app)
    );
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quitting());
    assert_eq!(saved(&fixture)[0].status, Status::Complete);
}

/// P5: a half-typed "other" text, left when the connection dropped, is
/// reached again with the arrows the footer shows, and typing goes on in it.
#[test]
fn a_half_typed_other_text_is_reached_with_the_arrows() {
    let half_done = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000004",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "draft",
  "created": "2026-02-01T08:00:00Z",
  "updated": "2026-02-03T16:40:00Z",
  "lang": "it",
  "position": "ps_training_by",
  "answers": {"dept_region": "veneto", "dept_name": "DSM Padova", "ps_active": "yes",
              "ps_years": "y1_3", "ps_count": "n1_3", "ps_services": ["cmhc"],
              "ps_activities": ["training"], "ps_trained": "yes",
              "ps_training_by": ["other"], "ps_training_by_other": "Università di Bol"}
}"#;
    let fixture = fixture(&[("0a1b2c3d-0000-4000-8000-000000000004.json", half_done)]);
    let mut app = app(&fixture, Lang::It, Start::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_item(&app), "ps_training_by");
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "ogna");
    assert_eq!(
        saved(&fixture)[0].answers["ps_training_by_other"].as_one(),
        Some("Università di Bologna")
    );
    // An arrow goes back to the options, and moves.
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "x");
    assert_eq!(
        saved(&fixture)[0].answers["ps_training_by_other"].as_one(),
        Some("Università di Bologna")
    );
}

/// The results are counted in the background (like the listing): the
/// home screen says so meanwhile, and the counts open the results screen
/// only if the user is still where they asked.
#[test]
fn the_results_open_when_their_counts_come_unless_the_user_moved_on() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::It, Start::Home);
    press(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(render(&app).contains("Conteggio delle risposte complete in corso"));
    assert_eq!(app.asked(), [Command::Gather]);
    settle(&mut app, &fixture);
    assert!(matches!(app.screen, Screen::Report(_)), "{}", render(&app));

    let mut moved_on = self::app(&fixture, Lang::En, Start::Home);
    press(&mut moved_on, KeyCode::Char('t'));
    press(&mut moved_on, KeyCode::Char('n'));
    settle(&mut moved_on, &fixture);
    assert!(
        matches!(moved_on.screen, Screen::Entry(..)),
        "{}",
        render(&moved_on)
    );
}

/// Two pieces of work asked in one batch are both carried out, in order
/// (one "strongest" update used to keep only one of them).
#[test]
fn work_asked_in_one_batch_is_all_carried_out_in_order() {
    let fixture = standard();
    let mut app = app(&fixture, Lang::En, Start::Home);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.asked(), [Command::Gather, Command::StartSync]);
}
