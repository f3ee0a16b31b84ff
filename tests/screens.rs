//! The screens drawn on ratatui's TestBackend at 80×24, in both languages,
//! screen by screen: what each shows (insta snapshots), and how it draws
//! what the user does. tests/interface.rs has what the keys do to files.

mod support;
use support::screens::*;

use campo::i18n::Lang;
use campo::store::Responses;
use campo::tui::app::{App, Command, Options, Screen, Start, Update};
use campo::tui::view;
use crossterm::event::KeyCode;

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
