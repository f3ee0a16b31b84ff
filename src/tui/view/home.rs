use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Cell, Paragraph, Row, Table, TableState};

use crate::i18n::{Describe, Texts};
use crate::store::{Listed, Status, Summary, SyncState};
use crate::tui::app::App;
use crate::tui::screens::home::Home;
use crate::tui::theme::Theme;

use super::stack::{self, Height};

pub fn draw(frame: &mut Frame, app: &App, home: &Home, area: Rect) {
    let texts = &app.texts;
    let [list, detail] = stack::rows(area, [Height::Rest, Height::Exactly(1)]);
    let count = home
        .entries
        .iter()
        .filter(|e| matches!(e, Listed::Response(_)))
        .count();
    let block = crate::tui::glyphs::block(Borders::TOP).title(Span::styled(
        format!(
            " {} ",
            texts.t_args("home-count", &[("count", count.into())])
        ),
        Theme::title(),
    ));
    if home.entries.is_empty() {
        let empty = Paragraph::new(texts.t("home-empty")).block(block);
        frame.render_widget(empty, list);
        return;
    }
    let mut header: Vec<String> = app
        .form
        .summary
        .iter()
        .map(|c| texts.form_text(&c.label))
        .collect();
    header.extend([
        texts.t("home-status"),
        texts.t("home-sync"),
        texts.t("home-progress"),
        texts.t("home-changed"),
    ]);
    // Only the rows on screen are built: with thousands of responses a
    // move must not format them all. The list turns by whole pages.
    let page = usize::from(list.height.saturating_sub(2)).max(1);
    let first = home.selected / page * page;
    let fixed = fixed_widths(texts, &header[app.form.summary.len()..]);
    let widths = column_widths(app.form.summary.len(), fixed, list.width.saturating_sub(1));
    let rows: Vec<Row> = home
        .entries
        .iter()
        .skip(first)
        .take(page)
        .map(|entry| row(app, texts, entry, &widths))
        .collect();
    let widths: Vec<Constraint> = widths.into_iter().map(Constraint::Length).collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Theme::dim()))
        .block(block)
        .highlight_symbol(">")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(home.selected - first));
    frame.render_stateful_widget(table, list, &mut state);
    frame.render_widget(Paragraph::new(detail_line(app, home)), detail);
}

/// Status, sync, progress and date are as wide as their heading and their
/// widest value in this language, so that none is cut.
fn fixed_widths(texts: &Texts, headings: &[String]) -> [u16; 4] {
    let widest = |texts: &[String]| {
        texts
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(t.as_str()))
            .max()
            .unwrap_or(0) as u16
    };
    let values = [
        // (A response of a form campo lacks is rare: its status is cut.)
        ["status-draft", "status-complete", "status-damaged"].as_slice(),
        &[
            "sync-state-not-sent",
            "sync-state-sent",
            "sync-state-changed",
            "sync-state-refused",
            "sync-state-withdrawn",
        ],
    ];
    let mut widths = [0; 4];
    for (i, ids) in values.iter().enumerate() {
        let mut all: Vec<String> = ids.iter().map(|id| texts.t(id)).collect();
        all.push(headings[i].clone());
        widths[i] = widest(&all);
    }
    widths[2] = widest(&[headings[2].clone(), "99/99".into()]);
    widths[3] = widest(&[headings[3].clone(), texts.datetime(chrono::Utc::now())]);
    widths
}

/// The summary columns share what the others leave, the first (the name)
/// twice as much as each other one.
fn column_widths(summary_columns: usize, fixed: [u16; 4], width: u16) -> Vec<u16> {
    let spacing = (summary_columns + fixed.len()).saturating_sub(1) as u16;
    let rest = width.saturating_sub(fixed.iter().sum::<u16>() + spacing);
    let shares = summary_columns as u16 + 1;
    let mut widths: Vec<u16> = (0..summary_columns)
        .map(|i| {
            let share = rest / shares.max(1);
            if i == 0 {
                rest - share * (shares - 2)
            } else {
                share
            }
        })
        .collect();
    widths.extend(fixed);
    widths
}

