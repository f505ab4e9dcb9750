//! Programs on `ftp-codes` that need crates the library does not: `examples/client/`, a
//! command-line FTP client on `ftp_codes::client::Client` with a progress bar (indicatif).
//! Run it with `cargo run --example client -- ftp://HOST:PORT/ ls`.
//! `examples/server/` is an FTP server on `ftp_codes::server::Server`, with FTPS when built
//! with `--features tls`: `cargo run --example server -- --root DIR`.
