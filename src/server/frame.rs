//! The sampling frame: the list of units (departments) a survey is sent to,
//! read from a CSV file the research team keeps. A file with any bad row is
//! refused whole, each problem named by line and column.

use std::collections::BTreeMap;

use crate::form::{Form, ItemKind};

/// One unit of the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// A stable short code, e.g. `dsm-verona`.
    pub unit: String,
    /// Answers the list gives for the unit (item id → code or text); they
    /// are filled in and locked in its response.
    pub prefill: BTreeMap<String, String>,
    /// Residents of the catchment area; none for a unit out of coverage.
    pub population: Option<u64>,
    pub emails: Vec<String>,
    /// Counts in the population coverage (a hospital-only organisation
    /// counts in the response rate only).
    pub in_coverage: bool,
}

/// What is wrong with one cell (or line) of a frame file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameProblem {
    /// The line in the file, counting the header as line 1.
    pub line: usize,
    /// The column's name, when the problem is one cell.
    pub column: Option<String>,
    pub kind: FrameProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameProblemKind {
    /// The file is not CSV (or not UTF-8).
    NotCsv,
    NoUnitColumn,
    /// A column that is neither reserved nor an item of the form.
    UnknownColumn,
    /// A column named twice.
    RepeatedColumn,
    EmptyUnit,
    /// A unit code with spaces or signs, or over 64 characters.
    BadUnitCode,
    DuplicateUnit {
        first_line: usize,
    },
    NotAnOption {
        code: String,
    },
    /// Only single choices and texts can come from the list.
    NotPrefillable,
    BadNumber,
    BadEmail {
        address: String,
    },
    BadYesNo,
    ControlCharacters,
    /// The form would refuse this answer (too long, say): a locked answer
    /// that can never pass.
    DoesNotFit(crate::form::Problem),
}

const RESERVED: [&str; 4] = ["unit", "population", "email", "in_coverage"];

