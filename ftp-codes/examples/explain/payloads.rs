//! What a reply's payload says, in words, for the replies that carry one.

use ftp_codes::payload::{self, PayloadError};
use ftp_codes::reply::Reply;

/// The decoded payload of `reply`, if its code has one. `last_command` (such as `MDTM`) tells
/// the two kinds of 213 apart.
pub(crate) fn describe(
    reply: &Reply<'_>,
    last_command: &str,
) -> Option<Result<String, PayloadError>> {
    let text = match reply.code().as_u16() {
        110 => payload::mark(reply)
            .map(|m| format!("restart marker {} = {}", lossy(m.user), lossy(m.server))),
        120 => payload::minutes(reply).map(|m| format!("ready in {m} minutes")),
        150 => payload::transfer_size(reply).map(|size| match size {
            Some(bytes) => format!("transfer of {bytes} bytes"),
            None => "no transfer size given".to_owned(),
        }),
        211 if reply.is_multiline() => payload::features(reply).map(|features| {
            let names: Vec<String> = features.map(|f| lossy(f.line())).collect();
            format!("{} features: {}", names.len(), names.join(", "))
        }),
        213 if last_command.eq_ignore_ascii_case("MDTM") => {
            payload::mdtm(reply).map(|t| format!("modified {t}"))
        }
        213 if last_command.eq_ignore_ascii_case("SIZE") => {
            payload::size(reply).map(|s| format!("size {s} bytes"))
        }
        227 => payload::pasv(reply).map(|a| {
            format!(
                "passive address {a} (connect to the control connection's host, port {})",
                a.port()
            )
        }),
        228 => payload::lpsv(reply).map(|a| format!("long passive address {a}")),
        229 => payload::epsv(reply).map(|p| format!("extended passive port {p}")),
        257 => payload::pathname(reply).map(|p| {
            let name: Vec<u8> = p.chunks().flatten().copied().collect();
            format!("pathname {}", lossy(&name))
        }),
        _ => return None,
    };
    Some(text)
}

pub(crate) fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
