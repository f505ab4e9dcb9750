//! The firmware's side: semihosting output and exit status, and the measurements (stack
//! painting, and instructions counted through SysTick under QEMU's `-icount`).

use crate::report;
use core::fmt::{self, Write as _};
use cortex_m::peripheral::{SYST, syst::SystClkSource};
use cortex_m_rt::entry;
use cortex_m_semihosting::debug::{self, EXIT_FAILURE, EXIT_SUCCESS};
use cortex_m_semihosting::hio;

/// Semihosting's standard output as a `fmt::Write`.
struct Host(hio::HostStream);

impl fmt::Write for Host {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write_all(s.as_bytes()).map_err(|()| fmt::Error)
    }
}

#[entry]
fn main() -> ! {
    let Ok(stdout) = hio::hstdout() else {
        exit(false)
    };
    let mut out = Host(stdout);
    let Some(peripherals) = cortex_m::Peripherals::take() else {
        exit(false)
    };
    let ok = report::report(&mut out).is_ok()
        && out
            .write_str("--- measured on the emulated Cortex-M4F ---\n")
            .is_ok()
        && measure::all(&mut out, peripherals.SYST).is_ok();
    exit(ok)
}

fn exit(ok: bool) -> ! {
    debug::exit(if ok { EXIT_SUCCESS } else { EXIT_FAILURE });
    loop {
        cortex_m::asm::bkpt();
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    if let Ok(stdout) = hio::hstdout() {
        let _ = writeln!(Host(stdout), "panic: {info}");
    }
    exit(false)
}

mod measure {
    //! Stack: the region below the stack pointer is painted, the call made, and the lowest
    //! word no longer holding the paint is how deep the call went. Instructions: SysTick counts
    //! QEMU's virtual clock, which `-icount shift=0` advances one nanosecond per instruction;
    //! a loop of known length calibrates instructions per tick.

    use super::*;
    use core::hint::black_box;
    use ftp_codes::client::control::Control;
    use ftp_codes::reply::{self, ParseOptions, Status};
    use ftp_codes::write::{WriteOptions, Writer};
    use ftp_codes::{Code, Command};

    const PAINT: u32 = 0xA5A5_5A5A;
    /// How far below the stack pointer the paint goes: more than any call here uses.
    const DEPTH: usize = 8 * 1024;

    /// The bytes of stack `f` touched, counted from this function's stack pointer.
    #[inline(never)]
    fn stack_used(f: &mut dyn FnMut()) -> usize {
        let top = cortex_m::register::msp::read() as usize & !3;
        // A margin for this function's own calls (the paint loop, the call to `f`).
        let start = top - 64;
        let bottom = start - DEPTH;
        // SAFETY: the words between `bottom` and `start` lie below the stack pointer, in the
        // 4 MiB of RAM the stack grows into, and nothing else lives there.
        unsafe {
            for address in (bottom..start).step_by(4) {
                core::ptr::write_volatile(address as *mut u32, PAINT);
            }
        }
        f();
        let mut lowest = start;
        for address in (bottom..start).step_by(4) {
            // SAFETY: as above; these words were written just now.
            if unsafe { core::ptr::read_volatile(address as *const u32) } != PAINT {
                lowest = address;
                break;
            }
        }
        top - lowest
    }

    struct Clock {
        syst: SYST,
        instructions_per_tick: u64,
    }

    impl Clock {
        fn new(mut syst: SYST) -> Self {
            syst.set_clock_source(SystClkSource::Core);
            syst.set_reload(0x00FF_FFFF);
            syst.clear_current();
            syst.enable_counter();
            let mut clock = Self {
                syst,
                instructions_per_tick: 1,
            };
            // `subs` and `bne`: two instructions a turn, 1,000,000 turns.
            let ticks = clock.ticks(&mut || calibration_loop(1_000_000));
            clock.instructions_per_tick = (2_000_000 + ticks / 2) / ticks.max(1);
            clock
        }

        /// SysTick ticks `f` took (it counts down from 2^24 - 1, so f must stay under that).
        fn ticks(&mut self, f: &mut dyn FnMut()) -> u64 {
            self.syst.clear_current();
            let start = SYST::get_current();
            f();
            let end = SYST::get_current();
            u64::from(start.wrapping_sub(end) & 0x00FF_FFFF)
        }

        fn instructions(&mut self, f: &mut dyn FnMut()) -> u64 {
            self.ticks(f) * self.instructions_per_tick
        }
    }

    #[inline(never)]
    fn calibration_loop(turns: u32) {
        // SAFETY: a register-only countdown.
        unsafe {
            core::arch::asm!("1:", "subs {0}, {0}, #1", "bne 1b", inout(reg) turns => _, options(nomem, nostack));
        }
    }

    const REPLY: &[u8] = b"229 Entering Extended Passive Mode (|||41735|)\r\n";

    pub(super) fn all(out: &mut dyn fmt::Write, syst: SYST) -> fmt::Result {
        let options = ParseOptions::strict();
        let parse = stack_used(&mut || {
            black_box(reply::parse(black_box(REPLY), &options)).ok();
        });
        let read_reply = stack_used(&mut || {
            let mut buffer = [0u8; 256];
            let mut control = Control::new(
                report::Pieces::new(black_box(REPLY), 64),
                &mut buffer,
                options,
            );
            black_box(control.read_reply().map(|r| r.code())).ok();
        });
        let write = stack_used(&mut || {
            let mut buf = [0u8; 128];
            let mut w = Writer::new(&mut buf, WriteOptions::default());
            black_box(w.write(black_box(Code::ServiceReady))).ok();
        });
        let command = stack_used(&mut || {
            let mut buf = [0u8; 128];
            let mut w = Writer::new(&mut buf, WriteOptions::default());
            black_box(w.command(black_box(Command::Retr), black_box(b"big.bin"))).ok();
        });
        let code = reply::parse(REPLY, &options).ok().and_then(|s| match s {
            Status::Complete((r, _)) => Some(r.code()),
            Status::Partial => None,
        });
        let Some(code) = code else {
            return Err(fmt::Error);
        };
        let classify = stack_used(&mut || {
            black_box(black_box(Command::Epsv).classify(black_box(code)));
        });
        writeln!(
            out,
            "peak stack, bytes: reply::parse {parse}, Control::read_reply {read_reply} (with its 256-byte buffer), Writer::write {write}, Writer::command {command}, Command::classify {classify}"
        )?;

        let mut clock = Clock::new(syst);
        writeln!(
            out,
            "instructions per SysTick tick (calibrated): {}",
            clock.instructions_per_tick
        )?;
        let server = &report::SERVERS[0];
        const ROUNDS: u64 = 50;
        let mut replies = 0u64;
        let mut rest = server.replies;
        while let Ok(Status::Complete((_, used))) = reply::parse(rest, &options) {
            rest = &rest[used..];
            replies += 1;
        }
        let parse_all = clock.instructions(&mut || {
            for _ in 0..ROUNDS {
                let mut rest = black_box(server.replies);
                while let Ok(Status::Complete((_, used))) = reply::parse(rest, &options) {
                    rest = &rest[used..];
                }
            }
        });
        let control_all = clock.instructions(&mut || {
            for _ in 0..ROUNDS {
                let mut buffer = [0u8; 512];
                let transport = report::Pieces::new(black_box(server.replies), 1460);
                let mut control = Control::new(transport, &mut buffer, options);
                while control.read_reply().is_ok() {}
            }
        });
        let classify_all = clock.instructions(&mut || {
            for n in 0..1000u16 {
                if let Ok(code) = ftp_codes::ReplyCode::from_u16(black_box(100 + n % 560)) {
                    black_box(black_box(Command::Retr).classify(code));
                }
            }
        });
        let per = |total: u64| total / (ROUNDS * replies);
        writeln!(
            out,
            "instructions per reply (the vsftpd transcript, {replies} replies, {} bytes): reply::parse {}, Control::read_reply {}",
            server.replies.len(),
            per(parse_all),
            per(control_all)
        )?;
        writeln!(
            out,
            "instructions per classify (RETR, codes 100..659): {}",
            classify_all / 1000
        )?;
        client(out, &mut clock)?;
        server_session(out, &mut clock)
    }

    /// The server session: the embedded_server example's whole scripted session (stack), and
    /// pipelined commands through the session core against `command::parse` alone and against
    /// the bare work under the session (paths joined, the same replies written, no gate).
    fn server_session(out: &mut dyn fmt::Write, clock: &mut Clock) -> fmt::Result {
        use crate::server::{PIPELINED, bare_work, parse_alone, served, session_core};
        let serve_stack = stack_used(&mut || {
            let mut replies = [0u8; 2048];
            black_box(served(black_box(1460), &mut replies));
        });
        let core_stack = stack_used(&mut || {
            black_box(session_core(black_box(PIPELINED), |reply| {
                black_box(reply);
            }));
        });
        const ROUNDS: u64 = 50;
        let lines = parse_alone(PIPELINED) as u64;
        let core = clock.instructions(&mut || {
            for _ in 0..ROUNDS {
                black_box(session_core(black_box(PIPELINED), |reply| {
                    black_box(reply);
                }));
            }
        }) / (ROUNDS * lines);
        let bare = clock.instructions(&mut || {
            for _ in 0..ROUNDS {
                black_box(bare_work(black_box(PIPELINED), |reply| {
                    black_box(reply);
                }));
            }
        }) / (ROUNDS * lines);
        let parse = clock.instructions(&mut || {
            for _ in 0..ROUNDS {
                black_box(parse_alone(black_box(PIPELINED)));
            }
        }) / (ROUNDS * lines);
        writeln!(
            out,
            "server session: peak stack embedded_server::serve {serve_stack} bytes (its 128-byte line buffer and 512-byte reply buffer included), the session core {core_stack} (its 512-byte reply buffer included); instructions per command ({lines} pipelined, each answered) session core {core}, the bare work under it {bare}, command::parse alone {parse}"
        )
    }

    /// The client session against the same exchanges through `control::Control` alone: stack and
    /// instructions of a whole firmware download (login, TYPE, SIZE, MDTM, EPSV, RETR, QUIT).
    fn client(out: &mut dyn fmt::Write, clock: &mut Clock) -> fmt::Result {
        use crate::client::{control_alone, session};
        let session_stack = stack_used(&mut || {
            black_box(session(black_box(1460)));
        });
        let control_stack = stack_used(&mut || {
            black_box(control_alone(black_box(1460)));
        });
        const SESSIONS: u64 = 50;
        let session_instructions = clock.instructions(&mut || {
            for _ in 0..SESSIONS {
                black_box(session(black_box(1460)));
            }
        }) / SESSIONS;
        let control_instructions = clock.instructions(&mut || {
            for _ in 0..SESSIONS {
                black_box(control_alone(black_box(1460)));
            }
        }) / SESSIONS;
        writeln!(
            out,
            "client session (a firmware download, 10 replies, 256-byte buffer): peak stack client::Session {session_stack} bytes, control::Control alone {control_stack}; instructions per session {session_instructions}, control::Control alone {control_instructions} ({}.{:02}x)",
            session_instructions / control_instructions.max(1),
            session_instructions * 100 / control_instructions.max(1) % 100
        )
    }
}
