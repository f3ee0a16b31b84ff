//! Errors and problems put into words, in the user's language. The modules
//! that find them only name them; this is where they are explained.

use fluent_bundle::FluentValue;

use super::Texts;
use crate::form::FormError;
use crate::io_failure::IoFailure;
use crate::protocol::Refusal;
use crate::store::{Damage, StoreError};
use crate::sync::config::ConfigError;
use crate::sync::{Fatal, Network, Summary, SyncError, Transient};

pub trait Describe {
    fn describe(&self, texts: &Texts) -> String;
}

pub(super) fn s(value: &str) -> FluentValue<'_> {
    FluentValue::from(value)
}

impl Describe for IoFailure {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            IoFailure::NotFound => texts.t("io-not-found"),
            IoFailure::PermissionDenied => texts.t("io-permission-denied"),
            IoFailure::NotText => texts.t("io-not-text"),
            IoFailure::NoSpace => texts.t("io-no-space"),
            IoFailure::ReadOnly => texts.t("io-read-only"),
            IoFailure::NotAFile => texts.t("io-not-a-file"),
            IoFailure::Link => texts.t("io-link"),
            IoFailure::TooLarge { limit } => texts.t_args(
                "io-too-large",
                &[("megabytes", (*limit / (1024 * 1024)).into())],
            ),
            IoFailure::Other(detail) => texts.t_args("io-other", &[("detail", s(detail))]),
        }
    }
}

/// A closing time (RFC 3339) as people of the language write it.
pub fn closing_date(texts: &Texts, at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|d| texts.datetime(d.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|_| crate::text::printable(at))
}

/// Who holds a response's lock, as its lock file says ("user pid"), in
/// words: "user mario, process 17523".
pub fn holder(texts: &Texts, note: &str) -> String {
    let note = crate::text::printable(note.trim());
    match note.rsplit_once(' ') {
        Some((user, pid)) if pid.chars().all(|c| c.is_ascii_digit()) && !pid.is_empty() => {
            texts.t_args("lock-holder", &[("user", s(user)), ("pid", s(pid))])
        }
        None if note.chars().all(|c| c.is_ascii_digit()) && !note.is_empty() => {
            texts.t_args("lock-holder-process", &[("pid", s(&note))])
        }
        _ => note,
    }
}

impl Describe for crate::server::frame::FrameProblem {
    fn describe(&self, texts: &Texts) -> String {
        use crate::server::frame::FrameProblemKind as K;
        let reason = match &self.kind {
            K::NotCsv => texts.t("frame-not-csv"),
            K::NoUnitColumn => texts.t("frame-no-unit-column"),
            K::UnknownColumn => texts.t("frame-unknown-column"),
            K::RepeatedColumn => texts.t("frame-repeated-column"),
            K::EmptyUnit => texts.t("frame-empty-unit"),
            K::BadUnitCode => texts.t("frame-bad-unit"),
            K::DuplicateUnit { first_line } => texts.t_args(
                "frame-duplicate-unit",
                &[("first_line", (*first_line).into())],
            ),
            K::NotAnOption { code } => texts.t_args("frame-not-an-option", &[("code", s(code))]),
            K::NotPrefillable => texts.t("frame-not-prefillable"),
            K::BadNumber => texts.t("frame-bad-number"),
            K::BadEmail { address } => texts.t_args("frame-bad-email", &[("address", s(address))]),
            K::BadYesNo => texts.t("frame-bad-yes-no"),
            K::ControlCharacters => texts.t("frame-control-characters"),
            K::DoesNotFit(problem) => texts.t_args(
                "frame-does-not-fit",
                &[("reason", problem.describe(texts).into())],
            ),
        };
        match &self.column {
            Some(column) => texts.t_args(
                "frame-problem-cell",
                &[
                    ("line", self.line.into()),
                    ("column", s(column)),
                    ("reason", reason.into()),
                ],
            ),
            None => texts.t_args(
                "frame-problem-line",
                &[("line", self.line.into()), ("reason", reason.into())],
            ),
        }
    }
}

