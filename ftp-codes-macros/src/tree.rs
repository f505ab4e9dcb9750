//! The catalogue file as a TOML tree in which every key and value keeps its byte span.
//!
//! Deserializing straight into typed structs would stop at the first unknown or missing key;
//! a spanned tree lets `model` report every structural problem of the file in one build.

use crate::diag::Span;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use toml::Spanned;

/// A TOML value with the byte span of its text.
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) span: Span,
}

/// A table key with the byte span of its text.
pub(crate) struct Key {
    pub(crate) name: String,
    pub(crate) span: Span,
}

pub(crate) enum Value {
    String(String),
    Integer(i64),
    Float,
    Boolean(bool),
    Datetime,
    Array(Vec<Node>),
    Table(Vec<(Key, Node)>),
}

impl Value {
    /// The TOML type, as error messages name it.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime => "a datetime",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// Parses a whole catalogue file; a syntax error comes back with its span and message.
pub(crate) fn parse(text: &str) -> Result<Node, (Span, String)> {
    match toml::from_str::<Spanned<Value>>(text) {
        Ok(root) => {
            let span = root.span();
            Ok(Node {
                value: root.into_inner(),
                span,
            })
        }
        Err(error) => {
            let message = error.message().trim().replace('\n', "; ");
            Err((error.span().unwrap_or(0..0), message))
        }
    }
}

impl From<Spanned<Value>> for Node {
    fn from(spanned: Spanned<Value>) -> Self {
        let span = spanned.span();
        Node {
            value: spanned.into_inner(),
            span,
        }
    }
}

/// How toml hands a datetime to serde: a one-entry map under this key.
const DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Boolean(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v)
            .map(Value::Integer)
            .map_err(|_| E::custom("integer out of range"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Float)
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(Node::from(item));
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            if key.get_ref() == DATETIME_KEY {
                map.next_value::<de::IgnoredAny>()?;
                return Ok(Value::Datetime);
            }
            let value = map.next_value::<Spanned<Value>>()?;
            let key_span = key.span();
            entries.push((
                Key {
                    name: key.into_inner(),
                    span: key_span,
                },
                Node::from(value),
            ));
        }
        // toml yields keys in sorted order; keep the order of the file for messages.
        entries.sort_by_key(|(key, _)| key.span.start);
        Ok(Value::Table(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::{Value, parse};

    #[test]
    fn keys_and_values_keep_their_spans() {
        let text = "[[code]]\ncode = 220\nname = \"ServiceReady\"\n";
        let root = parse(text).unwrap_or_else(|(_, m)| panic!("{m}"));
        let Value::Table(top) = root.value else {
            panic!("root is not a table")
        };
        let (key, node) = &top[0];
        assert_eq!(key.name, "code");
        let Value::Array(entries) = &node.value else {
            panic!("not an array")
        };
        let Value::Table(fields) = &entries[0].value else {
            panic!("not a table")
        };
        let (code_key, code) = &fields[0];
        assert_eq!(&text[code_key.span.clone()], "code");
        assert_eq!(&text[code.span.clone()], "220");
        assert_eq!(&text[fields[1].1.span.clone()], "\"ServiceReady\"");
    }

    #[test]
    fn syntax_errors_carry_a_span() {
        let Err((span, message)) = parse("a = \n") else {
            panic!("parsed")
        };
        assert!(span.start <= 4, "{span:?}");
        assert!(!message.is_empty());
    }
}
