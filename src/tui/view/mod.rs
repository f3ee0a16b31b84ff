//! Drawing: a pure function of the model. Nothing here changes state.

mod entry;
mod help;
mod home;
mod report;
mod review;
mod stack;
mod sync;

use crate::tui::screens::entry::Refused;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Notice, Screen};
use super::theme::Theme;
use super::widgets::footer::footer;
use crate::i18n::{Describe, Texts};
use stack::Height;

/// The smallest window the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, app, area);
        return;
    }
    let hints = footer(&app.texts, app.context(), usize::from(area.width));
    // A notice is wrapped, never cut: it takes the lines it needs (one is
    // always kept for it, so that the screen does not jump).
    let notice_lines: Vec<String> = app
        .notice
        .as_ref()
        .map(|n| crate::text::wrap_words(&notice_text(app, n), usize::from(area.width)))
        .unwrap_or_default();
    let notice_height = notice_lines.len().clamp(1, usize::from(area.height / 3)) as u16;
    let [title, body, notice, keys] = stack::rows(
        area,
        [
            Height::Exactly(1),
            Height::Rest,
            Height::Exactly(notice_height),
            Height::Exactly(hints.len() as u16),
        ],
    );
    draw_title(frame, app, title);
    match &app.screen {
        Screen::Home(home) => home::draw(frame, app, home, body),
        Screen::Entry(session, entry) => entry::draw(frame, app, session, entry, body),
        Screen::Review(session, review) => review::draw(frame, app, session, review, body),
        Screen::Report(report) => report::draw(frame, app, report, body),
    }
    if let Some(text) = &app.notice {
        let style = if matches!(
            text,
            Notice::MarkedComplete
                | Notice::Deleted
                | Notice::AutoAdvance(_)
                | Notice::NowEditable
                | Notice::DigitPending { .. }
        ) {
            Theme::ok()
        } else {
            Theme::error()
        };
        let lines: Vec<Line> = notice_lines
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect();
        frame.render_widget(Paragraph::new(lines), notice);
    }
    frame.render_widget(Paragraph::new(hints), keys);
    if let Some(view) = app.sync_view() {
        sync::draw(frame, app, view, body);
    }
    if let Some(prompt) = app.lock_prompt() {
        draw_lock_prompt(frame, app, prompt, body);
    }
    if matches!(app.overlays.last(), Some(crate::tui::app::Overlay::Help)) {
        help::draw(frame, app, body);
    }
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    let texts = &app.texts;
    let room = usize::from(area.width).saturating_sub(" campo ".len() + 1);
    let title = Line::from(vec![
        Span::styled(" campo ", Theme::title()),
        Span::raw(crate::text::truncate_at_word(
            &texts.form_text(&app.form.title),
            room,
        )),
    ]);
    frame.render_widget(Paragraph::new(title), area);
}

fn draw_too_small(frame: &mut Frame, app: &App, area: Rect) {
    let message = app.texts.t_args(
        "too-small",
        &[
            ("width", MIN_WIDTH.into()),
            ("height", MIN_HEIGHT.into()),
            ("current_width", area.width.into()),
            ("current_height", area.height.into()),
        ],
    );
    let paragraph = Paragraph::new(message)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .alignment(Alignment::Center);
    frame.render_widget(paragraph, area);
}

pub fn notice_text(app: &App, notice: &Notice) -> String {
    let texts: &Texts = &app.texts;
    match notice {
        Notice::SaveFailed(error) => texts.t_args(
            "notice-save-failed",
            &[("reason", error.describe(texts).into())],
        ),
        Notice::Reopened => texts.t("notice-reopened"),
        Notice::MarkedComplete => texts.t_args("notice-marked-complete", &texts.noun_args()),
        Notice::Missing(count) => texts.t_args("notice-missing", &[("count", (*count).into())]),
        Notice::UnknownForm { id, version } => texts.unknown_form(&crate::form::FormRef {
            id: id.clone(),
            version: *version,
        }),
        Notice::Damaged(error) | Notice::Failed(error) => error.describe(texts),
        Notice::Deleted => texts.t("notice-deleted"),
        Notice::Counting => texts.t("notice-counting"),
        Notice::ReadOnly => texts.t("notice-read-only"),
        Notice::NowEditable => texts.t("notice-now-editable"),
        Notice::TakenOver => texts.t("notice-taken-over"),
        Notice::UnsavedAnswers { quit } => {
            let reason = app
                .unsaved_answers()
                .and_then(|u| u.reason)
                .map(|e| e.describe(texts))
                .unwrap_or_default();
            let dir = std::env::temp_dir().display().to_string();
            texts.t_args(
                if *quit {
                    "notice-unsaved-quit"
                } else {
                    "notice-unsaved-leave"
                },
                &[("reason", reason.into()), ("dir", dir.into())],
            )
        }
        Notice::Refused(Refused::Full { max }) => {
            texts.t_args("notice-field-full", &[("max", (*max).into())])
        }
        Notice::Refused(Refused::PasteCut { left_out }) => {
            texts.t_args("notice-paste-cut", &[("count", (*left_out).into())])
        }
        Notice::Refused(Refused::NowhereToPaste) => texts.t("notice-nowhere-to-paste"),
        Notice::Refused(Refused::Locked) => texts.t("notice-locked"),
        Notice::NotUtf8 => texts.t("notice-not-utf8"),
        Notice::DigitPending { digit, first, last } => texts.t_args(
            "notice-digit-pending",
            &[
                ("digit", (*digit).into()),
                ("first", (*first).into()),
                ("last", (*last).into()),
            ],
        ),
        Notice::Rescued(path) => texts.t_args("notice-rescued", &[("path", path.as_str().into())]),
        Notice::AutoAdvance(on) => texts.t(if *on {
            "notice-auto-advance-on"
        } else {
            "notice-auto-advance-off"
        }),
    }
}

/// Another session has the response open: say so, and what can be done.
fn draw_lock_prompt(
    frame: &mut Frame,
    app: &App,
    prompt: &crate::tui::app::LockPrompt,
    area: Rect,
) {
    let texts = &app.texts;
    let width = area.width.min(64);
    let holder = crate::i18n::holder(texts, &prompt.holder);
    let text = match (prompt.waiting, prompt.stale_minutes) {
        (true, Some(_)) => texts.t("lock-taking-over"),
        (true, None) => texts.t("lock-waiting"),
        (false, Some(minutes)) => texts.t_args(
            "lock-held-idle",
            &[("holder", holder.into()), ("minutes", minutes.into())],
        ),
        (false, None) => texts.t_args("lock-held", &[("holder", holder.into())]),
    };
    let lines: Vec<Line> = crate::text::wrap_words(&text, usize::from(width.saturating_sub(2)))
        .into_iter()
        .map(Line::from)
        .collect();
    let popup = super::widgets::popup::centred(area, width, lines.len() as u16 + 2);
    let block = super::glyphs::block(ratatui::widgets::Borders::ALL).title(Span::styled(
        format!(" {} ", texts.t("lock-title")),
        Theme::title(),
    ));
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
