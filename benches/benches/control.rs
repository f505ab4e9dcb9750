//! The command writer and `control::Control`: commands written per second, and replies read per
//! second through `control::Control` over an in-memory transport against `reply::Parser` alone on the
//! same bytes. `cargo bench -p ftp-codes-benches --bench control`.

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[allow(dead_code, unreachable_pub)] // shared with the QEMU firmware, which uses all of it
#[path = "../../tests/shared/pieces.rs"]
mod pieces;
#[path = "common/transcript.rs"]
mod transcript;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::Command;
use ftp_codes::client::control::Control;
use ftp_codes::reply::{ParseOptions, Parser, Status};
use ftp_codes::write::{WriteOptions, Writer};
use std::hint::black_box;

/// A busy client's commands and arguments.
const COMMANDS: &[(Command, &[u8])] = &[
    (Command::Epsv, b""),
    (Command::Retr, b"pub/releases/ftp-codes-0.1.0.tar.gz"),
    (Command::Type, b"I"),
    (Command::Size, b"pub/data.bin"),
    (Command::Mdtm, b"pub/data.bin"),
    (Command::Cwd, b"/pub/releases"),
    (Command::Stor, b"upload/report 2026-11-26.csv"),
    (Command::List, b""),
    (Command::Pwd, b""),
    (Command::Noop, b""),
];

const PER_BATCH: usize = 1000;

fn writing(c: &mut Criterion) {
    let mut buf = vec![0u8; 128 * 1024];
    let mut group = c.benchmark_group("command writing (1000 commands into a buffer)");
    group.throughput(Throughput::Elements(PER_BATCH as u64));
    group.bench_function("Writer::command (checked: argument, CR, LF, NUL)", |b| {
        b.iter(|| {
            let mut out = Writer::new(&mut buf, WriteOptions::default());
            for &(command, argument) in COMMANDS.iter().cycle().take(PER_BATCH) {
                out.command(black_box(command), black_box(argument))
                    .unwrap();
            }
            out.len()
        });
    });
    group.bench_function(
        "copying verb, space, argument, CRLF (floor, no checks)",
        |b| {
            b.iter(|| {
                let mut len = 0;
                for &(command, argument) in COMMANDS.iter().cycle().take(PER_BATCH) {
                    let (verb, argument) =
                        (black_box(command).verb().as_bytes(), black_box(argument));
                    let line = &mut buf[len..];
                    line[..verb.len()].copy_from_slice(verb);
                    let mut at = verb.len();
                    if !argument.is_empty() {
                        line[at] = b' ';
                        line[at + 1..at + 1 + argument.len()].copy_from_slice(argument);
                        at += 1 + argument.len();
                    }
                    line[at..at + 2].copy_from_slice(b"\r\n");
                    len += at + 2;
                }
                len
            });
        },
    );
    group.finish();
}

fn reading(c: &mut Criterion) {
    let bytes = transcript::transcript(256 * 1024);
    let options = ParseOptions::lenient().with_mismatched_ends(true);
    let parser_alone = |bytes: &[u8]| {
        let mut parser = Parser::new(options);
        let (mut rest, mut replies) = (bytes, 0usize);
        while let Ok(Status::Complete((reply, used))) = parser.parse(rest) {
            replies += usize::from(reply.code().as_u16() > 0);
            rest = &rest[used..];
        }
        replies
    };
    let through_control = |bytes: &[u8]| {
        let mut buffer = [0u8; 4096];
        let transport = pieces::Pieces::new(bytes, 1460);
        let mut control = Control::new(transport, &mut buffer, options);
        let mut replies = 0usize;
        while let Ok(reply) = control.read_reply() {
            replies += usize::from(reply.code().as_u16() > 0);
        }
        replies
    };
    let replies = parser_alone(&bytes);
    assert_eq!(through_control(&bytes), replies, "both read every reply");
    let mut group = c.benchmark_group("reply reading (256 KiB transcript)");
    group.throughput(Throughput::Elements(replies as u64));
    group.bench_function("reply::Parser over the bytes in memory (floor)", |b| {
        b.iter(|| parser_alone(black_box(&bytes)));
    });
    group.bench_function(
        "control::Control::read_reply, 1,460-byte reads, 4 KiB buffer",
        |b| {
            b.iter(|| through_control(black_box(&bytes)));
        },
    );
    group.finish();
}

criterion_group!(benches, writing, reading);
criterion_main!(benches);
