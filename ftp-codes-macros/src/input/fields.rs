//! Reading typed values out of the spanned TOML tree: tables taken key by key, with every
//! structural problem (a missing or unknown key, a wrong type) reported and the reading going
//! on. Shared by the reply-code and the command catalogues.

use super::Sp;
use super::diag::{Diagnostics, Span};
use super::tree::{Key, Node, Value};

/// An array of tables such as `[[code]]`.
pub(crate) fn tables(node: Node, what: &str, header: &str, diags: &mut Diagnostics) -> Vec<Node> {
    match node.value {
        Value::Array(items) => items,
        other => {
            diags.error(
                node.span,
                format!(
                    "{what} must be an array of tables (`{header}`), found {}",
                    other.kind()
                ),
            );
            Vec::new()
        }
    }
}

pub(crate) fn string(node: Node, what: &str, diags: &mut Diagnostics) -> Option<Sp<String>> {
    match node.value {
        Value::String(value) => Some(Sp {
            value,
            span: node.span,
        }),
        other => {
            diags.error(
                node.span,
                format!("{what} must be a string, found {}", other.kind()),
            );
            None
        }
    }
}

pub(crate) fn integer(node: Node, what: &str, diags: &mut Diagnostics) -> Option<Sp<i64>> {
    match node.value {
        Value::Integer(value) => Some(Sp {
            value,
            span: node.span,
        }),
        other => {
            diags.error(
                node.span,
                format!("{what} must be an integer, found {}", other.kind()),
            );
            None
        }
    }
}

pub(crate) fn boolean(node: Node, what: &str, diags: &mut Diagnostics) -> Option<Sp<bool>> {
    match node.value {
        Value::Boolean(value) => Some(Sp {
            value,
            span: node.span,
        }),
        other => {
            diags.error(
                node.span,
                format!("{what} must be a boolean, found {}", other.kind()),
            );
            None
        }
    }
}

/// The keys of one table, taken one by one; whatever is left over is an unknown key.
pub(crate) struct Fields {
    context: String,
    span: Span,
    allowed: &'static [&'static str],
    entries: Vec<(Key, Node)>,
}

impl Fields {
    pub(crate) fn of(
        node: Node,
        context: &str,
        allowed: &'static [&'static str],
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        match node.value {
            Value::Table(entries) => Some(Self {
                context: context.to_owned(),
                span: node.span,
                allowed,
                entries,
            }),
            other => {
                diags.error(
                    node.span,
                    format!("{context} must be a table, found {}", other.kind()),
                );
                None
            }
        }
    }

    pub(crate) fn optional_keyed(&mut self, key: &str) -> Option<(Key, Node)> {
        let index = self.entries.iter().position(|(k, _)| k.name == key)?;
        Some(self.entries.remove(index))
    }

    pub(crate) fn optional(&mut self, key: &str) -> Option<Node> {
        self.optional_keyed(key).map(|(_, node)| node)
    }

    pub(crate) fn required(&mut self, key: &str, diags: &mut Diagnostics) -> Option<Node> {
        let node = self.optional(key);
        if node.is_none() {
            diags.error(
                self.span.clone(),
                format!("{} is missing the required key `{key}`", self.context),
            );
        }
        node
    }

    pub(crate) fn required_string(
        &mut self,
        key: &str,
        diags: &mut Diagnostics,
    ) -> Option<Sp<String>> {
        let node = self.required(key, diags)?;
        string(node, &format!("`{key}`"), diags)
    }

    /// Reports every key that was not taken.
    pub(crate) fn finish(self, diags: &mut Diagnostics) {
        for (key, _) in self.entries {
            diags.error(
                key.span,
                format!(
                    "unknown key `{}` in {}; expected one of: {}",
                    key.name,
                    self.context,
                    self.allowed.join(", ")
                ),
            );
        }
    }
}

/// An array of integers, such as `completion = [226, 250]`.
pub(crate) fn integers(node: Node, what: &str, diags: &mut Diagnostics) -> Vec<Sp<i64>> {
    match node.value {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| integer(item, &format!("each value of {what}"), diags))
            .collect(),
        other => {
            diags.error(
                node.span,
                format!(
                    "{what} must be an array of integers, found {}",
                    other.kind()
                ),
            );
            Vec::new()
        }
    }
}
