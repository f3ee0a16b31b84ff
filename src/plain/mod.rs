//! Plain line mode: the same questionnaire, one question per prompt, for
//! screen readers, `TERM=dumb` consoles and scripts. No cursor tricks, no
//! colour; the same engine, validation messages, autosave and files as the
//! terminal interface, in both languages (huh's accessible mode, bilingual).

mod opening;
mod parse;

use std::io::{self, BufRead, Write};

use crate::form::{Answer, Form, ItemKind, Problem, TextRules};
use crate::i18n::{Describe, Lang, Texts};
use crate::session::{Session, Unsaved};
use crate::store::{Response, Responses};
pub use opening::Opening;
use opening::open;
use parse::{Input, parse_answer};

/// How a plain session ended.
#[derive(Debug)]
pub enum Finished {
    /// The response as it was left, saved.
    Done(Box<Response>),
    /// Another session has the response open, or the data folder cannot
    /// lock it: nothing was asked (what is wrong was said).
    NotOpened,
    /// The user left although the last answers could not be saved.
    Unsaved(Box<Unsaved>),
}

/// Runs the questionnaire on `input` and `output` until `:quit` or the end
/// of the input. Every accepted answer is saved at once.
pub fn run(
    form: &Form,
    texts: &mut Texts,
    store: &dyn Responses,
    opening: Opening,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> io::Result<Finished> {
    let Some(session) = open(form, texts, store, opening, output)? else {
        return Ok(Finished::NotOpened);
    };
    let mut plain = Plain {
        form,
        store,
        session,
        out: output,
        reason_for: None,
    };
    let start = plain
        .session
        .response
        .position
        .as_deref()
        .and_then(|id| form.position(id));
    let mut current = start
        .filter(|&i| plain.is_shown(i))
        .or_else(|| plain.next_item(None));
    if let Some(item) = current {
        plain.session.set_position(form, item);
        plain.session.opened_here();
    }
    let mut shown_section = None;
    let mut quit_warned = false;
    let latin1 = crate::text::locale_is_latin1(|name| std::env::var(name).ok());
    // The question is asked once: after a wrong answer only the problem
    // is said, not the whole question again (a screen reader reads it all).
    let mut asked: Option<Option<usize>> = None;
    loop {
        if asked != Some(current) {
            match current {
                Some(item) => plain.ask(texts, item, &mut shown_section)?,
                None => writeln!(plain.out, "{}", texts.t("plain-end"))?,
            }
            asked = Some(current);
        }
        write!(plain.out, "> ")?;
        plain.out.flush()?;
        let mut bytes = Vec::new();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            writeln!(plain.out)?;
            break;
        }
        let Some(line) = decode_line(bytes, latin1) else {
            writeln!(plain.out, "! {}", texts.t("plain-not-utf8"))?;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if let Some(item) = plain.reason_for.take() {
            if plain.take_reason(texts, item, line)? {
                current = plain.next_item(Some(item));
            }
            continue;
        }
        let input = parse::command(line);
        let warned = std::mem::take(&mut quit_warned);
        match input {
            Input::Quit => {
                plain.save(texts)?;
                if !warned && plain.session.has_unsaved_answers() {
                    writeln!(plain.out, "! {}", texts.t("plain-unsaved-quit"))?;
                    quit_warned = true;
                    continue;
                }
                break;
            }
            Input::Help => plain.help(texts, current)?,
            Input::Previous => current = plain.previous_item(current),
            Input::Next => current = current.and_then(|i| plain.next_item(Some(i))),
            Input::Lang(lang) => match Lang::from_code(&lang) {
                Some(lang) => {
                    texts.lang = lang;
                    (asked, shown_section) = (None, None);
                }
                None => writeln!(
                    plain.out,
                    "{}",
                    texts.t_args("plain-unknown-lang", &[("lang", lang.into())])
                )?,
            },
            Input::Review => {
                writeln!(
                    plain.out,
                    "{}",
                    crate::i18n::review_text(form, texts, &plain.session.response)
                )?;
                asked = None;
            }
            Input::Complete => plain.complete(texts)?,
            Input::Clear => {
                if let Some(item) = current {
                    plain.set(texts, item, None)?;
                }
            }
            Input::Answer(text) => {
                if let Some(item) = current
                    && plain.answer(texts, item, &text)?
                {
                    current = plain.next_item(Some(item));
                }
            }
        }
        if let Some(item) = current {
            plain.session.set_position(form, item);
        }
    }
    plain.save(texts)?;
    Ok(match plain.session.unsaved_answers() {
        Some(unsaved) => Finished::Unsaved(Box::new(unsaved)),
        None => Finished::Done(Box::new(plain.session.response.clone())),
    })
}

/// A line as typed: Latin-1 on a Latin-1 terminal, else UTF-8; `None` for
/// a line that is neither (it is refused whole, and said, never cut).
fn decode_line(bytes: Vec<u8>, latin1: bool) -> Option<String> {
    if latin1 {
        return Some(bytes.into_iter().map(char::from).collect());
    }
    String::from_utf8(bytes).ok()
}

struct Plain<'a> {
    form: &'a Form,
    store: &'a dyn Responses,
    session: Session,
    out: &'a mut dyn Write,
    /// The item whose soft check just warned: the next line is the reason.
    reason_for: Option<usize>,
}

