//! The standard command catalogue, built into this crate so that user command catalogues can
//! extend it. `commands.toml` here is a link to the workspace's one file.

use super::validate::{CheckedCommands, Context};
use super::{model, validate};
use crate::codes::standard;
use crate::input::diag::Diagnostics;
use crate::input::tree;
use std::sync::OnceLock;

/// How messages name the standard command catalogue's file.
const PATH: &str = "commands.toml";
const TEXT: &str = include_str!("../../commands.toml");

/// The checked standard command catalogue, or the problems that make it unusable (rendered).
pub(crate) fn get() -> Result<&'static CheckedCommands, &'static [String]> {
    static STANDARD: OnceLock<Result<CheckedCommands, Vec<String>>> = OnceLock::new();
    STANDARD.get_or_init(load).as_ref().map_err(Vec::as_slice)
}

fn load() -> Result<CheckedCommands, Vec<String>> {
    let codes = standard::get().map_err(<[String]>::to_vec)?;
    let mut diags = Diagnostics::default();
    let root = tree::parse(TEXT).map_err(|(span, message)| {
        diags.error(span, message);
        std::mem::take(&mut diags).render(PATH, TEXT)
    })?;
    let catalogue = model::read(root, &mut diags);
    let context = Context {
        codes,
        standard: None,
        path: PATH,
        text: TEXT,
    };
    match validate::check(catalogue, &context, &mut diags) {
        Some(checked) if diags.is_empty() => Ok(checked),
        _ => Err(diags.render(PATH, TEXT)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_standard_command_catalogue_passes_every_check() {
        let checked = super::get().unwrap_or_else(|errors| panic!("{errors:#?}"));
        assert!(checked.commands.iter().any(|c| c.verb == "RETR"));
        assert_eq!(checked.rules.len(), 5);
    }
}
