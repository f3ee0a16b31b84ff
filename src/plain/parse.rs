//! What a line typed in plain mode means.

use crate::form::value::{Convention, NumberMistake, parse_date, parse_number};
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

/// Reads an answer to `item`: an option's number, code, label or a piece
/// of a label that fits one option only ("tosc", "diurni"); several of
/// them, separated by commas, for a multiple choice (numbers may also be
/// separated by spaces: "1 3 5"), an exclusive one ("None") clearing the
/// others before it and cleared by any after it; a number or date in the
/// user's `convention`; or the text itself. `labels` are the options'
/// labels as shown.
pub fn parse_answer(
    item: &Item,
    labels: &[String],
    text: &str,
    convention: Convention,
) -> Result<Answer, Problem> {
    let options = item.options();
    let pick = |token: &str| -> Result<String, Problem> {
        let token = token.trim();
        let not_an_option = || Problem::NotAnOption {
            code: token.to_string(),
        };
        if let Ok(n) = token.parse::<usize>() {
            return options
                .get(n.checked_sub(1).ok_or_else(not_an_option)?)
                .map(|o| o.code.clone())
                .ok_or_else(not_an_option);
        }
        if let Some(option) = options.iter().find(|o| o.code.eq_ignore_ascii_case(token)) {
            return Ok(option.code.clone());
        }
        let lower = token.to_lowercase();
        if let Some(exact) = (0..labels.len()).find(|&i| labels[i].to_lowercase() == lower) {
            return Ok(options[exact].code.clone());
        }
        // The best fits only: "ven" is Veneto, not Friuli Venezia Giulia.
        let ranked: Vec<(u8, usize)> = (0..labels.len())
            .filter_map(|i| {
                crate::text::match_rank(&labels[i].to_lowercase(), &lower).map(|r| (r, i))
            })
            .collect();
        let best = ranked.iter().map(|(r, _)| *r).min();
        let fits: Vec<usize> = ranked
            .iter()
            .filter(|(r, _)| Some(*r) == best)
            .map(|(_, i)| *i)
            .collect();
        match fits.as_slice() {
            [one] => Ok(options[*one].code.clone()),
            _ => Err(not_an_option()),
        }
    };
    match &item.kind {
        ItemKind::Text(_) => Ok(Answer::One(text.trim().to_string())),
        ItemKind::Number(rules) => match parse_number(text, rules.whole, convention.decimal) {
            Ok(number) => Ok(Answer::Number(number)),
            Err(NumberMistake::NotWhole) => Err(Problem::NotWhole),
            Err(_) => Err(Problem::NotANumber),
        },
        ItemKind::Date(_) => parse_date(text)
            .map(|date| Answer::One(date.format("%Y-%m-%d").to_string()))
            .ok_or(Problem::NotADate),
        ItemKind::Single { .. } => pick(text).map(Answer::One),
        // Neither is asked for an answer (plain mode says so first).
        ItemKind::Note | ItemKind::Calculate(_) => Err(Problem::WrongType),
        ItemKind::Multi { .. } => {
            let mut codes = Vec::new();
            for part in text
                .split([',', ';'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                // A part is one option (a label may have spaces), or else
                // numbers and codes separated by spaces ("1 3 5").
                let picked = pick(part).map(|code| vec![code]).or_else(|problem| {
                    let is_number_or_code = |word: &str| {
                        word.chars().all(|c| c.is_ascii_digit())
                            || options.iter().any(|o| o.code.eq_ignore_ascii_case(word))
                    };
                    let words: Vec<&str> = part.split_whitespace().collect();
                    if words.len() > 1 && words.iter().all(|w| is_number_or_code(w)) {
                        words.into_iter().map(pick).collect()
                    } else {
                        Err(problem)
                    }
                })?;
                for code in picked {
                    codes = item.with_chosen(&codes, &code);
                }
            }
            Ok(Answer::Many(codes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::FormPackage;

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
            parse_answer(&active, &labels, "1", Convention::ENGLISH),
            Ok(Answer::One("yes".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "DK", Convention::ENGLISH),
            Ok(Answer::One("dk".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "know", Convention::ENGLISH),
            Ok(Answer::One("dk".into()))
        );
        assert_eq!(
            parse_answer(&active, &labels, "4", Convention::ENGLISH),
            Err(Problem::NotAnOption { code: "4".into() })
        );
        let services = item("ps_services");
        let labels: Vec<String> = [
            "Centri di Salute Mentale (CSM)",
            "Centri Diurni",
            "Strutture residenziali",
            "Servizi Psichiatrici di Diagnosi e Cura (SPDC)",
            "Altro",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            parse_answer(&services, &labels, "altro, diurni", Convention::ENGLISH),
            Ok(Answer::Many(vec!["other".into(), "day_centre".into()])),
            "labels and parts of labels, as in a single choice"
        );
        assert_eq!(
            parse_answer(&services, &labels, "1 3, spdc", Convention::ENGLISH),
            Ok(Answer::Many(vec![
                "cmhc".into(),
                "residential".into(),
                "inpatient".into()
            ]))
        );
        assert_eq!(
            parse_answer(&services, &labels, "centri", Convention::ENGLISH),
            Err(Problem::NotAnOption {
                code: "centri".into()
            }),
            "fits two options: not taken"
        );
        assert_eq!(
            parse_answer(&services, &[], "5, 1, day_centre", Convention::ENGLISH),
            Ok(Answer::Many(vec![
                "other".into(),
                "cmhc".into(),
                "day_centre".into()
            ]))
        );
        assert_eq!(
            parse_answer(&services, &[], "1,9", Convention::ENGLISH),
            Err(Problem::NotAnOption { code: "9".into() })
        );
    }
}
