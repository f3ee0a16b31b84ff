use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph};

use crate::form::{Answer, Form, Item, ItemKind, Problem};
use crate::i18n::{Describe, Texts};
use crate::session::Session;
use crate::text::{truncate, wrap_words};
use crate::tui::app::App;
use crate::tui::screens::entry::Entry;
use crate::tui::theme::Theme;
use crate::tui::widgets::option_list::{OptionRow, draw_options};
use crate::tui::widgets::text_editor::TextEditor;

use super::stack::{self, Height};

/// Below this width the list of sections is left out and the question
/// names its section: beside a list of 42 columns most options wrap, and
/// each scrolled step of a long list then costs twice the bytes.
const SECTIONS_FROM_WIDTH: u16 = 100;
const SECTIONS_WIDTH: u16 = 28;

pub fn draw(frame: &mut Frame, app: &App, session: &Session, entry: &Entry, area: Rect) {
    let with_sections = area.width >= SECTIONS_FROM_WIDTH;
    let question_area = if with_sections {
        let sections = Rect {
            width: SECTIONS_WIDTH,
            ..area
        };
        let question = Rect {
            x: area.x + SECTIONS_WIDTH,
            width: area.width - SECTIONS_WIDTH,
            ..area
        };
        draw_sections(frame, app, session, entry, sections);
        question
    } else {
        area
    };
    draw_question(frame, app, session, entry, question_area, !with_sections);
}

/// One row a section, and under the current one how far it has got: the
/// rows below stay blank, so a list that scrolls beside them is moved by
/// the terminal itself rather than painted again.
fn draw_sections(frame: &mut Frame, app: &App, session: &Session, entry: &Entry, area: Rect) {
    let texts = &app.texts;
    let form = &app.form;
    let current = form.items[entry.item].section;
    let progress = form.section_progress(&session.asked, &session.response.answers);
    let width = usize::from(area.width).saturating_sub(3);
    let mut lines = Vec::new();
    for (i, section) in form.sections.iter().enumerate() {
        let title = truncate(&texts.form_text(&section.title), width);
        let p = progress[i];
        let (marker, style) = if i == current {
            (crate::tui::glyphs::section_mark(), Theme::title())
        } else if p.skipped() && !p.undecided {
            ("  ", Theme::dim())
        } else if p.skipped() {
            ("  ", ratatui::style::Style::new())
        } else if p.answered == p.asked {
            (
                crate::tui::glyphs::done_mark(),
                ratatui::style::Style::new(),
            )
        } else {
            ("  ", ratatui::style::Style::new())
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(title, style),
        ]));
        if i == current {
            lines.push(Line::from(vec![Span::raw("  "), section_state(texts, p)]));
        }
    }
    // The rule beside the sections only, not down the whole screen: rows
    // the terminal scrolls must hold nothing but the list.
    let area = Rect {
        height: area.height.min(lines.len() as u16),
        ..area
    };
    let block = crate::tui::glyphs::block(Borders::RIGHT);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn section_state(texts: &Texts, p: crate::form::SectionProgress) -> Span<'static> {
    let text = if p.skipped() && p.undecided {
        texts.t("section-undecided")
    } else if p.skipped() {
        texts.t("section-skipped")
    } else {
        texts.t_args(
            "section-progress",
            &[("answered", p.answered.into()), ("asked", p.asked.into())],
        )
    };
    Span::styled(text, Theme::dim())
}

