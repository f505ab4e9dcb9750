//! `Writer::command` on any command, any argument and either IAC policy: it never panics, and
//! what it writes is exactly one command line that `command::parse` reads back as the same
//! verb and argument; nothing else reaches the buffer. With doubling off, no 0xFF is written;
//! with it on, every 0xFF is doubled.
#![no_main]

use ftp_codes::Command;
use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::write::{WriteOptions, Writer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, argument) = data.split_first().unwrap_or((&0, data));
    let command = Command::ALL[usize::from(*flags >> 2) % Command::ALL.len()];
    let double = flags & 1 == 1;
    let options = WriteOptions::default()
        .with_double_iac(double)
        .with_interrupt_before_abor(flags & 2 == 2);
    let mut buf = [0u8; 512];
    let mut out = Writer::new(&mut buf, options);
    let Ok(len) = out.command(command, argument) else {
        assert!(
            out.written().is_empty(),
            "nothing of a refused line is kept"
        );
        return;
    };
    let written = out.written();
    assert_eq!(len, written.len());
    let body = &written[..written.len() - 2];
    assert!(written.ends_with(b"\r\n"));
    assert!(!body.iter().any(|&b| matches!(b, b'\r' | b'\n' | 0)));
    // Lenient: the writer lets other control characters through (a name may hold a TAB), which
    // the strict framer refuses; CR, LF and NUL never.
    let Ok(Status::Complete((line, used))) = command::parse(written, &ParseOptions::lenient())
    else {
        panic!("a written line the framer refuses: {written:?}");
    };
    assert_eq!(used, written.len(), "exactly one line");
    assert_eq!(line.command(), Some(command));
    let back: Vec<u8> = if double {
        line.argument_chunks().flatten().copied().collect()
    } else {
        assert!(!line.argument().contains(&0xFF), "a lone IAC on the wire");
        line.argument().to_vec()
    };
    assert_eq!(back, argument);
});