impl Describe for Damage {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Damage::Empty => texts.t("damage-empty"),
            Damage::Truncated => texts.t("damage-truncated"),
            Damage::NotJson { line, column } => texts.t_args(
                "damage-not-json",
                &[("line", (*line).into()), ("column", (*column).into())],
            ),
            Damage::MissingKey { key } => texts.t_args("damage-missing-key", &[("key", s(key))]),
            Damage::WrongShape { line, column } => texts.t_args(
                "damage-wrong-shape",
                &[("line", (*line).into()), ("column", (*column).into())],
            ),
            Damage::NewerFormat { format } => {
                texts.t_args("damage-newer-format", &[("format", (*format).into())])
            }
            Damage::MisnamedFile { id } => texts.t_args("damage-misnamed", &[("id", s(id))]),
        }
    }
}

impl Describe for StoreError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            StoreError::Damaged { path, damage } => texts.t_args(
                "store-damaged",
                &[("path", s(path)), ("reason", damage.describe(texts).into())],
            ),
            StoreError::Io { path, failure } => texts.t_args(
                "store-io",
                &[
                    ("path", s(path)),
                    ("reason", failure.describe(texts).into()),
                ],
            ),
            StoreError::Stale {
                path,
                on_disk,
                ours,
            } => texts.t_args(
                "store-stale",
                &[
                    ("path", s(path)),
                    ("on_disk", on_disk.to_string().into()),
                    ("ours", ours.to_string().into()),
                ],
            ),
            StoreError::Locked { holder: note } => {
                texts.t_args("store-locked", &[("holder", holder(texts, note).into())])
            }
            StoreError::NoSuchResponse { id } => {
                texts.t_args("store-no-such-response", &[("id", s(id))])
            }
            StoreError::Ambiguous { prefix, matches } => texts.t_args(
                "store-ambiguous",
                &[("prefix", s(prefix)), ("count", (*matches).into())],
            ),
        }
    }
}

impl Describe for crate::package::PackageError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            crate::package::PackageError::Unreadable { path, failure } => texts.t_args(
                "form-error-unreadable",
                &[
                    ("path", path.as_str().into()),
                    ("reason", failure.describe(texts).into()),
                ],
            ),
            crate::package::PackageError::Import(error) => error.describe(texts),
            crate::package::PackageError::Refused(error) => error.describe(texts),
        }
    }
}

impl Describe for crate::xlsform::ImportError {
    fn describe(&self, texts: &Texts) -> String {
        use crate::xlsform::Problem;
        let problem = match &self.problem {
            Problem::Unreadable(failure) => texts.t_args(
                "xlsform-unreadable",
                &[("reason", failure.describe(texts).into())],
            ),
            Problem::NotASpreadsheet => texts.t("xlsform-not-a-spreadsheet"),
            Problem::NoSurveySheet => texts.t("xlsform-no-survey"),
            Problem::NoTypeColumn => texts.t("xlsform-no-type"),
            Problem::UnsupportedSheet => texts.t("xlsform-unsupported-sheet"),
            Problem::LabelReference => texts.t("xlsform-label-reference"),
            Problem::InvalidName(name) => {
                texts.t_args("xlsform-invalid-name", &[("name", s(name))])
            }
            Problem::UnknownReference(name) => {
                texts.t_args("xlsform-unknown-reference", &[("name", s(name))])
            }
            Problem::UnsupportedType(kind) => {
                texts.t_args("xlsform-unsupported-type", &[("type", s(kind))])
            }
            Problem::UnsupportedColumn => texts.t("xlsform-unsupported-column"),
            Problem::UnsupportedLanguage(code) => {
                texts.t_args("xlsform-unsupported-language", &[("code", s(code))])
            }
            Problem::MissingName => texts.t("xlsform-missing-name"),
            Problem::DuplicateName(name) => {
                texts.t_args("xlsform-duplicate-name", &[("name", s(name))])
            }
            Problem::MissingLabel => texts.t("xlsform-missing-label"),
            Problem::MissingCalculation => texts.t("xlsform-missing-calculation"),
            Problem::UnknownChoiceList(list) => {
                texts.t_args("xlsform-unknown-list", &[("list", s(list))])
            }
            Problem::EmptyChoiceList(list) => {
                texts.t_args("xlsform-empty-list", &[("list", s(list))])
            }
            Problem::UnbalancedGroup => texts.t("xlsform-unbalanced-group"),
            Problem::Expression(problem) => expression_problem(problem, texts),
        };
        let place = &self.place;
        if place.sheet.is_empty() {
            return problem;
        }
        texts.t_args(
            "xlsform-error",
            &[
                ("sheet", s(&place.sheet)),
                ("row", place.row.into()),
                ("column", s(&place.column)),
                ("problem", s(&problem)),
            ],
        )
    }
}