fn draw_question(
    frame: &mut Frame,
    app: &App,
    session: &Session,
    entry: &Entry,
    area: Rect,
    name_section: bool,
) {
    let texts = &app.texts;
    let form = &app.form;
    let item = &form.items[entry.item];
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    let width = usize::from(area.width);

    // A note is no question: it is not counted and asks for nothing.
    let mut counter = if item.takes_answer() {
        question_counter(texts, form, session, entry.item)
    } else {
        texts.t("entry-note")
    };
    if name_section {
        let section = texts.form_text(&form.sections[item.section].title);
        counter = format!("{section} · {counter}");
    }
    // An optional question says so where the question begins (P13).
    let required = form.requires(entry.item, &session.response.answers, &session.asked);
    if !required && item.takes_answer() {
        counter = format!("{counter} · {}", texts.t("question-optional"));
    }
    let counter = truncate(&counter, width);
    let mut top: Vec<Line> = vec![Line::from(Span::styled(counter, Theme::dim()))];
    top.extend(
        wrap_words(
            &texts.form_text_filled(&item.question, form, &session.response.answers),
            width,
        )
        .into_iter()
        .map(|l| Line::from(Span::styled(l, Theme::question()))),
    );
    // A locked answer has nothing to choose or type: its help is not for now.
    let mut help = item
        .help
        .as_ref()
        .filter(|_| !entry.locked)
        .map(|h| texts.form_text_filled(h, form, &session.response.answers))
        .into_iter()
        .collect::<Vec<_>>();
    if matches!(item.kind, ItemKind::Multi { .. }) && !entry.locked {
        help.push(texts.t("hint-multi"));
    }
    for text in help {
        top.extend(
            wrap_words(&text, width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, Theme::help()))),
        );
    }
    top.push(Line::default());
    if entry.locked {
        let answer = session
            .answer(form, entry.item)
            .map(|a| texts.answer(form, entry.item, a))
            .unwrap_or_default();
        top.extend(
            wrap_words(&answer, width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, Theme::question()))),
        );
        top.extend(
            wrap_words(&texts.t("entry-from-list"), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, Theme::dim()))),
        );
        frame.render_widget(Paragraph::new(top), area);
        return;
    }
    if matches!(
        item.kind,
        ItemKind::Single {
            filterable: true,
            ..
        }
    ) {
        top.push(Line::from(vec![
            Span::styled(texts.t("filter"), Theme::dim()),
            Span::raw(" "),
            Span::raw(entry.filter.clone()),
        ]));
    }

    let problem = problem_lines(app, session, entry, width);
    let reason_rows = if entry.reason.is_some() { 3 } else { 0 };
    // A one-line field's problem sits right under it (P13), not at the
    // foot of the pane eleven lines down; a list's and a long text's stay
    // at the foot, under all that they fill.
    let (body, under) = match one_line_field_rows(entry, item, area.width) {
        Some(rows) => (Height::Exactly(rows + 3), Height::Rest),
        None => (Height::Rest, Height::Exactly(0)),
    };
    let [head, body, foot, reason, _] = stack::rows(
        area,
        [
            Height::Exactly(top.len() as u16),
            body,
            Height::Exactly(problem.len() as u16),
            Height::Exactly(reason_rows),
            under,
        ],
    );
    frame.render_widget(Paragraph::new(top), head);
    frame.render_widget(Paragraph::new(problem), foot);
    let cursor = if item.is_typed() {
        draw_text(frame, texts, entry, item, body)
    } else if item.takes_answer() {
        draw_choices(frame, app, session, entry, body)
    } else {
        None
    };
    let cursor = match &entry.reason {
        Some(editor) => draw_reason(frame, texts, editor, reason),
        None => cursor,
    };
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// "Question 3 of 20", and "so far" while answers may still open more
/// questions (P11: a total that grew read as a mistake).
fn question_counter(texts: &Texts, form: &Form, session: &Session, item: usize) -> String {
    let (number, count) = form.question_number(Some(&session.asked), item);
    let (_, most) = form.question_number(None, item);
    texts.t_args(
        if count < most {
            "question-counter-so-far"
        } else {
            "question-counter"
        },
        &[("number", number.into()), ("count", count.into())],
    )
}

