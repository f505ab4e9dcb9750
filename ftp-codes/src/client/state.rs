//! What a session remembers between commands: how data connections are opened, the transfer
//! type and whether the server has it, and which extended commands the server refused.

#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
use crate::TransferType;

/// How the data connections of transfers are opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataMode {
    /// The client connects to the server: EPSV (RFC 2428), or PASV once the server refused
    /// EPSV. The connection goes to the control connection's peer, whatever address a 227
    /// names (ftplib's CVE-2021-4189).
    #[default]
    Passive,
    /// The server connects to the client: EPRT (RFC 2428), or PORT once the server refused
    /// EPRT (IPv4 only).
    Active,
}

/// The session's memory, kept by the sans-IO core and read by every operation.
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct State {
    pub(crate) mode: DataMode,
    pub(crate) transfer_type: TransferType,
    /// The type the server was last told, once it said yes.
    pub(crate) type_sent: Option<TransferType>,
    /// EPSV was refused (or turned off): PASV for the rest of the session.
    pub(crate) no_epsv: bool,
    /// EPRT was refused (or turned off): PORT for the rest of the session.
    pub(crate) no_eprt: bool,
    /// The host the last 227 named (not connected to: the data goes to the control peer).
    pub(crate) passive_host: Option<core::net::Ipv4Addr>,
}
