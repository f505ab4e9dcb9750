//! Every semantic check of a command catalogue, against the reply catalogue its codes come
//! from. Problems are collected so that one build reports them all.

use super::model::{CommandCatalogue, CommandEntry, SLOTS, Slots};
use crate::codes::validate::Checked;
use crate::input::Sp;
use crate::input::diag::{Diagnostics, locate};
use crate::sort::SmallMap;

/// A command's argument, after checking.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArgumentKind {
    None,
    Required,
    Optional,
}

/// The replies of one command by slot, codes ascending.
pub(crate) type SlotCodes = Slots<u16>;

impl SlotCodes {
    /// Whether `code` is in one of the five slots.
    pub(crate) fn contains(&self, code: u16) -> bool {
        SLOTS
            .iter()
            .filter(|(_, digit)| digit.is_some())
            .any(|(key, _)| self.get(key).contains(&code))
    }
}

/// Replies an extension RFC adds to a command.
#[derive(Clone)]
pub(crate) struct AddedDef {
    pub(crate) source: String,
    pub(crate) codes: Vec<u16>,
}

/// A tolerated deviation, after checking.
#[derive(Clone)]
pub(crate) struct ToleratedDef {
    pub(crate) code: u16,
    pub(crate) servers: String,
    pub(crate) source: String,
    pub(crate) description: String,
    /// The code only ever follows a 1yz: alone, it is out of step.
    pub(crate) after_preliminary: bool,
}

/// One command, after checking.
#[derive(Clone)]
pub(crate) struct CommandDef {
    /// Upper case, as written on the wire.
    pub(crate) verb: String,
    /// The enum variant: the verb with only its first letter upper case (`Retr`).
    pub(crate) variant: String,
    pub(crate) argument: ArgumentKind,
    pub(crate) syntax: String,
    pub(crate) source: String,
    pub(crate) description: String,
    pub(crate) note: String,
    /// The RFC row and every `added` row, merged.
    pub(crate) replies: SlotCodes,
    pub(crate) added: Vec<AddedDef>,
    pub(crate) tolerated: Vec<ToleratedDef>,
    /// Where the verb is defined, as `PATH:LINE:COLUMN`, for messages that name both places.
    pub(crate) defined_at: String,
}

/// A rule across commands, after checking.
#[derive(Clone)]
pub(crate) struct RuleDef {
    pub(crate) code: u16,
    pub(crate) scope: String,
    pub(crate) source: String,
    pub(crate) description: String,
}

/// A command catalogue that passed every check.
#[derive(Clone)]
pub(crate) struct CheckedCommands {
    pub(crate) rules: Vec<RuleDef>,
    pub(crate) commands: Vec<CommandDef>,
}

/// The most commands one catalogue holds: the verb table stores positions in a byte.
const MAX_COMMANDS: usize = 254;

/// What a command catalogue is checked against.
pub(crate) struct Context<'a> {
    /// The reply catalogue its codes must be in.
    pub(crate) codes: &'a Checked,
    /// The standard command catalogue, which a user catalogue may extend; `None` when checking
    /// the standard catalogue itself.
    pub(crate) standard: Option<&'a CheckedCommands>,
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
}

