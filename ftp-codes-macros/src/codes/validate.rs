//! Every semantic check of a catalogue. Problems are collected, not returned early, so that
//! one build reports them all; the checked catalogue is what `expand` turns into code.

use super::model::{Catalogue, Entry, Rule};
use crate::input::Sp;
use crate::input::diag::{Diagnostics, Span, locate};
use crate::sort::SmallMap;

/// What one digit means, after checking.
#[derive(Clone)]
pub(crate) struct RuleDef {
    pub(crate) digit: u8,
    pub(crate) name: String,
    pub(crate) description: String,
}

/// The digit rules: `[categories]` (first digit) and `[groups]` (second digit), by digit.
#[derive(Clone)]
pub(crate) struct Rules {
    pub(crate) categories: Vec<RuleDef>,
    pub(crate) groups: Vec<RuleDef>,
}

/// A further meaning of a code, after checking.
#[derive(Clone)]
pub(crate) struct AlsoDef {
    pub(crate) source: String,
    pub(crate) text: String,
    pub(crate) description: String,
}

/// One code, after checking.
#[derive(Clone)]
pub(crate) struct CodeDef {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) category: String,
    pub(crate) group: String,
    pub(crate) source: String,
    pub(crate) description: String,
    pub(crate) also: Vec<AlsoDef>,
    /// Where the code is defined, as `PATH:LINE:COLUMN`, for messages that name both places.
    pub(crate) defined_at: String,
}

/// A catalogue that passed every check, its codes in ascending order.
#[derive(Clone)]
pub(crate) struct Checked {
    pub(crate) rules: Rules,
    pub(crate) codes: Vec<CodeDef>,
}

/// The text of the catalogue file being checked, to turn spans into `PATH:LINE:COLUMN`.
pub(crate) struct File<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
}

impl File<'_> {
    fn at(&self, span: &Span) -> String {
        locate(self.path, self.text, span.start)
    }
}

/// What a catalogue is checked against.
pub(crate) enum Against<'a> {
    /// The standard catalogue itself: it defines the digit rules.
    Itself,
    /// A user catalogue: it inherits the standard digit rules and may extend the standard codes.
    Standard(&'a Checked),
}

const FIRST_DIGITS: std::ops::RangeInclusive<i64> = 1..=6;
const SECOND_DIGITS: std::ops::RangeInclusive<i64> = 0..=9;

/// Checks a catalogue, reporting every problem; `None` if there was any.
pub(crate) fn check(
    catalogue: Catalogue,
    against: &Against<'_>,
    file: &File<'_>,
    diags: &mut Diagnostics,
) -> Option<Checked> {
    let extends = check_extends(&catalogue, against, diags);
    let rules = match against {
        Against::Itself => standard_rules(&catalogue, diags),
        Against::Standard(standard) => {
            forbid_rules(&catalogue, diags);
            Some(standard.rules.clone())
        }
    };
    let inherited: &[CodeDef] = match (against, extends) {
        (Against::Standard(standard), true) => &standard.codes,
        _ => &[],
    };

    let mut codes: SmallMap<u16, CodeDef> = inherited.iter().map(|c| (c.code, c.clone())).collect();
    let mut names: SmallMap<String, String> = inherited
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                format!("standard code {} ({})", c.code, c.defined_at),
            )
        })
        .collect();
    let mut seen_here: SmallMap<u16, String> = SmallMap::new();

    for entry in catalogue.codes {
        // An entry with a problem of its own still goes through the checks against the other
        // entries, so that one build reports all of its problems; it is not kept.
        let (code, entry_ok) = check_entry(&entry, rules.as_ref(), diags);
        let Some(code) = code else {
            continue;
        };
        let place = file.at(&entry.code.span);
        if let Some(first) = seen_here.get(&code) {
            diags.error(
                entry.code.span.clone(),
                format!("duplicate code {code}; first defined at {first}"),
            );
            continue;
        }
        seen_here.insert(code, place.clone());

        let replacing = entry.replaces.as_ref().is_some_and(|r| r.value);
        let inherited_entry = inherited.iter().find(|c| c.code == code);
        match (inherited_entry, replacing) {
            (Some(standard), false) => {
                diags.error(
                    entry.code.span.clone(),
                    format!(
                        "code {code} is already defined by the standard catalogue at {} (`{}`); \
                         add `replaces = true` to give it a site-specific text",
                        standard.defined_at, standard.name
                    ),
                );
                continue;
            }
            (Some(standard), true) if entry.name.value != standard.name => {
                diags.error(
                    entry.name.span.clone(),
                    format!(
                        "an entry that replaces standard code {code} keeps its name `{}`, not `{}`",
                        standard.name, entry.name.value
                    ),
                );
                continue;
            }
            (None, true) => {
                check_replaces_target(&entry, code, extends, diags);
                continue;
            }
            _ => {}
        }
        // A replacing entry keeps the standard name, which is already in `names`.
        if inherited_entry.is_none() {
            if let Some(first) = names.get(&entry.name.value) {
                diags.error(
                    entry.name.span.clone(),
                    format!(
                        "duplicate name `{}`; first used by {first}",
                        entry.name.value
                    ),
                );
                continue;
            }
        }
        names.insert(entry.name.value.clone(), format!("code {code} at {place}"));
        if entry_ok {
            codes.insert(code, code_def(entry, code, place));
        }
    }

    if codes.is_empty() && diags.is_empty() {
        diags.error(
            0..0,
            "the catalogue has no codes; add at least one `[[code]]` entry (or `extends = \"standard\"`)",
        );
    }
    if !diags.is_empty() {
        return None;
    }
    Some(Checked {
        rules: rules?,
        codes: codes.into_sorted_values(),
    })
}

