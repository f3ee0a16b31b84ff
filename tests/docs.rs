//! The documentation against the program: every command the README and
//! the pages of docs/ show is one campo has, with options it takes; the
//! index names every page; the README stays a page for the keyboard.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every page of docs/.
fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    pages.insert(0, root().join("README.md"));
    pages
}

/// The campo commands a page shows: lines of its shell blocks that run
/// campo, and inline code that starts with `campo `. Comments dropped.
fn commands_in(text: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut shell = None;
    for line in text.lines() {
        if let Some(info) = line.strip_prefix("```") {
            shell = match shell {
                None => Some(matches!(info.trim(), "sh" | "bash" | "console")),
                Some(_) => None,
            };
            continue;
        }
        match shell {
            Some(true) => {
                let code = line.split(" #").next().unwrap_or("");
                for part in code.split(['|', ';', '(', '&']) {
                    let part = part.trim().trim_start_matches("$ ");
                    if part == "campo" || part.starts_with("campo ") {
                        commands.push(part.to_string());
                    }
                }
            }
            Some(false) => {}
            None => {
                for (n, span) in line.split('`').enumerate() {
                    if n % 2 == 1 && span.starts_with("campo ") {
                        commands.push(span.to_string());
                    }
                }
            }
        }
    }
    commands
}

/// The subcommand words of a command (bare lower-case words that are not
/// an option's value) and the long options it uses.
fn words_and_options(command: &str) -> (Vec<String>, Vec<String>) {
    let (mut words, mut options) = (Vec::new(), Vec::new());
    let mut after_option = false;
    for token in tokens(command).iter().skip(1) {
        let token = token.trim_matches(|c| c == '[' || c == ']');
        if let Some(option) = token.strip_prefix("--") {
            let name = option.split('=').next().unwrap_or(option);
            options.push(format!("--{name}"));
            after_option = !option.contains('=');
        } else {
            let bare = token.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && token
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if bare && !after_option {
                words.push(token.to_string());
            }
            after_option = false;
        }
    }
    (words, options)
}

/// A command's words, a quoted value one word.
fn tokens(command: &str) -> Vec<String> {
    let (mut tokens, mut token, mut quote) = (Vec::new(), String::new(), None);
    for c in command.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if !token.is_empty() {
                    tokens.push(std::mem::take(&mut token));
                }
            }
            _ => token.push(c),
        }
    }
    tokens.extend((!token.is_empty()).then_some(token));
    tokens
}

/// `campo <words> --help` in English, if it succeeds.
fn help(words: &[String]) -> Option<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "en"])
        .args(words)
        .arg("--help")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).unwrap())
}

#[test]
fn every_command_the_docs_show_exists_with_its_options() {
    let mut checked = BTreeSet::new();
    let mut wrong = Vec::new();
    for page in pages() {
        let text = fs::read_to_string(&page).unwrap();
        for command in commands_in(&text) {
            if !checked.insert(command.clone()) {
                continue;
            }
            let (mut words, options) = words_and_options(&command);
            // Trailing words may be values of its arguments (`token add
            // verona`): the longest prefix clap knows is the command, and
            // it must take arguments if a word was left over.
            let mut popped = 0;
            let deepest = loop {
                match help(&words) {
                    Some(text) => break Some(text),
                    None if words.pop().is_some() => popped += 1,
                    None => break None,
                }
            };
            let Some(deepest) = deepest.filter(|h| popped == 0 || h.contains("\nArguments:\n"))
            else {
                wrong.push(format!("{}: {command}: no such command", page.display()));
                continue;
            };
            // An option may belong to a command above (`serve --db … dump`).
            let mut all = deepest.clone();
            while words.pop().is_some() {
                all += &help(&words).unwrap_or_default();
            }
            for option in options {
                let known = all
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .any(|word| word == option);
                if !known {
                    wrong.push(format!("{}: {command}: no option {option}", page.display()));
                }
            }
        }
    }
    assert!(checked.len() > 30, "only {} commands found", checked.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_index_names_every_page_of_docs() {
    let index = fs::read_to_string(root().join("docs/README.md")).unwrap();
    for page in pages().iter().skip(1) {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        if name != "README.md" {
            assert!(
                index.contains(&format!("]({name})")),
                "docs/README.md does not name {name}"
            );
        }
    }
}

/// The README is for the person at the keyboard; the rest is in docs/.
#[test]
fn the_readme_stays_under_400_lines() {
    let lines = fs::read_to_string(root().join("README.md"))
        .unwrap()
        .lines()
        .count();
    assert!(lines <= 400, "README.md has {lines} lines");
}
