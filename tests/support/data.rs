//! What campo left in a data folder, read as a test reads it: every
//! response file must parse.

use std::path::Path;
use std::process::Output;

/// Every response file in `data/responses`, parsed, by file name. A file
/// that does not parse fails the test, naming it. No folder: none.
pub fn responses(data: &Path) -> Vec<serde_json::Value> {
    let Ok(dir) = std::fs::read_dir(data.join("responses")) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} does not parse ({e}): {text:?}", p.display()))
        })
        .collect()
}

/// The one response in the folder.
pub fn only_response(data: &Path) -> serde_json::Value {
    let all = responses(data);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap()
}

/// Standard output, then standard error, as one text.
pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
