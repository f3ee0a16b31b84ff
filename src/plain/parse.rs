//! What a line typed in plain mode means.

use crate::form::{Answer, Item, ItemKind, Problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Help,
    Previous,
    Next,
    Lang(String),
    Review,
    Complete,
    Quit,
    /// `-`: remove the answer.
    Clear,
    Answer(String),
}

pub fn command(line: &str) -> Input {
    match line.trim() {
        "?" => Input::Help,
        "<" => Input::Previous,
        ">" => Input::Next,
        "-" => Input::Clear,
        ":review" => Input::Review,
        ":complete" => Input::Complete,
        ":quit" | ":q" => Input::Quit,
        other => match other.strip_prefix(":lang") {
            Some(lang) => Input::Lang(lang.trim().to_string()),
            None => Input::Answer(line.to_string()),
        },
    }
}

/// Reads an answer to `item`: option numbers or codes (several, separated
/// by commas or spaces, for a multiple choice), a label for a single
/// choice, or the text itself. `labels` are the options' labels as shown.
pub fn parse_answer(item: &Item, labels: &[String], text: &str) -> Result<Answer, Problem> {
    let options = item.options();
    let pick = |token: &str| -> Option<String> {
        if let Ok(n) = token.parse::<usize>() {
            return options.get(n.checked_sub(1)?).map(|o| o.code.clone());
        }
        options
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(token))
            .map(|o| o.code.clone())
    };
    match &item.kind {
        ItemKind::Text(_) => Ok(Answer::One(text.trim().to_string())),
        ItemKind::Single { .. } => {
            let wanted = text.trim();
            if let Some(code) = pick(wanted) {
                return Ok(Answer::One(code));
            }
            // A label, or a piece of one that fits a single option.
            let lower = wanted.to_lowercase();
            let fits: Vec<usize> = (0..labels.len())
                .filter(|&i| labels[i].to_lowercase().contains(&lower))
                .collect();
            match fits.as_slice() {
                [one] => Ok(Answer::One(options[*one].code.clone())),
                _ => Err(Problem::NotAnOption {
                    code: wanted.to_string(),
                }),
            }
        }
        ItemKind::Multi { .. } => {
            let mut codes = Vec::new();
            for token in text.split([',', ' ', ';']).filter(|t| !t.is_empty()) {
                let code = pick(token).ok_or_else(|| Problem::NotAnOption {
                    code: token.to_string(),
                })?;
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            Ok(Answer::Many(codes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormPackage;

    fn item(id: &str) -> Item {
        FormPackage::bundled()
            .form()
            .unwrap()
            .item(id)
            .unwrap()
            .clone()
    }

    #[test]
    fn commands_are_recognised() {
        assert_eq!(command("?"), Input::Help);
        assert_eq!(command(" < "), Input::Previous);
        assert_eq!(command(":lang it"), Input::Lang("it".into()));
        assert_eq!(command(":quit"), Input::Quit);
        assert_eq!(command("2"), Input::Answer("2".into()));
    }

    #[test]
    fn numbers_codes_and_labels_choose_options() {
        let active = item("ps_active");
        let labels = vec![
            "Yes".to_string(),
            "No".to_string(),
            "Do not know".to_string(),
        ];
        assert_eq!(
            parse_answer(&active, &labels, "1"),
            Ok(Answer::One("yes".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "DK"),
            Ok(Answer::One("dk".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "know"),
            Ok(Answer::One("dk".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "4"),
            Err(Problem::NotAnOption { code: "4".into() })
        );
        let services = item("ps_services");
        assert_eq!(
            parse_answer(&services, &[], "5, 1 day_centre"),
            Ok(Answer::Many(vec![
                "other".into(),
                "cmhc".into(),
                "day_centre".into()
            ]))
        );
        assert_eq!(
            parse_answer(&services, &[], "1,9"),
            Err(Problem::NotAnOption { code: "9".into() })
        );
    }
}
