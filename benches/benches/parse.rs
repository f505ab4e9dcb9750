//! Reply parsing throughput on a large realistic transcript and on a session's short replies,
//! next to the floors: only splitting the same buffer into lines, with `<[u8]>::split` and with
//! memchr's SIMD search. `cargo bench -p ftp-codes-benches --bench parse`.

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[path = "common/transcript.rs"]
mod transcript;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::reply::{self, ParseOptions, Status};
use std::hint::black_box;

/// Frames every reply of `buf`; the number of replies.
fn parse_all(buf: &[u8], options: &ParseOptions) -> usize {
    let mut rest = buf;
    let mut replies = 0;
    while let Ok(Status::Complete((reply, used))) = reply::parse(rest, options) {
        replies += 1;
        black_box(reply.code());
        rest = &rest[used..];
    }
    replies
}

/// Frames every reply of `buf` and reads each of its lines back; the number of lines.
fn parse_and_read_lines(buf: &[u8], options: &ParseOptions) -> usize {
    let mut rest = buf;
    let mut lines = 0;
    while let Ok(Status::Complete((reply, used))) = reply::parse(rest, options) {
        for line in reply.lines() {
            black_box(line);
            lines += 1;
        }
        rest = &rest[used..];
    }
    lines
}

/// The SIMD floor: every line ending found with memchr, nothing else; the number of lines.
fn memchr_lines(buf: &[u8]) -> usize {
    let mut lines = 0;
    for end in memchr::memchr_iter(b'\n', buf) {
        black_box(end);
        lines += 1;
    }
    lines
}

/// A session's replies as vsftpd sends them, mostly one line of about 45 bytes (a login, a
/// directory change, passive transfers, SIZE, MDTM), a FEAT now and then; `len` bytes of them.
fn short_replies(len: usize) -> Vec<u8> {
    const SESSION: &[&str] = &[
        "220 (vsFTPd 3.0.3)\r\n",
        "331 Please specify the password.\r\n",
        "230 Login successful.\r\n",
        "211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n",
        "257 \"/home/alice\" is the current directory\r\n",
        "250 Directory successfully changed.\r\n",
        "200 Switching to Binary mode.\r\n",
        "213 1048576\r\n",
        "213 20240301123456\r\n",
        "229 Entering Extended Passive Mode (|||40123|)\r\n",
        "150 Opening BINARY mode data connection for report.pdf (1048576 bytes).\r\n",
        "226 Transfer complete.\r\n",
        "227 Entering Passive Mode (127,0,0,1,156,203).\r\n",
        "150 Here comes the directory listing.\r\n",
        "226 Directory send OK.\r\n",
        "350 Ready for RNTO.\r\n",
        "250 Rename successful.\r\n",
        "250 Delete operation successful.\r\n",
        "221 Goodbye.\r\n",
    ];
    let mut out = Vec::with_capacity(len);
    for reply in SESSION.iter().cycle() {
        if out.len() + reply.len() > len {
            break;
        }
        out.extend_from_slice(reply.as_bytes());
    }
    out
}

/// The floor: find every line ending (as `<[u8]>::split` does), nothing else; the number of lines.
fn split_lines(buf: &[u8]) -> usize {
    let mut lines = 0;
    for line in buf.split(|&b| b == b'\n') {
        black_box(line);
        lines += 1;
    }
    lines
}

fn bench(c: &mut Criterion) {
    // The transcript holds a glftpd reply that ends with another code: accept it, as a client
    // of such a server would.
    let options = ParseOptions::lenient().with_mismatched_ends(true);
    let corpora = [
        ("2 MiB transcript", transcript::transcript(2 * 1024 * 1024)),
        ("short replies, 1 MiB", short_replies(1024 * 1024)),
    ];
    for (name, buf) in &corpora {
        assert!(
            parse_all(buf, &options) > 10_000,
            "the whole corpus must parse"
        );
        let mut group = c.benchmark_group(format!("reply parsing ({name})"));
        group.throughput(Throughput::Bytes(buf.len() as u64));
        group.bench_function("ftp_codes::reply::parse (lenient, mismatched ends)", |b| {
            b.iter(|| parse_all(black_box(buf), &options));
        });
        group.bench_function("reply::parse, then every line through Reply::lines", |b| {
            b.iter(|| parse_and_read_lines(black_box(buf), &options));
        });
        group.bench_function("line split only (floor)", |b| {
            b.iter(|| split_lines(black_box(buf)));
        });
        group.bench_function("memchr line split (SIMD floor)", |b| {
            b.iter(|| memchr_lines(black_box(buf)));
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
