//! What the expansions of both catalogues share: the perfect-hash search and the derives of a
//! generated enum.

pub(crate) mod slots;

use proc_macro2::TokenStream;
use quote::quote;

/// The derives of every generated enum: a plain value, compared and hashed by its number.
pub(crate) fn value_derives() -> TokenStream {
    quote! {
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::cmp::PartialEq,
            ::core::cmp::Eq, ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash
        )]
    }
}
