//! The typed command catalogue (`commands.toml`), every value with its byte span, read from the
//! spanned TOML tree. Structural problems are reported and reading goes on; the semantic checks
//! live in `validate`.

use crate::input::Sp;
use crate::input::diag::Diagnostics;
use crate::input::fields::{Fields, integers, string, tables};
use crate::input::tree::Node;

/// The five reply slots of RFC 959 §5.4, by first digit, plus the mark for replies that can
/// only follow a 1yz: codes as written (`Slots<Sp<i64>>`), or checked (`Slots<u16>`).
#[derive(Clone)]
pub(crate) struct Slots<T> {
    pub(crate) preliminary: Vec<T>,
    pub(crate) intermediate: Vec<T>,
    pub(crate) completion: Vec<T>,
    pub(crate) transient: Vec<T>,
    pub(crate) permanent: Vec<T>,
    pub(crate) after_preliminary: Vec<T>,
}

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Self {
            preliminary: Vec::new(),
            intermediate: Vec::new(),
            completion: Vec::new(),
            transient: Vec::new(),
            permanent: Vec::new(),
            after_preliminary: Vec::new(),
        }
    }
}

/// The slot keys, each with the first digit its codes must have (`None`: any listed code).
pub(crate) const SLOTS: &[(&str, Option<i64>)] = &[
    ("preliminary", Some(1)),
    ("intermediate", Some(3)),
    ("completion", Some(2)),
    ("transient", Some(4)),
    ("permanent", Some(5)),
    ("after_preliminary", None),
];