/// Why an expression cannot be read, in words (positions counted from 1).
fn expression_problem(problem: &crate::form::expr::SyntaxError, texts: &Texts) -> String {
    use crate::form::expr::SyntaxError;
    match problem {
        SyntaxError::Unexpected { at, found } => texts.t_args(
            "expression-unexpected",
            &[("found", s(found)), ("at", (at + 1).into())],
        ),
        SyntaxError::UnexpectedEnd => texts.t("expression-unexpected-end"),
        SyntaxError::UnclosedText { at } => {
            texts.t_args("expression-unclosed-text", &[("at", (at + 1).into())])
        }
        SyntaxError::UnknownFunction { name } => {
            texts.t_args("expression-unknown-function", &[("name", s(name))])
        }
        SyntaxError::WrongArity {
            name,
            expected,
            found,
        } => {
            let expected = match expected.most {
                Some(most) if most == expected.least => most.to_string(),
                Some(most) => texts.t_args(
                    "expression-arity-between",
                    &[("least", expected.least.into()), ("most", most.into())],
                ),
                None => texts.t_args(
                    "expression-arity-at-least",
                    &[("least", expected.least.into())],
                ),
            };
            texts.t_args(
                "expression-wrong-arity",
                &[
                    ("name", s(name)),
                    ("expected", s(&expected)),
                    ("found", (*found).into()),
                ],
            )
        }
    }
}

impl Describe for FormError {
    fn describe(&self, texts: &Texts) -> String {
        let t = |id: &str, args: &[(&str, &str)]| {
            let args: Vec<(&str, FluentValue)> = args.iter().map(|(k, v)| (*k, s(v))).collect();
            texts.t_args(id, &args)
        };
        match self {
            FormError::Syntax {
                line,
                column,
                detail,
            } => texts.t_args(
                "form-error-syntax",
                &[
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("detail", s(detail)),
                ],
            ),
            FormError::Messages { file, detail } => {
                t("form-error-messages", &[("file", file), ("detail", detail)])
            }
            FormError::NoSections => texts.t("form-error-no-sections"),
            FormError::EmptySection { section } => {
                t("form-error-empty-section", &[("section", section)])
            }
            FormError::DuplicateSection { section } => {
                t("form-error-duplicate-section", &[("section", section)])
            }
            FormError::DuplicateItem { item } => t("form-error-duplicate-item", &[("item", item)]),
            FormError::DuplicateOption { item, code } => t(
                "form-error-duplicate-option",
                &[("item", item), ("code", code)],
            ),
            FormError::ChoiceWithoutOptions { item } => {
                t("form-error-no-options", &[("item", item)])
            }
            FormError::OptionsOnText { item } => t("form-error-options-on-text", &[("item", item)]),
            FormError::OrdinalNotSingle { item } => {
                t("form-error-ordinal-not-single", &[("item", item)])
            }
            FormError::TextRulesOnChoice { item } => {
                t("form-error-text-rules-on-choice", &[("item", item)])
            }
            FormError::LengthRange { item } => t("form-error-length-range", &[("item", item)]),
            FormError::KeyNotForType { item, key } => t(
                "form-error-key-not-for-type",
                &[("item", item), ("key", key)],
            ),
            FormError::BadBound { item, key } => {
                t("form-error-bad-bound", &[("item", item), ("key", key)])
            }
            FormError::ExclusiveNotMulti { item, code } => t(
                "form-error-exclusive-not-multi",
                &[("item", item), ("code", code)],
            ),
            FormError::ConditionNotNumber { item, refers } => t(
                "form-error-condition-not-number",
                &[("item", item), ("refers", refers)],
            ),
            FormError::ConditionOnUnknownItem { item, refers } => t(
                "form-error-condition-unknown-item",
                &[("item", item), ("refers", refers)],
            ),
            FormError::ConditionOnLaterItem { item, refers } => t(
                "form-error-condition-later-item",
                &[("item", item), ("refers", refers)],
            ),
            FormError::UnreadableExpression {
                item,
                expression,
                problem,
            } => t(
                "form-error-expression",
                &[
                    ("item", item),
                    ("expression", expression),
                    ("problem", &expression_problem(problem, texts)),
                ],
            ),
            FormError::ConditionOnUnknownOption { item, refers, code } => t(
                "form-error-condition-unknown-option",
                &[("item", item), ("refers", refers), ("code", code)],
            ),
            FormError::SpecifyUnknownItem { item, refers } => t(
                "form-error-specify-unknown-item",
                &[("item", item), ("refers", refers)],
            ),
            FormError::SpecifyUnknownOption { item, refers, code } => t(
                "form-error-specify-unknown-option",
                &[("item", item), ("refers", refers), ("code", code)],
            ),
            FormError::SpecifyNotText { item } => {
                t("form-error-specify-not-text", &[("item", item)])
            }
            FormError::CalculateWithoutCalculation { item } => t(
                "form-error-calculate-without-calculation",
                &[("item", item)],
            ),
            FormError::DerivedUnknownItem { derived, refers } => t(
                "form-error-derived-unknown-item",
                &[("derived", derived), ("refers", refers)],
            ),
            FormError::DerivedUnknownOption { derived, code } => t(
                "form-error-derived-unknown-option",
                &[("derived", derived), ("code", code)],
            ),
            FormError::SummaryUnknownItem { item } => {
                t("form-error-summary-unknown-item", &[("item", item)])
            }
            FormError::MissingMessage { id, lang } => {
                t("form-error-missing-message", &[("id", id), ("lang", lang)])
            }
        }
    }
}

