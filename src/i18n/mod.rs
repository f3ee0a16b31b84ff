//! Every string a person reads comes from Fluent: the interface's own
//! messages (`locales/<lang>/ui.ftl`, built in) and the form's (bundled, or
//! from `--form DIR`). Isolation marks are off: terminals show them as boxes.

mod answers;
mod describe;
mod errors;
mod problem;
mod review;

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{DateTime, Local, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::form::{Form, FormError};
use crate::package::FormPackage;

pub use describe::{Describe, closing_date, holder};
pub(crate) use errors::{english, worded_errors};
pub use review::review_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The other language: what the switch key goes to.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::It,
            Lang::It => Lang::En,
        }
    }

    /// Italian when the first locale variable that is set starts with `it`,
    /// English otherwise (POSIX order: LC_ALL, LC_MESSAGES, LANG).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        match locale {
            Some(value) if value.starts_with("it") => Lang::It,
            _ => Lang::En,
        }
    }
}

/// The messages of one source (the interface, or a form) in both languages.
pub struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

/// A `.ftl` text that does not parse, or redefines a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub detail: String,
}

impl Catalog {
    pub fn new<'a>(
        sources: impl IntoIterator<Item = (Lang, &'a str, &'a str)>,
    ) -> Result<Catalog, CatalogError> {
        let mut bundles: Vec<(Lang, FluentBundle<FluentResource>)> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let id: LanguageIdentifier = lang.code().parse().expect("valid language id");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                (lang, bundle)
            })
            .collect();
        for (lang, file, text) in sources {
            let error = |detail: String| CatalogError {
                file: file.to_string(),
                detail,
            };
            let resource = FluentResource::try_new(text.to_string())
                .map_err(|(_, errors)| error(format!("{:?}", errors.first().map(|e| &e.kind))))?;
            let bundle = &mut bundles
                .iter_mut()
                .find(|(l, _)| *l == lang)
                .expect("every language has a bundle")
                .1;
            bundle
                .add_resource(resource)
                .map_err(|errors| error(format!("{:?}", errors.first())))?;
        }
        Ok(Catalog { bundles })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language has a bundle")
            .1
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang)
            .get_message(id)
            .and_then(|m| m.value())
            .is_some()
    }

    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundle(lang);
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// Where campo's own messages are: the interface's (`ui.ftl`), then the
/// commands' (`commands.ftl`: their help, sync, serve, report, export).
#[derive(Clone, Copy)]
enum Part {
    Interface,
    Commands,
}

/// Campo's own messages of one part in one language, parsed once however
/// many `Texts` a command builds, and only when a message of that part in
/// that language is asked for: parsing is most of the interface's heap and
/// of its time to first paint (issue 23).
fn own_catalog(part: Part, lang: Lang) -> &'static Catalog {
    static PARSED: [[OnceLock<Catalog>; 2]; 2] = [
        [OnceLock::new(), OnceLock::new()],
        [OnceLock::new(), OnceLock::new()],
    ];
    let (file, text) = match (part, lang) {
        (Part::Interface, Lang::En) => {
            ("locales/en/ui.ftl", include_str!("../../locales/en/ui.ftl"))
        }
        (Part::Interface, Lang::It) => {
            ("locales/it/ui.ftl", include_str!("../../locales/it/ui.ftl"))
        }
        (Part::Commands, Lang::En) => (
            "locales/en/commands.ftl",
            include_str!("../../locales/en/commands.ftl"),
        ),
        (Part::Commands, Lang::It) => (
            "locales/it/commands.ftl",
            include_str!("../../locales/it/commands.ftl"),
        ),
    };
    PARSED[part as usize][lang as usize]
        .get_or_init(|| Catalog::new([(lang, file, text)]).expect("the built-in messages parse"))
}

/// One of campo's own messages, from whichever part has it.
fn own_message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    own_catalog(Part::Interface, lang)
        .format(lang, id, args)
        .or_else(|| own_catalog(Part::Commands, lang).format(lang, id, args))
}

/// Loads a form with its messages, refusing it when the definition refers to
/// a message that is missing in either language.
pub fn load_form(package: &FormPackage) -> Result<(Form, Catalog), FormError> {
    let form = package.form()?;
    let sources = package.messages.iter().filter_map(|m| {
        Lang::from_code(&m.lang).map(|lang| (lang, m.name.as_str(), m.text.as_str()))
    });
    let catalog = Catalog::new(sources).map_err(|e| FormError::Messages {
        file: e.file,
        detail: e.detail,
    })?;
    check_messages(&form, &catalog)?;
    Ok((form, catalog))
}