fn draw_choices(
    frame: &mut Frame,
    app: &App,
    session: &Session,
    entry: &Entry,
    area: Rect,
) -> Option<Position> {
    let texts = &app.texts;
    let form = &app.form;
    let item = &form.items[entry.item];
    let answer = session.answer(form, entry.item);
    let visible = entry.visible_options(form, &|id| texts.form_text(id));
    if visible.is_empty() {
        let message = Paragraph::new(Span::styled(texts.t("filter-no-match"), Theme::dim()))
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(message, area);
        return None;
    }
    let rows: Vec<OptionRow> = visible
        .iter()
        .enumerate()
        .map(|(n, &option)| {
            let code = &item.options()[option].code;
            let chosen = answer.is_some_and(|a| a.includes(code));
            let specify =
                form.companion_for(entry.item, code)
                    .filter(|_| chosen)
                    .map(|companion| {
                        let prompt = texts.form_text(&form.items[companion].question);
                        match &entry.editing {
                            Some((editing, editor)) if *editing == companion => {
                                (prompt, Cow::Borrowed(editor), true)
                            }
                            _ => {
                                let text = session
                                    .answer(form, companion)
                                    .and_then(Answer::as_one)
                                    .unwrap_or("");
                                (prompt, Cow::Owned(TextEditor::new(text, false)), false)
                            }
                        }
                    });
            OptionRow {
                number: n + 1,
                label: texts.form_text(&item.options()[option].label),
                chosen,
                highlighted: n == entry.cursor && entry.editing.is_none(),
                focused: n == entry.cursor,
                specify,
            }
        })
        .collect();
    let more = |above: bool| {
        let id = if above {
            "options-above"
        } else {
            "options-below"
        };
        format!("{} {}", crate::tui::glyphs::more_mark(above), texts.t(id))
    };
    draw_options(
        &rows,
        matches!(item.kind, ItemKind::Multi { .. }),
        area,
        frame.buffer_mut(),
        &more,
    )
}

fn draw_text(
    frame: &mut Frame,
    texts: &Texts,
    entry: &Entry,
    item: &Item,
    area: Rect,
) -> Option<Position> {
    let (_, editor) = entry.editing.as_ref()?;
    let [field, count] = stack::rows(area, [Height::Rest, Height::Exactly(1)]);
    let width = short_field_width(item).map_or(field.width, |w| w.min(field.width));
    let wrapped = editor.wrap(usize::from(width.saturating_sub(2)).saturating_sub(1));
    let rows = one_line_field_rows(entry, item, area.width)
        .unwrap_or_else(|| field.height.saturating_sub(2).max(1));
    let field = Rect {
        height: rows + 2,
        width,
        ..field
    };
    if let ItemKind::Number(rules) = &item.kind
        && let Some(unit) = &rules.unit
    {
        // The unit after the field, on its line: "[ 60 ] persone".
        let after = Rect {
            x: field.x + field.width + 1,
            y: field.y + 1,
            width: area.width.saturating_sub(field.width + 1),
            height: 1,
        };
        frame.render_widget(Paragraph::new(texts.form_text(unit)), after);
    }
    let block = crate::tui::glyphs::block(Borders::ALL).border_style(Theme::dim());
    let inner = block.inner(field);
    let offset = (wrapped.cursor.0 + 1).saturating_sub(usize::from(inner.height));
    let lines: Vec<Line> = wrapped
        .lines
        .iter()
        .skip(offset)
        .map(|l| Line::from(l.clone()))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), field);
    let counter = field_note(texts, item, &editor.text());
    let count = Rect {
        y: field.y + field.height,
        ..count
    };
    if count.y < area.y + area.height {
        frame.render_widget(Paragraph::new(Span::styled(counter, Theme::dim())), count);
    }
    Some(Position::new(
        inner.x + wrapped.cursor.1 as u16,
        inner.y + (wrapped.cursor.0 - offset) as u16,
    ))
}

/// The rows of text a one-line field shows: a one-line answer longer than
/// the field (a title) grows to a few rows, so that what was typed stays
/// in sight. `None` for a long text (it fills the pane) or a list.
fn one_line_field_rows(entry: &Entry, item: &Item, width: u16) -> Option<u16> {
    let (_, editor) = entry.editing.as_ref().filter(|_| item.is_typed())?;
    if matches!(item.kind, ItemKind::Text(rules) if rules.multiline) {
        return None;
    }
    let width = short_field_width(item).map_or(width, |w| w.min(width));
    let wrapped = editor.wrap(usize::from(width.saturating_sub(2)).saturating_sub(1));
    Some((wrapped.lines.len() as u16).clamp(1, 4))
}

/// Numbers and dates get a field of their size, which leaves room for a
/// unit after it.
fn short_field_width(item: &Item) -> Option<u16> {
    match item.kind {
        ItemKind::Number(_) | ItemKind::Date(_) => Some(24),
        _ => None,
    }
}

