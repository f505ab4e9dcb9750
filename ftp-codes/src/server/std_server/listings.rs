//! The lines of LIST, NLST and MLSD, and of STAT's replies.

use super::file_system::{Access, FileInfo};
use crate::listing::FactSet;
use crate::payload::Timestamp;
use crate::server::ListFormat;
use crate::write::{WriteOptions, Writer};
use std::net::SocketAddr;
use std::vec::Vec;

/// The listing's lines, sorted by name, each with its CRLF (`control`: without, for a
/// reply's lines). An entry whose name cannot be written (CR, LF or NUL in it) is left out.
pub(super) fn listing(
    mut entries: Vec<(Vec<u8>, FileInfo)>,
    format: ListFormat,
    facts: FactSet,
    now: Timestamp,
    control: bool,
) -> Vec<Vec<u8>> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut buf = std::vec![0u8; 8192];
    let mut lines = Vec::with_capacity(entries.len().saturating_add(2));
    if control {
        lines.push(b"Status follows:".to_vec());
    }
    for (name, info) in &entries {
        let listed = info.listed(name);
        let mut out = Writer::new(&mut buf, WriteOptions::new());
        let written = match format {
            ListFormat::Long => out.ls_entry(&listed, now),
            ListFormat::Facts => out.mlsx_entry(&listed, facts),
            ListFormat::Names => out.name_entry(name),
        };
        if written.is_err() {
            continue;
        }
        let line = out.written();
        let line = if control {
            line.strip_suffix(b"\r\n").unwrap_or(line)
        } else {
            line
        };
        lines.push(line.to_vec());
    }
    if control {
        lines.push(b"End of status.".to_vec());
    }
    lines
}

/// STAT without a path: who is connected, and how.
pub(super) fn status_lines(peer: SocketAddr, access: Access) -> Vec<Vec<u8>> {
    let access = match access {
        Access::ReadOnly => "read-only",
        Access::ReadWrite => "read-write",
    };
    std::vec![
        b"FTP server status:".to_vec(),
        std::format!("Connected to {peer}").into_bytes(),
        std::format!("Access {access}").into_bytes(),
        b"End of status.".to_vec(),
    ]
}
