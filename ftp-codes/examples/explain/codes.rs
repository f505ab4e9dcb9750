//! `explain CODE...`: one entry per argument.

use ftp_codes::{Code, ReplyCode};
use std::io::{self, Write};
use std::process::ExitCode;

pub(crate) fn run(args: &[String]) -> ExitCode {
    let mut out = io::stdout().lock();
    let mut status = ExitCode::SUCCESS;
    let mut explained = 0;
    for arg in args {
        let written = match arg.parse::<ReplyCode>() {
            Ok(code) => {
                let separator = if explained > 0 { "\n" } else { "" };
                explained += 1;
                write!(out, "{separator}").and_then(|()| explain(&mut out, code))
            }
            Err(error) => {
                eprintln!("error: `{arg}`: {error}");
                status = ExitCode::from(2);
                Ok(())
            }
        };
        // A closed pipe (`explain ... | head`) is not an error worth a panic.
        if written.is_err() {
            break;
        }
    }
    status
}

pub(crate) fn explain(out: &mut impl Write, code: ReplyCode) -> io::Result<()> {
    match code.known() {
        Some(entry) => writeln!(out, "{entry}")?,
        None => writeln!(
            out,
            "{code} (not in the catalogue: classified by its digits)"
        )?,
    }
    classify(out, code)?;
    if let Some(entry) = code.known() {
        write_entry(out, entry)?;
    }
    Ok(())
}

/// The category and group lines.
pub(crate) fn classify(out: &mut impl Write, code: ReplyCode) -> io::Result<()> {
    let category = code.category();
    writeln!(
        out,
        "  category  {}yz {category}: {}",
        category.digit(),
        category.description()
    )?;
    match code.group() {
        Some(group) => writeln!(
            out,
            "  group     x{}z {group}: {}",
            group.digit(),
            group.description()
        ),
        None => writeln!(
            out,
            "  group     x{}z: none (RFC 959 defines second digits 0 to 5 only)",
            code.second_digit()
        ),
    }
}

fn write_entry(out: &mut impl Write, entry: Code) -> io::Result<()> {
    writeln!(out, "  source    {}", entry.source())?;
    writeln!(out, "  meaning   {}", entry.description())?;
    for also in entry.alternatives() {
        writeln!(
            out,
            "  also      {}: \"{}\": {}",
            also.source, also.text, also.description
        )?;
    }
    Ok(())
}
