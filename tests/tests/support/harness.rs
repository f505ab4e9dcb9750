//! The test harness of the binaries that talk to real servers and clients (libtest-mimic): a
//! test whose server or client is missing shows as ignored, with the reason, in `cargo test`'s
//! own summary, instead of passing silently. Under `FTP_CODES_REQUIRE_SERVERS=1` (CI) it fails.

use libtest_mimic::{Arguments, Completion, Trial};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

/// The panic payload of [`skip`]: why the test could not run.
struct Skip(String);

thread_local! {
    /// Whether this thread's test is being skipped: its unwinding is no failure.
    static SKIPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the running test is unwinding from a [`skip`], not from a failure (a scratch
/// directory is kept for a failure only).
pub fn skipping() -> bool {
    SKIPPING.with(std::cell::Cell::get)
}

/// Ends the running test as skipped (ignored, with `why`), or fails it when servers are
/// required. Only inside a test run by [`run`].
pub fn skip(why: String) -> ! {
    assert!(
        !super::servers_required(),
        "{why} (FTP_CODES_REQUIRE_SERVERS=1)"
    );
    SKIPPING.with(|skipping| skipping.set(true));
    panic::panic_any(Skip(why))
}

/// The list [`run`] takes, each test by its function's name: `tests![a, b]`.
#[macro_export]
macro_rules! tests {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), $name as fn())),*]
    };
}

/// Runs `tests` as `cargo test` does (filters, `--ignored`, `--list` and the summary line),
/// each one's panics its failure, a [`skip`] its ignoring.
pub fn run(tests: &[(&'static str, fn())]) -> ExitCode {
    let args = Arguments::from_args();
    let report = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<Skip>().is_none() {
            report(info);
        }
    }));
    let trials = tests
        .iter()
        .map(|&(name, test)| {
            Trial::ignorable_test(name, move || {
                SKIPPING.with(|skipping| skipping.set(false));
                match panic::catch_unwind(AssertUnwindSafe(test)) {
                    Ok(()) => Ok(Completion::Completed),
                    Err(payload) => match payload.downcast::<Skip>() {
                        Ok(skip) => Ok(Completion::ignored_with(skip.0)),
                        Err(payload) => panic::resume_unwind(payload),
                    },
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}