/// Checks a command catalogue; `None` after any problem.
pub(crate) fn check(
    catalogue: CommandCatalogue,
    context: &Context<'_>,
    diags: &mut Diagnostics,
) -> Option<CheckedCommands> {
    let Context {
        codes, path, text, ..
    } = *context;
    let inherited = check_extends(catalogue.extends.as_ref(), context.standard, diags);
    let known = |code: &Sp<i64>, diags: &mut Diagnostics| -> Option<u16> {
        let found = u16::try_from(code.value)
            .ok()
            .filter(|c| codes.codes.iter().any(|d| d.code == *c));
        if found.is_none() {
            diags.error(
                code.span.clone(),
                format!(
                    "reply code {} is not in the reply catalogue the commands are checked against",
                    code.value
                ),
            );
        }
        found
    };

    let mut rules: Vec<RuleDef> = inherited.map(|s| s.rules.clone()).unwrap_or_default();
    for rule in catalogue.rules {
        let mut ok = known(&rule.code, diags).is_some();
        for (value, key) in [
            (&rule.who, "scope"),
            (&rule.source, "source"),
            (&rule.description, "description"),
        ] {
            ok &= not_empty(value, key, diags);
        }
        if let (true, Ok(code)) = (ok, u16::try_from(rule.code.value)) {
            rules.push(RuleDef {
                code,
                scope: rule.who.value,
                source: rule.source.value,
                description: rule.description.value,
            });
        }
    }

    let mut commands: Vec<CommandDef> = inherited.map(|s| s.commands.clone()).unwrap_or_default();
    let mut seen: SmallMap<String, String> = commands
        .iter()
        .map(|c| {
            (
                c.verb.clone(),
                format!("{} (the standard catalogue)", c.defined_at),
            )
        })
        .collect();
    for entry in catalogue.commands {
        let verb = entry.verb.value.to_ascii_uppercase();
        let place = locate(path, text, entry.verb.span.start);
        let mut well_formed = check_verb(&entry.verb, diags);
        if well_formed {
            if let Some(first) = seen.get(&verb) {
                diags.error(
                    entry.verb.span.clone(),
                    format!("duplicate verb `{verb}`; first defined at {first}"),
                );
                well_formed = false;
            } else {
                seen.insert(verb.clone(), place.clone());
            }
        }
        if let Some(def) = check_command(entry, verb, &known, place, diags) {
            if well_formed {
                commands.push(def);
            }
        }
    }
    if commands.is_empty() && diags.is_empty() {
        diags.error(
            0..0,
            "the command catalogue has no commands; add at least one `[[command]]` entry",
        );
    }
    if commands.len() > MAX_COMMANDS {
        diags.error(
            0..0,
            format!(
                "the command catalogue has {} commands; at most {MAX_COMMANDS} fit its tables",
                commands.len()
            ),
        );
    }
    if !diags.is_empty() {
        return None;
    }
    crate::sort::sort_by(&mut commands, |a, b| a.verb.cmp(&b.verb));
    Some(CheckedCommands { rules, commands })
}

/// A verb is three or four ASCII letters (RFC 959 §5.3.1 allows up to four; every command of
/// the RFCs has three or four).
fn check_verb(verb: &Sp<String>, diags: &mut Diagnostics) -> bool {
    let ok =
        (3..=4).contains(&verb.value.len()) && verb.value.bytes().all(|b| b.is_ascii_alphabetic());
    if !ok {
        diags.error(
            verb.span.clone(),
            format!("verb `{}` is not three or four ASCII letters", verb.value),
        );
    }
    ok
}

fn check_command(
    entry: CommandEntry,
    verb: String,
    known: &dyn Fn(&Sp<i64>, &mut Diagnostics) -> Option<u16>,
    defined_at: String,
    diags: &mut Diagnostics,
) -> Option<CommandDef> {
    let mut ok = not_empty(&entry.description, "description", diags);
    let source = if let Some(source) = &entry.source {
        ok &= not_empty(source, "source", diags);
        source.value.clone()
    } else {
        diags.error(
            entry.span.clone(),
            format!("command `{verb}` has no `source`: name the RFC and section that define it"),
        );
        ok = false;
        String::new()
    };
    let argument = check_argument(&entry, &verb, diags);
    ok &= argument.is_some();

    let mut replies = SlotCodes::default();
    ok &= merge(&entry.slots, &mut replies, known, diags);
    let mut added = Vec::new();
    for extra in &entry.added {
        ok &= not_empty(&extra.source, "source", diags);
        ok &= merge(&extra.slots, &mut replies, known, diags);
        let mut listed: Vec<u16> = SLOTS
            .iter()
            .filter(|(_, digit)| digit.is_some())
            .flat_map(|(key, _)| extra.slots.get(key))
            .filter_map(|c| u16::try_from(c.value).ok())
            .collect();
        crate::sort::sort_by_key(&mut listed, |&c| c);
        added.push(AddedDef {
            source: extra.source.value.clone(),
            codes: listed,
        });
    }
    ok &= check_listed(&entry, &replies, &verb, diags);
    let tolerated = check_tolerated(entry.tolerated, &replies, &verb, known, diags);
    ok &= tolerated.is_some();
    ok.then(|| CommandDef {
        variant: variant_name(&verb),
        verb,
        argument: argument.unwrap_or(ArgumentKind::None),
        syntax: entry.syntax.map(|s| s.value).unwrap_or_default(),
        source,
        description: entry.description.value,
        note: entry.note.map(|n| n.value).unwrap_or_default(),
        replies,
        added,
        tolerated: tolerated.unwrap_or_default(),
        defined_at,
    })
}

