//! The standard catalogue, built into this crate so that user catalogues can inherit its digit
//! rules and extend its codes. `codes.toml` here is a link to the workspace's one file.

use super::model;
use super::validate::{self, Against, Checked, File};
use crate::input::diag::Diagnostics;
use crate::input::tree;
use std::sync::OnceLock;

/// How messages name the standard catalogue's file.
const PATH: &str = "codes.toml";
const TEXT: &str = include_str!("../../codes.toml");

/// The checked standard catalogue, or the problems that make it unusable (rendered).
pub(crate) fn get() -> Result<&'static Checked, &'static [String]> {
    static STANDARD: OnceLock<Result<Checked, Vec<String>>> = OnceLock::new();
    STANDARD.get_or_init(load).as_ref().map_err(Vec::as_slice)
}

fn load() -> Result<Checked, Vec<String>> {
    let mut diags = Diagnostics::default();
    let root = tree::parse(TEXT).map_err(|(span, message)| {
        diags.error(span, message);
        std::mem::take(&mut diags).render(PATH, TEXT)
    })?;
    let catalogue = model::read(root, &mut diags);
    let file = File {
        path: PATH,
        text: TEXT,
    };
    match validate::check(catalogue, &Against::Itself, &file, &mut diags) {
        Some(checked) if diags.is_empty() => Ok(checked),
        _ => Err(diags.render(PATH, TEXT)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_standard_catalogue_passes_every_check() {
        let checked = super::get().unwrap_or_else(|errors| panic!("{errors:#?}"));
        assert_eq!(checked.codes.len(), 62);
        assert_eq!(checked.rules.categories.len(), 6);
        assert_eq!(checked.rules.groups.len(), 6);
    }
}