/// The earlier versions of a package's form, refused like the current one
/// when they refer to a message the package lacks.
pub fn load_older_forms(package: &FormPackage, catalog: &Catalog) -> Result<Vec<Form>, FormError> {
    let older = package.older_forms()?;
    for form in &older {
        check_messages(form, catalog)?;
    }
    Ok(older)
}

fn check_messages(form: &Form, catalog: &Catalog) -> Result<(), FormError> {
    let mut seen = HashSet::new();
    for id in form.message_ids() {
        for lang in Lang::ALL {
            if !catalog.has(lang, id) && seen.insert((id, lang)) {
                return Err(FormError::MissingMessage {
                    id: id.to_string(),
                    lang: lang.code().to_string(),
                });
            }
        }
    }
    Ok(())
}

/// How times are shown: the machine's local time, or UTC (for tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Utc,
}

/// The current language with the interface's and the form's messages.
pub struct Texts {
    pub lang: Lang,
    form: Catalog,
    zone: Zone,
}

/// Arguments to a message, e.g. `&[("count", 3.into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

impl Texts {
    pub fn new(lang: Lang, form: Catalog) -> Texts {
        Texts {
            lang,
            form,
            zone: Zone::Local,
        }
    }

    pub fn with_zone(mut self, zone: Zone) -> Texts {
        self.zone = zone;
        self
    }

    /// An interface message. A missing one shows its id, which tests prevent.
    pub fn t(&self, id: &str) -> String {
        own_message(self.lang, id, None).unwrap_or_else(|| id.to_string())
    }

    pub fn t_args(&self, id: &str, args: &Args) -> String {
        self.t_args_in(self.lang, id, args)
    }

    /// An interface message in another language than the user's (an
    /// e-mail that carries both).
    pub fn t_args_in(&self, lang: Lang, id: &str, args: &Args) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        own_message(lang, id, Some(&fluent_args)).unwrap_or_else(|| id.to_string())
    }

    /// A message of the form that it may leave out (`form-purpose`).
    pub fn optional_form_text_in(&self, lang: Lang, id: &str) -> Option<String> {
        self.form.format(lang, id, None)
    }

    /// What the form calls one of its responses, for the messages that name
    /// it (m30): `form-noun` ("Scheda") and in Italian its gender
    /// (`form-noun-gender = feminine`), else "Questionario"/"Response".
    pub fn noun_args(&self) -> [(&'static str, FluentValue<'static>); 2] {
        let noun = self
            .optional_form_text_in(self.lang, "form-noun")
            .unwrap_or_else(|| self.t("noun-default"));
        let gender = self
            .optional_form_text_in(self.lang, "form-noun-gender")
            .unwrap_or_else(|| "masculine".into());
        [("noun", noun.into()), ("gender", gender.into())]
    }

    /// A message of the form (question, option, section title…).
    pub fn form_text(&self, id: &str) -> String {
        self.form_text_in(self.lang, id)
    }

    /// A form's text with each `${name}` in it filled in as ODK fills it:
    /// the answer as it would be submitted, nothing when unanswered or not
    /// asked (an XLSForm's label or hint).
    pub fn form_text_filled(
        &self,
        id: &str,
        form: &crate::form::Form,
        answers: &crate::form::Answers,
    ) -> String {
        fill_references(self.form_text(id), form, answers)
    }

    pub fn form_text_in(&self, lang: Lang, id: &str) -> String {
        self.form
            .format(lang, id, None)
            .unwrap_or_else(|| id.to_string())
    }

    /// A response of a form other than the one running: the command that
    /// opens it when campo bundles that form, else that campo does not know it.
    pub fn unknown_form(&self, form: &crate::form::FormRef) -> String {
        let id = if crate::package::FormPackage::bundled_named(&form.id).is_some() {
            "notice-other-bundled-form"
        } else {
            "notice-unknown-form"
        };
        self.t_args(
            id,
            &[
                ("form", form.id.as_str().into()),
                ("version", form.version.into()),
            ],
        )
    }

    /// How numbers and dates are written in the current language.
    pub fn convention(&self) -> crate::form::value::Convention {
        match self.lang {
            Lang::It => crate::form::value::Convention::ITALIAN,
            Lang::En => crate::form::value::Convention::ENGLISH,
        }
    }

    pub fn number(&self, number: &serde_json::Number) -> String {
        crate::form::value::format_number(number, self.convention().decimal)
    }

    pub fn date(&self, date: chrono::NaiveDate) -> String {
        crate::form::value::format_date(date, self.convention())
    }

    /// A number with one decimal, with this language's separator ("6,3").
    pub fn one_decimal(&self, value: f64) -> String {
        format!("{value:.1}").replace('.', &self.t("decimal-separator"))
    }

    /// A whole number in groups of three, with this language's separator
    /// ("59.800.000").
    pub fn whole(&self, value: u64) -> String {
        let digits = value.to_string();
        let separator = self.t("thousands-separator");
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&separator);
            }
            out.push(digit);
        }
        out
    }

    /// A date and time as people of this language write it.
    pub fn datetime(&self, when: DateTime<Utc>) -> String {
        self.datetime_in(self.lang, when)
    }

    /// A date and time as people of `lang` write it (an e-mail in both).
    pub fn datetime_in(&self, lang: Lang, when: DateTime<Utc>) -> String {
        let shown = match self.zone {
            Zone::Local => when.with_timezone(&Local).naive_local(),
            Zone::Utc => when.naive_utc(),
        };
        let two = |n: u32| format!("{n:02}");
        self.t_args_in(
            lang,
            "datetime",
            &[
                ("year", shown.format("%Y").to_string().into()),
                ("month", two(chrono::Datelike::month(&shown)).into()),
                ("day", two(chrono::Datelike::day(&shown)).into()),
                ("hour", two(chrono::Timelike::hour(&shown)).into()),
                ("minute", two(chrono::Timelike::minute(&shown)).into()),
            ],
        )
    }
}

