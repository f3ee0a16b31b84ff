//! The command line's own words, `--help` and its errors, from Fluent like
//! everything else: clap's English stays out of the Italian interface.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{Lang, Texts};

/// The language asked for on the command line, before it is parsed (the
/// help itself must be in it), else the environment's.
pub fn early_lang(args: &[String]) -> Lang {
    let from_args = args
        .windows(2)
        .find_map(|w| (w[0] == "--lang").then(|| w[1].clone()))
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_string))
        });
    from_args
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()))
}

/// The Fluent id of an option's help: its own under a command where the
/// same option means something else (`--format` of report and of export).
fn arg_help_id(path: &str, id: &str) -> String {
    match (path, id) {
        ("report" | "export" | "serve-status", "format")
        | ("serve-codes", "out")
        | ("serve-status", "by")
        | ("form-import", "out" | "file") => {
            format!("cli-arg-{path}-{id}")
        }
        _ => format!("cli-arg-{id}"),
    }
}

/// The command with every about, help, heading and value name in `texts`'
/// language. `path` names the subcommand (`serve-token-add`), empty for campo.
pub fn localize(command: Command, texts: &Texts, path: &str) -> Command {
    let about = if path.is_empty() {
        "cli-about".to_string()
    } else {
        format!("cli-cmd-{path}")
    };
    let words = path.replace('-', " ");
    let mut usage = format!(
        "campo{}{} [{}]",
        if words.is_empty() { "" } else { " " },
        words,
        texts.t("cli-value-options")
    );
    for positional in command.get_positionals() {
        let name = positional
            .get_value_names()
            .and_then(|n| n.first())
            .map_or("", |n| n.as_str());
        let name = value_name(texts, name);
        // An optional argument is written in brackets, as clap lists it.
        usage += &if positional.is_required_set() {
            format!(" <{name}>")
        } else {
            format!(" [{name}]")
        };
    }
    if command.has_subcommands() {
        usage += &format!(" [{}]", texts.t("cli-value-command"));
    }
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}",
        texts.t("cli-heading-usage")
    );
    let mut command = command
        .about(texts.t(&about))
        .override_usage(usage)
        .help_template(template)
        .subcommand_help_heading(texts.t("cli-heading-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(texts.t("cli-arg-help")),
        )
        .mut_args(|arg| {
            let id = arg.get_id().to_string();
            if id == "help" {
                return arg.help_heading(texts.t("cli-heading-options"));
            }
            let heading = if arg.is_positional() {
                "cli-heading-arguments"
            } else {
                "cli-heading-options"
            };
            let names: Vec<String> = arg
                .get_value_names()
                .map(|n| n.iter().map(|v| value_name(texts, v.as_str())).collect())
                .unwrap_or_default();
            // clap's own notes ("possible values", "env") are English: the
            // help text says the same in the user's language.
            let takes_values = arg.get_action().takes_values();
            let has_env = arg.get_env().is_some();
            let arg = arg
                .help(texts.t(&arg_help_id(path, &id)))
                .help_heading(texts.t(heading))
                .hide_possible_values(takes_values)
                .hide_default_value(takes_values)
                .hide_env(has_env);
            if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
            }
        });
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(texts.t("cli-arg-version"))
                .help_heading(texts.t("cli-heading-options")),
        );
    }
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let path = if path.is_empty() {
            name
        } else {
            format!("{path}-{name}")
        };
        localize(sub, texts, &path)
    })
}

/// A placeholder such as `DIR` in this language, when there is a word for
/// it; each part of `NAME|DIR` or `LANG=FILE` in turn.
fn value_name(texts: &Texts, name: &str) -> String {
    let word = |part: &str| {
        let id = format!("cli-value-{}", part.to_ascii_lowercase());
        let word = texts.t(&id);
        if word == id { part.to_string() } else { word }
    };
    let mut shown = String::new();
    let mut part = String::new();
    for c in name.chars() {
        if matches!(c, '|' | '=') {
            shown += &word(&part);
            shown.push(c);
            part.clear();
        } else {
            part.push(c);
        }
    }
    shown + &word(&part)
}

/// clap's error, put into the user's words.
pub fn describe_error(error: &clap::Error, texts: &Texts) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let message = match error.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => texts.t_args(
            "cli-error-invalid-value",
            &[
                ("value", context(ContextKind::InvalidValue).into()),
                ("arg", context(ContextKind::InvalidArg).into()),
                ("valid", context(ContextKind::ValidValue).into()),
            ],
        ),
        ErrorKind::UnknownArgument => texts.t_args(
            "cli-error-unknown-argument",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidSubcommand => texts.t_args(
            "cli-error-unknown-command",
            &[("command", context(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => texts.t_args(
            "cli-error-missing",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        // clap says an option given twice conflicts with itself.
        ErrorKind::ArgumentConflict
            if context(ContextKind::PriorArg) == context(ContextKind::InvalidArg) =>
        {
            texts.t_args(
                "cli-error-repeated",
                &[("arg", context(ContextKind::InvalidArg).into())],
            )
        }
        ErrorKind::ArgumentConflict => texts.t_args(
            "cli-error-conflict",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        _ => texts.t("cli-error-other"),
    };
    format!("{message}\n{}", texts.t("cli-error-hint"))
}
