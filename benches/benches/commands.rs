//! The command catalogue: `Command::from_verb` against what servers write instead, and
//! `Command::classify` against the hand-written code lists a client has today.
//! `cargo bench -p ftp-codes-benches --bench commands`.
//!
//! Inputs: a busy session's verbs (transfers and listings dominate, a few unknown verbs), each
//! in a random case, in a new random order for every batch (the shuffle is not timed).

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[allow(dead_code)] // the code lookup's inputs are not used here
#[path = "common/inputs.rs"]
mod inputs;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::{Command, Outcome, ReplyCode};
use inputs::Lcg;
use std::collections::HashMap;
use std::hint::black_box;

/// Every catalogued verb, as literals: what a hand-written `match` or `phf_map!` lists.
macro_rules! with_verbs {
    ($m:ident) => {
        $m! { "ABOR" "ACCT" "ADAT" "ALLO" "APPE" "AUTH" "CCC" "CDUP" "CONF" "CWD" "DELE" "ENC"
        "EPRT" "EPSV" "FEAT" "HELP" "HOST" "LANG" "LIST" "LPRT" "LPSV" "MDTM" "MIC" "MKD" "MLSD"
        "MLST" "MODE" "NLST" "NOOP" "OPTS" "PASS" "PASV" "PBSZ" "PORT" "PROT" "PWD" "QUIT" "REIN"
        "REST" "RETR" "RMD" "RNFR" "RNTO" "SITE" "SIZE" "SMNT" "STAT" "STOR" "STOU" "STRU" "SYST"
        "TYPE" "USER" "XCUP" "XCWD" "XMKD" "XPWD" "XRMD" }
    };
}

const fn command(verb: &str) -> Command {
    match Command::from_verb(verb.as_bytes()) {
        Some(command) => command,
        None => panic!("a catalogued verb"),
    }
}

/// Up to four bytes, upper-cased into a fixed buffer, as a server does before it dispatches.
#[inline]
fn upper(verb: &[u8]) -> Option<([u8; 4], usize)> {
    if !(3..=4).contains(&verb.len()) {
        return None;
    }
    let mut key = [0u8; 4];
    for (slot, b) in key.iter_mut().zip(verb) {
        *slot = b.to_ascii_uppercase();
    }
    Some((key, verb.len()))
}

macro_rules! plain_match {
    ($($verb:literal)*) => {
        /// A `match` on the upper-cased verb.
        fn plain_match(verb: &[u8]) -> Option<Command> {
            let (key, len) = upper(verb)?;
            match &key[..len] {
                $(v if v == $verb.as_bytes() => Some(const { command($verb) }),)*
                _ => None,
            }
        }

        /// What most servers write: one case-insensitive comparison after another.
        fn comparison_chain(verb: &[u8]) -> Option<Command> {
            $(if verb.eq_ignore_ascii_case($verb.as_bytes()) {
                return Some(const { command($verb) });
            })*
            None
        }

        static PHF: phf::Map<&'static str, Command> = phf::phf_map! { $($verb => command($verb),)* };
    };
}
with_verbs!(plain_match);

fn phf(verb: &[u8]) -> Option<Command> {
    let (key, len) = upper(verb)?;
    PHF.get(std::str::from_utf8(&key[..len]).ok()?).copied()
}

/// The floor: a perfect hash of the four bytes, case folded by setting bit 5 of each, then one
/// comparison; no check that the bytes are letters (so it answers only for inputs of 3 or 4
/// bytes, and would take `R@TR` for `RETR`: a floor, not a parser).
struct Floor {
    slots: Box<[(u32, Option<Command>); 128]>,
    multiplier: u32,
}

impl Floor {
    fn key(verb: &[u8]) -> Option<u32> {
        let mut bytes = [0x20u8; 4];
        match verb.len() {
            3 | 4 => bytes[..verb.len()].copy_from_slice(verb),
            _ => return None,
        }
        Some(u32::from_le_bytes(bytes) | 0x2020_2020)
    }

