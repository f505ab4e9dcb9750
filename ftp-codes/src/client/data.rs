//! The data connection, opened and closed by the session and owned by the caller's type: a
//! `TcpStream` pair on std, an embassy-net `TcpSocket` (with its buffers) on a microcontroller.
//! The session only ever asks for the control connection's peer: the connection never goes to
//! an address a reply names.

use core::net::SocketAddr;

/// A blocking data connection: what `Session` (feature `embedded-io`) opens and closes around
/// each transfer. The transfer's own code (the mover given to `Session::transfer`) moves the
/// bytes over it.
///
/// `StdData` is the one `std` users get with `Client` (feature `std`).
pub trait DataConnection {
    /// What opening, accepting or closing can fail with: the control transport's error type.
    type Error;

    /// Opens the data connection to the control connection's peer at `port` (passive mode:
    /// the port of a 229 or 227).
    fn connect(&mut self, port: u16) -> Result<(), Self::Error>;

    /// Starts listening for the server's connection (active mode): the address to announce
    /// in EPRT or PORT, on the interface the control connection uses.
    fn listen(&mut self) -> Result<SocketAddr, Self::Error>;

    /// Accepts the server's connection on the listener of [`listen`](Self::listen), after the
    /// transfer command's 1yz.
    fn accept(&mut self) -> Result<(), Self::Error>;

    /// Closes the data connection and any listener: after the data moved (the end of an
    /// upload), or when the transfer was refused before it moved. Closing what is not open
    /// does nothing.
    fn close(&mut self) -> Result<(), Self::Error>;
}

/// [`DataConnection`] for an async session (feature `embedded-io-async`): the same four
/// calls, awaited.
///
/// # Cancel safety
/// The session awaits these inside its own calls, which are not cancel-safe as a whole. A
/// future dropped half-way may leave a connection or listener open: `close` must close
/// whatever is open, as the session calls it before the next transfer and after every one.
pub trait AsyncDataConnection {
    /// What opening, accepting or closing can fail with: the control transport's error type.
    type Error;

    /// Opens the data connection to the control connection's peer at `port`.
    fn connect(&mut self, port: u16) -> impl Future<Output = Result<(), Self::Error>>;

    /// Starts listening for the server's connection: the address to announce.
    fn listen(&mut self) -> impl Future<Output = Result<SocketAddr, Self::Error>>;

    /// Accepts the server's connection on the listener.
    fn accept(&mut self) -> impl Future<Output = Result<(), Self::Error>>;

    /// Closes the data connection and any listener.
    fn close(&mut self) -> impl Future<Output = Result<(), Self::Error>>;
}
