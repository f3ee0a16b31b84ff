//! Keys as data: for each place in the interface, which keys do what, and
//! which of them the footer shows. Screens act on [`Action`]s only, and the
//! footer and the help screen are built from the same tables, so the keys
//! shown are the keys handled.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Space: choose or toggle the option under the cursor.
    Toggle,
    /// Enter: confirm and move on.
    Confirm,
    /// A digit: option N (1-based) at once.
    Pick(usize),
    NextQuestion,
    PreviousQuestion,
    NextSection,
    PreviousSection,
    ClearAnswer,
    Back,
    Help,
    SwitchLanguage,
    Review,
    Quit,
    SaveAndQuit,
    New,
    Open,
    Delete,
    MarkComplete,
    Yes,
    No,
    Sync,
    Report,
    /// Clear the terminal and draw everything again (after line noise).
    Repaint,
    ToggleAutoAdvance,
    /// Wait until another session lets go of a response.
    Wait,
    /// To the first or the last of a list.
    First,
    Last,
}

/// Where the keys are read: each has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    ConfirmDelete,
    /// A list of options moved with ↑/↓ or j/k.
    Choice,
    /// A list narrowed by typing: letters go to the filter, not to j/k.
    FilteredChoice,
    /// A one-line text field (also "other, specify").
    Text,
    /// A multi-line text field: Enter starts a new line.
    MultilineText,
    Review,
    /// The review of a complete response (or one opened to read): nothing
    /// to mark complete.
    ReviewDone,
    Help,
    /// The sync window over the home screen.
    Syncing,
    /// The results, item by item.
    Report,
    /// Someone else has the response open: read only, wait, or leave.
    LockPrompt,
}

impl Context {
    pub const ALL: [Context; 12] = [
        Context::Home,
        Context::ConfirmDelete,
        Context::Choice,
        Context::FilteredChoice,
        Context::Text,
        Context::MultilineText,
        Context::Review,
        Context::ReviewDone,
        Context::Help,
        Context::Syncing,
        Context::Report,
        Context::LockPrompt,
    ];
}

/// A key as written in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// Any of 1–9.
    Digit,
    /// Shift-Tab, however the terminal spells it.
    BackTab,
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Fluent id of the key's name as shown (e.g. `key-enter`), or the
    /// literal label when it starts with `=`.
    pub label: &'static str,
    /// Fluent id of what it does.
    pub does: &'static str,
    pub in_footer: bool,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    does: &'static str,
    in_footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        does,
        in_footer,
    }
}

use Action as A;
use Key::{Char as C, Code as K};

const ARROWS: &[Key] = &[K(KeyCode::Up), K(KeyCode::Down)];
const ARROWS_JK: &[Key] = &[K(KeyCode::Up), K(KeyCode::Down), C('k'), C('j')];

const EVERYWHERE: &[Binding] = &[
    bind(
        &[Key::Ctrl('l')],
        A::Repaint,
        "=Ctrl-L",
        "does-repaint",
        false,
    ),
    bind(
        &[K(KeyCode::F(2))],
        A::SwitchLanguage,
        "=F2",
        "does-switch-language",
        true,
    ),
    bind(&[K(KeyCode::F(1))], A::Help, "=F1", "does-help", false),
    bind(
        &[Key::Ctrl('c')],
        A::SaveAndQuit,
        "=Ctrl-C",
        "does-save-quit",
        false,
    ),
];

const QUESTION_NAV: &[Binding] = &[
    bind(
        &[K(KeyCode::F(4))],
        A::ToggleAutoAdvance,
        "=F4",
        "does-auto-advance",
        false,
    ),
    bind(
        &[K(KeyCode::Tab)],
        A::NextQuestion,
        "=Tab",
        "does-next-question",
        true,
    ),
    bind(
        &[Key::BackTab],
        A::PreviousQuestion,
        "key-shift-tab",
        "does-previous-question",
        false,
    ),
    bind(
        &[K(KeyCode::PageDown)],
        A::NextSection,
        "key-pgdn",
        "does-next-section",
        false,
    ),
    bind(
        &[K(KeyCode::PageUp)],
        A::PreviousSection,
        "key-pgup",
        "does-previous-section",
        false,
    ),
    bind(&[K(KeyCode::F(3))], A::Review, "=F3", "does-review", true),
    bind(&[K(KeyCode::Esc)], A::Back, "=Esc", "does-back-home", false),
];