impl Describe for ConfigError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            ConfigError::Unreadable { path, failure } => texts.t_args(
                "config-unreadable",
                &[
                    ("path", s(path)),
                    ("reason", failure.describe(texts).into()),
                ],
            ),
            ConfigError::Invalid { path, detail } => texts.t_args(
                "config-invalid",
                &[("path", s(path)), ("detail", s(detail))],
            ),
        }
    }
}

impl Describe for Transient {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Transient::Network(Network::Refused) => texts.t("sync-network-refused"),
            Transient::Network(Network::TimedOut) => texts.t("sync-network-timed-out"),
            Transient::Network(Network::Dropped) => texts.t("sync-network-dropped"),
            Transient::Network(Network::Other(detail)) => {
                texts.t_args("sync-network", &[("detail", s(detail))])
            }
            Transient::Server(status) => {
                texts.t_args("sync-server-error", &[("status", (*status).into())])
            }
        }
    }
}

impl Describe for Fatal {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Fatal::Unauthorized => texts.t("sync-unauthorized"),
            Fatal::Forbidden => texts.t("sync-forbidden"),
            Fatal::Tls(detail) => texts.t_args("sync-tls", &[("detail", s(detail))]),
            Fatal::BadUrl(url) => texts.t_args("sync-bad-url", &[("url", s(url))]),
            Fatal::NotCampo { status } => {
                texts.t_args("sync-not-campo", &[("status", (*status).into())])
            }
            Fatal::UnknownHost => texts.t("sync-unknown-host"),
            Fatal::Redirected { status, to } => texts.t_args(
                "sync-redirected",
                &[("status", (*status).into()), ("to", s(to))],
            ),
            Fatal::Closed { at } => {
                texts.t_args("sync-closed", &[("date", closing_date(texts, at).into())])
            }
            Fatal::WrongConfirmation { sent, confirmed } => texts.t_args(
                "sync-wrong-confirmation",
                &[
                    ("sent", sent.to_string().into()),
                    ("confirmed", confirmed.to_string().into()),
                ],
            ),
        }
    }
}

