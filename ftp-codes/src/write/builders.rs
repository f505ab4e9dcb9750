//! Payload builders: each writes the reply that the matching `payload` parser reads back.

use super::decimal::Decimal;
use super::emit::{Sink, check};
use super::{WriteError, Writer};
use crate::line::scan::{find, pieces_through};
use crate::payload::Timestamp;
use crate::payload::timestamp::fraction_ascii;
use crate::{Code, ReplyCode};
use core::net::SocketAddrV4;

impl Writer<'_> {
    /// `227 Entering Passive Mode (h1,h2,h3,h4,p1,p2).`, read back by
    /// [`payload::pasv`](crate::payload::pasv). Port 0 cannot be written.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    /// use std::net::SocketAddrV4;
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.pasv("127.0.0.1:1025".parse::<SocketAddrV4>()?)?;
    /// assert_eq!(out.written(), b"227 Entering Passive Mode (127,0,0,1,4,1).\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pasv(&mut self, address: SocketAddrV4) -> Result<usize, WriteError> {
        // No data connection goes to port 0: the parser refuses it, so the writer does too.
        if address.port() == 0 {
            return Err(WriteError::Unrepresentable);
        }
        let [h1, h2, h3, h4] = address.ip().octets();
        let [p1, p2] = address.port().to_be_bytes();
        self.line(Code::EnteringPassiveMode, |sink| {
            sink.put(b"Entering Passive Mode (")?;
            for (i, byte) in [h1, h2, h3, h4, p1, p2].into_iter().enumerate() {
                if i > 0 {
                    sink.put(b",")?;
                }
                sink.put(Decimal::new(u64::from(byte)).as_bytes())?;
            }
            sink.put(b").")
        })
    }

    /// `229 Entering Extended Passive Mode (|||port|)`, read back by
    /// [`payload::epsv`](crate::payload::epsv). Port 0 cannot be written.
    pub fn epsv(&mut self, port: u16) -> Result<usize, WriteError> {
        if port == 0 {
            return Err(WriteError::Unrepresentable);
        }
        self.line(Code::EnteringExtendedPassiveMode, |sink| {
            sink.put(b"Entering Extended Passive Mode (|||")?;
            sink.put(Decimal::new(u64::from(port)).as_bytes())?;
            sink.put(b"|)")
        })
    }

    /// `257 "NAME" COMMENT` with every `"` in the name doubled (RFC 959 Appendix II), read back
    /// by [`payload::pathname`](crate::payload::pathname). CR, LF and NUL in the name or the
    /// comment are refused.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.pathname(br#"/say "hi""#, b"is the current directory")?;
    /// assert_eq!(out.written(), b"257 \"/say \"\"hi\"\"\" is the current directory\r\n");
    /// # Ok::<(), ftp_codes::write::WriteError>(())
    /// ```
    pub fn pathname(&mut self, name: &[u8], comment: &[u8]) -> Result<usize, WriteError> {
        let double_iac = self.options_double_iac();
        // A check without doubling also refuses 0xFF: passed, only a quote can need doubling.
        let no_iac = check(&[name, comment], false).is_ok();
        if !no_iac {
            check(&[name, comment], double_iac)?;
        }
        // Nothing to double: one copy a piece. Anything else takes the general way.
        if no_iac && find(name, b'"').is_none() {
            let code = ReplyCode::from(Code::PathnameCreated);
            return if comment.is_empty() {
                self.parts_line(code, &[b"\"", name, b"\""])
            } else {
                self.parts_line(code, &[b"\"", name, b"\" ", comment])
            };
        }
        self.line(Code::PathnameCreated, |sink| {
            sink.put(b"\"")?;
            // Each embedded quote doubled (RFC 959 Appendix II).
            for piece in pieces_through(name, b'"') {
                sink.text(piece, double_iac)?;
                if piece.ends_with(b"\"") {
                    sink.put(b"\"")?;
                }
            }
            sink.put(b"\"")?;
            if !comment.is_empty() {
                sink.put(b" ")?;
                sink.text(comment, double_iac)?;
            }
            Ok(())
        })
    }

    /// `213 SIZE`, read back by [`payload::size`](crate::payload::size).
    pub fn size(&mut self, size: u64) -> Result<usize, WriteError> {
        self.parts_line(Code::FileStatus.into(), &[Decimal::new(size).as_bytes()])
    }

    /// `213 YYYYMMDDHHMMSS[.fraction]` (RFC 3659), read back by
    /// [`payload::mdtm`](crate::payload::mdtm); the fraction only when there is one, with the
    /// digits the timestamp keeps ([`Timestamp::fraction_digits`]).
    ///
    /// ```
    /// use ftp_codes::{payload::Timestamp, write::{WriteOptions, Writer}};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.mdtm(Timestamp::new(2026, 11, 24, 9, 43, 19, 250_000_000)?)?;
    /// assert_eq!(out.written(), b"213 20261124094319.25\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mdtm(&mut self, time: Timestamp) -> Result<usize, WriteError> {
        self.line(Code::FileStatus, |sink| time_val(sink, time))
    }

    /// `150 File status okay; about to open data connection.`, with ` (N bytes)` before the
    /// period when the size is known, read back by
    /// [`payload::transfer_size`](crate::payload::transfer_size).
    pub fn transfer_starting(&mut self, size: Option<u64>) -> Result<usize, WriteError> {
        self.line(Code::FileStatusOk, |sink| {
            sink.put(b"File status okay; about to open data connection")?;
            if let Some(size) = size {
                sink.put(b" (")?;
                sink.put(Decimal::new(size).as_bytes())?;
                sink.put(b" bytes)")?;
            }
            sink.put(b".")
        })
    }

    /// `120 Service ready in N minutes.`, read back by
    /// [`payload::minutes`](crate::payload::minutes).
    pub fn ready_in(&mut self, minutes: u32) -> Result<usize, WriteError> {
        self.line(Code::ServiceReadyInMinutes, |sink| {
            sink.put(b"Service ready in ")?;
            sink.put(Decimal::new(u64::from(minutes)).as_bytes())?;
            sink.put(b" minutes.")
        })
    }

    /// `110 MARK yyyy = mmmm` (RFC 959), read back by [`payload::mark`](crate::payload::mark).
    /// Markers must be non-empty and hold no spaces.
    pub fn mark(&mut self, user: &[u8], server: &[u8]) -> Result<usize, WriteError> {
        check(&[user, server], self.options_double_iac())?;
        let bad = |marker: &[u8]| marker.is_empty() || marker.contains(&b' ');
        if bad(user) || bad(server) {
            return Err(WriteError::Unrepresentable);
        }
        let double_iac = self.options_double_iac();
        self.line(Code::RestartMarker, |sink| {
            sink.put(b"MARK ")?;
            sink.text(user, double_iac)?;
            sink.put(b" = ")?;
            sink.text(server, double_iac)
        })
    }

    /// The reply to FEAT in the RFC 2389 form, read back by
    /// [`payload::features`](crate::payload::features): `211-Features:`, one feature per line
    /// indented by a space, `211 End`. With no features, the single line `211 No features.`.
    /// A feature must be non-empty and not start with a space.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.features(&["MDTM", "REST STREAM", "SIZE"])?;
    /// assert_eq!(out.written(), b"211-Features:\r\n MDTM\r\n REST STREAM\r\n SIZE\r\n211 End\r\n");
    /// # Ok::<(), ftp_codes::write::WriteError>(())
    /// ```
    pub fn features<T: AsRef<[u8]>>(&mut self, features: &[T]) -> Result<usize, WriteError> {
        check(features, self.options_double_iac())?;
        if features
            .iter()
            .any(|f| f.as_ref().first().is_none_or(|&b| b == b' '))
        {
            return Err(WriteError::Unrepresentable);
        }
        if features.is_empty() {
            return self.reply(Code::SystemStatus, &["No features."]);
        }
        let digits = ReplyCode::from(Code::SystemStatus).to_ascii();
        let double_iac = self.options_double_iac();
        self.transaction(|sink| {
            sink.put(&digits)?;
            sink.put(b"-Features:\r\n")?;
            for feature in features {
                sink.put(b" ")?;
                sink.text(feature.as_ref(), double_iac)?;
                sink.put(b"\r\n")?;
            }
            sink.put(&digits)?;
            sink.put(b" End\r\n")
        })
    }

    /// One line `DDD text\r\n`, the text written by `text`.
    fn line(
        &mut self,
        code: Code,
        text: impl FnOnce(&mut dyn Sink) -> Result<(), WriteError>,
    ) -> Result<usize, WriteError> {
        let digits = ReplyCode::from(code).to_ascii();
        self.transaction(|sink| {
            sink.put(&digits)?;
            sink.put(b" ")?;
            text(sink)?;
            sink.put(b"\r\n")
        })
    }

    fn options_double_iac(&self) -> bool {
        self.options().double_iac
    }
}

/// RFC 3659's `time-val`, `YYYYMMDDHHMMSS[.sss]`, with the fraction digits the time carries:
/// MDTM's reply and MLSx's `modify` fact.
pub(crate) fn time_val(sink: &mut dyn Sink, time: Timestamp) -> Result<(), WriteError> {
    // `Timestamp` guarantees a year of at most four digits.
    sink.put(Decimal::new(u64::from(time.year())).padded(4))?;
    for field in [
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
    ] {
        sink.put(Decimal::new(u64::from(field)).padded(2))?;
    }
    if time.fraction_digits() > 0 {
        let mut digits = [b'0'; 9];
        fraction_ascii(time.nanosecond(), &mut digits);
        sink.put(b".")?;
        sink.put(
            digits
                .get(..usize::from(time.fraction_digits()))
                .unwrap_or(&digits),
        )?;
    }
    Ok(())
}