/// `${name}` in a text replaced by that item's answer, as submitted, when
/// it is asked; by nothing otherwise.
pub fn fill_references(
    text: String,
    form: &crate::form::Form,
    answers: &crate::form::Answers,
) -> String {
    if !text.contains("${") {
        return text;
    }
    let asked = form.asked(answers);
    let mut filled = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        filled.push_str(&rest[..start]);
        let name = rest[start + 2..start + length].trim();
        let value = form
            .position(name)
            .filter(|&p| asked.is_asked(p))
            .and_then(|_| answers.get(name))
            .map(crate::form::Answer::submitted)
            .unwrap_or_default();
        filled.push_str(&value);
        rest = &rest[start + length + 1..];
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn language_comes_from_the_first_locale_variable_set() {
        assert_eq!(Lang::from_env(env(&[("LANG", "it_IT.UTF-8")])), Lang::It);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "it_IT.UTF-8"), ("LC_ALL", "en_GB.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_MESSAGES", "it_CH"), ("LANG", "de_DE")])),
            Lang::It
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "it")])),
            Lang::It
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }

    #[test]
    fn plurals_follow_each_language() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let mut texts = Texts::new(Lang::It, catalog);
        assert_eq!(
            texts.t_args("home-count", &[("count", 1.into())]),
            "1 questionario"
        );
        assert_eq!(
            texts.t_args("home-count", &[("count", 3.into())]),
            "3 questionari"
        );
        texts.lang = Lang::En;
        assert_eq!(
            texts.t_args("home-count", &[("count", 1.into())]),
            "1 response"
        );
        assert_eq!(
            texts.t_args("home-count", &[("count", 0.into())]),
            "0 responses"
        );
    }

    #[test]
    fn no_isolation_marks_reach_the_terminal() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let texts = Texts::new(Lang::En, catalog);
        let text = texts.t_args("home-count", &[("count", 12.into())]);
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{text:?}"
        );
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let when: DateTime<Utc> = "2026-03-05T08:07:00Z".parse().unwrap();
        let mut texts = Texts::new(Lang::It, catalog).with_zone(Zone::Utc);
        assert_eq!(texts.datetime(when), "05/03/2026 08:07");
        texts.lang = Lang::En;
        assert_eq!(texts.datetime(when), "2026-03-05 08:07");
    }

    #[test]
    fn a_form_missing_a_message_is_refused_with_its_id() {
        let mut package = FormPackage::bundled();
        let it = package
            .messages
            .iter_mut()
            .find(|m| m.lang == "it")
            .unwrap();
        it.text = it.text.replace("q-ps_years =", "q-ps-years-typo =");
        assert_eq!(
            load_form(&package).err(),
            Some(FormError::MissingMessage {
                id: "q-ps_years".into(),
                lang: "it".into()
            })
        );
    }
}