    fn new() -> Self {
        let keys: Vec<(u32, Command)> = Command::ALL
            .iter()
            .map(|&c| (Self::key(c.verb().as_bytes()).unwrap(), c))
            .collect();
        let mut state = 0x2545_f491u32;
        loop {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let multiplier = state | 1;
            let mut slots = Box::new([(0u32, None); 128]);
            if keys.iter().all(|&(key, c)| {
                let slot = &mut slots[(key.wrapping_mul(multiplier) >> 25) as usize];
                let free = slot.1.is_none();
                *slot = (key, Some(c));
                free
            }) {
                return Self { slots, multiplier };
            }
        }
    }

    #[inline]
    fn lookup(&self, verb: &[u8]) -> Option<Command> {
        let key = Self::key(verb)?;
        let (found, command) = self.slots[(key.wrapping_mul(self.multiplier) >> 25) as usize];
        if found == key { command } else { None }
    }
}

/// A busy session's verbs, each in a random case; one in twenty is not a catalogued verb.
fn session_verbs() -> Vec<Vec<u8>> {
    const WEIGHTS: &[(&str, u32)] = &[
        ("RETR", 20),
        ("STOR", 10),
        ("LIST", 10),
        ("EPSV", 12),
        ("PASV", 6),
        ("TYPE", 8),
        ("SIZE", 8),
        ("MDTM", 6),
        ("CWD", 6),
        ("PWD", 4),
        ("NOOP", 3),
        ("MLSD", 4),
        ("DELE", 2),
        ("REST", 2),
        ("USER", 1),
        ("PASS", 1),
        ("QUIT", 1),
        ("FEAT", 1),
        ("XCRC", 2),
        ("CLNT", 1),
        ("SITE", 1),
        ("AVBL", 1),
    ];
    let mut rng = Lcg::new();
    (0..4096)
        .map(|_| {
            rng.pick(WEIGHTS)
                .bytes()
                .map(|b| {
                    if rng.next() & 1 == 0 {
                        b
                    } else {
                        b.to_ascii_lowercase()
                    }
                })
                .collect()
        })
        .collect()
}

fn from_verb(c: &mut Criterion) {
    let verbs = session_verbs();
    let mut map: HashMap<[u8; 4], Command> = HashMap::new();
    for &command in Command::ALL {
        map.insert(upper(command.verb().as_bytes()).unwrap().0, command);
    }
    let hash_map = |verb: &[u8]| upper(verb).and_then(|(key, _)| map.get(&key).copied());
    let floor = Floor::new();
    for verb in verbs
        .iter()
        .chain(&[b"RE".to_vec(), b"RETRR".to_vec(), b"r\xc3\xa9t".to_vec()])
    {
        let expected = Command::from_verb(verb);
        assert_eq!(plain_match(verb), expected);
        assert_eq!(comparison_chain(verb), expected);
        assert_eq!(phf(verb), expected);
        assert_eq!(hash_map(verb), expected);
        if verb.iter().all(u8::is_ascii_alphabetic) {
            assert_eq!(floor.lookup(verb), expected);
        }
    }
    let mut group = c.benchmark_group("command lookup: a session's verbs, random case");
    group.throughput(Throughput::Elements(verbs.len() as u64));
    macro_rules! alternative {
        ($name:literal, $lookup:expr) => {
            let mut rng = Lcg::new();
            group.bench_function(BenchmarkId::from_parameter($name), |b| {
                b.iter_batched_ref(
                    || {
                        let mut order: Vec<&[u8]> = verbs.iter().map(Vec::as_slice).collect();
                        rng.shuffle(&mut order);
                        order
                    },
                    |order| {
                        order
                            .iter()
                            .map(|&verb| {
                                $lookup(black_box(verb)).map_or(0, |c: Command| c as usize)
                            })
                            .sum::<usize>()
                    },
                    BatchSize::PerIteration,
                );
            });
        };
    }
    alternative!("ftp_codes Command::from_verb", Command::from_verb);
    alternative!("perfect hash, no letter check (floor)", |v| floor.lookup(v));
    alternative!("match on the upper-cased verb", plain_match);
    alternative!("case-insensitive comparison chain", comparison_chain);
    alternative!("std HashMap", hash_map);
    alternative!("phf map", phf);
    group.finish();
}

