//! docs/architecture.md against the code: its list of layers and of which
//! modules may name each outside library, checked on every file of `src/`
//! (their tests aside, which may reach anywhere to set a case up).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The lines of the fenced block of docs/architecture.md marked `kind`.
fn block(kind: &str) -> Vec<String> {
    let doc = fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let start = format!("```{kind}\n");
    let body = doc
        .split(&start)
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("docs/architecture.md has no ```{kind} block"));
    body.lines().map(str::to_string).collect()
}

/// Each module's layer, the bottom one 0.
fn layers() -> BTreeMap<String, usize> {
    block("layers")
        .iter()
        .enumerate()
        .flat_map(|(n, line)| line.split_whitespace().map(move |m| (m.to_string(), n)))
        .collect()
}

/// The source files of the library, with the top-level module of each;
/// test files aside.
fn sources() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let test = name == "tests.rs" || name.ends_with("_tests.rs");
            let root_file =
                matches!(relative.as_str(), "lib.rs" | "main.rs") || relative.starts_with("bin/");
            let module = relative
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string();
            (!test && !root_file).then_some((module, path))
        })
        .collect()
}

/// The code of a file without comments, string and character literals,
/// and items marked `#[cfg(test)]`.
fn code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let rest = |n: usize| chars.get(i + n).copied().unwrap_or('\0');
        match (chars[i], rest(1)) {
            ('/', '/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('/', '*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A character literal ('{', '\n'), not a lifetime ('a).
            ('\'', c) if rest(2) == '\'' || (c == '\\' && rest(3) == '\'') => {
                i += if c == '\\' { 4 } else { 3 };
                out.push_str("' '");
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    without_test_items(&out)
}

fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let (semi, brace) = (item.find(';'), item.find('{'));
        let end = match (semi, brace) {
            (Some(s), Some(b)) if s < b => s + 1,
            (_, Some(b)) => {
                let mut depth = 0;
                let mut end = item.len();
                for (n, c) in item[b..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + n + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (Some(s), None) => s + 1,
            (None, None) => item.len(),
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The modules of campo a piece of code names: `crate::x` paths and the
/// groups of `crate::{x, y::z}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].chars().next_back().is_some_and(is_word) {
            continue;
        }
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let mut open = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    open += usize::from(c == '{');
                    open -= usize::from(c == '}');
                    open == 0
                })
                .map_or(group.len(), |(n, _)| n);
            let group = &group[..end];
            // Top-level names of the group: at its start or after a comma
            // outside nested braces.
            let mut depth = 0;
            let mut start = true;
            for part in group.split_inclusive([',', '{', '}']) {
                if start && depth == 0 {
                    let name: String = part.trim().chars().take_while(|&c| is_word(c)).collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
                depth += part.matches('{').count();
                depth -= part.matches('}').count().min(depth);
                start = part.ends_with(',');
            }
        } else {
            let name: String = after.chars().take_while(|&c| is_word(c)).collect();
            found.insert(name);
        }
    }
    found
}

/// Whether a piece of code names outside crate `name` (`name::…`,
/// `::name::…`, `use name;`), and not a module of that name further down
/// a path (`server::postgres::…`).
fn names_crate(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let after = &code[at + name.len()..];
        let before = &code[..at];
        let bounded = !before.chars().next_back().is_some_and(is_word)
            && (after.starts_with("::") || (after.starts_with(';') && before.ends_with("use ")));
        let root = match before.strip_suffix("::") {
            Some(earlier) => !earlier.chars().next_back().is_some_and(is_word),
            None => !before.ends_with(':'),
        };
        bounded && root
    })
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let layers = layers();
    let mut wrong = Vec::new();
    for (module, path) in sources() {
        let Some(&own) = layers.get(&module) else {
            wrong.push(format!("{module} is in no layer of docs/architecture.md"));
            continue;
        };
        let code = code(&fs::read_to_string(&path).unwrap());
        for named in named_modules(&code) {
            match layers.get(&named) {
                Some(&layer) if layer < own || named == module => {}
                Some(_) => wrong.push(format!("{} names {named}", path.display())),
                None => wrong.push(format!("{} names {named}, in no layer", path.display())),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the architecture does not allow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn each_outside_library_is_named_only_where_the_architecture_says() {
    let rules: Vec<(Vec<String>, BTreeSet<String>)> = block("crates")
        .iter()
        .map(|line| {
            let (crates, modules) = line.split_once(':').expect("crates: modules");
            (
                crates.split_whitespace().map(str::to_string).collect(),
                modules
                    .split_whitespace()
                    .map(str::to_string)
                    .chain(["cli".to_string()])
                    .collect(),
            )
        })
        .collect();
    let mut wrong = Vec::new();
    for (module, path) in sources() {
        let code = code(&fs::read_to_string(&path).unwrap());
        for (crates, allowed) in &rules {
            for name in crates {
                if !allowed.contains(&module) && names_crate(&code, name) {
                    wrong.push(format!("{} names {name}", path.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The reader of paths itself: what it must find and what it must not.
#[test]
fn the_path_reader_finds_groups_and_skips_comments_strings_and_tests() {
    let text = "use crate::{form::{Form, Item}, store::Response};\n\
                // crate::tui in a comment\n\
                let s = \"crate::server\";\n\
                impl Describe for crate::sync::SyncError {}\n\
                #[cfg(test)]\nmod tests { use crate::cli::x; }\n\
                let c = '{'; let x = crate::report::gather();";
    let found = named_modules(&code(text));
    let expected: BTreeSet<String> = ["form", "store", "sync", "report"]
        .map(str::to_string)
        .into();
    assert_eq!(found, expected);
    assert!(names_crate("use rusqlite::Connection;", "rusqlite"));
    assert!(names_crate("::csv::WriterBuilder::new()", "csv"));
    assert!(!names_crate("crate::server::postgres::Pool", "postgres"));
    assert!(!names_crate("mod csv;\nuse csv_like::x;", "csv"));
}
