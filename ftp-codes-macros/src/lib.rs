//! The code generator behind [`ftp-codes`](https://docs.rs/ftp-codes): it reads a TOML
//! catalogue of FTP reply codes at compile time, checks it against the digit rules of RFC 959,
//! and emits an enum with const lookup tables and classifiers.
//!
//! Use it through `ftp_codes::catalog!`, which documents the input and the generated API; the
//! generated code names items of `ftp-codes`, so this crate is not meant to be used alone.
//!
//! A bad catalogue is a compile error per problem, every one of them in one build, each message
//! starting with `PATH:LINE:COLUMN: ` and attached to the path in the macro call.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// One pipeline, two tables: `input` reads a catalogue and reports located errors; `codes` and
// `commands` each model, check and expand their own; `codegen` is what both expansions share.
mod args;
mod codegen;
mod codes;
mod commands;
mod input;
mod sort;

use args::{Args, Error};
use codes::validate::{Against, File};
use input::diag::Diagnostics;
use input::{load, tree};
use proc_macro::TokenStream;

/// (Implemented by the `ftp-codes-macros` crate, which `ftp-codes` re-exports it from.)
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    match Args::parse(input.into()) {
        Ok(args) => report(&args, generate(&args)),
        Err(error) => error.to_compile_error().into(),
    }
}

/// (Implemented by the `ftp-codes-macros` crate, which `ftp-codes` re-exports it from.)
#[proc_macro]
pub fn command_catalog(input: TokenStream) -> TokenStream {
    match Args::parse(input.into()) {
        Ok(args) => report(&args, generate_commands(&args)),
        Err(error) => error.to_compile_error().into(),
    }
}

/// The tokens, or every message as a compile error attached to the catalogue path.
fn report(args: &Args, result: Result<proc_macro2::TokenStream, Vec<String>>) -> TokenStream {
    match result {
        Ok(tokens) => tokens.into(),
        Err(messages) if messages.is_empty() => Error::new(args.path.span(), "invalid catalogue")
            .to_compile_error()
            .into(),
        Err(messages) => messages
            .into_iter()
            .map(|message| Error::new(args.path.span(), message).to_compile_error())
            .collect::<proc_macro2::TokenStream>()
            .into(),
    }
}

/// Reads, checks and expands one catalogue; on failure, every message.
fn generate(args: &Args) -> Result<proc_macro2::TokenStream, Vec<String>> {
    let written = args.path.value();
    if args.codes.is_some() {
        return Err(vec![format!(
            "{written}:1:1: `codes from` names the reply catalogue of a command catalogue; `catalog!` takes none"
        )]);
    }
    let source =
        load::read(&written).map_err(|message| vec![format!("{written}:1:1: {message}")])?;
    let against = if args.standard {
        Against::Itself
    } else {
        let standard = codes::standard::get().map_err(|errors| {
            errors.iter().map(|e| format!("{written}:1:1: the standard catalogue built into ftp-codes-macros is invalid: {e}")).collect::<Vec<_>>()
        })?;
        Against::Standard(standard)
    };
    let mut diags = Diagnostics::default();
    let checked = match tree::parse(&source.text) {
        Ok(root) => {
            let catalogue = codes::model::read(root, &mut diags);
            let file = File {
                path: &written,
                text: &source.text,
            };
            codes::validate::check(catalogue, &against, &file, &mut diags)
        }
        Err((span, message)) => {
            diags.error(span, format!("TOML syntax error: {message}"));
            None
        }
    };
    match checked {
        Some(checked) if diags.is_empty() => {
            Ok(codes::expand::expand(args, &checked, &source.resolved))
        }
        _ => Err(diags.render(&written, &source.text)),
    }
}

/// Reads, checks and expands one command catalogue, its reply codes checked against the
/// standard reply catalogue or the one the call names; on failure, every message.
fn generate_commands(args: &Args) -> Result<proc_macro2::TokenStream, Vec<String>> {
    let written = args.path.value();
    let source =
        load::read(&written).map_err(|message| vec![format!("{written}:1:1: {message}")])?;
    let builtin = |errors: &[String]| {
        errors
            .iter()
            .map(|e| {
                format!("{written}:1:1: a catalogue built into ftp-codes-macros is invalid: {e}")
            })
            .collect::<Vec<_>>()
    };
    let standard_codes = codes::standard::get().map_err(builtin)?;
    let codes = match &args.codes {
        Some(codes) => reply_catalogue(&codes.value(), standard_codes)?,
        None => standard_codes.clone(),
    };
    let standard = if args.standard {
        None
    } else {
        Some(commands::standard::get().map_err(builtin)?)
    };
    let mut diags = Diagnostics::default();
    let checked = match tree::parse(&source.text) {
        Ok(root) => {
            let catalogue = commands::model::read(root, &mut diags);
            let context = commands::validate::Context {
                codes: &codes,
                standard,
                path: &written,
                text: &source.text,
            };
            commands::validate::check(catalogue, &context, &mut diags)
        }
        Err((span, message)) => {
            diags.error(span, format!("TOML syntax error: {message}"));
            None
        }
    };
    match checked {
        Some(checked) if diags.is_empty() => {
            Ok(commands::expand::expand(args, &checked, &source.resolved))
        }
        _ => Err(diags.render(&written, &source.text)),
    }
}

/// A user's reply catalogue named by `codes from`, checked as `catalog!` checks it.
fn reply_catalogue(
    written: &str,
    standard: &codes::validate::Checked,
) -> Result<codes::validate::Checked, Vec<String>> {
    let source =
        load::read(written).map_err(|message| vec![format!("{written}:1:1: {message}")])?;
    let mut diags = Diagnostics::default();
    let checked = match tree::parse(&source.text) {
        Ok(root) => {
            let catalogue = codes::model::read(root, &mut diags);
            let file = File {
                path: written,
                text: &source.text,
            };
            codes::validate::check(catalogue, &Against::Standard(standard), &file, &mut diags)
        }
        Err((span, message)) => {
            diags.error(span, format!("TOML syntax error: {message}"));
            None
        }
    };
    match checked {
        Some(checked) if diags.is_empty() => Ok(checked),
        _ => Err(diags.render(written, &source.text)),
    }
}
