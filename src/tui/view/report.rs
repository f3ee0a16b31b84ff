//! The results as bars: one item at a time, each option with a bar as long
//! as its percentage of those asked, its n and its %.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::report::{Tally, percent};
use crate::text::{truncate, wrap_words};
use crate::tui::app::App;
use crate::tui::screens::report::Report;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, report: &Report, area: Rect) {
    let texts = &app.texts;
    let form = &app.form;
    let (number, questions) = report
        .tallies
        .get(report.current)
        .map_or((0, 0), |t| form.question_number(None, t.item));
    let title = texts.t_args(
        "report-screen-title",
        &[
            ("count", report.selection.used.into()),
            ("number", number.into()),
            ("items", questions.into()),
        ],
    );
    let block = crate::tui::glyphs::block(Borders::TOP)
        .title(Span::styled(format!(" {title} "), Theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(tally) = report.tallies.get(report.current) else {
        frame.render_widget(Paragraph::new(texts.t("report-screen-empty")), inner);
        return;
    };
    let width = usize::from(inner.width);
    let item = &form.items[tally.item];
    let mut lines = vec![Line::from(Span::styled(
        texts.form_text(&form.sections[item.section].title),
        Theme::dim(),
    ))];
    let question = texts.form_text(&item.question);
    lines.extend(
        wrap_words(&question, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, Theme::question()))),
    );
    lines.push(Line::from(Span::styled(note(app, tally), Theme::dim())));
    lines.push(Line::default());
    let rows: Vec<Line> = if tally.is_choice(form) {
        bars(app, tally, width)
    } else {
        let figures = crate::report::format::typed_figures(texts, tally);
        wrap_words(&figures, width)
            .into_iter()
            .map(Line::from)
            .collect()
    };
    let room = usize::from(inner.height).saturating_sub(lines.len());
    lines.extend(in_sight(app, report, rows, room));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The rows that fit in `room` lines from the one scrolled to, and when
/// some do not, a last line that says how many are below and above and
/// which key shows them (P4: a cut list read as all zeros).
fn in_sight<'a>(app: &App, report: &Report, rows: Vec<Line<'a>>, room: usize) -> Vec<Line<'a>> {
    if rows.len() <= room {
        report.fits.set(rows.len());
        return rows;
    }
    let fits = room.saturating_sub(1).max(1);
    report.fits.set(fits);
    let first = report.scroll.min(rows.len() - fits);
    let (above, below) = (first, rows.len() - first - fits);
    let mut hint = Vec::new();
    if below > 0 {
        hint.push(
            app.texts
                .t_args("report-more-below", &[("count", below.into())]),
        );
    }
    if above > 0 {
        hint.push(
            app.texts
                .t_args("report-more-above", &[("count", above.into())]),
        );
    }
    let mut shown: Vec<Line> = rows.into_iter().skip(first).take(fits).collect();
    shown.push(Line::from(Span::styled(hint.join(" · "), Theme::dim())));
    shown
}

/// "Asked in 34 · not asked in 27 · multiple choice".
fn note(app: &App, tally: &Tally) -> String {
    let texts = &app.texts;
    let mut note = texts.t_args(
        "report-screen-asked",
        &[
            ("asked", tally.asked.into()),
            ("na", tally.not_asked.into()),
        ],
    );
    if tally.is_multiple(&app.form) {
        note += &format!(" · {}", texts.t("report-multiple"));
    }
    note
}

fn bars(app: &App, tally: &Tally, width: usize) -> Vec<Line<'static>> {
    let texts = &app.texts;
    let options = app.form.items[tally.item].options();
    let labels: Vec<String> = tally
        .options
        .iter()
        .map(|(code, _)| {
            options
                .iter()
                .find(|o| o.code == *code)
                .map(|o| texts.form_text(&o.label))
                .unwrap_or_default()
        })
        .collect();
    // Label, bar and figures share the width: the bar gets what is left.
    let figures = 14;
    let label_width = labels
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let bar_width = width.saturating_sub(label_width + figures + 2).max(4);
    tally
        .options
        .iter()
        .zip(labels)
        .map(|((_, n), label)| {
            let share = percent(*n, tally.asked);
            let eighths =
                share.map_or(0, |p| (p / 100.0 * (bar_width * 8) as f64).round() as usize);
            let bar = crate::tui::glyphs::bar(eighths);
            let label = truncate(&label, label_width);
            let pct = share.map_or("-".to_string(), |p| {
                format!("{p:.1}%").replace('.', &texts.t("decimal-separator"))
            });
            Line::from(vec![
                Span::raw(format!(
                    "{label}{} ",
                    " ".repeat(label_width - label.width())
                )),
                Span::styled(format!("{bar:<bar_width$}"), Theme::ok()),
                Span::raw(format!(" {n:>5} {pct:>7}")),
            ])
        })
        .collect()
}
