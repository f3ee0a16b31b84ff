//! Keys as data: for each place in the interface, which keys do what, and
//! which of them the footer shows. Screens act on [`Action`]s only, and the
//! footer and the help screen are built from the same tables, so the keys
//! shown are the keys handled.

mod keys;
#[cfg(test)]
mod tests;

use crossterm::event::{KeyCode, KeyEvent};

pub use keys::is_back_tab;
use keys::matches;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// In a table only: up or down, as the key says (resolved by [`action`]).
    Move,
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
    /// Take a response from a session left idle.
    TakeOver,
    /// To the first or the last of a list.
    First,
    Last,
    /// A list taller than the screen: show the part below, or above.
    ScrollDown,
    ScrollUp,
}

/// Where the keys are read: each has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    ConfirmDelete,
    /// A list of options moved with ↑/↓ or j/k.
    Choice,
    /// A question answered from the list of units: shown, not changed.
    LockedAnswer,
    /// A note: text to read, nothing to answer.
    Note,
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
    /// The same, when the session holding it has been left idle.
    StaleLockPrompt,
}

impl Context {
    pub const ALL: [Context; 15] = [
        Context::Home,
        Context::ConfirmDelete,
        Context::Choice,
        Context::LockedAnswer,
        Context::Note,
        Context::FilteredChoice,
        Context::Text,
        Context::MultilineText,
        Context::Review,
        Context::ReviewDone,
        Context::Help,
        Context::Syncing,
        Context::Report,
        Context::LockPrompt,
        Context::StaleLockPrompt,
    ];
}

/// One line of a table: the keys (as [`keys::parse`] reads them; those
/// after `|` work but are not named), what they do, and whether the footer
/// shows them. The label is made from the keys: see [`Binding::label`].
pub struct Binding {
    pub keys: &'static str,
    pub action: Action,
    /// Fluent id of what it does.
    pub does: &'static str,
    pub in_footer: bool,
}

impl Binding {
    /// The named keys, in this language ("↑↓ j k", "Invio").
    pub fn label(&self, texts: &crate::i18n::Texts) -> String {
        keys::label(texts, &keys::parse_all(self.keys).0)
    }

    fn handles(&self, key: &KeyEvent) -> Option<Option<usize>> {
        let (shown, also) = keys::parse_all(self.keys);
        shown.into_iter().chain(also).find_map(|k| matches(k, key))
    }
}

/// A binding the footer leaves to the help screen.
const fn key(keys: &'static str, action: Action, does: &'static str) -> Binding {
    Binding {
        keys,
        action,
        does,
        in_footer: false,
    }
}

/// A binding the footer shows.
const fn shown(keys: &'static str, action: Action, does: &'static str) -> Binding {
    Binding {
        keys,
        action,
        does,
        in_footer: true,
    }
}

use Action as A;

const EVERYWHERE: &[Binding] = &[
    key("ctrl-l", A::Repaint, "does-repaint"),
    shown("f2", A::SwitchLanguage, "does-switch-language"),
    key("f1", A::Help, "does-help"),
    key("ctrl-c", A::SaveAndQuit, "does-save-quit"),
];

const QUESTION_NAV: &[Binding] = &[
    key("f4", A::ToggleAutoAdvance, "does-auto-advance"),
    shown("tab", A::NextQuestion, "does-next-question"),
    key("shift-tab", A::PreviousQuestion, "does-previous-question"),
    key("pgdn", A::NextSection, "does-next-section"),
    key("pgup", A::PreviousSection, "does-previous-section"),
    shown("f3", A::Review, "does-review"),
    key("esc", A::Back, "does-back-home"),
];

const HOME: &[Binding] = &[
    key("up down j k", A::Move, "does-move"),
    key("pgdn", A::NextSection, "does-page-down"),
    key("pgup", A::PreviousSection, "does-page-up"),
    shown("n", A::New, "does-new"),
    shown("enter | e", A::Open, "does-open"),
    shown("r", A::Review, "does-review"),
    shown("d | del", A::Delete, "does-delete"),
    shown("s", A::Sync, "does-sync"),
    shown("t", A::Report, "does-report"),
    key("l", A::SwitchLanguage, "does-switch-language"),
    shown("q | esc", A::Quit, "does-quit"),
    shown("?", A::Help, "does-help"),
];

const CONFIRM: &[Binding] = &[
    shown("yes", A::Yes, "does-confirm-delete"),
    shown("no | esc", A::No, "does-keep"),
];

/// The keys every list of options shares.
const PICK: Binding = key("1-9", A::Pick(0), "does-pick");
const CONFIRM_ANSWER: Binding = shown("enter", A::Confirm, "does-confirm");
const CLEAR: Binding = key("del", A::ClearAnswer, "does-clear");