/// What the line under a typed field says as it is typed: characters or
/// words so far (and the limit), the unit of a number, the order of a date.
fn field_note(texts: &Texts, item: &Item, text: &str) -> String {
    match &item.kind {
        ItemKind::Number(rules) if rules.whole => texts.t("number-note-whole"),
        ItemKind::Number(_) => texts.t("number-note"),
        ItemKind::Date(_) => texts.t("date-note"),
        ItemKind::Text(rules) if rules.max_words.is_some() || rules.min_words.is_some() => {
            let words = crate::form::value::count_words(text);
            match rules.max_words {
                Some(max) => texts.t_args(
                    "word-count-max",
                    &[("count", words.into()), ("max", max.into())],
                ),
                None => texts.t_args("word-count", &[("count", words.into())]),
            }
        }
        ItemKind::Text(rules) => {
            let length = text.trim().chars().count();
            match rules.max_length {
                Some(max) => texts.t_args(
                    "text-count-max",
                    &[
                        ("count", length.into()),
                        ("max", texts.whole(max as u64).into()),
                    ],
                ),
                None => texts.t_args("text-count", &[("count", length.into())]),
            }
        }
        _ => String::new(),
    }
}

/// The one-line field for the reason that keeps an answer a soft check
/// warned about.
fn draw_reason(
    frame: &mut Frame,
    texts: &Texts,
    editor: &TextEditor,
    area: Rect,
) -> Option<Position> {
    if area.height < 3 {
        return None;
    }
    let block = crate::tui::glyphs::block(Borders::ALL)
        .border_style(Theme::dim())
        .title(texts.t("reason-title"));
    let inner = block.inner(area);
    let wrapped = editor.wrap(usize::from(inner.width).saturating_sub(1));
    let line = wrapped.lines.first().cloned().unwrap_or_default();
    frame.render_widget(Paragraph::new(Line::from(line)).block(block), area);
    let column = wrapped
        .cursor
        .1
        .min(usize::from(inner.width).saturating_sub(1));
    Some(Position::new(inner.x + column as u16, inner.y))
}

/// Problems that a few more keys may well put right: said after Enter,
/// or every first letter typed would be an error.
fn waits_for_enter(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::Required
            | Problem::TooShort { .. }
            | Problem::TooFewWords { .. }
            | Problem::NotANumber
            | Problem::NotADate
            | Problem::NotAnEmail
            | Problem::NotAPhone
            | Problem::Unconfirmed { .. }
    )
}

/// The problem of the current question, wrapped to the width: shown after
/// Enter, and at once for an answer that cannot be right however it goes
/// on (too long, say).
fn problem_lines(app: &App, session: &Session, entry: &Entry, width: usize) -> Vec<Line<'static>> {
    problem_text(app, session, entry)
        .map(|text| {
            wrap_words(&format!("! {text}"), width)
                .into_iter()
                .take(4)
                .map(|l| Line::from(Span::styled(l, Theme::error())))
                .collect()
        })
        .unwrap_or_default()
}

fn problem_text(app: &App, session: &Session, entry: &Entry) -> Option<String> {
    let form = &app.form;
    if entry.reason.is_some() {
        // The warning stays in sight while its reason is typed.
        let unconfirmed = form.problem_of(
            entry.item,
            &session.response.answers,
            &crate::form::Reasons::new(),
        );
        return unconfirmed
            .filter(|p| p.is_soft())
            .map(|p| p.describe(&app.texts));
    }
    let item = entry.problem_items(form, session).into_iter().find(|&i| {
        entry.show_problem
            || !session
                .problem(form, i)
                .is_some_and(|p| waits_for_enter(&p))
    })?;
    let problem = session.problem(form, item)?;
    let is_choice = !form.items[item].is_typed();
    let text = if item == entry.item && is_choice && problem == Problem::Required {
        app.texts.t("problem-required-choice")
    } else if item == entry.item {
        problem.describe(&app.texts)
    } else if problem == Problem::Required {
        // m33: one sentence, not a capital after the colon.
        app.texts.t("problem-specify-required")
    } else {
        app.texts.t_args(
            "problem-specify",
            &[("problem", problem.describe(&app.texts).into())],
        )
    };
    Some(text)
}
