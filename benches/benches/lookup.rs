//! Looking up a code's entry from a `u16`: `Code::from_u16` + `text()` against what a user
//! would write instead. `cargo bench -p ftp-codes-benches --bench lookup`.
//!
//! Every alternative holds the same texts: the `match` and the `phf` map are written out at
//! compile time from the catalogue itself (`const` evaluation of `Code::text`), the others are
//! built from `Code::ALL` at start-up. A check before measuring makes sure all of them agree
//! with `Code` on every input. Every batch gets the inputs in a new random order (the shuffle is
//! not timed): a branch predictor learns a repeated sequence of a thousand, and inputs it cannot
//! learn (hostile or corrupted ones) are the point.

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
mod inputs;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::Code;
use std::collections::HashMap;
use std::hint::black_box;

/// The catalogue's text for `code`, evaluated at compile time.
const fn text_of(code: u16) -> &'static str {
    match Code::from_u16(code) {
        Some(code) => code.text(),
        None => "",
    }
}

/// The codes, as literals: what a hand-written `match` or `phf_map!` would list.
macro_rules! with_codes {
    ($m:ident) => {
        // The first carries its type: phf needs it, and it is harmless elsewhere.
        $m! {110u16 120 125 150 200 202 211 212 213 214 215 220 221 225 226 227 228 229 230 232 234 235
        250 257 331 332 334 335 336 350 421 425 426 430 431 434 450 451 452 500 501 502 503 504
        521 522 530 532 533 534 535 536 537 550 551 552 553 554 555 631 632 633}
    };
}

macro_rules! plain_match {
    ($($code:literal)*) => {
        /// What many crates do: a `match` from number to text.
        fn plain_match(code: u16) -> Option<&'static str> {
            match code {
                $($code => Some(const { text_of($code) }),)*
                _ => None,
            }
        }
    };
}
with_codes!(plain_match);

macro_rules! phf_table {
    ($($code:literal)*) => {
        static PHF: phf::Map<u16, &'static str> = phf::phf_map! { $($code => text_of($code),)* };
    };
}
with_codes!(phf_table);

/// The alternatives built at start-up from the catalogue.
struct Tables {
    sorted: Vec<(u16, &'static str)>,
    hash: HashMap<u16, &'static str>,
    /// One byte per possible code (0..=999) into `entries`; 255 where there is none.
    dense: Box<[u8; 1000]>,
    entries: Vec<&'static str>,
}

impl Tables {
    fn new() -> Self {
        let sorted: Vec<(u16, &'static str)> =
            Code::ALL.iter().map(|c| (c.as_u16(), c.text())).collect();
        let hash = sorted.iter().copied().collect();
        let mut dense = Box::new([u8::MAX; 1000]);
        for (i, (code, _)) in sorted.iter().enumerate() {
            dense[usize::from(*code)] = u8::try_from(i).unwrap();
        }
        let entries = sorted.iter().map(|(_, text)| *text).collect();
        Self {
            sorted,
            hash,
            dense,
            entries,
        }
    }

    fn binary_search(&self, code: u16) -> Option<&'static str> {
        self.sorted
            .binary_search_by_key(&code, |e| e.0)
            .ok()
            .map(|i| self.sorted[i].1)
    }

    /// A linear scan over (code, text) pairs, as many libraries do.
    fn linear(&self, code: u16) -> Option<&'static str> {
        self.sorted.iter().find(|e| e.0 == code).map(|e| e.1)
    }

    fn hash_map(&self, code: u16) -> Option<&'static str> {
        self.hash.get(&code).copied()
    }

    /// The floor: one byte per possible code, straight into the entries.
    fn dense(&self, code: u16) -> Option<&'static str> {
        let i = *self.dense.get(usize::from(code))?;
        self.entries.get(usize::from(i)).copied()
    }
}

fn ftp_codes(code: u16) -> Option<&'static str> {
    Code::from_u16(code).map(Code::text)
}

fn phf(code: u16) -> Option<&'static str> {
    PHF.get(&code).copied()
}

/// Sums text lengths so that every lookup's result is used.
#[inline]
fn run(inputs: &[u16], lookup: impl Fn(u16) -> Option<&'static str>) -> usize {
    inputs
        .iter()
        .map(|&code| lookup(black_box(code)).map_or(0, str::len))
        .sum()
}

fn bench(c: &mut Criterion) {
    let tables = Tables::new();
    for input in 0..1000u16 {
        let expected = ftp_codes(input);
        assert_eq!(plain_match(input), expected, "match {input}");
        assert_eq!(phf(input), expected, "phf {input}");
        assert_eq!(tables.binary_search(input), expected);
        assert_eq!(tables.linear(input), expected);
        assert_eq!(tables.hash_map(input), expected);
        assert_eq!(tables.dense(input), expected);
    }
    for (name, inputs) in [
        ("every value 0..=999", inputs::every_value()),
        ("realistic mix", inputs::realistic_mix()),
    ] {
        let mut group = c.benchmark_group(format!("lookup: {name}"));
        group.throughput(Throughput::Elements(inputs.len() as u64));
        let inputs = &inputs;
        // One generic `run` per alternative: every lookup is inlined into its own loop.
        macro_rules! alternative {
            ($name:literal, $lookup:expr) => {
                let mut rng = inputs::Lcg::new();
                group.bench_function(BenchmarkId::from_parameter($name), |b| {
                    b.iter_batched_ref(
                        || {
                            let mut order = inputs.clone();
                            rng.shuffle(&mut order);
                            order
                        },
                        |order| run(order, $lookup),
                        BatchSize::PerIteration,
                    );
                });
            };
        }
        alternative!("ftp_codes Code::from_u16 + text", ftp_codes);
        alternative!("dense index table (floor)", |c| tables.dense(c));
        alternative!("plain match", plain_match);
        alternative!("sorted slice + binary search", |c| tables.binary_search(c));
        alternative!("std HashMap", |c| tables.hash_map(c));
        alternative!("phf map", phf);
        alternative!("linear scan", |c| tables.linear(c));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
