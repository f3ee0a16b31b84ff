//! Where a form comes from: its definition and its Fluent messages, either
//! embedded in the binary (the bundled questionnaire) or read from a folder
//! given with `--form DIR`. Both end up as the same [`FormPackage`] and go
//! through the same checks.

use std::path::Path;

use crate::files::{MAX_FILE_BYTES, files_with_extension, read_regular};
use crate::form::{Form, FormError};
use crate::io_failure::IoFailure;

/// The languages every form must be translated into.
pub const LANGUAGES: [&str; 2] = ["en", "it"];

#[derive(Debug, Clone)]
pub struct FormPackage {
    pub definition: String,
    pub messages: Vec<MessageSource>,
    /// Earlier versions' definitions (`versions/*.json`), kept so that
    /// responses begun with them open with the questions they were begun
    /// with. They share the package's messages.
    pub older: Vec<String>,
}

/// One `.ftl` file of a form.
#[derive(Debug, Clone)]
pub struct MessageSource {
    pub lang: String,
    pub name: String,
    pub text: String,
}

impl FormPackage {
    /// The national peer-support questionnaire shipped with campo.
    pub fn bundled() -> FormPackage {
        let source = |lang: &str, text: &str| MessageSource {
            lang: lang.into(),
            name: format!("locales/{lang}/questionnaire.ftl"),
            text: text.into(),
        };
        FormPackage {
            definition: include_str!("../forms/mhd-peer-support-2025/form.json").into(),
            messages: vec![
                source("en", include_str!("../locales/en/questionnaire.ftl")),
                source("it", include_str!("../locales/it/questionnaire.ftl")),
            ],
            older: Vec::new(),
        }
    }

    /// The forms shipped with campo, by name: the national questionnaire
    /// (the default) and the Bologna programme's abstract form.
    pub const BUNDLED: [&str; 2] = ["mhd-peer-support-2025", "abstract-bologna"];

    /// A bundled form by its name.
    pub fn bundled_named(name: &str) -> Option<FormPackage> {
        let source = |lang: &str, text: &str| MessageSource {
            lang: lang.into(),
            name: format!("forms/{name}/locales/{lang}/abstract.ftl"),
            text: text.into(),
        };
        match name {
            "mhd-peer-support-2025" => Some(FormPackage::bundled()),
            "abstract-bologna" => Some(FormPackage {
                definition: include_str!("../forms/abstract-bologna/form.json").into(),
                messages: vec![
                    source(
                        "en",
                        include_str!("../forms/abstract-bologna/locales/en/abstract.ftl"),
                    ),
                    source(
                        "it",
                        include_str!("../forms/abstract-bologna/locales/it/abstract.ftl"),
                    ),
                ],
                older: Vec::new(),
            }),
            _ => None,
        }
    }

    /// What `--form` names: a folder when there is one at that path, else a
    /// bundled form by name (a name that is neither is read as a folder,
    /// whose absence is then said).
    pub fn chosen(form: &Path) -> Result<FormPackage, PackageError> {
        if !form.is_dir()
            && let Some(package) = form.to_str().and_then(FormPackage::bundled_named)
        {
            return Ok(package);
        }
        if is_xlsform(form) {
            return FormPackage::from_xlsform(form);
        }
        FormPackage::from_dir(form)
    }

    /// An XLSForm, imported (see `xlsform`).
    pub fn from_xlsform(path: &Path) -> Result<FormPackage, PackageError> {
        let imported = crate::xlsform::import(path).map_err(PackageError::Import)?;
        let messages = imported
            .messages
            .into_iter()
            .map(|(lang, text)| MessageSource {
                lang: lang.into(),
                name: format!("{} ({lang})", path.display()),
                text,
            })
            .collect();
        Ok(FormPackage {
            definition: imported.definition,
            messages,
            older: Vec::new(),
        })
    }

    /// Reads a form folder: `form.json`, `locales/<lang>/*.ftl` for every
    /// language campo speaks, and earlier versions in `versions/*.json`.
    pub fn from_dir(dir: &Path) -> Result<FormPackage, PackageError> {
        let definition = read(&dir.join("form.json"))?;
        let mut messages = Vec::new();
        for lang in LANGUAGES {
            let folder = dir.join("locales").join(lang);
            let files =
                files_with_extension(&folder, "ftl").map_err(|e| unreadable(&folder, &e))?;
            for path in files {
                messages.push(MessageSource {
                    lang: lang.into(),
                    name: path.display().to_string(),
                    text: read(&path)?,
                });
            }
        }
        let mut older = Vec::new();
        let versions = dir.join("versions");
        if versions.is_dir() {
            let files =
                files_with_extension(&versions, "json").map_err(|e| unreadable(&versions, &e))?;
            for path in files {
                older.push(read(&path)?);
            }
        }
        Ok(FormPackage {
            definition,
            messages,
            older,
        })
    }

    /// The definition alone, checked for structure but not for messages.
    pub fn form(&self) -> Result<Form, FormError> {
        Form::from_json(&self.definition)
    }

    /// The earlier versions, each checked for structure.
    pub fn older_forms(&self) -> Result<Vec<Form>, FormError> {
        self.older
            .iter()
            .map(|text| Form::from_json(text))
            .collect()
    }

    /// For tests of the engine on the bundled form, which is known good.
    #[cfg(test)]
    pub fn form_unchecked(&self) -> Form {
        self.form().expect("the bundled form definition is valid")
    }

    pub fn messages_for<'a>(
        &'a self,
        lang: &'a str,
    ) -> impl Iterator<Item = &'a MessageSource> + 'a {
        self.messages.iter().filter(move |m| m.lang == lang)
    }
}

/// Whether a path names an XLSForm: a spreadsheet, or pyxform's markdown.
pub fn is_xlsform(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["xlsx", "xls", "ods", "md"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(extension))
}

/// Why a form could not be had: a file of its folder unreadable, an
/// XLSForm campo cannot import, or a definition the engine refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// A file of the form folder could not be read.
    Unreadable {
        path: String,
        failure: IoFailure,
    },
    Import(crate::xlsform::ImportError),
    Refused(FormError),
}

impl From<FormError> for PackageError {
    fn from(error: FormError) -> Self {
        PackageError::Refused(error)
    }
}

fn read(path: &Path) -> Result<String, PackageError> {
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|failure| PackageError::Unreadable {
        path: path.display().to_string(),
        failure,
    })?;
    String::from_utf8(bytes).map_err(|_| PackageError::Unreadable {
        path: path.display().to_string(),
        failure: IoFailure::NotText,
    })
}

fn unreadable(path: &Path, error: &std::io::Error) -> PackageError {
    PackageError::Unreadable {
        path: path.display().to_string(),
        failure: error.into(),
    }
}