impl<T> Slots<T> {
    /// The slot named `key` (one of [`SLOTS`]).
    pub(crate) fn get(&self, key: &str) -> &[T] {
        match key {
            "preliminary" => &self.preliminary,
            "intermediate" => &self.intermediate,
            "completion" => &self.completion,
            "transient" => &self.transient,
            "permanent" => &self.permanent,
            _ => &self.after_preliminary,
        }
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> &mut Vec<T> {
        match key {
            "preliminary" => &mut self.preliminary,
            "intermediate" => &mut self.intermediate,
            "completion" => &mut self.completion,
            "transient" => &mut self.transient,
            "permanent" => &mut self.permanent,
            _ => &mut self.after_preliminary,
        }
    }
}

/// Replies an extension RFC adds to a command defined elsewhere (`[[command.added]]`).
pub(crate) struct Added {
    pub(crate) source: Sp<String>,
    pub(crate) slots: Slots<Sp<i64>>,
}

/// A code with who gets it, where that is documented, and what it means: a documented
/// deviation of real servers (`[[command.tolerated]]`, `who` read from `servers`) or a rule
/// across commands (`[[rule]]`, `who` read from `scope`).
pub(crate) struct CodeNote {
    pub(crate) code: Sp<i64>,
    pub(crate) who: Sp<String>,
    pub(crate) source: Sp<String>,
    pub(crate) description: Sp<String>,
    /// `[[command.tolerated]]` only: the code only ever follows a 1yz.
    pub(crate) after_preliminary: Option<Sp<bool>>,
}

/// One `[[command]]` entry.
pub(crate) struct CommandEntry {
    pub(crate) verb: Sp<String>,
    pub(crate) argument: Sp<String>,
    pub(crate) syntax: Option<Sp<String>>,
    pub(crate) source: Option<Sp<String>>,
    pub(crate) description: Sp<String>,
    pub(crate) note: Option<Sp<String>>,
    pub(crate) slots: Slots<Sp<i64>>,
    pub(crate) added: Vec<Added>,
    pub(crate) tolerated: Vec<CodeNote>,
    /// Where the entry starts, for a missing key.
    pub(crate) span: crate::input::diag::Span,
}

/// A whole command catalogue.
pub(crate) struct CommandCatalogue {
    pub(crate) extends: Option<Sp<String>>,
    pub(crate) rules: Vec<CodeNote>,
    pub(crate) commands: Vec<CommandEntry>,
}

const TOP_KEYS: &[&str] = &["extends", "rule", "command"];
const COMMAND_KEYS: &[&str] = &[
    "verb",
    "argument",
    "syntax",
    "source",
    "description",
    "note",
    "preliminary",
    "intermediate",
    "completion",
    "transient",
    "permanent",
    "after_preliminary",
    "added",
    "tolerated",
];
const ADDED_KEYS: &[&str] = &[
    "source",
    "preliminary",
    "intermediate",
    "completion",
    "transient",
    "permanent",
    "after_preliminary",
];
const TOLERATED_KEYS: &[&str] = &[
    "code",
    "servers",
    "source",
    "description",
    "after_preliminary",
];
const RULE_KEYS: &[&str] = &["code", "scope", "source", "description"];

/// Reads the command catalogue out of the tree, reporting every structural problem.
pub(crate) fn read(root: Node, diags: &mut Diagnostics) -> CommandCatalogue {
    let mut catalogue = CommandCatalogue {
        extends: None,
        rules: Vec::new(),
        commands: Vec::new(),
    };
    let Some(mut top) = Fields::of(root, "the command catalogue", TOP_KEYS, diags) else {
        return catalogue;
    };
    catalogue.extends = top
        .optional("extends")
        .and_then(|n| string(n, "`extends`", diags));
    if let Some(node) = top.optional("rule") {
        catalogue.rules = tables(node, "`rule`", "[[rule]]", diags)
            .into_iter()
            .filter_map(|node| code_note(node, "rule", RULE_KEYS, diags))
            .collect();
    }
    if let Some(node) = top.optional("command") {
        catalogue.commands = tables(node, "`command`", "[[command]]", diags)
            .into_iter()
            .filter_map(|node| command(node, diags))
            .collect();
    }
    top.finish(diags);
    catalogue
}

fn command(node: Node, diags: &mut Diagnostics) -> Option<CommandEntry> {
    let span = node.span.clone();
    let mut fields = Fields::of(node, "command entry", COMMAND_KEYS, diags)?;
    let verb = fields.required_string("verb", diags);
    let argument = fields.required_string("argument", diags);
    let syntax = fields
        .optional("syntax")
        .and_then(|n| string(n, "`syntax`", diags));
    // A missing source is a semantic check of its own, located at the entry.
    let source = fields
        .optional("source")
        .and_then(|n| string(n, "`source`", diags));
    let description = fields.required_string("description", diags);
    let remark = fields
        .optional("note")
        .and_then(|n| string(n, "`note`", diags));
    let slots = slots(&mut fields, diags);
    let added = fields.optional("added").map_or_else(Vec::new, |node| {
        tables(node, "`added`", "[[command.added]]", diags)
            .into_iter()
            .filter_map(|n| added(n, diags))
            .collect()
    });
    let tolerated = fields.optional("tolerated").map_or_else(Vec::new, |node| {
        tables(node, "`tolerated`", "[[command.tolerated]]", diags)
            .into_iter()
            .filter_map(|n| code_note(n, "`tolerated` entry", TOLERATED_KEYS, diags))
            .collect()
    });
    fields.finish(diags);
    Some(CommandEntry {
        verb: verb?,
        argument: argument?,
        syntax,
        source,
        description: description?,
        note: remark,
        slots,
        added,
        tolerated,
        span,
    })
}

fn slots(fields: &mut Fields, diags: &mut Diagnostics) -> Slots<Sp<i64>> {
    let mut slots = Slots::default();
    for (key, _) in SLOTS {
        if let Some(node) = fields.optional(key) {
            *slots.get_mut(key) = integers(node, &format!("`{key}`"), diags);
        }
    }
    slots
}

fn added(node: Node, diags: &mut Diagnostics) -> Option<Added> {
    let mut fields = Fields::of(node, "`added` entry", ADDED_KEYS, diags)?;
    let source = fields.required_string("source", diags);
    let slots = slots(&mut fields, diags);
    fields.finish(diags);
    Some(Added {
        source: source?,
        slots,
    })
}

/// A `[[rule]]` or `[[command.tolerated]]` entry: `code`, the key of `keys` that says who gets it
/// (`scope` or `servers`, the second key), `source` and `description`.
fn code_note(
    node: Node,
    context: &str,
    keys: &'static [&'static str],
    diags: &mut Diagnostics,
) -> Option<CodeNote> {
    let mut fields = Fields::of(node, context, keys, diags)?;
    let code = fields
        .required("code", diags)
        .and_then(|n| crate::input::fields::integer(n, "`code`", diags));
    let who = keys
        .get(1)
        .and_then(|key| fields.required_string(key, diags));
    let source = fields.required_string("source", diags);
    let description = fields.required_string("description", diags);
    let after_preliminary = fields
        .optional("after_preliminary")
        .and_then(|n| crate::input::fields::boolean(n, "`after_preliminary`", diags));
    fields.finish(diags);
    Some(CodeNote {
        code: code?,
        who: who?,
        source: source?,
        description: description?,
        after_preliminary,
    })
}