/// `extends`: only a user catalogue may say it, and only `"standard"`.
fn check_extends(catalogue: &Catalogue, against: &Against<'_>, diags: &mut Diagnostics) -> bool {
    let Some(extends) = &catalogue.extends else {
        return false;
    };
    match against {
        Against::Itself => {
            diags.error(
                extends.span.clone(),
                "the standard catalogue cannot extend another catalogue",
            );
            false
        }
        Against::Standard(_) if extends.value == "standard" => true,
        Against::Standard(_) => {
            diags.error(
                extends.span.clone(),
                format!(
                    "unknown catalogue `{}` in `extends`; the only one to extend is \"standard\"",
                    extends.value
                ),
            );
            false
        }
    }
}

fn check_replaces_target(entry: &Entry, code: u16, extends: bool, diags: &mut Diagnostics) {
    let span = entry
        .replaces
        .as_ref()
        .map_or_else(|| entry.code.span.clone(), |r| r.span.clone());
    if extends {
        diags.error(
            span,
            format!("`replaces = true`, but the standard catalogue has no code {code} to replace"),
        );
    } else {
        diags.error(
            span,
            "`replaces` needs `extends = \"standard\"` at the top of the catalogue",
        );
    }
}

/// A user catalogue inherits the digit rules and may not define its own.
fn forbid_rules(catalogue: &Catalogue, diags: &mut Diagnostics) {
    for (table, defined) in [
        ("categories", &catalogue.categories),
        ("groups", &catalogue.groups),
    ] {
        if let Some((span, _)) = defined {
            diags.error(
                span.clone(),
                format!(
                    "a user catalogue cannot redefine `[{table}]`: every catalogue inherits the \
                     digit rules of the standard catalogue"
                ),
            );
        }
    }
}

/// The digit rules of the standard catalogue, checked.
fn standard_rules(catalogue: &Catalogue, diags: &mut Diagnostics) -> Option<Rules> {
    let categories = rule_table(
        catalogue.categories.as_ref(),
        "categories",
        "first",
        FIRST_DIGITS,
        diags,
    );
    let groups = rule_table(
        catalogue.groups.as_ref(),
        "groups",
        "second",
        SECOND_DIGITS,
        diags,
    );
    if let (Some((span, categories)), true) = (&catalogue.categories, categories.is_some()) {
        for digit in FIRST_DIGITS {
            if !categories.iter().any(|rule| rule.digit.value == digit) {
                diags.error(
                    span.clone(),
                    format!("`[categories]` has no category for first digit {digit}; every first digit 1..=6 needs one"),
                );
            }
        }
    }
    Some(Rules {
        categories: categories?,
        groups: groups?,
    })
}

fn rule_table(
    table: Option<&(Span, Vec<Rule>)>,
    name: &str,
    which: &str,
    digits: std::ops::RangeInclusive<i64>,
    diags: &mut Diagnostics,
) -> Option<Vec<RuleDef>> {
    let Some((_, rules)) = table else {
        diags.error(
            0..0,
            format!("the standard catalogue needs a `[{name}]` table"),
        );
        return None;
    };
    let mut out: Vec<RuleDef> = Vec::new();
    for rule in rules {
        let mut ok = check_name(&rule.name, diags);
        ok &= not_empty(&rule.description, "description", diags);
        let digit = u8::try_from(rule.digit.value)
            .ok()
            .filter(|_| digits.contains(&rule.digit.value));
        if digit.is_none() {
            diags.error(
                rule.digit.span.clone(),
                format!(
                    "{which} digit {} is outside {}..={}",
                    rule.digit.value,
                    digits.start(),
                    digits.end()
                ),
            );
        }
        if out.iter().any(|r| r.name == rule.name.value) {
            diags.error(
                rule.name.span.clone(),
                format!("duplicate name `{}` in `[{name}]`", rule.name.value),
            );
            ok = false;
        }
        if let (Some(digit), true) = (digit, ok) {
            out.push(RuleDef {
                digit,
                name: rule.name.value.clone(),
                description: rule.description.value.clone(),
            });
        }
    }
    crate::sort::sort_by_key(&mut out, |rule| rule.digit);
    Some(out)
}

