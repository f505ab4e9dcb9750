//! The macro's own input: `CRATE; #[attrs] VIS enum NAME from "PATH"`, where `CRATE` is the
//! path to ftp-codes that `ftp_codes::catalog!` passes on (`$crate`).

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Token, Visibility};

const EXPECTED_CODES: &str = "expected `codes from \"PATH\"` after the comma: the reply catalogue the commands' codes are checked against";
const EXPECTED_FROM: &str =
    "expected `from \"PATH\"` after the enum name, as in `pub enum Code from \"codes.toml\"`";

/// What the caller wrote inside `catalog! { ... }`.
pub(crate) struct Args {
    /// The path to the ftp-codes crate, as the caller's crate names it (`$crate` from the
    /// `macro_rules!` wrapper, so that a renamed dependency works).
    pub(crate) krate: TokenStream,
    /// Attributes and doc comments for the generated enum (minus our own `#[catalog(...)]`).
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) name: Ident,
    /// The catalogue path exactly as written; errors are attached to it.
    pub(crate) path: LitStr,
    /// `command_catalog!` only: the reply catalogue the commands' codes are checked against
    /// (`, codes from "site-codes.toml"`); the standard one when absent.
    pub(crate) codes: Option<LitStr>,
    /// Set by the hidden `#[catalog(standard)]`: this catalogue defines the digit rules
    /// (`[categories]`, `[groups]`) and the `Category` and `Group` types. Only `ftp-codes` uses it.
    pub(crate) standard: bool,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut krate = TokenStream::new();
        while !input.peek(Token![;]) {
            let token: proc_macro2::TokenTree = input
                .parse()
                .map_err(|_| input.error("expected the path to ftp-codes, then `;`"))?;
            token.to_tokens(&mut krate);
        }
        input.parse::<Token![;]>()?;
        let mut attrs = input.call(Attribute::parse_outer)?;
        let standard = take_catalog_options(&mut attrs)?;
        let vis: Visibility = input.parse()?;
        input.parse::<Token![enum]>()?;
        let name: Ident = input.parse()?;
        // Any token here, keyword or not, so that `in "x"` gets our message, not syn's.
        let path = match input.parse::<proc_macro2::TokenTree>() {
            Ok(proc_macro2::TokenTree::Ident(from)) if from == "from" => input.parse::<LitStr>()?,
            Ok(other) => return Err(syn::Error::new(other.span(), EXPECTED_FROM)),
            Err(_) => return Err(input.error(EXPECTED_FROM)),
        };
        let codes = if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            let key: Ident = input.parse()?;
            if key != "codes" {
                return Err(syn::Error::new(key.span(), EXPECTED_CODES));
            }
            match input.parse::<proc_macro2::TokenTree>() {
                Ok(proc_macro2::TokenTree::Ident(from)) if from == "from" => {}
                _ => return Err(input.error(EXPECTED_CODES)),
            }
            Some(input.parse::<LitStr>()?)
        } else {
            None
        };
        input.parse::<Option<Token![;]>>()?;
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the catalogue path"));
        }
        Ok(Self {
            krate,
            attrs,
            vis,
            name,
            path,
            codes,
            standard,
        })
    }
}

/// Removes `#[catalog(...)]` from `attrs` and returns whether it said `standard`.
fn take_catalog_options(attrs: &mut Vec<Attribute>) -> syn::Result<bool> {
    let mut standard = false;
    let mut result = Ok(());
    attrs.retain(|attr| {
        if !attr.path().is_ident("catalog") {
            return true;
        }
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("standard") {
                standard = true;
                Ok(())
            } else {
                Err(meta.error("unknown `catalog` option"))
            }
        });
        if let Err(error) = parsed {
            result = Err(error);
        }
        false
    });
    result.map(|()| standard)
}
