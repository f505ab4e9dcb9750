//! The typed catalogue, every value with its byte span, read from the spanned TOML tree.
//!
//! Reading reports the structural problems (unknown keys, missing keys, wrong types) and keeps
//! going, so that one build lists them all; semantic checks live in `validate`.

use crate::input::Sp;
use crate::input::diag::{Diagnostics, Span};
use crate::input::fields::{Fields, integer, string, tables};
use crate::input::tree::{Node, Value};

/// One row of `[categories]` or `[groups]`: what a digit means.
pub(crate) struct Rule {
    pub(crate) digit: Sp<i64>,
    pub(crate) name: Sp<String>,
    pub(crate) description: Sp<String>,
}

/// A further meaning of a code, given by a later RFC (`[[code.also]]`).
pub(crate) struct Also {
    pub(crate) source: Sp<String>,
    pub(crate) text: Sp<String>,
    pub(crate) description: Sp<String>,
}

/// One `[[code]]` entry.
pub(crate) struct Entry {
    pub(crate) code: Sp<i64>,
    pub(crate) name: Sp<String>,
    pub(crate) text: Sp<String>,
    pub(crate) category: Sp<String>,
    pub(crate) group: Sp<String>,
    pub(crate) source: Sp<String>,
    pub(crate) description: Sp<String>,
    pub(crate) also: Vec<Also>,
    pub(crate) replaces: Option<Sp<bool>>,
}

/// A whole catalogue file.
pub(crate) struct Catalogue {
    pub(crate) extends: Option<Sp<String>>,
    /// `[categories]`: the key's span and the rows.
    pub(crate) categories: Option<(Span, Vec<Rule>)>,
    /// `[groups]`: the key's span and the rows.
    pub(crate) groups: Option<(Span, Vec<Rule>)>,
    pub(crate) codes: Vec<Entry>,
}

const TOP_KEYS: &[&str] = &["extends", "categories", "groups", "code"];
const RULE_KEYS: &[&str] = &["name", "description"];
const ENTRY_KEYS: &[&str] = &[
    "code",
    "name",
    "text",
    "category",
    "group",
    "source",
    "description",
    "also",
    "replaces",
];
const ALSO_KEYS: &[&str] = &["source", "text", "description"];

/// Reads the catalogue out of the tree, reporting every structural problem.
pub(crate) fn read(root: Node, diags: &mut Diagnostics) -> Catalogue {
    let mut catalogue = Catalogue {
        extends: None,
        categories: None,
        groups: None,
        codes: Vec::new(),
    };
    let Some(mut top) = Fields::of(root, "the catalogue", TOP_KEYS, diags) else {
        return catalogue;
    };
    catalogue.extends = top
        .optional("extends")
        .and_then(|n| string(n, "`extends`", diags));
    catalogue.categories = top.optional_keyed("categories").and_then(|(k, n)| {
        rules(n, "category", "`[categories]`", diags).map(|rows| (k.span, rows))
    });
    catalogue.groups = top
        .optional_keyed("groups")
        .and_then(|(k, n)| rules(n, "group", "`[groups]`", diags).map(|rows| (k.span, rows)));
    if let Some(node) = top.optional("code") {
        catalogue.codes = tables(node, "`code`", "[[code]]", diags)
            .into_iter()
            .filter_map(|node| entry(node, diags))
            .collect();
    }
    top.finish(diags);
    catalogue
}

fn rules(node: Node, what: &str, table_name: &str, diags: &mut Diagnostics) -> Option<Vec<Rule>> {
    let Value::Table(rows) = node.value else {
        diags.error(
            node.span,
            format!("{table_name} must be a table, found {}", node.value.kind()),
        );
        return None;
    };
    let mut out = Vec::new();
    for (key, value) in rows {
        let digit = match key.name.parse::<i64>() {
            Ok(digit) if key.name.len() == 1 => digit,
            _ => {
                diags.error(
                    key.span,
                    format!("{what} key `{}` is not a single digit", key.name),
                );
                continue;
            }
        };
        let context = format!("{what} {digit}");
        let Some(mut fields) = Fields::of(value, &context, RULE_KEYS, diags) else {
            continue;
        };
        let name = fields.required_string("name", diags);
        let description = fields.required_string("description", diags);
        fields.finish(diags);
        if let (Some(name), Some(description)) = (name, description) {
            out.push(Rule {
                digit: Sp {
                    value: digit,
                    span: key.span,
                },
                name,
                description,
            });
        }
    }
    Some(out)
}

fn entry(node: Node, diags: &mut Diagnostics) -> Option<Entry> {
    let mut fields = Fields::of(node, "code entry", ENTRY_KEYS, diags)?;
    let code = fields
        .required("code", diags)
        .and_then(|n| integer(n, "`code`", diags));
    let name = fields.required_string("name", diags);
    let text = fields.required_string("text", diags);
    let category = fields.required_string("category", diags);
    let group = fields.required_string("group", diags);
    let source = fields.required_string("source", diags);
    let description = fields.required_string("description", diags);
    let also = fields.optional("also").map_or_else(Vec::new, |node| {
        tables(node, "`also`", "[[code.also]]", diags)
            .into_iter()
            .filter_map(|n| also(n, diags))
            .collect()
    });
    let replaces = fields
        .optional("replaces")
        .and_then(|node| crate::input::fields::boolean(node, "`replaces`", diags));
    fields.finish(diags);
    Some(Entry {
        code: code?,
        name: name?,
        text: text?,
        category: category?,
        group: group?,
        source: source?,
        description: description?,
        also,
        replaces,
    })
}

fn also(node: Node, diags: &mut Diagnostics) -> Option<Also> {
    let mut fields = Fields::of(node, "`also` entry", ALSO_KEYS, diags)?;
    let source = fields.required_string("source", diags);
    let text = fields.required_string("text", diags);
    let description = fields.required_string("description", diags);
    fields.finish(diags);
    Some(Also {
        source: source?,
        text: text?,
        description: description?,
    })
}
