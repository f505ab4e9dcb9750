//! The catalogue file as a TOML tree in which every key and value keeps its byte span.
//!
//! Deserializing straight into typed structs would stop at the first unknown or missing key;
//! a spanned tree lets `model` report every structural problem of the file in one build. The
//! tree comes from toml's own spanned document (`toml::de::DeTable`), which the toml crate
//! compiles once: deserializing through serde would instantiate toml's generic deserializer in
//! this crate, and that was most of its build time.

use super::diag::Span;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
    match DeTable::parse(text) {
        Ok(root) => {
            let span = root.span();
            Ok(Node {
                value: table(root.into_inner())?,
                span,
            })
        }
        Err(error) => {
            let message = error.message().trim().replace('\n', "; ");
            Err((error.span().unwrap_or(0..0), message))
        }
    }
}

fn table(entries: DeTable<'_>) -> Result<Value, (Span, String)> {
    let mut out = Vec::new();
    for (key, value) in entries {
        let key_span = key.span();
        out.push((
            Key {
                name: key.into_inner().into_owned(),
                span: key_span,
            },
            node(value)?,
        ));
    }
    // toml yields keys in sorted order; keep the order of the file for messages.
    crate::sort::sort_by_key(&mut out, |(key, _)| key.span.start);
    Ok(Value::Table(out))
}

fn node(spanned: Spanned<DeValue<'_>>) -> Result<Node, (Span, String)> {
    let span = spanned.span();
    let value = match spanned.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(n) => match i64::from_str_radix(n.as_str(), n.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => return Err((span, "integer out of range".to_owned())),
        },
        DeValue::Float(_) => Value::Float,
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(_) => Value::Datetime,
        DeValue::Array(items) => {
            Value::Array(items.into_iter().map(node).collect::<Result<_, _>>()?)
        }
        DeValue::Table(entries) => table(entries)?,
    };
    Ok(Node { value, span })
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