/// What a client writes today: per command, the codes that mean success, "go on", or failure.
fn hand_written(command: Command, code: u16) -> Outcome {
    const TRANSFER_STARTED: &[u16] = &[125, 150];
    const TRANSFER_DONE: &[u16] = &[226, 250];
    const OK: &[u16] = &[200];
    let (started, done, more): (&[u16], &[u16], &[u16]) = match command {
        Command::Retr | Command::Stor | Command::List | Command::Nlst | Command::Mlsd => {
            (TRANSFER_STARTED, TRANSFER_DONE, &[])
        }
        Command::Epsv => (&[], &[229], &[]),
        Command::Pasv => (&[], &[227], &[]),
        Command::Size | Command::Mdtm => (&[], &[213], &[]),
        Command::Cwd | Command::Dele => (&[], &[250], &[]),
        Command::Pwd => (&[], &[257], &[]),
        Command::Rest => (&[], &[], &[350]),
        Command::User => (&[], &[230], &[331, 332]),
        Command::Pass => (&[], &[230, 202], &[332]),
        Command::Quit => (&[], &[221], &[]),
        Command::Feat => (&[], &[211], &[]),
        _ => (&[], OK, &[]),
    };
    if started.contains(&code) {
        Outcome::Preliminary
    } else if done.contains(&code) {
        Outcome::Completed
    } else if more.contains(&code) {
        Outcome::Intermediate
    } else if (400..500).contains(&code) {
        Outcome::TransientFailure
    } else if (500..600).contains(&code) {
        Outcome::PermanentFailure
    } else {
        Outcome::Unexpected
    }
}

/// The replies of a busy session, each with the command it answers.
fn session_replies() -> Vec<(Command, ReplyCode)> {
    const PAIRS: &[(&str, u16, u32)] = &[
        ("RETR", 150, 10),
        ("RETR", 226, 10),
        ("STOR", 150, 5),
        ("STOR", 226, 5),
        ("LIST", 150, 5),
        ("LIST", 226, 5),
        ("EPSV", 229, 12),
        ("PASV", 227, 6),
        ("TYPE", 200, 8),
        ("SIZE", 213, 6),
        ("SIZE", 550, 2),
        ("MDTM", 213, 6),
        ("CWD", 250, 5),
        ("CWD", 550, 1),
        ("PWD", 257, 4),
        ("NOOP", 200, 3),
        ("REST", 350, 2),
        ("USER", 331, 1),
        ("PASS", 230, 1),
        ("RETR", 425, 1),
        ("STOR", 452, 1),
        ("QUIT", 221, 1),
    ];
    let pairs: Vec<((&str, u16), u32)> = PAIRS.iter().map(|&(v, c, w)| ((v, c), w)).collect();
    let mut rng = Lcg::new();
    (0..4096)
        .map(|_| {
            let (verb, code) = rng.pick(&pairs);
            (
                Command::from_verb(verb.as_bytes()).unwrap(),
                ReplyCode::from_u16(code).unwrap(),
            )
        })
        .collect()
}

fn classify(c: &mut Criterion) {
    let replies = session_replies();
    for &(command, code) in &replies {
        assert_eq!(
            command.classify(code),
            hand_written(command, code.as_u16()),
            "{command} {code}"
        );
    }
    let mut group = c.benchmark_group("classify: a session's replies");
    group.throughput(Throughput::Elements(replies.len() as u64));
    macro_rules! alternative {
        ($name:literal, $classify:expr) => {
            let mut rng = Lcg::new();
            group.bench_function(BenchmarkId::from_parameter($name), |b| {
                b.iter_batched_ref(
                    || {
                        let mut order = replies.clone();
                        rng.shuffle(&mut order);
                        order
                    },
                    |order| {
                        order
                            .iter()
                            .map(|&(command, code)| {
                                $classify(black_box(command), black_box(code)) as usize
                            })
                            .sum::<usize>()
                    },
                    BatchSize::PerIteration,
                );
            });
        };
    }
    alternative!("ftp_codes Command::classify", Command::classify);
    alternative!("hand-written code lists", |command, code: ReplyCode| {
        hand_written(command, code.as_u16())
    });
    group.finish();
}

criterion_group!(benches, from_verb, classify);
criterion_main!(benches);
