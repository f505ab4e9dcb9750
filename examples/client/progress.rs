//! A progress bar for transfers (indicatif), on standard error when it is a terminal.

use ftp_codes::client::{Client, Progress};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::ops::ControlFlow;

/// Shows each transfer's bytes on a bar: a length when the server announced one, a spinner
/// otherwise. Nothing when standard error is not a terminal (a pipe, a log, the tests).
pub(crate) fn show(ftp: &mut Client) {
    if !std::io::stderr().is_terminal() {
        return;
    }
    let bar = ProgressBar::hidden();
    let mut last_command = None;
    ftp.on_progress(move |progress: Progress| {
        if progress.bytes == 0 || last_command != Some((progress.command, progress.expected)) {
            last_command = Some((progress.command, progress.expected));
            bar.reset();
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_style(style(progress.expected.is_some()));
            bar.set_length(progress.expected.unwrap_or(0));
            bar.set_message(progress.command.to_string());
        }
        bar.set_position(progress.bytes);
        if progress.expected == Some(progress.bytes) {
            bar.finish_and_clear();
        }
        ControlFlow::Continue(())
    });
}

fn style(sized: bool) -> ProgressStyle {
    let template = if sized {
        "{msg} {bar:30} {bytes}/{total_bytes} {bytes_per_sec} {eta}"
    } else {
        "{msg} {spinner} {bytes} {bytes_per_sec}"
    };
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}