/// Checks one entry on its own: its code if that is in range, and whether the whole entry is
/// well-formed.
fn check_entry(
    entry: &Entry,
    rules: Option<&Rules>,
    diags: &mut Diagnostics,
) -> (Option<u16>, bool) {
    let mut ok = check_name(&entry.name, diags);
    ok &= check_text(&entry.text, diags);
    ok &= not_empty(&entry.source, "source", diags);
    ok &= not_empty(&entry.description, "description", diags);
    for also in &entry.also {
        ok &= check_text(&also.text, diags);
        ok &= not_empty(&also.source, "source", diags);
        ok &= not_empty(&also.description, "description", diags);
    }
    let Some(code) = u16::try_from(entry.code.value)
        .ok()
        .filter(|code| (100..=699).contains(code))
    else {
        diags.error(
            entry.code.span.clone(),
            format!("code {} is outside 100..=699", entry.code.value),
        );
        return (None, false);
    };
    if let Some(rules) = rules {
        let first = u8::try_from(code / 100).unwrap_or(0);
        let second = u8::try_from(code / 10 % 10).unwrap_or(0);
        ok &= check_digit(
            &entry.code,
            first,
            &entry.category,
            &rules.categories,
            ("first", "category", "categories"),
            diags,
        );
        ok &= check_digit(
            &entry.code,
            second,
            &entry.group,
            &rules.groups,
            ("second", "group", "groups"),
            diags,
        );
    }
    (Some(code), ok)
}

/// The declared category or group must exist and agree with the code's digit.
fn check_digit(
    code: &Sp<i64>,
    digit: u8,
    declared: &Sp<String>,
    rules: &[RuleDef],
    (which, what, table): (&str, &str, &str),
    diags: &mut Diagnostics,
) -> bool {
    let (code, code_span) = (code.value, code.span.clone());
    let by_digit = rules.iter().find(|rule| rule.digit == digit);
    let by_name = rules.iter().find(|rule| rule.name == declared.value);
    let mut ok = true;
    if by_digit.is_none() {
        // The digit is the code's: point at the code, whatever the entry declares.
        diags.error(
            code_span,
            format!("{which} digit {digit} of code {code} has no {what} in `[{table}]`"),
        );
        ok = false;
    }
    match (by_name, by_digit) {
        (None, _) => {
            let known: Vec<&str> = rules.iter().map(|rule| rule.name.as_str()).collect();
            diags.error(
                declared.span.clone(),
                format!(
                    "unknown {what} `{}`; expected one of: {}",
                    declared.value,
                    known.join(", ")
                ),
            );
            false
        }
        (Some(named), Some(actual)) if named.digit != actual.digit => {
            diags.error(
                declared.span.clone(),
                format!(
                    "code {code} is declared {what} `{}`, but its {which} digit {digit} means `{}`",
                    declared.value, actual.name
                ),
            );
            false
        }
        _ => ok,
    }
}

/// A variant or rule name must be an `UpperCamelCase` Rust identifier.
fn check_name(name: &Sp<String>, diags: &mut Diagnostics) -> bool {
    let valid = is_upper_camel_case(&name.value);
    if !valid {
        diags.error(
            name.span.clone(),
            format!(
                "name `{}` is not an UpperCamelCase Rust identifier (like `ServiceReady`: an ASCII \
                 capital, then letters and digits, at least one lowercase)",
                name.value
            ),
        );
    }
    valid
}

pub(crate) fn is_upper_camel_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && name.chars().any(|c| c.is_ascii_lowercase())
        && name != "Self"
}

/// Reply text goes on the wire as one line: not empty, no CR, LF or other control characters.
fn check_text(text: &Sp<String>, diags: &mut Diagnostics) -> bool {
    if !not_empty(text, "text", diags) {
        return false;
    }
    if let Some(c) = text.value.chars().find(|c| c.is_control()) {
        diags.error(
            text.span.clone(),
            format!(
                "`text` contains the control character U+{:04X}; reply text is one line without \
                 CR, LF or other control characters",
                u32::from(c)
            ),
        );
        return false;
    }
    true
}

fn not_empty(value: &Sp<String>, key: &str, diags: &mut Diagnostics) -> bool {
    let ok = !value.value.trim().is_empty();
    if !ok {
        diags.error(value.span.clone(), format!("`{key}` is empty"));
    }
    ok
}

fn code_def(entry: Entry, code: u16, defined_at: String) -> CodeDef {
    CodeDef {
        code,
        name: entry.name.value,
        text: entry.text.value,
        category: entry.category.value,
        group: entry.group.value,
        source: entry.source.value,
        description: entry.description.value,
        also: entry
            .also
            .into_iter()
            .map(|also| AlsoDef {
                source: also.source.value,
                text: also.text.value,
                description: also.description.value,
            })
            .collect(),
        defined_at,
    }
}

#[cfg(test)]
mod tests {
    use super::is_upper_camel_case;

    #[test]
    fn names_must_be_upper_camel_case() {
        for good in ["ServiceReady", "A1b", "Ok"] {
            assert!(is_upper_camel_case(good), "{good}");
        }
        for bad in [
            "serviceReady",
            "Service_Ready",
            "ALL",
            "",
            "Self",
            "Ünïcode",
            "1Ok",
        ] {
            assert!(!is_upper_camel_case(bad), "{bad}");
        }
    }
}