/// Reads a frame file's bytes (UTF-8, with or without a byte-order mark;
/// comma or semicolon between columns) against the form.
pub fn parse(form: &Form, bytes: &[u8]) -> Result<Vec<Unit>, Vec<FrameProblem>> {
    let whole = |kind| {
        vec![FrameProblem {
            line: 1,
            column: None,
            kind,
        }]
    };
    let text = std::str::from_utf8(bytes).map_err(|_| whole(FrameProblemKind::NotCsv))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| whole(FrameProblemKind::NotCsv))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut problems = check_headers(form, &headers);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut units = Vec::new();
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                problems.push(FrameProblem {
                    line,
                    column: None,
                    kind: FrameProblemKind::NotCsv,
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: BTreeMap<&str, &str> = headers
            .iter()
            .map(String::as_str)
            .zip(record.iter().map(str::trim))
            .collect();
        match unit_of(form, &cells, line) {
            Ok(unit) => {
                if let Some(&first_line) = first_seen.get(&unit.unit) {
                    problems.push(FrameProblem {
                        line,
                        column: Some("unit".into()),
                        kind: FrameProblemKind::DuplicateUnit { first_line },
                    });
                } else {
                    first_seen.insert(unit.unit.clone(), line);
                    units.push(unit);
                }
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(units)
    } else {
        Err(problems)
    }
}

fn check_headers(form: &Form, headers: &[String]) -> Vec<FrameProblem> {
    let mut problems = Vec::new();
    let problem = |column: &str, kind| FrameProblem {
        line: 1,
        column: Some(column.to_string()),
        kind,
    };
    if !headers.iter().any(|h| h == "unit") {
        problems.push(FrameProblem {
            line: 1,
            column: None,
            kind: FrameProblemKind::NoUnitColumn,
        });
    }
    for (i, header) in headers.iter().enumerate() {
        if headers[..i].contains(header) {
            problems.push(problem(header, FrameProblemKind::RepeatedColumn));
        } else if RESERVED.contains(&header.as_str()) {
            continue;
        } else {
            match form.item(header).map(|item| &item.kind) {
                None => problems.push(problem(header, FrameProblemKind::UnknownColumn)),
                // The list's cells are text: a multiple choice, a number
                // or a date would be locked in as text its item refuses.
                Some(ItemKind::Multi { .. } | ItemKind::Number(_) | ItemKind::Date(_)) => {
                    problems.push(problem(header, FrameProblemKind::NotPrefillable))
                }
                Some(_) => {}
            }
        }
    }
    problems
}

/// One row as a unit, or what is wrong with its cells.
fn unit_of(
    form: &Form,
    cells: &BTreeMap<&str, &str>,
    line: usize,
) -> Result<Unit, Vec<FrameProblem>> {
    let mut problems = Vec::new();
    let mut problem = |column: &str, kind| {
        problems.push(FrameProblem {
            line,
            column: Some(column.to_string()),
            kind,
        })
    };
    let unit = cells.get("unit").copied().unwrap_or("");
    if unit.is_empty() {
        problem("unit", FrameProblemKind::EmptyUnit);
    } else if !super::check::is_unit_code(unit) {
        problem("unit", FrameProblemKind::BadUnitCode);
    }
    let population = match cells.get("population").copied().unwrap_or("") {
        "" => None,
        number => match number.replace(['.', ' ', '_'], "").parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                problem("population", FrameProblemKind::BadNumber);
                None
            }
        },
    };
    let emails: Vec<String> = cells
        .get("email")
        .copied()
        .unwrap_or("")
        .split([' ', ',', ';'])
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    for address in &emails {
        if !looks_like_email(address) {
            problem(
                "email",
                FrameProblemKind::BadEmail {
                    address: address.clone(),
                },
            );
        }
    }
    let in_coverage = match cells
        .get("in_coverage")
        .copied()
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "" | "yes" | "sì" | "si" | "y" | "1" | "true" => true,
        "no" | "n" | "0" | "false" => false,
        _ => {
            problem("in_coverage", FrameProblemKind::BadYesNo);
            true
        }
    };
    let mut prefill = BTreeMap::new();
    for (&column, &value) in cells {
        if RESERVED.contains(&column) || value.is_empty() {
            continue;
        }
        let Some(item) = form.item(column) else {
            continue;
        };
        match &item.kind {
            ItemKind::Single { options, .. } if !options.iter().any(|o| o.code == value) => {
                problem(
                    column,
                    FrameProblemKind::NotAnOption {
                        code: value.to_string(),
                    },
                )
            }
            _ if value.chars().any(char::is_control) => {
                problem(column, FrameProblemKind::ControlCharacters)
            }
            ItemKind::Text(_)
                if let Some(refused) = form.position(column).and_then(|at| {
                    form.check_answer(at, Some(&crate::form::Answer::One(value.to_string())))
                }) =>
            {
                problem(column, FrameProblemKind::DoesNotFit(refused))
            }
            _ => {
                prefill.insert(column.to_string(), value.to_string());
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Unit {
        unit: unit.to_string(),
        prefill,
        population,
        emails,
        in_coverage,
    })
}

/// An address a mail server could take: one `@`, something before it, a
/// dotted domain after it, no spaces or control characters, and one the
/// invitations' mailer takes (`e@example.org>` or a local part over 64
/// characters it refuses, so the frame refuses them first).
fn looks_like_email(address: &str) -> bool {
    looks_dotted(address) && address.parse::<lettre::message::Mailbox>().is_ok()
}

fn looks_dotted(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::FormPackage;

    fn form() -> Form {
        FormPackage::bundled().form().unwrap()
    }

    #[test]
    fn a_frame_with_a_bom_and_semicolons_is_read() {
        let file = "\u{feff}unit;dept_name;dept_region;population;email;in_coverage\n\
            dsm-verona;DSM Verona;veneto;926.000;dsm@aulss9.veneto.it;yes\n\
            ospedale-x;Ospedale X;lazio;;a@x.it, b@x.it;no\n";
        let units = parse(&form(), file.as_bytes()).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].unit, "dsm-verona");
        assert_eq!(units[0].population, Some(926_000));
        assert_eq!(units[0].prefill["dept_region"], "veneto");
        assert_eq!(units[1].emails, ["a@x.it", "b@x.it"]);
        assert!(!units[1].in_coverage);
        assert_eq!(units[1].population, None);
    }

    /// N42, N44: a list value the form would refuse (a name over its 200
    /// characters) and an address the mailer would refuse are refused at
    /// import, by line and column, not found later.
    #[test]
    fn a_value_the_form_or_the_mailer_would_refuse_is_refused_at_import() {
        let long = "L".repeat(300);
        let local = "x".repeat(300);
        let file = format!(
            "unit,dept_name,email\n\
             dsm-l,{long},a@x.it\n\
             dsm-m,DSM M,e@example.org>\n\
             dsm-n,DSM N,{local}@example.org\n"
        );
        let problems = parse(&form(), file.as_bytes()).unwrap_err();
        assert!(
            problems.iter().any(|p| p.line == 2
                && p.column.as_deref() == Some("dept_name")
                && p.kind
                    == FrameProblemKind::DoesNotFit(crate::form::Problem::TooLong { max: 200 })),
            "{problems:?}"
        );
        for line in [3, 4] {
            assert!(
                problems.iter().any(|p| p.line == line
                    && p.column.as_deref() == Some("email")
                    && matches!(p.kind, FrameProblemKind::BadEmail { .. })),
                "line {line}: {problems:?}"
            );
        }
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn every_bad_row_is_named_by_line_and_column_and_nothing_is_taken() {
        let file = "unit,dept_region,population,email,colour\n\
            a,veneto,10,a@x.it,\n\
            a,veneto,10,a@x.it,\n\
            b,atlantis,ten,not-an-address,\n";
        let problems = parse(&form(), file.as_bytes()).unwrap_err();
        let at = |line: usize, column: &str| {
            problems
                .iter()
                .any(|p| p.line == line && p.column.as_deref() == Some(column))
        };
        assert!(at(1, "colour"), "{problems:?}");
        let file = file.replace(",colour", "").replace(",\n", "\n");
        let problems = parse(&form(), file.as_bytes()).unwrap_err();
        let at = |line: usize, column: &str, kind: &FrameProblemKind| {
            problems
                .iter()
                .any(|p| p.line == line && p.column.as_deref() == Some(column) && &p.kind == kind)
        };
        assert!(
            at(
                3,
                "unit",
                &FrameProblemKind::DuplicateUnit { first_line: 2 }
            ),
            "{problems:?}"
        );
        assert!(at(
            4,
            "dept_region",
            &FrameProblemKind::NotAnOption {
                code: "atlantis".into()
            }
        ));
        assert!(at(4, "population", &FrameProblemKind::BadNumber));
        assert!(at(
            4,
            "email",
            &FrameProblemKind::BadEmail {
                address: "not-an-address".into()
            }
        ));
    }

    #[test]
    fn a_frame_without_units_or_with_a_multiple_choice_column_is_refused() {
        let problems = parse(&form(), b"name\nx\n").unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.kind == FrameProblemKind::NoUnitColumn)
        );
        let problems = parse(&form(), b"unit,ps_services\nx,cmhc\n").unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.kind == FrameProblemKind::NotPrefillable)
        );
    }

    #[test]
    fn a_number_or_date_column_is_refused_not_locked_in_as_text() {
        let typed =
            Form::from_json(include_str!("../../tests/fixtures/typed-form/form.json")).unwrap();
        for header in ["staff", "started"] {
            let csv = format!("unit,{header}\nx,12\n");
            let problems = parse(&typed, csv.as_bytes()).unwrap_err();
            assert!(
                problems
                    .iter()
                    .any(|p| p.kind == FrameProblemKind::NotPrefillable),
                "{header}: {problems:?}"
            );
        }
    }
}
