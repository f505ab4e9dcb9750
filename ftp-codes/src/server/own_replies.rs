//! The replies the session writes from what it knows alone: FEAT (from the commands the
//! server implements), HELP, and OPTS for UTF8 and MLST.

use super::config::Tls;
use super::error::ServerError;
use super::session::Session;
use crate::listing::FactSet;
use crate::write::{WriteError, Writer};
use crate::{Code, Command};

/// FEAT's lines for the commands that have one (RFC 2389 §3.2): each shown when the server
/// implements its command.
const FEATURES: [(Command, &str); 6] = [
    (Command::Eprt, "EPRT"),
    (Command::Epsv, "EPSV"),
    (Command::Mdtm, "MDTM"),
    (Command::Pasv, "PASV"),
    (Command::Rest, "REST STREAM"),
    (Command::Size, "SIZE"),
];

/// FEAT's lines when TLS is offered (RFC 4217 §6).
const TLS_FEATURES: [&[u8]; 3] = [b"AUTH TLS", b"PBSZ", b"PROT"];

impl<const N: usize> Session<N> {
    /// `211-Features:` with the extensions the server implements, MLST with its facts (lftp
    /// and ncftp use MLSD only when FEAT lists MLST), `UTF8` (RFC 2640: paths are bytes,
    /// sent back as they came), `211 End`.
    pub(super) fn features(&mut self, out: &mut [u8]) -> Result<usize, ServerError> {
        let commands = self.config.commands;
        let tls = self.config.tls != Tls::Off;
        let mut mlst = [0u8; 64];
        let mlst = if commands.contains(Command::Mlst) || commands.contains(Command::Mlsd) {
            Some(self.config.facts.feature(self.facts, &mut mlst)?)
        } else {
            None
        };
        let mut lines: [&[u8]; FEATURES.len() + 6] = [b""; FEATURES.len() + 6];
        let mut count: usize = 0;
        let listed = FEATURES
            .iter()
            .filter(|(command, _)| commands.contains(*command))
            .map(|(_, line)| line.as_bytes())
            .chain(mlst)
            .chain([&b"TVFS"[..], b"UTF8"])
            .chain(TLS_FEATURES.iter().copied().filter(|_| tls));
        for (slot, line) in lines.iter_mut().zip(listed) {
            *slot = line;
            count = count.saturating_add(1);
        }
        let mut writer = Writer::new(out, self.config.write_options);
        Ok(writer.features(lines.get(..count).unwrap_or_default())?)
    }

    /// `214-` and the verbs the server implements, eight to a line, then `214 Help okay.`.
    pub(super) fn help(&mut self, out: &mut [u8]) -> Result<usize, ServerError> {
        const PER_LINE: usize = 8;
        const MAX_LINES: usize = 16;
        // Each verb is at most four letters and a space before it.
        let mut text = [0u8; MAX_LINES * PER_LINE * 5];
        let mut ends = [0usize; MAX_LINES];
        let (mut len, mut count): (usize, usize) = (0, 0);
        let total = self.config.commands.iter().count();
        for (i, command) in self.config.commands.iter().enumerate() {
            let verb = command.verb().as_bytes();
            let end = len.saturating_add(1).saturating_add(verb.len());
            let slot = text
                .get_mut(len..end)
                .ok_or(ServerError::Write(WriteError::BufferTooSmall))?;
            slot.fill(b' ');
            slot.get_mut(1..).unwrap_or_default().copy_from_slice(verb);
            len = end;
            let placed = i.saturating_add(1);
            if placed % PER_LINE == 0 || placed == total {
                *ends
                    .get_mut(count)
                    .ok_or(ServerError::Write(WriteError::BufferTooSmall))? = len;
                count = placed.div_ceil(PER_LINE);
            }
        }
        let mut lines: [&[u8]; MAX_LINES + 2] = [b""; MAX_LINES + 2];
        lines[0] = b"The following commands are recognized:";
        let mut start = 0;
        for (slot, &end) in lines
            .iter_mut()
            .skip(1)
            .zip(ends.get(..count).unwrap_or_default())
        {
            *slot = text.get(start..end).unwrap_or_default();
            start = end;
        }
        let last = count.saturating_add(1);
        if let Some(slot) = lines.get_mut(last) {
            *slot = b"Help okay.";
        }
        let lines = lines.get(..=last).unwrap_or_default();
        Ok(Writer::new(out, self.config.write_options).reply(Code::HelpMessage, lines)?)
    }

    /// `OPTS UTF8 ON` (always on: paths are bytes), `OPTS MLST facts;` (RFC 3659 §7.9: the
    /// facts the server writes among those named, listed in the reply); 501 for the rest.
    pub(super) fn options(
        &mut self,
        argument: &[u8],
        out: &mut [u8],
    ) -> Result<usize, ServerError> {
        let (name, value) = match argument.iter().position(|&b| b == b' ') {
            Some(space) => (
                argument.get(..space).unwrap_or_default(),
                argument.get(space.saturating_add(1)..).unwrap_or_default(),
            ),
            None => (argument, &b""[..]),
        };
        if name.eq_ignore_ascii_case(b"UTF8")
            && (value.is_empty() || value.eq_ignore_ascii_case(b"ON"))
        {
            return self.own(out, Code::CommandOk, "Always in UTF8 mode.");
        }
        if !name.eq_ignore_ascii_case(b"MLST") || !self.config.commands.contains(Command::Mlst) {
            return self.own(out, Code::SyntaxErrorInArguments, "Option not understood.");
        }
        self.facts = FactSet::from_opts(value).intersection(self.config.facts);
        let mut text = [0u8; 64];
        let mut len: usize = 0;
        let names = self
            .facts
            .each()
            .flat_map(|(_, name)| [name.as_bytes(), b";"]);
        for piece in [&b"MLST OPTS "[..]].into_iter().chain(names) {
            let end = len.saturating_add(piece.len());
            if let Some(slot) = text.get_mut(len..end) {
                slot.copy_from_slice(piece);
                len = end;
            }
        }
        let text = text.get(..len).unwrap_or_default();
        Ok(Writer::new(out, self.config.write_options).reply(Code::CommandOk, &[text])?)
    }
}
