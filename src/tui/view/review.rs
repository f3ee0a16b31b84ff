use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph};

use crate::form::Form;
use crate::i18n::Texts;
use crate::session::Session;
use crate::store::Status;
use crate::text::wrap_words;
use crate::tui::app::App;
use crate::tui::screens::review::Review;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, session: &Session, review: &Review, area: Rect) {
    let texts = &app.texts;
    let form = &app.form;
    let progress = form.progress(&session.response.answers);
    let status = match session.response.status {
        Status::Draft => texts.t("status-draft"),
        Status::Complete => texts.t("status-complete"),
    };
    let title = texts.t_args(
        "review-title",
        &[
            ("status", status.into()),
            ("answered", progress.answered.into()),
            ("asked", progress.asked.into()),
        ],
    );
    let block = crate::tui::glyphs::block(Borders::TOP)
        .title(Span::styled(format!(" {title} "), Theme::title()));
    let inner = block.inner(area);
    let width = usize::from(inner.width).saturating_sub(4);
    let (lines, selected) = review_lines(texts, form, session, review, width);
    // Scroll by pages so the view stays put while the highlight moves
    // within one, and never past the end: a screen is always full.
    let height = usize::from(inner.height).max(1);
    let (start, end) = selected;
    let mut offset = start / height * height;
    if end > offset + height {
        offset = end - height;
    }
    offset = offset.min(lines.len().saturating_sub(height)).min(start);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// The lines of the review, and the range of lines of the highlighted item.
fn review_lines(
    texts: &Texts,
    form: &Form,
    session: &Session,
    review: &Review,
    width: usize,
) -> (Vec<Line<'static>>, (usize, usize)) {
    let answers = &session.response.answers;
    let questions = Review::questions(form, &session.asked);
    let mut lines = Vec::new();
    let mut selected = (0, 0);
    let mut section = None;
    for (position, &item) in questions.iter().enumerate() {
        if section != Some(form.items[item].section) {
            section = Some(form.items[item].section);
            lines.push(Line::from(Span::styled(
                texts.form_text(&form.sections[form.items[item].section].title),
                Theme::title(),
            )));
        }
        let start = lines.len();
        let problem = form.problem_of(item, answers, &session.response.reasons);
        // Column one is the cursor, column two the "missing" mark.
        let pointer = if position == review.selected {
            Span::styled(">", Theme::key())
        } else {
            Span::raw(" ")
        };
        let mark = if problem.is_some() {
            Span::styled("!", Theme::error())
        } else {
            Span::raw(" ")
        };
        // Everything whole, wrapped: this is where answers are read
        // before marking complete.
        let question = wrap_words(
            &texts.form_text_filled(&form.items[item].question, form, &session.response.answers),
            width,
        );
        for (i, row) in question.into_iter().enumerate() {
            let lead = if i == 0 {
                vec![pointer.clone(), mark.clone(), Span::raw(" ")]
            } else {
                vec![Span::raw("   ")]
            };
            lines.push(Line::from([lead, vec![Span::raw(row)]].concat()));
        }
        match texts.answer_with_details(form, answers, item) {
            Some(text) => {
                for row in text.split('\n').flat_map(|line| wrap_words(line, width)) {
                    lines.push(Line::from(format!("    {row}")));
                }
            }
            None if problem.is_some() => lines.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(texts.t("review-missing"), Theme::error()),
            ])),
            None => lines.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(texts.t("review-unanswered"), Theme::dim()),
            ])),
        }
        if let Some(reason) = session.response.reasons.get(&form.items[item].id) {
            let said = texts.t_args("review-reason", &[("reason", reason.as_str().into())]);
            for row in wrap_words(&said, width) {
                lines.push(Line::from(Span::styled(format!("    {row}"), Theme::dim())));
            }
        }
        if let Some(problem) = problem.filter(|_| answers.contains_key(&form.items[item].id)) {
            use crate::i18n::Describe;
            for row in wrap_words(&problem.describe(texts), width) {
                lines.push(Line::from(Span::styled(
                    format!("    {row}"),
                    Theme::error(),
                )));
            }
        }
        if position == review.selected {
            selected = (start, lines.len());
        }
    }
    (lines, selected)
}