const CHOICE: &[Binding] = &[
    key("up down j k", A::Move, "does-move"),
    shown("space", A::Toggle, "does-choose"),
    PICK,
    CONFIRM_ANSWER,
    CLEAR,
    shown("?", A::Help, "does-help"),
];

/// An answer from the list of units: nothing to choose, Enter goes on (the
/// keys that would change it are kept, to say why they do nothing).
const LOCKED_ANSWER: &[Binding] = &[
    shown("enter", A::Confirm, "does-go-on"),
    key("space", A::Toggle, "does-choose"),
    PICK,
    CLEAR,
    shown("?", A::Help, "does-help"),
];

const NOTE: &[Binding] = &[
    shown("enter", A::Confirm, "does-go-on"),
    shown("?", A::Help, "does-help"),
];

const FILTERED_CHOICE: &[Binding] = &[
    shown("up down", A::Move, "does-move"),
    key("space", A::Toggle, "does-choose"),
    PICK,
    CONFIRM_ANSWER,
    CLEAR,
];

const TEXT: &[Binding] = &[
    shown("enter", A::Confirm, "does-confirm"),
    key("up down", A::Move, "does-leave-text"),
];

const MULTILINE_TEXT: &[Binding] = &[];

/// A draft's review: what a complete one has, and marking complete.
const REVIEW: &[Binding] = &[shown("c", A::MarkComplete, "does-mark-complete")];

const REVIEW_DONE: &[Binding] = &[
    shown("up down j k", A::Move, "does-move"),
    shown("enter", A::Open, "does-change-answer"),
    key("pgdn", A::NextSection, "does-page-down"),
    key("pgup", A::PreviousSection, "does-page-up"),
    key("home", A::First, "does-first"),
    key("end", A::Last, "does-last"),
    shown("?", A::Help, "does-help"),
    shown("esc", A::Back, "does-back"),
];

const SYNCING: &[Binding] = &[shown("esc | enter", A::Back, "does-close")];

const REPORT: &[Binding] = &[
    shown("down tab | j", A::NextQuestion, "does-next-item"),
    key(
        "up | k shift-tab",
        A::PreviousQuestion,
        "does-previous-item",
    ),
    shown("pgdn", A::NextSection, "does-next-section"),
    key("pgup", A::PreviousSection, "does-previous-section"),
    key("space", A::ScrollDown, "does-scroll-down"),
    key("b", A::ScrollUp, "does-scroll-up"),
    key("?", A::Help, "does-help"),
    shown("esc | q", A::Back, "does-back"),
];

const LOCK_PROMPT: &[Binding] = &[
    shown("read", A::Open, "does-read-only"),
    shown("wait", A::Wait, "does-wait"),
    shown("esc", A::Back, "does-back"),
];

/// The session holding it has been left idle: it can be taken over.
const STALE_LOCK_PROMPT: &[Binding] = &[
    shown("take", A::TakeOver, "does-take-over"),
    shown("read", A::Open, "does-read-only"),
    shown("wait", A::Wait, "does-wait"),
    shown("esc", A::Back, "does-back"),
];

const HELP: &[Binding] = &[shown("esc | ? q", A::Back, "does-close-help")];

/// The bindings of a context, most specific first.
pub fn bindings(context: Context) -> Vec<&'static Binding> {
    let (own, navigates): (&[Binding], bool) = match context {
        Context::Home => (HOME, false),
        Context::ConfirmDelete => (CONFIRM, false),
        Context::Choice => (CHOICE, true),
        Context::LockedAnswer => (LOCKED_ANSWER, true),
        Context::Note => (NOTE, true),
        Context::FilteredChoice => (FILTERED_CHOICE, true),
        Context::Text => (TEXT, true),
        Context::MultilineText => (MULTILINE_TEXT, true),
        Context::Review => (REVIEW, false),
        Context::ReviewDone => (REVIEW_DONE, false),
        Context::Help => (HELP, false),
        Context::Syncing => (SYNCING, false),
        Context::Report => (REPORT, false),
        Context::LockPrompt => (LOCK_PROMPT, false),
        Context::StaleLockPrompt => (STALE_LOCK_PROMPT, false),
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
        b.handles(key).map(|digit| match (b.action, digit) {
            (A::Pick(_), Some(n)) => A::Pick(n),
            // A move binding: the key says which way.
            (A::Move, _) if matches!(key.code, KeyCode::Up | KeyCode::Char('k')) => A::Up,
            (A::Move, _) => A::Down,
            (action, _) => action,
        })
    })
}
