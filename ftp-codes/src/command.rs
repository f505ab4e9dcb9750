//! Command lines for servers: `VERB [argument]`, framed by the same line rules as replies.
//!
//! A server reads bytes from the control connection into a buffer of its own and asks
//! [`parse`] whether a whole command line is at its start, as a client does with
//! [`reply::parse`](crate::reply::parse). The [`reply::Options`](crate::reply::Options) apply:
//! line endings (CRLF, or LF too when lenient), the maximum line length, and control
//! characters. RFC 959 §5.3.1: a command is up to four letters, in any case, then an optional
//! argument after a space.
//!
//! ```
//! use ftp_codes::command;
//! use ftp_codes::reply::{Options, Status};
//!
//! let buf = b"retr notes.txt\r\nQUIT\r\n";
//! let Status::Complete((command, used)) = command::parse(buf, &Options::strict())? else { panic!() };
//! assert!(command.is("RETR"));
//! assert_eq!(command.argument(), b"notes.txt");
//! let Status::Complete((next, _)) = command::parse(&buf[used..], &Options::strict())? else { panic!() };
//! assert!(next.is("QUIT") && next.argument().is_empty());
//! # Ok::<(), ftp_codes::reply::ParseError>(())
//! ```

use crate::reply::framer::{is_control, line_content, unfinished_line};
use crate::reply::newline;
use crate::reply::{ErrorKind, Options, ParseError, Status};

/// One command line, borrowed from the buffer it was parsed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Command<'a> {
    verb: &'a [u8],
    argument: &'a [u8],
}

impl<'a> Command<'a> {
    /// The verb as sent, such as `b"retr"`.
    pub const fn verb(&self) -> &'a [u8] {
        self.verb
    }

    /// Whether the verb is `verb`, ignoring ASCII case (RFC 959: commands are case-insensitive).
    pub fn is(&self, verb: &str) -> bool {
        self.verb.eq_ignore_ascii_case(verb.as_bytes())
    }

    /// Everything after the space that follows the verb (empty without one); spaces inside are
    /// kept, since file names may hold them.
    pub const fn argument(&self) -> &'a [u8] {
        self.argument
    }

    /// The argument as `&str`, if it is UTF-8 (RFC 2640 clients send UTF-8).
    pub fn argument_str(&self) -> Result<&'a str, core::str::Utf8Error> {
        core::str::from_utf8(self.argument)
    }
}

/// Frames the command line at the start of `buf`: `Complete((command, used))`, `Partial` when
/// the line has not ended yet, or an error with its byte offset.
pub fn parse<'a>(
    buf: &'a [u8],
    options: &Options,
) -> Result<Status<(Command<'a>, usize)>, ParseError> {
    let Some(lf) = newline::find(buf) else {
        unfinished_line(buf, options, 0)?;
        return Ok(Status::Partial);
    };
    let used = lf.saturating_add(1);
    let content = line_content(buf.get(..used).unwrap_or_default(), options, 0)?;
    let letters = content
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (verb, rest) = content.split_at_checked(letters).unwrap_or_default();
    let argument = match rest.split_first() {
        _ if !(1..=4).contains(&letters) => {
            return Err(ParseError::new(ErrorKind::InvalidCommand, 0));
        }
        None => rest,
        Some((b' ', argument)) => argument,
        Some(_) => return Err(ParseError::new(ErrorKind::InvalidCommand, letters)),
    };
    if options.reject_control {
        if let Some(at) = argument.iter().position(|&b| is_control(b)) {
            return Err(ParseError::new(
                ErrorKind::ControlCharacter,
                letters.saturating_add(1).saturating_add(at),
            ));
        }
    }
    Ok(Status::Complete((Command { verb, argument }, used)))
}
