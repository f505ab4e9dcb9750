//! Runs the firmware download of `tests/shared/download.rs` N times through `client::Session`
//! or through `control::Control` alone, for an instruction counter (`valgrind --tool=callgrind`):
//! `cargo run --release -p ftp-codes-benches --example session_instructions -- session 1000`.

#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/shared/download.rs"]
mod download;
#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/shared/pieces.rs"]
mod pieces;

use pieces::Pieces;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let run = match which.as_str() {
        "session" => download::session,
        "control" => download::control_alone,
        _ => {
            eprintln!("usage: session_instructions session|control [ROUNDS]");
            std::process::exit(2);
        }
    };
    let mut received = 0;
    for _ in 0..rounds {
        received += run(black_box(1460)).unwrap_or(0);
    }
    println!("{received}");
}
