//! The keymap's own tests.
use super::*;
use crossterm::event::KeyModifiers;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn all_three_spellings_of_shift_tab_go_back() {
    for k in [
        key(KeyCode::BackTab, KeyModifiers::SHIFT),
        key(KeyCode::Tab, KeyModifiers::SHIFT),
        key(KeyCode::Tab, KeyModifiers::ALT),
    ] {
        assert_eq!(
            action(Context::Choice, &k),
            Some(Action::PreviousQuestion),
            "{k:?}"
        );
    }
    assert_eq!(
        action(Context::Choice, &key(KeyCode::Tab, KeyModifiers::NONE)),
        Some(Action::NextQuestion)
    );
}

#[test]
fn ctrl_l_repaints_even_in_a_text_field() {
    let ctrl_l = key(KeyCode::Char('l'), KeyModifiers::CONTROL);
    for context in Context::ALL {
        assert_eq!(
            action(context, &ctrl_l),
            Some(Action::Repaint),
            "{context:?}"
        );
    }
}

#[test]
fn digits_pick_their_option() {
    assert_eq!(
        action(
            Context::Choice,
            &key(KeyCode::Char('3'), KeyModifiers::NONE)
        ),
        Some(Action::Pick(3))
    );
    assert_eq!(
        action(
            Context::Choice,
            &key(KeyCode::Char('0'), KeyModifiers::NONE)
        ),
        Some(Action::Pick(0)),
        "0 completes a two-digit number"
    );
}

#[test]
fn letters_filter_instead_of_moving_in_a_filtered_list() {
    let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(action(Context::Choice, &j), Some(Action::Down));
    assert_eq!(
        action(
            Context::Choice,
            &key(KeyCode::Char('k'), KeyModifiers::NONE)
        ),
        Some(Action::Up)
    );
    assert_eq!(action(Context::FilteredChoice, &j), None);
    assert_eq!(
        action(
            Context::FilteredChoice,
            &key(KeyCode::Up, KeyModifiers::NONE)
        ),
        Some(Action::Up)
    );
    assert_eq!(
        action(
            Context::FilteredChoice,
            &key(KeyCode::Down, KeyModifiers::NONE)
        ),
        Some(Action::Down)
    );
}

#[test]
fn ctrl_c_saves_and_quits_everywhere() {
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in Context::ALL {
        assert_eq!(
            action(context, &ctrl_c),
            Some(Action::SaveAndQuit),
            "{context:?}"
        );
    }
    // Plain `c` is mark complete in review, not Ctrl-C.
    assert_eq!(
        action(
            Context::Review,
            &key(KeyCode::Char('c'), KeyModifiers::NONE)
        ),
        Some(Action::MarkComplete)
    );
}

#[test]
fn f2_switches_language_everywhere() {
    let f2 = key(KeyCode::F(2), KeyModifiers::NONE);
    for context in Context::ALL {
        assert_eq!(
            action(context, &f2),
            Some(Action::SwitchLanguage),
            "{context:?}"
        );
    }
}

#[test]
fn every_context_lists_footer_keys() {
    for context in [
        Context::Home,
        Context::Choice,
        Context::FilteredChoice,
        Context::Text,
        Context::Review,
    ] {
        assert!(bindings(context).iter().any(|b| b.in_footer), "{context:?}");
    }
}

/// The footer and help name the keys a binding is written with; each of
/// them, pressed, must do what that binding says (no earlier binding of
/// the same context takes it first). Labels cannot drift from keys.
#[test]
fn every_named_key_does_what_its_label_says() {
    for context in Context::ALL {
        for binding in bindings(context) {
            let (shown, also) = keys::parse_all(binding.keys);
            for key in shown.into_iter().chain(also) {
                let pressed = keys::press(key);
                let expected = match binding.action {
                    Action::Move => {
                        action(context, &pressed).filter(|a| matches!(a, Action::Up | Action::Down))
                    }
                    Action::Pick(_) => Some(Action::Pick(1)),
                    other => Some(other),
                };
                assert!(expected.is_some(), "{context:?}: {key:?} does not move");
                assert_eq!(
                    action(context, &pressed),
                    expected,
                    "{context:?}: {:?} is named for {:?}",
                    binding.keys,
                    binding.action
                );
            }
        }
    }
}

#[test]
fn labels_are_made_from_the_keys() {
    let texts = crate::i18n::Texts::new(
        crate::i18n::Lang::It,
        crate::i18n::Catalog::new([]).unwrap(),
    );
    let label = |keys: &str| keys::label(&texts, &keys::parse_all(keys).0);
    assert_eq!(label("up down j k"), "↑↓ j k");
    assert_eq!(label("enter | e"), "Invio");
    assert_eq!(label("down tab | j"), "↓ Tab");
    assert_eq!(label("ctrl-c"), "Ctrl-C");
    assert_eq!(label("yes"), "s");
    assert_eq!(label("shift-tab"), "Maiusc-Tab");
}
