use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Cell, Paragraph, Row, Table, TableState};

use crate::i18n::{Describe, Texts};
use crate::store::{Listed, Response, Status, SyncState};
use crate::tui::app::App;
use crate::tui::screens::home::Home;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, home: &Home, area: Rect) {
    let texts = &app.texts;
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
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
    let rows = home
        .entries
        .iter()
        .skip(first)
        .take(page)
        .map(|entry| row(app, texts, entry));
    let widths = column_widths(app.form.summary.len(), list.width.saturating_sub(1));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Theme::dim()))
        .block(block)
        .highlight_symbol(">")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(home.selected - first));
    frame.render_stateful_widget(table, list, &mut state);
    frame.render_widget(Paragraph::new(detail_line(app, home)), detail);
}

/// Status, sync, progress and date take what they need; the summary
/// columns share the rest, the first (the name) twice as much as the others.
fn column_widths(summary_columns: usize, width: u16) -> Vec<Constraint> {
    const FIXED: [u16; 4] = [11, 10, 5, 16];
    let spacing = (summary_columns + FIXED.len()).saturating_sub(1) as u16;
    let rest = width.saturating_sub(FIXED.iter().sum::<u16>() + spacing);
    let shares = summary_columns as u16 + 1;
    let mut widths: Vec<Constraint> = (0..summary_columns)
        .map(|i| {
            let share = rest / shares.max(1);
            Constraint::Length(if i == 0 {
                rest - share * (shares - 2)
            } else {
                share
            })
        })
        .collect();
    widths.extend(FIXED.map(Constraint::Length));
    widths
}

fn row<'a>(app: &App, texts: &Texts, entry: &'a Listed) -> Row<'a> {
    let newest = &app.form;
    match entry {
        Listed::Response(response) => {
            // A response of an earlier version is shown with that version.
            let known = app.form_for(&response.form).is_some();
            let form = app.form_for(&response.form).unwrap_or(newest);
            let mut cells: Vec<Cell> = form
                .summary
                .iter()
                .map(|column| {
                    let item = form.position(&column.item);
                    let text = item
                        .zip(response.answers.get(&column.item))
                        .filter(|_| known)
                        .map(|(i, a)| texts.answer(form, i, a))
                        .unwrap_or_default();
                    Cell::from(text)
                })
                .collect();
            if let Some(first) = cells.first_mut().filter(|_| {
                form.summary
                    .first()
                    .is_some_and(|c| !response.answers.contains_key(&c.item))
            }) {
                *first = Cell::from(Span::styled(texts.t("home-unnamed"), Theme::dim()));
            }
            cells.push(Cell::from(status_text(texts, response, known)));
            cells.push(Cell::from(sync_text(texts, response)));
            let progress = if known {
                let p = form.progress(&response.answers);
                format!("{}/{}", p.answered, p.asked)
            } else {
                "-".into()
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

fn status_text(texts: &Texts, response: &Response, known: bool) -> String {
    match (known, response.status) {
        (false, _) => texts.t("status-unknown-form"),
        (true, Status::Draft) => texts.t("status-draft"),
        (true, Status::Complete) => texts.t("status-complete"),
    }
}

fn sync_text(texts: &Texts, response: &Response) -> Span<'static> {
    match response.sync_state() {
        SyncState::Draft => Span::raw(""),
        SyncState::NotSent => Span::raw(texts.t("sync-state-not-sent")),
        SyncState::Sent => Span::styled(texts.t("sync-state-sent"), Theme::ok()),
        SyncState::ChangedSinceSent => Span::raw(texts.t("sync-state-changed")),
        SyncState::Refused => Span::styled(texts.t("sync-state-refused"), Theme::error()),
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
