//! Reading a catalogue: the file (`load`), its spanned TOML tree (`tree`), typed fields with
//! their spans (`fields`), and located errors, all of them at once (`diag`). Shared by the
//! catalogues of codes and of commands.

pub(crate) mod diag;
pub(crate) mod fields;
pub(crate) mod load;
pub(crate) mod tree;

use diag::Span;

/// A value and the byte span of its text in the catalogue.
#[derive(Clone)]
pub(crate) struct Sp<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}
