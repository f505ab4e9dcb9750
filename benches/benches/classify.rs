//! Classifying raw reply-code bytes: `ReplyCode::from_ascii` + `category()` + `group()` against
//! the common `str::parse::<u16>()` and divide-by-100 approach.
//! `cargo bench -p ftp-codes-benches --bench classify`.

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[path = "common/inputs.rs"]
#[allow(dead_code)] // this bench uses only some of the inputs
mod inputs;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::ReplyCode;
use std::hint::black_box;

/// The three ASCII digits of every value 0..=999, in random order (codes outside 100..=699
/// included: both approaches must reject them).
fn digits() -> Vec<[u8; 3]> {
    inputs::every_value()
        .into_iter()
        .map(|n| {
            let s = format!("{n:03}");
            s.as_bytes().try_into().unwrap()
        })
        .collect()
}

/// ftp-codes: the category and group digits, or 0 for input that is not a reply code.
fn ftp_codes(bytes: &[u8]) -> u32 {
    match ReplyCode::from_ascii(bytes) {
        Ok(code) => {
            u32::from(code.category().digit()) * 10
                + code.group().map_or(9, |g| u32::from(g.digit()))
        }
        Err(_) => 0,
    }
}

/// The usual approach: UTF-8 check, `parse::<u16>()`, then arithmetic on the number.
fn parse_and_divide(bytes: &[u8]) -> u32 {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    match text.parse::<u16>() {
        Ok(n) if (100..=699).contains(&n) => {
            let group = n / 10 % 10;
            u32::from(n / 100) * 10 + if group <= 5 { u32::from(group) } else { 9 }
        }
        _ => 0,
    }
}

fn bench(c: &mut Criterion) {
    let inputs = digits();
    for input in &inputs {
        assert_eq!(ftp_codes(input), parse_and_divide(input), "{input:?}");
    }
    let mut group =
        c.benchmark_group("classification of three ASCII digits (0..=999, random order)");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("ftp_codes ReplyCode::from_ascii + category + group", |b| {
        b.iter(|| inputs.iter().map(|i| ftp_codes(black_box(i))).sum::<u32>());
    });
    group.bench_function("str::parse::<u16> + divide by 100", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|i| parse_and_divide(black_box(i)))
                .sum::<u32>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
