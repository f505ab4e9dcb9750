//! `CommandLine` and `parse`: one command line framed from a server's buffer.

use super::telnet::{Unescaped, leading_commands};
use super::{CommandError, CommandErrorKind};
use crate::Command;
use crate::line::{is_control, line_content, newline, unfinished_line};
use crate::reply::{ErrorKind, ParseError, ParseOptions, Status};

/// One command line, borrowed from the buffer it was parsed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandLine<'a> {
    verb: &'a [u8],
    argument: &'a [u8],
    telnet: bool,
    control: bool,
}

impl<'a> CommandLine<'a> {
    /// The verb as sent, such as `b"retr"`.
    pub const fn verb(&self) -> &'a [u8] {
        self.verb
    }

    /// The standard catalogue's command for the verb, ignoring case; `None` for a verb it
    /// lacks, which [`verb`](Self::verb) still gives as sent.
    ///
    /// ```
    /// use ftp_codes::{Command, command};
    /// use ftp_codes::reply::ParseOptions;
    ///
    /// let (line, _) = command::parse(b"retr a.txt\r\n", &ParseOptions::strict())?.complete().unwrap();
    /// assert_eq!(line.command(), Some(Command::Retr));
    /// let (line, _) = command::parse(b"XCRC a.txt\r\n", &ParseOptions::strict())?.complete().unwrap();
    /// assert_eq!((line.command(), line.verb()), (None, &b"XCRC"[..]));
    /// # Ok::<(), ftp_codes::command::CommandError>(())
    /// ```
    pub const fn command(&self) -> Option<Command> {
        Command::from_verb(self.verb)
    }

    /// Whether the verb is `verb`, ignoring ASCII case (RFC 959: commands are case-insensitive).
    pub fn is(&self, verb: &str) -> bool {
        self.verb.eq_ignore_ascii_case(verb.as_bytes())
    }

    /// Everything after the space that follows the verb (empty without one), as sent; spaces
    /// inside are kept, since file names may hold them.
    pub const fn argument(&self) -> &'a [u8] {
        self.argument
    }

    /// The argument as `&str`, if it is UTF-8 (RFC 2640 clients send UTF-8).
    pub fn argument_str(&self) -> Result<&'a str, core::str::Utf8Error> {
        core::str::from_utf8(self.argument)
    }

    /// The argument with each doubled 0xFF (Telnet's escape) read as one 0xFF, in pieces that
    /// borrow from the buffer.
    ///
    /// ```
    /// use ftp_codes::command;
    /// use ftp_codes::reply::ParseOptions;
    ///
    /// let (line, _) = command::parse(b"STOR a\xff\xffb\r\n", &ParseOptions::strict())?.complete().unwrap();
    /// let name: Vec<u8> = line.argument_chunks().flatten().copied().collect();
    /// assert_eq!(name, b"a\xffb");
    /// # Ok::<(), ftp_codes::command::CommandError>(())
    /// ```
    pub fn argument_chunks(&self) -> Unescaped<'a> {
        Unescaped::new(self.argument)
    }

    /// Whether Telnet commands (`IAC IP IAC DM`, as BSD clients send before `ABOR`) came
    /// before the verb; they were skipped.
    pub const fn telnet_interrupt(&self) -> bool {
        self.telnet
    }

    /// Whether the argument holds control characters other than CR and NUL (accepted unless
    /// [`ParseOptions::with_reject_control_characters`] says otherwise; CR and NUL are always
    /// errors).
    pub const fn has_control_characters(&self) -> bool {
        self.control
    }
}

/// Frames the command line at the start of `buf`: `Complete((line, used))`, `Partial` when
/// the line has not ended yet, or an error with its byte offset.
///
/// ```
/// use ftp_codes::command;
/// use ftp_codes::reply::ParseOptions;
///
/// // What a BSD client sends to abort a transfer: Telnet IP and DM, then the verb.
/// let (line, _) = command::parse(b"\xff\xf4\xff\xf2ABOR\r\n", &ParseOptions::strict())?.complete().unwrap();
/// assert!(line.is("ABOR") && line.telnet_interrupt());
/// # Ok::<(), ftp_codes::command::CommandError>(())
/// ```
pub fn parse<'a>(
    buf: &'a [u8],
    options: &ParseOptions,
) -> Result<Status<(CommandLine<'a>, usize)>, CommandError> {
    let Some(lf) = newline::find(buf) else {
        // The last byte may be the CR of a CRLF still to come.
        let settled = buf.split_last().map_or(&[][..], |(_, before)| before);
        forbidden_bytes(settled, buf.last().is_some_and(|&b| b == b'\0'), options)?;
        unfinished_line(buf, options, 0).map_err(from_line_error)?;
        return Ok(Status::Partial);
    };
    let used = lf.saturating_add(1);
    let before_lf = buf.get(..lf).unwrap_or_default();
    forbidden_bytes(
        before_lf.strip_suffix(b"\r").unwrap_or(before_lf),
        false,
        options,
    )?;
    let content =
        line_content(buf.get(..used).unwrap_or_default(), options, 0).map_err(from_line_error)?;
    let telnet = leading_commands(content);
    let after_telnet = content.get(telnet..).unwrap_or_default();
    let letters = after_telnet
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (verb, rest) = after_telnet.split_at_checked(letters).unwrap_or_default();
    let verb_end = telnet.saturating_add(letters);
    let argument = match rest.split_first() {
        _ if !(1..=4).contains(&letters) => {
            return Err(CommandError::new(CommandErrorKind::InvalidVerb, telnet));
        }
        None => rest,
        Some((b' ', argument)) => argument,
        Some(_) => {
            return Err(CommandError::new(
                CommandErrorKind::InvalidSeparator,
                verb_end,
            ));
        }
    };
    let control = argument.iter().position(|&b| is_control(b));
    if let (Some(at), true) = (control, options.reject_control) {
        return Err(CommandError::new(
            CommandErrorKind::ControlCharacter,
            verb_end.saturating_add(1).saturating_add(at),
        ));
    }
    let line = CommandLine {
        verb,
        argument,
        telnet: telnet > 0,
        control: control.is_some(),
    };
    Ok(Status::Complete((line, used)))
}

/// A CR or NUL before the line's end is never handed on, in any mode. Only the bytes within
/// the line-length limit are looked at, so that a line's first problem is the same error
/// however much of it has arrived. `nul_after` says a NUL follows `body` (the last byte of an
/// unfinished line).
fn forbidden_bytes(
    body: &[u8],
    nul_after: bool,
    options: &ParseOptions,
) -> Result<(), CommandError> {
    let limit = options.max_line_len.saturating_add(1);
    let checked = body.get(..limit).unwrap_or(body);
    let at = match checked.iter().position(|&b| b == b'\r' || b == b'\0') {
        Some(at) => at,
        None if nul_after && body.len() < limit => body.len(),
        None => return Ok(()),
    };
    Err(CommandError::new(CommandErrorKind::ForbiddenByte, at))
}

/// The line rules are shared with the reply parser; their errors, in command terms.
fn from_line_error(error: ParseError) -> CommandError {
    let kind = match error.kind() {
        ErrorKind::BareLineFeed => CommandErrorKind::BareLineFeed,
        _ => CommandErrorKind::LineTooLong,
    };
    CommandError::new(kind, error.offset())
}
