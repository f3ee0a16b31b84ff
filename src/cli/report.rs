//! `campo report`: the paper's frequency tables from the saved responses.

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::report::StatusFilter;
use crate::report::format::Options;
use crate::store::DataDir;
use crate::text::printable;

use super::Failure;

pub fn run(
    form: &Form,
    texts: &Texts,
    data: &DataDir,
    status: StatusFilter,
    options: &Options,
) -> Result<(), Failure> {
    if let Some(by) = options
        .by
        .filter(|by| !form.derived.iter().any(|d| d.id == *by))
    {
        return Err(Failure(
            texts.t_args("report-unknown-by", &[("by", by.into())]),
        ));
    }
    let (gathered, selection) = crate::report::gather(form, data, status, options.by)
        .map_err(|e| Failure(e.describe(texts)))?;
    let report = crate::report::format::render(form, texts, &gathered, &selection, options);
    print!("{}", printable(&report));
    Ok(())
}
