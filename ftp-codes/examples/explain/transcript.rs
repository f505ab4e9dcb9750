//! `explain < transcript`: every reply of a control-connection transcript, explained.

use crate::codes::classify;
use crate::payloads::{describe, lossy};
use ftp_codes::reply::{self, ParseOptions, Reply, Status};
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

pub(crate) fn run() -> ExitCode {
    if io::stdin().is_terminal() {
        eprintln!(
            "explain: reading a transcript from stdin (end with Ctrl-D); or give codes: explain 421 227"
        );
    }
    let mut input = Vec::new();
    if let Err(error) = io::stdin().read_to_end(&mut input) {
        eprintln!("error: cannot read stdin: {error}");
        return ExitCode::from(2);
    }
    let mut out = io::stdout().lock();
    // A write error is a closed pipe (`explain < t | head`): stop quietly.
    match explain_all(&input, &mut out) {
        Ok(false) => ExitCode::from(2),
        Ok(true) | Err(_) => ExitCode::SUCCESS,
    }
}

/// Explains every reply; `Ok(false)` if some of the input was not a reply.
fn explain_all(input: &[u8], out: &mut impl Write) -> io::Result<bool> {
    let options = ParseOptions::lenient();
    let mut offset = 0;
    let mut all_good = true;
    let mut last_command = String::new();
    while let Some(rest) = input.get(offset..).filter(|rest| !rest.is_empty()) {
        let line_len = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |lf| lf + 1);
        if !starts_with_code(rest) {
            let command = lossy(rest.get(..line_len).unwrap_or_default().trim_ascii());
            if !command.is_empty() {
                writeln!(out, "> {command}")?;
                command
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .clone_into(&mut last_command);
            }
            offset += line_len;
            continue;
        }
        match reply::parse(rest, &options) {
            Ok(Status::Complete((reply, used))) => {
                explain_reply(out, &reply, &last_command)?;
                offset += used;
            }
            Ok(Status::Partial) => {
                eprintln!("error at byte {offset}: the transcript ends inside a reply");
                return Ok(false);
            }
            Err(error) => {
                eprintln!(
                    "error at byte {}: {}",
                    offset + error.offset(),
                    error.kind()
                );
                all_good = false;
                offset += line_len;
            }
        }
    }
    Ok(all_good)
}

fn starts_with_code(bytes: &[u8]) -> bool {
    bytes
        .get(..3)
        .is_some_and(|digits| ftp_codes::ReplyCode::from_ascii(digits).is_ok())
}

fn explain_reply(out: &mut impl Write, reply: &Reply<'_>, last_command: &str) -> io::Result<()> {
    let code = reply.code();
    writeln!(out, "< {code} {}", lossy(reply.text()))?;
    match reply.known() {
        Some(entry) => writeln!(out, "  catalogue {entry} ({})", entry.source())?,
        None => writeln!(out, "  catalogue (not catalogued)")?,
    }
    classify(out, code)?;
    if reply.is_multiline() {
        writeln!(out, "  lines     {}", reply.line_count())?;
    }
    if let Some(end) = reply.mismatched_end() {
        writeln!(out, "  note      the reply ended with another code, {end}")?;
    }
    match describe(reply, last_command) {
        Some(Ok(payload)) => writeln!(out, "  payload   {payload}")?,
        Some(Err(error)) => writeln!(out, "  payload   unreadable: {error}")?,
        None => {}
    }
    writeln!(out)
}
