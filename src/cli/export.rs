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
    let failed = |e: crate::export::ExportError| Failure(e.describe(texts));
    let mut export = crate::export::Export::begin(form, texts, out, format).map_err(failed)?;
    let mut selection = crate::report::Selection::default();
    let mut trouble = None;
    data.each(&mut |read| {
        if trouble.is_none()
            && selection.takes(form, &read, status)
            && let Ok(response) = read
        {
            trouble = export.add(&response).err();
        }
    })
    .map_err(|e| Failure(e.describe(texts)))?;
    if let Some(error) = trouble {
        return Err(failed(error));
    }
    let exported = export.finish().map_err(failed)?;
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