impl Plain<'_> {
    /// The next asked item after `from` (the first with `None`), companions
    /// included: in line mode "other, specify" is a prompt of its own.
    fn next_item(&self, from: Option<usize>) -> Option<usize> {
        let start = from.map_or(0, |i| i + 1);
        (start..self.form.items.len()).find(|&i| self.is_shown(i))
    }

    fn previous_item(&self, from: Option<usize>) -> Option<usize> {
        let end = from.unwrap_or(self.form.items.len());
        (0..end).rev().find(|&i| self.is_shown(i)).or(from)
    }

    /// Asked, and something to read: a calculate is worked out, never said.
    fn is_shown(&self, item: usize) -> bool {
        self.session.asked.is_asked(item) && !self.form.items[item].is_calculate()
    }

    fn ask(
        &mut self,
        texts: &Texts,
        item: usize,
        shown_section: &mut Option<usize>,
    ) -> io::Result<()> {
        let form = self.form;
        let section = form.items[item].section;
        if *shown_section != Some(section) {
            writeln!(
                self.out,
                "\n== {} ==",
                texts.form_text(&form.sections[section].title)
            )?;
            *shown_section = Some(section);
        }
        let (number, total) = form.question_number(Some(&self.session.asked), item);
        let question = match &form.items[item].specifies {
            Some((parent, _)) => format!(
                "{} {}",
                texts.form_text(&form.items[*parent].question),
                texts.form_text(&form.items[item].question)
            ),
            None => texts.form_text_filled(
                &form.items[item].question,
                form,
                &self.session.response.answers,
            ),
        };
        if form.items[item].takes_answer() {
            writeln!(self.out, "\n[{number}/{total}] {question}")?;
        } else {
            writeln!(self.out, "\n[{}] {question}", texts.t("entry-note"))?;
        }
        if self.session.is_locked(form, item) {
            let shown = self
                .session
                .answer(form, item)
                .map(|a| texts.answer(form, item, a))
                .unwrap_or_default();
            writeln!(self.out, "  {shown}")?;
            return writeln!(self.out, "{}", texts.t("entry-from-list"));
        }
        let required = form.requires(item, &self.session.response.answers, &self.session.asked);
        if !required && form.items[item].takes_answer() {
            writeln!(self.out, "{}", texts.t("plain-optional"))?;
        }
        // The question's help under it, as the interface shows it (m13): a
        // counting rule read only after ? would be counted differently.
        if let Some(help) = own_help(&form.items[item]) {
            writeln!(
                self.out,
                "{}",
                texts.form_text_filled(help, form, &self.session.response.answers)
            )?;
        }
        match &form.items[item].kind {
            ItemKind::Single { .. } => writeln!(self.out, "{}", texts.t("plain-hint-single"))?,
            ItemKind::Multi { .. } => writeln!(self.out, "{}", texts.t("plain-hint-multi"))?,
            // A long text is still one line here (m14): said, not found out.
            ItemKind::Text(TextRules {
                max_words: Some(max),
                multiline,
                ..
            }) => writeln!(
                self.out,
                "{}",
                texts.t_args(
                    "plain-hint-words",
                    &[
                        ("max", (*max).into()),
                        ("multiline", yes_no(*multiline).into())
                    ]
                )
            )?,
            ItemKind::Text(rules) => writeln!(
                self.out,
                "{}",
                texts.t_args(
                    "plain-hint-text",
                    &[("multiline", yes_no(rules.multiline).into())]
                )
            )?,
            ItemKind::Number(rules) => {
                let whole = if rules.whole { "yes" } else { "no" };
                let hint = match rules.unit.as_deref() {
                    Some(unit) => texts.t_args(
                        "plain-hint-number-unit",
                        &[
                            ("unit", texts.form_text(unit).into()),
                            ("whole", whole.into()),
                        ],
                    ),
                    None => texts.t_args("plain-hint-number", &[("whole", whole.into())]),
                };
                writeln!(self.out, "{hint}")?
            }
            ItemKind::Date(_) => writeln!(self.out, "{}", texts.t("plain-hint-date"))?,
            ItemKind::Note | ItemKind::Calculate(_) => {
                writeln!(self.out, "{}", texts.t("plain-hint-note"))?
            }
        }
        for (n, option) in form.items[item].options().iter().enumerate() {
            writeln!(self.out, "  {}) {}", n + 1, texts.form_text(&option.label))?;
        }
        if let Some(answer) = self.session.answer(form, item).filter(|a| !a.is_empty()) {
            let shown = texts.answer(form, item, answer);
            writeln!(
                self.out,
                "{}",
                texts.t_args("plain-current", &[("answer", shown.into())])
            )?;
        }
        Ok(())
    }

    /// The question's help, as it applies here (a list is not narrowed
    /// by typing in plain mode: a piece of a name picks it), then the
    /// commands.
    fn help(&mut self, texts: &Texts, item: Option<usize>) -> io::Result<()> {
        if let Some(item) = item {
            let item = &self.form.items[item];
            if matches!(
                item.kind,
                ItemKind::Single {
                    filterable: true,
                    ..
                }
            ) {
                writeln!(self.out, "{}", texts.t("plain-help-filterable"))?;
            } else if let Some(help) = own_help(item) {
                writeln!(
                    self.out,
                    "{}",
                    texts.form_text_filled(help, self.form, &self.session.response.answers)
                )?;
            }
        }
        writeln!(self.out, "{}", texts.t("plain-help"))
    }

    /// Takes an answer; true when it is good and the next question is due.
    fn answer(&mut self, texts: &Texts, item: usize, text: &str) -> io::Result<bool> {
        let form = self.form;
        if self.session.is_locked(form, item) && !text.trim().is_empty() {
            writeln!(self.out, "! {}", texts.t("notice-locked"))?;
            return Ok(false);
        }
        if !form.items[item].takes_answer() && !text.trim().is_empty() {
            writeln!(self.out, "! {}", texts.t("plain-note-no-answer"))?;
            return Ok(false);
        }
        if text.trim().is_empty() {
            return match self.session.problem(form, item) {
                Some(problem) if problem.is_soft() => self.ask_reason(texts, item, &problem),
                Some(problem) => {
                    writeln!(self.out, "! {}", problem.describe(texts))?;
                    Ok(false)
                }
                None => Ok(true),
            };
        }
        let labels: Vec<String> = form.items[item]
            .options()
            .iter()
            .map(|o| texts.form_text(&o.label))
            .collect();
        let answer = match parse_answer(&form.items[item], &labels, text, texts.convention()) {
            Ok(answer) => answer,
            Err(problem) => {
                writeln!(self.out, "! {}", problem.describe(texts))?;
                return Ok(false);
            }
        };
        let answer = match answer {
            Answer::Many(codes) => Answer::Many(form.in_form_order(item, &codes)),
            one => one,
        };
        self.set(texts, item, Some(answer))?;
        match self.session.problem(form, item) {
            Some(problem) if problem.is_soft() => {
                self.say_recorded(texts, item)?;
                self.ask_reason(texts, item, &problem)
            }
            Some(problem) => {
                writeln!(self.out, "! {}", problem.describe(texts))?;
                Ok(false)
            }
            None => {
                self.say_recorded(texts, item)?;
                Ok(true)
            }
        }
    }

    /// Says a soft check's warning; the next line is the reason.
    fn ask_reason(&mut self, texts: &Texts, item: usize, warning: &Problem) -> io::Result<bool> {
        writeln!(self.out, "! {}", warning.describe(texts))?;
        writeln!(self.out, "{}", texts.t("plain-reason-prompt"))?;
        self.reason_for = Some(item);
        Ok(false)
    }

    /// The line after a soft check's warning: the reason to keep the
    /// answer, or `-` to give none (the answer is then to be changed).
    fn take_reason(&mut self, texts: &Texts, item: usize, line: &str) -> io::Result<bool> {
        let reason = line.trim();
        if reason.is_empty() || reason == "-" {
            writeln!(self.out, "{}", texts.t("plain-reason-none"))?;
            return Ok(false);
        }
        if reason.chars().count() > crate::form::MAX_REASON_CHARS {
            let max = crate::form::MAX_REASON_CHARS;
            writeln!(
                self.out,
                "! {}",
                texts.t_args("problem-too-long", &[("max", max.into())])
            )?;
            self.reason_for = Some(item);
            return Ok(false);
        }
        if reason.chars().any(char::is_control) {
            writeln!(self.out, "! {}", texts.t("problem-control-characters"))?;
            self.reason_for = Some(item);
            return Ok(false);
        }
        self.session
            .set_reason(self.form, item, Some(reason.to_string()));
        self.session.take_changed();
        self.save(texts)?;
        writeln!(self.out, "{}", texts.t("plain-reason-kept"))?;
        Ok(true)
    }

    /// One short line: what was recorded, as the options are called.
    fn say_recorded(&mut self, texts: &Texts, item: usize) -> io::Result<()> {
        let Some(answer) = self.session.answer(self.form, item) else {
            return Ok(());
        };
        let shown = crate::text::truncate(&texts.answer(self.form, item, answer), 60);
        let line = texts.t_args("plain-recorded", &[("answer", shown.into())]);
        writeln!(self.out, "{}", crate::text::printable(&line))
    }

    fn set(&mut self, texts: &Texts, item: usize, answer: Option<Answer>) -> io::Result<()> {
        if self.session.is_locked(self.form, item) {
            return writeln!(self.out, "! {}", texts.t("notice-locked"));
        }
        let changed = self.session.set_answer(self.form, item, answer);
        self.session.take_changed();
        self.session.response.lang = texts.lang.code().to_string();
        if changed == crate::session::Changed::Reopened {
            writeln!(self.out, "{}", texts.t("notice-reopened"))?;
        }
        self.save(texts)
    }

    fn complete(&mut self, texts: &Texts) -> io::Result<()> {
        match self.session.mark_complete(self.form) {
            Ok(()) => {
                self.save(texts)?;
                writeln!(
                    self.out,
                    "{}",
                    texts.t_args("notice-marked-complete", &texts.noun_args())
                )
            }
            Err(items) => {
                writeln!(
                    self.out,
                    "{}",
                    texts.t_args("notice-missing", &[("count", items.len().into())])
                )?;
                for item in items {
                    writeln!(
                        self.out,
                        "  ! {}",
                        texts.form_text(&self.form.items[item].question)
                    )?;
                }
                Ok(())
            }
        }
    }

    /// Saves the response (if anything was ever answered); a failure is
    /// said and the answers stay in memory for the next try.
    fn save(&mut self, texts: &Texts) -> io::Result<()> {
        if let Err(error) = self.session.save(self.store) {
            let reason = error.describe(texts);
            writeln!(
                self.out,
                "! {}",
                texts.t_args("notice-save-failed", &[("reason", reason.into())])
            )?;
        }
        Ok(())
    }
}

/// The form's help of an item, unless it speaks of narrowing a list by
/// typing, which plain mode does not do.
fn own_help(item: &crate::form::Item) -> Option<&String> {
    let filterable = matches!(
        item.kind,
        ItemKind::Single {
            filterable: true,
            ..
        }
    );
    item.help.as_ref().filter(|_| !filterable)
}

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}
