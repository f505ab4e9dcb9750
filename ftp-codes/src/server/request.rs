//! `Request`: what the session asks the server to carry out, with checked, typed arguments.

use crate::TransferType;
use core::net::SocketAddr;

/// A command the session checked (implemented, logged in, in sequence, its argument well
/// formed) and hands to the server to carry out. Paths are absolute and normalised against
/// the working directory ([`Path`](super::Path)): `/`-separated bytes, none above the root.
/// The server answers through [`Session::answer`](super::Session::answer) and its shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Request<'a> {
    /// PASS after USER: check the password. 230 logs in, 530 refuses.
    Login {
        /// USER's argument.
        user: &'a [u8],
        /// PASS's argument (may be empty).
        password: &'a [u8],
    },
    /// CWD, CDUP and their X forms: whether the directory exists. A 2yz makes it the working
    /// directory.
    ChangeDirectory(&'a [u8]),
    /// MKD, XMKD: create the directory. [`Session::succeed`](super::Session::succeed) writes
    /// its 257 with the path.
    MakeDirectory(&'a [u8]),
    /// RMD, XRMD.
    RemoveDirectory(&'a [u8]),
    /// DELE.
    Delete(&'a [u8]),
    /// RNFR: whether the file exists. A 350 makes the next command's RNTO a rename.
    RenameFrom(&'a [u8]),
    /// RNTO after an RNFR the server answered 350.
    Rename {
        /// RNFR's path.
        from: &'a [u8],
        /// RNTO's path.
        to: &'a [u8],
    },
    /// SIZE (213 with [`Writer::size`](crate::write::Writer::size)); in the type of
    /// `transfer_type`.
    Size(&'a [u8], TransferType),
    /// MDTM (213 with [`Writer::mdtm`](crate::write::Writer::mdtm)).
    Modified(&'a [u8]),
    /// MLST (the working directory without an argument): the fact line of
    /// [`Writer::mlst`](crate::write::Writer::mlst), with
    /// [`Session::facts`](super::Session::facts).
    Facts(&'a [u8]),
    /// STAT: the server's status without a path (211), a listing over the control connection
    /// with one (213), or a transfer's progress while one runs (211).
    Status(Option<&'a [u8]>),
    /// PASV or EPSV: listen for the client's data connection, then answer with
    /// [`Session::passive`](super::Session::passive).
    Passive(Passive),
    /// PORT or EPRT: the client listens at this address; connect when a transfer starts, and
    /// answer 200 now (or refuse an address that is not the client's, RFC 2577 §3).
    Active(SocketAddr),
    /// RETR: send the file from `offset` (REST's, or 0).
    Retrieve {
        /// The file.
        path: &'a [u8],
        /// Where to start.
        offset: u64,
        /// TYPE's.
        transfer_type: TransferType,
    },
    /// STOR or APPE: store the data connection's bytes.
    Store {
        /// The file.
        path: &'a [u8],
        /// REST's offset (0 without one): write from there, keeping what is before.
        offset: u64,
        /// APPE: append to the file (creating it if need be).
        append: bool,
        /// TYPE's.
        transfer_type: TransferType,
    },
    /// LIST, NLST, MLSD: send the directory's (or the file's) entries.
    List {
        /// The directory or file (`ls` options such as `-la` are left out).
        path: &'a [u8],
        /// Which lines.
        format: ListFormat,
    },
    /// ABOR while a transfer runs: stop it, then answer with
    /// [`Session::aborted`](super::Session::aborted) (426 for the transfer, 226 for ABOR).
    Abort,
    /// A command the server implements that the session has no typed request for (SITE,
    /// ACCT, ...): its verb and argument as sent.
    Other {
        /// The command.
        command: crate::Command,
        /// Its argument, as sent.
        argument: &'a [u8],
    },
}

/// Which passive command, and for EPSV which network protocol (RFC 2428 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Passive {
    /// PASV: answered `227 (h1,h2,h3,h4,p1,p2)`, IPv4 only.
    Pasv,
    /// EPSV: answered `229 (|||port|)`; `Some(1)` for IPv4, `Some(2)` for IPv6, `None` for
    /// the control connection's own.
    Epsv(Option<u8>),
}

/// Which listing a [`Request::List`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ListFormat {
    /// LIST: `ls -l` lines ([`Writer::ls_entry`](crate::write::Writer::ls_entry)).
    Long,
    /// NLST: names only, one per line.
    Names,
    /// MLSD: fact lines ([`Writer::mlsx_entry`](crate::write::Writer::mlsx_entry)) with
    /// [`Session::facts`](super::Session::facts).
    Facts,
}
