//! Explains FTP reply codes and transcripts.
//!
//! - `cargo run --example explain -- 421 227 299 abc`: for each argument, the code, its category
//!   and group, and for a catalogued code its RFC text, source and description. A well-formed
//!   code outside the catalogue is classified by its digits. Bad input is reported on stderr,
//!   and the exit status is 2 if any argument was bad.
//! - `cargo run --example explain < session.txt`: with no arguments, reads a control-connection
//!   transcript (server replies, optionally with client command lines in between) and explains
//!   each reply, with the decoded payload where there is one.

mod codes;
mod payloads;
mod transcript;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        transcript::run()
    } else {
        codes::run(&args)
    }
}