/// `extends`: only a user catalogue may say it, and only `"standard"`; the catalogue it
/// extends, if any.
fn check_extends<'a>(
    extends: Option<&Sp<String>>,
    standard: Option<&'a CheckedCommands>,
    diags: &mut Diagnostics,
) -> Option<&'a CheckedCommands> {
    let extends = extends?;
    match standard {
        None => {
            diags.error(
                extends.span.clone(),
                "the standard command catalogue cannot extend another catalogue",
            );
            None
        }
        Some(standard) if extends.value == "standard" => Some(standard),
        Some(_) => {
            diags.error(
                extends.span.clone(),
                format!(
                    "unknown catalogue `{}` in `extends`; the only one to extend is \"standard\"",
                    extends.value
                ),
            );
            None
        }
    }
}

/// The argument kind, and whether a syntax is given exactly when there is an argument.
fn check_argument(
    entry: &CommandEntry,
    verb: &str,
    diags: &mut Diagnostics,
) -> Option<ArgumentKind> {
    let argument = match entry.argument.value.as_str() {
        "none" => ArgumentKind::None,
        "required" => ArgumentKind::Required,
        "optional" => ArgumentKind::Optional,
        other => {
            diags.error(
                entry.argument.span.clone(),
                format!(
                    "unknown argument kind `{other}`; expected one of: none, required, optional"
                ),
            );
            // With an unknown kind, whether a syntax belongs is unknown too: nothing more to say.
            return None;
        }
    };
    let fits = match (&entry.syntax, argument) {
        (Some(syntax), ArgumentKind::None) => {
            diags.error(
                syntax.span.clone(),
                format!("command `{verb}` takes no argument, so it has no `syntax`"),
            );
            false
        }
        (None, ArgumentKind::Required | ArgumentKind::Optional) => {
            diags.error(
                entry.argument.span.clone(),
                format!("command `{verb}` takes an argument: give its grammar in `syntax`, as the RFC names it (`<pathname>`)"),
            );
            false
        }
        (Some(syntax), _) => not_empty(syntax, "syntax", diags),
        (None, ArgumentKind::None) => true,
    };
    fits.then_some(argument)
}

/// The entry lists replies, and every reply marked as following a 1yz is one of them.
fn check_listed(
    entry: &CommandEntry,
    replies: &SlotCodes,
    verb: &str,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    let listed_any = SLOTS
        .iter()
        .any(|(key, _)| !entry.slots.get(key).is_empty())
        || entry
            .added
            .iter()
            .any(|a| SLOTS.iter().any(|(key, _)| !a.slots.get(key).is_empty()));
    if !listed_any {
        diags.error(
            entry.verb.span.clone(),
            format!("command `{verb}` lists no replies; transcribe its row of RFC 959 §5.4 (or of its RFC)"),
        );
        ok = false;
    }
    for code in entry.slots.after_preliminary.iter().chain(
        entry
            .added
            .iter()
            .flat_map(|a| a.slots.after_preliminary.iter()),
    ) {
        if let Ok(c) = u16::try_from(code.value) {
            if !replies.contains(c) {
                diags.error(
                    code.span.clone(),
                    format!("reply {c} is marked `after_preliminary` but is in none of the command's slots"),
                );
                ok = false;
            }
        }
    }
    ok
}

