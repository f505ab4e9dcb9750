//! Explains FTP reply codes: `cargo run --example explain -- 421 227 299 abc`
//!
//! For each argument: the code, its category and group, and for a catalogued code its RFC
//! text, source and description. A well-formed code outside the catalogue is classified by its
//! digits. Bad input is reported on stderr, and the exit status is 2 if any argument was bad.

use ftp_codes::{Code, ReplyCode};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: explain CODE...   (for example: explain 421 227 299)");
        return ExitCode::from(2);
    }
    let mut out = io::stdout().lock();
    let mut status = ExitCode::SUCCESS;
    let mut explained = 0;
    for arg in &args {
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

fn explain(out: &mut impl Write, code: ReplyCode) -> io::Result<()> {
    let category = code.category();
    match code.known() {
        Some(entry) => writeln!(out, "{entry}")?,
        None => writeln!(
            out,
            "{code} (not in the catalogue: classified by its digits)"
        )?,
    }
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
        )?,
        None => writeln!(
            out,
            "  group     x{}z: none (RFC 959 defines second digits 0 to 5 only)",
            code.second_digit()
        )?,
    }
    if let Some(entry) = code.known() {
        write_entry(out, entry)?;
    }
    Ok(())
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
