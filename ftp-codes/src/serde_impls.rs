//! `serde::Serialize` for the error types (feature `serde`): a framing error as its kind and
//! offset, the others as their message, so that a log line in JSON says what went wrong.
//! The code types serialize as their number, through the same helper generated code uses.

use crate::InvalidCode;
use crate::command::CommandError;
use crate::payload::PayloadError;
use crate::reply::ParseError;
use crate::write::WriteError;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// `{ "kind": "<the kind's name>", "offset": N }`.
macro_rules! kind_and_offset {
    ($($ty:ident),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut fields = serializer.serialize_struct(stringify!($ty), 2)?;
                fields.serialize_field("kind", &format_args!("{}", self.kind()))?;
                fields.serialize_field("offset", &self.offset())?;
                fields.end()
            }
        }
    )*};
}

/// The error's message, as `Display` writes it.
macro_rules! message {
    ($($ty:ident),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

kind_and_offset!(ParseError, CommandError);
message!(PayloadError, WriteError, InvalidCode);
