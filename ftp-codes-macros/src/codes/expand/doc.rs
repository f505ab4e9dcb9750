//! The rustdoc that generated items carry: catalogue entries and examples, as Markdown.

use crate::args::Args;
use crate::codes::validate::CodeDef;
use proc_macro2::TokenStream;
use quote::quote;

/// The rustdoc of one variant: the whole catalogue entry.
pub(super) fn variant_doc(code: &CodeDef) -> TokenStream {
    let mut lines = vec![
        format!("`{}` {}", code.code, code_span(&code.text)),
        String::new(),
        markdown_text(&code.description),
        String::new(),
        format!(
            "Category `{}`, group `{}`. Source: {}.",
            code.category,
            code.group,
            markdown_text(&code.source)
        ),
    ];
    for also in &code.also {
        lines.push(String::new());
        lines.push(format!(
            "Also, in {}: {} {}",
            markdown_text(&also.source),
            code_span(&also.text),
            markdown_text(&also.description)
        ));
    }
    quote!(#(#[doc = #lines])*)
}

/// `text` as a Markdown code span, whatever backticks it holds.
fn code_span(text: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(text) + 1);
    format!("{fence} {text} {fence}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Catalogue prose as Markdown: code spans stay, but brackets and angle brackets outside them
/// are escaped, so that rustdoc reads no links or HTML into the text.
pub(super) fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code && matches!(c, '[' | ']' | '<' | '>' | '*' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runnable doc examples for the standard `Code`; other catalogues get none, since their doc
/// tests would run in the user's crate.
pub(super) struct Example {
    pub(super) from_u16: TokenStream,
    pub(super) text: TokenStream,
}

impl Example {
    pub(super) fn for_enum(args: &Args) -> Self {
        if !args.standard {
            return Example {
                from_u16: TokenStream::new(),
                text: TokenStream::new(),
            };
        }
        Example {
            from_u16: quote! {
                ///
                /// ```
                /// use ftp_codes::Code;
                ///
                /// assert_eq!(Code::from_u16(220), Some(Code::ServiceReady));
                /// assert_eq!(Code::from_u16(299), None); // well-formed, but not catalogued
                /// assert_eq!(Code::from_u16(7), None);
                /// ```
            },
            text: quote! {
                ///
                /// ```
                /// use ftp_codes::Code;
                ///
                /// assert_eq!(Code::FileUnavailable.text(),
                ///            "Requested action not taken. File unavailable (e.g., file not found, no access).");
                /// ```
            },
        }
    }
}