const HOME: &[Binding] = &[
    bind(ARROWS_JK, A::Down, "=↑↓ j k", "does-move", false),
    bind(
        &[K(KeyCode::PageDown)],
        A::NextSection,
        "key-pgdn",
        "does-page-down",
        false,
    ),
    bind(
        &[K(KeyCode::PageUp)],
        A::PreviousSection,
        "key-pgup",
        "does-page-up",
        false,
    ),
    bind(&[C('n')], A::New, "=n", "does-new", true),
    bind(
        &[K(KeyCode::Enter), C('e')],
        A::Open,
        "key-enter",
        "does-open",
        true,
    ),
    bind(&[C('r')], A::Review, "=r", "does-review", true),
    bind(
        &[C('d'), K(KeyCode::Delete)],
        A::Delete,
        "=d",
        "does-delete",
        true,
    ),
    bind(&[C('s')], A::Sync, "=s", "does-sync", true),
    bind(&[C('t')], A::Report, "=t", "does-report", true),
    bind(
        &[C('l')],
        A::SwitchLanguage,
        "=l",
        "does-switch-language",
        false,
    ),
    bind(&[C('q'), K(KeyCode::Esc)], A::Quit, "=q", "does-quit", true),
    bind(&[C('?')], A::Help, "=?", "does-help", true),
];

const CONFIRM: &[Binding] = &[
    bind(
        &[C('y'), C('s')],
        A::Yes,
        "key-yes",
        "does-confirm-delete",
        true,
    ),
    bind(
        &[C('n'), K(KeyCode::Esc)],
        A::No,
        "key-no",
        "does-keep",
        true,
    ),
];

/// The keys every list of options shares.
const PICK: Binding = bind(&[Key::Digit], A::Pick(0), "=1-9", "does-pick", false);
const CONFIRM_ANSWER: Binding = bind(
    &[K(KeyCode::Enter)],
    A::Confirm,
    "key-enter",
    "does-confirm",
    true,
);
const CLEAR: Binding = bind(
    &[K(KeyCode::Delete)],
    A::ClearAnswer,
    "key-del",
    "does-clear",
    false,
);

const CHOICE: &[Binding] = &[
    bind(ARROWS_JK, A::Down, "=↑↓ j k", "does-move", false),
    bind(&[C(' ')], A::Toggle, "key-space", "does-choose", true),
    PICK,
    CONFIRM_ANSWER,
    CLEAR,
    bind(&[C('?')], A::Help, "=?", "does-help", true),
];

const FILTERED_CHOICE: &[Binding] = &[
    bind(ARROWS, A::Down, "=↑↓", "does-move", true),
    bind(&[C(' ')], A::Toggle, "key-space", "does-choose", false),
    PICK,
    CONFIRM_ANSWER,
    CLEAR,
];

const TEXT: &[Binding] = &[
    bind(
        &[K(KeyCode::Enter)],
        A::Confirm,
        "key-enter",
        "does-confirm",
        true,
    ),
    bind(ARROWS, A::Down, "=↑↓", "does-leave-text", false),
];

const MULTILINE_TEXT: &[Binding] = &[];

/// A draft's review: what a complete one has, and marking complete.
const REVIEW: &[Binding] = &[bind(
    &[C('c')],
    A::MarkComplete,
    "=c",
    "does-mark-complete",
    true,
)];

const REVIEW_DONE: &[Binding] = &[
    bind(ARROWS_JK, A::Down, "=↑↓ j k", "does-move", true),
    bind(
        &[K(KeyCode::Enter)],
        A::Open,
        "key-enter",
        "does-change-answer",
        true,
    ),
    bind(
        &[K(KeyCode::PageDown)],
        A::NextSection,
        "key-pgdn",
        "does-page-down",
        false,
    ),
    bind(
        &[K(KeyCode::PageUp)],
        A::PreviousSection,
        "key-pgup",
        "does-page-up",
        false,
    ),
    bind(
        &[K(KeyCode::Home)],
        A::First,
        "key-home",
        "does-first",
        false,
    ),
    bind(&[K(KeyCode::End)], A::Last, "key-end", "does-last", false),
    bind(&[C('?')], A::Help, "=?", "does-help", true),
    bind(&[K(KeyCode::Esc)], A::Back, "=Esc", "does-back", true),
];

const SYNCING: &[Binding] = &[bind(
    &[K(KeyCode::Esc), K(KeyCode::Enter)],
    A::Back,
    "=Esc",
    "does-close",
    true,
)];

