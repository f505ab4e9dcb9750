//! Explains FTP reply codes: `cargo run --example explain -- 421 227 299 abc`
//!
//! For each argument: the code, its category and group, and for a catalogued code its RFC
//! text, source and description. A well-formed code outside the catalogue is classified by its
//! digits. Bad input is reported on stderr, and the exit status is 2 if any argument was bad.

use ftp_codes::{Code, ReplyCode};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: explain CODE...   (for example: explain 421 227 299)");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    let mut explained = 0;
    for arg in &args {
        match arg.parse::<ReplyCode>() {
            Ok(code) => {
                if explained > 0 {
                    println!();
                }
                explain(code);
                explained += 1;
            }
            Err(error) => {
                eprintln!("error: `{arg}`: {error}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}

fn explain(code: ReplyCode) {
    let category = code.category();
    match code.known() {
        Some(entry) => println!("{entry}"),
        None => println!("{code} (not in the catalogue: classified by its digits)"),
    }
    println!(
        "  category  {}yz {category}: {}",
        category.digit(),
        category.description()
    );
    match code.group() {
        Some(group) => println!(
            "  group     x{}z {group}: {}",
            group.digit(),
            group.description()
        ),
        None => println!(
            "  group     x{}z: none (RFC 959 defines second digits 0 to 5 only)",
            code.second_digit()
        ),
    }
    if let Some(entry) = code.known() {
        print_entry(entry);
    }
}

fn print_entry(entry: Code) {
    println!("  source    {}", entry.source());
    println!("  meaning   {}", entry.description());
    for also in entry.alternatives() {
        println!(
            "  also      {}: \"{}\": {}",
            also.source, also.text, also.description
        );
    }
}