/// The documented deviations: known codes the RFC row does not list, fully described.
fn check_tolerated(
    deviations: Vec<super::model::CodeNote>,
    replies: &SlotCodes,
    verb: &str,
    known: &dyn Fn(&Sp<i64>, &mut Diagnostics) -> Option<u16>,
    diags: &mut Diagnostics,
) -> Option<Vec<ToleratedDef>> {
    let mut ok = true;
    let mut tolerated = Vec::new();
    for deviation in deviations {
        let Some(code) = known(&deviation.code, diags) else {
            ok = false;
            continue;
        };
        if replies.contains(code) {
            diags.error(
                deviation.code.span.clone(),
                format!("reply {code} is already in the RFC table of `{verb}`: a tolerated deviation is a code the RFC does not list"),
            );
            ok = false;
        }
        let after_preliminary = deviation
            .after_preliminary
            .as_ref()
            .is_some_and(|a| a.value);
        if let (Some(after), true) = (&deviation.after_preliminary, after_preliminary) {
            let why = if replies.preliminary.is_empty() {
                Some(format!("`{verb}` gets no 1yz in its RFC table"))
            } else if code / 100 == 1 {
                Some(format!("{code} is a 1yz itself"))
            } else {
                None
            };
            if let Some(why) = why {
                diags.error(
                    after.span.clone(),
                    format!("`after_preliminary` marks a reply that only follows a 1yz, but {why}"),
                );
                ok = false;
            }
        }
        for (value, key) in [
            (&deviation.who, "servers"),
            (&deviation.source, "source"),
            (&deviation.description, "description"),
        ] {
            ok &= not_empty(value, key, diags);
        }
        tolerated.push(ToleratedDef {
            code,
            servers: deviation.who.value,
            source: deviation.source.value,
            description: deviation.description.value,
            after_preliminary,
        });
    }
    ok.then_some(tolerated)
}

/// Adds the codes of `slots` to `into`, checking each: in the reply catalogue, and in the slot
/// its first digit belongs to.
fn merge(
    slots: &Slots<Sp<i64>>,
    into: &mut SlotCodes,
    known: &dyn Fn(&Sp<i64>, &mut Diagnostics) -> Option<u16>,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for (key, digit) in SLOTS {
        for code in slots.get(key) {
            let Some(c) = known(code, diags) else {
                ok = false;
                continue;
            };
            if let Some(digit) = digit {
                let first = i64::from(c / 100);
                if first != *digit {
                    diags.error(
                        code.span.clone(),
                        format!(
                            "reply {c} is listed as `{key}`, but its first digit {first} means {}",
                            slot_of_digit(first)
                        ),
                    );
                    ok = false;
                    continue;
                }
            }
            let slot = into.get_mut(key);
            if !slot.contains(&c) {
                slot.push(c);
                crate::sort::sort_by_key(slot, |&c| c);
            }
        }
    }
    ok
}

fn slot_of_digit(digit: i64) -> &'static str {
    match digit {
        1 => "`preliminary`",
        2 => "`completion`",
        3 => "`intermediate`",
        4 => "`transient`",
        5 => "`permanent`",
        _ => "a protected reply (RFC 2228), which no slot holds",
    }
}

/// `RETR` -> `Retr`.
fn variant_name(verb: &str) -> String {
    let lower = verb.to_ascii_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn not_empty(value: &Sp<String>, key: &str, diags: &mut Diagnostics) -> bool {
    let ok = !value.value.trim().is_empty();
    if !ok {
        diags.error(value.span.clone(), format!("`{key}` is empty"));
    }
    ok
}