impl Describe for Refusal {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Refusal::Unauthorized => texts.t("sync-unauthorized"),
            Refusal::BadId => texts.t("refusal-bad-id"),
            Refusal::NotJson => texts.t("refusal-not-json"),
            Refusal::NotAResponse { detail } => {
                texts.t_args("refusal-not-a-response", &[("detail", s(detail))])
            }
            Refusal::IdMismatch => texts.t("refusal-id-mismatch"),
            Refusal::UnknownForm { form, version } => texts.t_args(
                "notice-unknown-form",
                &[("form", s(form)), ("version", (*version).into())],
            ),
            Refusal::Invalid { problems } => {
                let list: Vec<String> = problems.iter().map(|p| p.describe(texts)).collect();
                texts.t_args("refusal-invalid", &[("problems", list.join("; ").into())])
            }
            Refusal::Stale { current } => {
                // As text: Fluent's numbers are floats, and would round
                // a revision as large as 2^63 - 1.
                texts.t_args("refusal-stale", &[("current", current.to_string().into())])
            }
            Refusal::Conflict { revision } => texts.t_args(
                "refusal-conflict",
                &[("revision", revision.to_string().into())],
            ),
            Refusal::TooLarge { limit } => {
                texts.t_args("refusal-too-large", &[("kb", (*limit / 1024).into())])
            }
            Refusal::RateLimited => texts.t("refusal-rate-limited"),
            Refusal::TooSlow => texts.t("refusal-too-slow"),
            Refusal::NotFound => texts.t("refusal-not-found"),
            Refusal::Closed { at } => {
                texts.t_args("sync-closed", &[("date", closing_date(texts, at).into())])
            }
            Refusal::OverQuota { limit } => texts.t_args(
                "refusal-over-quota",
                &[("megabytes", (*limit / (1024 * 1024)).into())],
            ),
            Refusal::UnitAnswered { first } => texts.t_args(
                "refusal-unit-answered",
                &[("first", first.simple().to_string()[..8].to_string().into())],
            ),
            Refusal::Withdrawn => texts.t("refusal-withdrawn"),
            Refusal::UnitIsFixed => texts.t("refusal-unit-is-fixed"),
            Refusal::NoUnit => texts.t("refusal-no-unit"),
            Refusal::NotFromTheList { item } => {
                texts.t_args("refusal-not-from-the-list", &[("item", s(item))])
            }
            Refusal::WrongUnit { unit } => texts.t_args("refusal-wrong-unit", &[("unit", s(unit))]),
            Refusal::WrongCode => texts.t("refusal-wrong-code"),
            Refusal::TooManyGuesses => texts.t("refusal-too-many-guesses"),
        }
    }
}

impl Describe for Summary {
    /// The closing lines of a sync: counts, then each refusal, then why it stopped.
    fn describe(&self, texts: &Texts) -> String {
        let summary = self;
        let server_spoke = !matches!(
            summary.stopped,
            None | Some(Fatal::UnknownHost | Fatal::BadUrl(_) | Fatal::Tls(_))
        );
        let heard =
            summary.sent + summary.already_there + summary.refused.len() > 0 || server_spoke;
        let answered = if heard { "yes" } else { "no" };
        let mut out = texts.t_args(
            "sync-summary",
            &[
                ("sent", summary.sent.into()),
                ("already", summary.already_there.into()),
                ("refused", summary.refused.len().into()),
                ("failed", summary.failed.len().into()),
                (
                    "kb",
                    texts.one_decimal(summary.bytes as f64 / 1024.0).into(),
                ),
                ("requests", summary.requests.into()),
                // Bytes are said only of a server that answered (m21): of
                // one never reached, they would read as data gone out.
                ("answered", answered.into()),
            ],
        );
        out.push('\n');
        for (id, refusal) in &summary.refused {
            let short = id.simple().to_string()[..8].to_string();
            out += &texts.t_args(
                "sync-refused-line",
                &[
                    ("id", short.into()),
                    ("reason", refusal.describe(texts).into()),
                ],
            );
            out.push('\n');
        }
        if let Some(fatal) = &summary.stopped {
            out += &texts.t_args("sync-stopped", &[("reason", fatal.describe(texts).into())]);
            out.push('\n');
        } else if let Some(problem) = &summary.last_problem {
            out += &texts.t_args(
                "sync-gave-up",
                &[("reason", problem.describe(texts).into())],
            );
            out.push('\n');
        }
        out
    }
}

impl Describe for SyncError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            SyncError::NoServer => texts.t("sync-no-server"),
            SyncError::NoToken => texts.t("sync-no-token"),
            SyncError::Config(error) => error.describe(texts),
            SyncError::Store(error) => error.describe(texts),
        }
    }
}
