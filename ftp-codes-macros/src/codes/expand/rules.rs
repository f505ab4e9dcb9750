//! `Category` and `Group`: the digit-rule enums of the standard catalogue.

use super::doc::markdown_text;
use crate::codes::validate::{Checked, RuleDef};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

/// `Category` and `Group`, from the standard catalogue's digit rules (`#[catalog(standard)]`).
pub(super) fn rule_types(krate: &TokenStream, checked: &Checked) -> TokenStream {
    let category = rule_enum(
        krate,
        "Category",
        "The first digit of a reply code: what kind of reply it is (RFC 959 §4.2.1; 6yz from RFC 2228).",
        &checked.rules.categories,
        "yz",
    );
    let group = rule_enum(
        krate,
        "Group",
        "The second digit of a reply code: what the reply is about (RFC 959 §4.2.1).",
        &checked.rules.groups,
        "z",
    );
    quote!(#category #group)
}

fn rule_enum(
    krate: &TokenStream,
    type_name: &str,
    doc: &str,
    rules: &[RuleDef],
    pattern: &str,
) -> TokenStream {
    let ty = format_ident!("{}", type_name);
    let variants: Vec<Ident> = rules
        .iter()
        .map(|r| Ident::new(&r.name, Span::call_site()))
        .collect();
    let digits: Vec<Literal> = rules
        .iter()
        .map(|r| Literal::u8_unsuffixed(r.digit))
        .collect();
    let names = rules.iter().map(|r| &r.name);
    let descriptions: Vec<&String> = rules.iter().map(|r| &r.description).collect();
    let variant_docs = rules.iter().map(|r| {
        let shape = if type_name == "Category" {
            format!("{}{pattern}", r.digit)
        } else {
            format!("x{}{pattern}", r.digit)
        };
        format!("`{shape}`: {}", markdown_text(&r.description))
    });
    let derives = crate::codegen::value_derives();
    let lower = type_name.to_lowercase();
    // Each type's own first name, so that `Group::name`'s example is a group.
    let example = rules.first().map_or("", |r| r.name.as_str());
    let name_doc = format!("The variant's name, such as `\"{example}\"`.");
    let display_doc = format!("The name, such as `{example}`.");
    let digit_doc = format!("The {lower} for `digit`, if the digit has one.");
    let all_doc = format!("Every {lower}, in digit order.");
    quote! {
        #[doc = #doc]
        ///
        /// Generated from the digit rules of the standard catalogue, `codes.toml`.
        #derives
        #[repr(u8)]
        pub enum #ty {
            #(
                #[doc = #variant_docs]
                #variants = #digits,
            )*
        }

        impl #ty {
            #[doc = #all_doc]
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            #[doc = #digit_doc]
            #[must_use]
            pub const fn from_digit(digit: ::core::primitive::u8) -> ::core::option::Option<Self> {
                match digit {
                    #(#digits => ::core::option::Option::Some(Self::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The digit this stands for.
            #[must_use]
            pub const fn digit(self) -> ::core::primitive::u8 {
                self as ::core::primitive::u8
            }

            #[doc = #name_doc]
            #[must_use]
            #[inline]
            pub const fn name(self) -> &'static ::core::primitive::str {
                match self {
                    #(Self::#variants => #names,)*
                }
            }

            /// What the digit means.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static ::core::primitive::str {
                match self {
                    #(Self::#variants => #descriptions,)*
                }
            }
        }

        impl ::core::fmt::Display for #ty {
            #[doc = #display_doc]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        #krate::__private::impl_serde!(#ty: ::core::primitive::u8, via digit, #ty::from_digit);
        #krate::__private::impl_defmt!(#ty via name);
    }
}