const REPORT: &[Binding] = &[
    bind(
        &[K(KeyCode::Down), C('j'), K(KeyCode::Tab)],
        A::NextQuestion,
        "=↓ Tab",
        "does-next-item",
        true,
    ),
    bind(
        &[K(KeyCode::Up), C('k'), Key::BackTab],
        A::PreviousQuestion,
        "=↑",
        "does-previous-item",
        false,
    ),
    bind(
        &[K(KeyCode::PageDown)],
        A::NextSection,
        "key-pgdn",
        "does-next-section",
        true,
    ),
    bind(
        &[K(KeyCode::PageUp)],
        A::PreviousSection,
        "key-pgup",
        "does-previous-section",
        false,
    ),
    bind(&[C('?')], A::Help, "=?", "does-help", false),
    bind(
        &[K(KeyCode::Esc), C('q')],
        A::Back,
        "=Esc",
        "does-back",
        true,
    ),
];

const LOCK_PROMPT: &[Binding] = &[
    bind(&[C('r'), C('l')], A::Open, "=r", "does-read-only", true),
    bind(&[C('w'), C('a')], A::Wait, "=w", "does-wait", true),
    bind(&[K(KeyCode::Esc)], A::Back, "=Esc", "does-back", true),
];

const HELP: &[Binding] = &[bind(
    &[K(KeyCode::Esc), C('?'), C('q')],
    A::Back,
    "=Esc",
    "does-close-help",
    true,
)];

/// The bindings of a context, most specific first.
pub fn bindings(context: Context) -> Vec<&'static Binding> {
    let (own, navigates): (&[Binding], bool) = match context {
        Context::Home => (HOME, false),
        Context::ConfirmDelete => (CONFIRM, false),
        Context::Choice => (CHOICE, true),
        Context::FilteredChoice => (FILTERED_CHOICE, true),
        Context::Text => (TEXT, true),
        Context::MultilineText => (MULTILINE_TEXT, true),
        Context::Review => (REVIEW, false),
        Context::ReviewDone => (REVIEW_DONE, false),
        Context::Help => (HELP, false),
        Context::Syncing => (SYNCING, false),
        Context::Report => (REPORT, false),
        Context::LockPrompt => (LOCK_PROMPT, false),
    };
    let mut all: Vec<&Binding> = own.iter().collect();
    if context == Context::Review {
        // Marking complete comes after moving and changing, as it is done.
        all = REVIEW_DONE[..2]
            .iter()
            .chain(REVIEW)
            .chain(&REVIEW_DONE[2..])
            .collect();
    }
    if navigates {
        all.extend(QUESTION_NAV.iter());
    }
    all.extend(EVERYWHERE.iter());
    all
}

/// What a key does in a context, if anything. Only key presses count.
pub fn action(context: Context, key: &KeyEvent) -> Option<Action> {
    bindings(context).into_iter().find_map(|b| {
        b.keys
            .iter()
            .find_map(|k| matches(*k, key))
            .map(|digit| match (b.action, digit) {
                (A::Pick(_), Some(n)) => A::Pick(n),
                // One binding serves both directions; the key tells which.
                (A::Up | A::Down, _) if matches!(key.code, KeyCode::Up | KeyCode::Char('k')) => {
                    A::Up
                }
                (action, _) => action,
            })
    })
}

/// Whether `key` is `pattern`; for a digit, which one.
fn matches(pattern: Key, key: &KeyEvent) -> Option<Option<usize>> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let hit = match pattern {
        Key::Code(KeyCode::Tab) => key.code == KeyCode::Tab && key.modifiers.is_empty(),
        Key::Code(code) => key.code == code && plain,
        Key::Char(c) => key.code == KeyCode::Char(c) && plain,
        Key::Ctrl(c) => {
            key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::CONTROL)
        }
        Key::BackTab => is_back_tab(key),
        Key::Digit => {
            return match key.code {
                // 0 only completes a two-digit number (10, 20).
                KeyCode::Char(d @ '0'..='9') if plain => Some(Some(d as usize - '0' as usize)),
                _ => None,
            };
        }
    };
    hit.then_some(None)
}

/// Shift-Tab arrives as BackTab from most terminals, as Tab with Shift under
/// the kitty keyboard protocol, and as Tab with Alt from the Linux console.
pub fn is_back_tab(key: &KeyEvent) -> bool {
    key.code == KeyCode::BackTab
        || (key.code == KeyCode::Tab
            && key
                .modifiers
                .intersects(KeyModifiers::SHIFT | KeyModifiers::ALT))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
