//! The interface's model driven by key events without a terminal: what the
//! keys do to the files (every change on disk at once, nothing written that
//! did not change, unsaved answers handed over), and what it asks the loop
//! to do.

mod support;
use support::screens::*;

use campo::i18n::{self, Lang, Texts, Zone};
use campo::package::FormPackage;
use campo::store::{DataDir, Response, Responses, Status};
use campo::tui::app::{App, Command, Options, Screen, Start, Update};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::fs;

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
