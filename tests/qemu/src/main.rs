//! The report of `report.rs`, printed by the host (`cargo run`) or by the firmware under
//! `qemu-system-arm -M mps2-an386` through semihosting. `tests/qemu/run` compares the two.
//! The firmware then prints what it measured (stack and instructions) after the report.

#![cfg_attr(target_os = "none", no_std, no_main)]

mod client;
mod report;
mod server;

#[cfg(target_os = "none")]
mod firmware;

#[cfg(not(target_os = "none"))]
fn main() -> std::process::ExitCode {
    let mut text = String::new();
    match report::report(&mut text) {
        Ok(()) => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
