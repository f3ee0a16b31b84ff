use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, Paragraph};

use crate::i18n::Describe;
use crate::text::wrap_words;
use crate::tui::app::{App, SyncView};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::centred;

/// The sync window: a gauge while it runs, the summary when it is over.
pub fn draw(frame: &mut Frame, app: &App, view: &SyncView, area: Rect) {
    let texts = &app.texts;
    let width = area.width.min(64);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    match &view.finished {
        None => {
            let total = view.total.unwrap_or(0);
            let kb = format!("{:.1}", view.bytes as f64 / 1024.0);
            let status = texts.t_args(
                "sync-progress",
                &[
                    ("done", view.done.into()),
                    ("total", total.into()),
                    ("kb", kb.into()),
                ],
            );
            lines.push(Line::from(status));
            if let Some(problem) = &view.retrying {
                let text = texts.t_args(
                    "sync-retrying-short",
                    &[("problem", problem.describe(texts).into())],
                );
                lines.extend(
                    wrap_words(&text, inner_width)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(l, Theme::dim()))),
                );
            }
        }
        Some(Ok(summary)) => {
            for text in summary.describe(texts).lines() {
                lines.extend(wrap_words(text, inner_width).into_iter().map(Line::from));
            }
        }
        Some(Err(error)) => {
            lines.extend(
                wrap_words(&error.describe(texts), inner_width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, Theme::error()))),
            );
        }
    }
    let gauge_rows = u16::from(view.finished.is_none());
    let height = (lines.len() as u16 + gauge_rows + 2).min(area.height);
    let popup = centred(area, width, height);
    let block = crate::tui::glyphs::block(ratatui::widgets::Borders::ALL).title(Span::styled(
        format!(" {} ", texts.t("sync-title")),
        Theme::title(),
    ));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [gauge, text] =
        Layout::vertical([Constraint::Length(gauge_rows), Constraint::Fill(1)]).areas(inner);
    if view.finished.is_none() {
        let ratio = match view.total {
            Some(total) if total > 0 => view.done as f64 / total as f64,
            _ => 0.0,
        };
        frame.render_widget(
            Gauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .gauge_style(Theme::highlight()),
            gauge,
        );
    }
    frame.render_widget(Paragraph::new(lines), text);
}
