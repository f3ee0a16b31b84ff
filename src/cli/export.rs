//! `campo export`: files for analysts.

use std::path::Path;

use crate::export::ExportFormat;
use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::report::StatusFilter;
use crate::store::{DataDir, Responses};
use crate::text::printable;

use super::Failure;

pub fn run(
    form: &Form,
    texts: &Texts,
    data: &DataDir,
    status: StatusFilter,
    out: &Path,
    format: ExportFormat,
) -> Result<(), Failure> {
    let listed = data.list().map_err(|e| Failure(e.describe(texts)))?;
    let (responses, selection) = crate::report::select(form, listed, status);
    let exported = crate::export::export(form, texts, &responses, out, format)
        .map_err(|e| Failure(e.describe(texts)))?;
    eprintln!(
        "{}",
        printable(&crate::report::format::header(texts, &selection))
    );
    if exported.cut_in_workbook > 0 {
        let count = exported.cut_in_workbook.into();
        eprintln!(
            "{}",
            texts.t_args("export-cut-in-workbook", &[("count", count)])
        );
    }
    for file in exported.files {
        println!("{}", printable(&file.display().to_string()));
    }
    Ok(())
}