fn row<'a>(app: &App, texts: &Texts, entry: &'a Listed, widths: &[u16]) -> Row<'a> {
    let newest = &app.form;
    match entry {
        Listed::Response(response) => {
            // A response of an earlier version is shown with that version.
            let known = app.form_for(&response.form).is_some();
            let form = app.form_for(&response.form).unwrap_or(newest);
            let mut cells: Vec<Cell> = form
                .summary
                .iter()
                .zip(widths)
                .map(|(column, &width)| {
                    let item = form.position(&column.item);
                    let text = item
                        .zip(response.answers.get(&column.item))
                        .filter(|_| known)
                        .map(|(i, a)| texts.short_answer(form, i, a))
                        .unwrap_or_default();
                    // Cut where it must be, and say so with an ellipsis.
                    Cell::from(crate::text::truncate(&text, usize::from(width)))
                })
                .collect();
            let status_width = usize::from(widths[form.summary.len()]);
            if let Some(first) = cells.first_mut().filter(|_| {
                form.summary
                    .first()
                    .is_some_and(|c| !response.answers.contains_key(&c.item))
            }) {
                *first = Cell::from(Span::styled(texts.t("home-unnamed"), Theme::dim()));
            }
            let status = status_text(texts, response, known);
            cells.push(Cell::from(crate::text::truncate(&status, status_width)));
            cells.push(Cell::from(sync_text(texts, response)));
            let progress = match response.progress.filter(|_| known) {
                Some(p) => format!("{}/{}", p.answered, p.asked),
                None => "-".into(),
            };
            cells.push(Cell::from(progress));
            cells.push(Cell::from(texts.datetime(response.updated)));
            Row::new(cells)
        }
        Listed::Broken(error) => {
            let name = match error {
                crate::store::StoreError::Damaged { path, .. }
                | crate::store::StoreError::Io { path, .. } => std::path::Path::new(path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let mut cells = vec![Cell::from(name)];
            cells.extend((1..newest.summary.len()).map(|_| Cell::from("")));
            cells.push(Cell::from(Span::styled(
                texts.t("status-damaged"),
                Theme::error(),
            )));
            Row::new(cells)
        }
    }
}

fn status_text(texts: &Texts, response: &Summary, known: bool) -> String {
    match (known, response.status) {
        (false, _) => texts.t("status-unknown-form"),
        (true, Status::Draft) => texts.t("status-draft"),
        (true, Status::Complete) => texts.t("status-complete"),
    }
}

fn sync_text(texts: &Texts, response: &Summary) -> Span<'static> {
    match response.sync_state() {
        SyncState::Draft => Span::raw(""),
        SyncState::NotSent => Span::raw(texts.t("sync-state-not-sent")),
        SyncState::Sent => Span::styled(texts.t("sync-state-sent"), Theme::ok()),
        SyncState::ChangedSinceSent => Span::raw(texts.t("sync-state-changed")),
        SyncState::Refused => Span::styled(texts.t("sync-state-refused"), Theme::error()),
        SyncState::Withdrawn => Span::styled(texts.t("sync-state-withdrawn"), Theme::error()),
    }
}

/// Under the list: the selected damaged file's path and reason, or the
/// selected response's id.
fn detail_line(app: &App, home: &Home) -> Line<'static> {
    let texts = &app.texts;
    match home.selected_entry() {
        Some(Listed::Broken(error)) => {
            Line::from(Span::styled(error.describe(texts), Theme::error()))
        }
        Some(Listed::Response(response)) if home.confirm_delete => Line::from(Span::styled(
            texts.t_args("home-confirm-delete", &[("id", response.short_id().into())]),
            Theme::error(),
        )),
        Some(Listed::Response(response)) => Line::from(Span::styled(
            texts.t_args("home-id", &[("id", response.id.to_string().into())]),
            Theme::dim(),
        )),
        None => Line::default(),
    }
}
