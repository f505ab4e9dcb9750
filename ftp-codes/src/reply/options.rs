//! `ParseOptions`: how strictly replies (and command lines) are framed, and the limits that
//! bound the work.

/// How replies and command lines are framed, and the limits enforced.
///
/// Two presets: [`ParseOptions::strict`] follows RFC 959 to the letter,
/// [`ParseOptions::lenient`] accepts what real servers send. **The default is lenient**, because
/// a client has to talk to the servers that exist; in both, a multi-line reply ends only at a
/// line with its own code unless [`with_mismatched_ends`](Self::with_mismatched_ends) says
/// otherwise. Each setting has a getter (`max_line_len()`) and a builder-style setter
/// (`with_max_line_len(256)`); exceeding a limit is an error, so the work per reply is bounded
/// whatever a server sends.
///
/// ```
/// use ftp_codes::reply::ParseOptions;
///
/// // A small device: short lines, few lines, small replies.
/// let options = ParseOptions::lenient().with_max_line_len(256).with_max_lines(32).with_max_reply_len(2048);
/// assert_eq!((options.max_line_len(), options.max_lines(), options.max_reply_len()), (256, 32, 2048));
/// assert!(options.lf_line_endings());
/// assert!(!ParseOptions::strict().lf_line_endings());
/// assert!(!ParseOptions::default().mismatched_ends());
/// assert_eq!(ParseOptions::default(), ParseOptions::lenient());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[allow(clippy::struct_excessive_bools)] // four independent, documented switches
pub struct ParseOptions {
    pub(crate) accept_lf: bool,
    pub(crate) accept_bare_code: bool,
    pub(crate) accept_mismatched_end: bool,
    pub(crate) reject_control: bool,
    pub(crate) max_line_len: usize,
    pub(crate) max_lines: usize,
    pub(crate) max_reply_len: usize,
}

impl ParseOptions {
    /// The default longest line, line ending excluded: 8 KiB.
    pub const DEFAULT_MAX_LINE_LEN: usize = 8 * 1024;
    /// The default most lines in one reply.
    pub const DEFAULT_MAX_LINES: usize = 10_000;
    /// The default largest reply, line endings included: 1 MiB, or `usize::MAX` where `usize`
    /// is narrower than 32 bits (AVR, MSP430), so that the constant exists on every target.
    // `as` cannot overflow here: the 32-bit value is only converted where it fits.
    #[allow(clippy::cast_possible_truncation)]
    pub const DEFAULT_MAX_REPLY_LEN: usize = if usize::BITS >= 32 {
        1_048_576_u32 as usize
    } else {
        usize::MAX
    };

    /// RFC 959 exactly: lines end in CRLF; a reply line is `DDD ` or `DDD-`; a multi-line
    /// reply ends only at `DDD ` with its own code; control characters in the text are errors.
    pub const fn strict() -> Self {
        Self {
            accept_lf: false,
            accept_bare_code: false,
            accept_mismatched_end: false,
            reject_control: true,
            max_line_len: Self::DEFAULT_MAX_LINE_LEN,
            max_lines: Self::DEFAULT_MAX_LINES,
            max_reply_len: Self::DEFAULT_MAX_REPLY_LEN,
        }
    }

    /// What real servers need: LF-only line endings; a bare `DDD` with no text as a whole reply
    /// or as the end of a multi-line one (the RFC 3659 grammar allows it); control characters
    /// kept and reported by
    /// [`Reply::has_control_characters`](crate::reply::Reply::has_control_characters).
    ///
    /// A multi-line reply still ends only at a line with its own code (RFC 959 §4.2, and what
    /// ftplib, Go's textproto and curl do): ending it at another code's line would take that
    /// line for the end, and the true end for the reply to the next command.
    pub const fn lenient() -> Self {
        Self {
            accept_lf: true,
            accept_bare_code: true,
            reject_control: false,
            ..Self::strict()
        }
    }

    /// Whether a line may end in LF alone.
    pub const fn lf_line_endings(&self) -> bool {
        self.accept_lf
    }

    /// Accept or refuse lines that end in LF alone.
    #[must_use]
    pub const fn with_lf_line_endings(mut self, accept: bool) -> Self {
        self.accept_lf = accept;
        self
    }

    /// Whether a bare `DDD` line (no space, no text) is accepted.
    pub const fn bare_codes(&self) -> bool {
        self.accept_bare_code
    }

    /// Accept or refuse a bare `DDD` line (no space, no text).
    #[must_use]
    pub const fn with_bare_codes(mut self, accept: bool) -> Self {
        self.accept_bare_code = accept;
        self
    }

    /// Whether a `DDD ` line with another code ends a multi-line reply.
    pub const fn mismatched_ends(&self) -> bool {
        self.accept_mismatched_end
    }

    /// End a multi-line reply at a `DDD ` line with a different code, reported by
    /// [`Reply::mismatched_end`](crate::reply::Reply::mismatched_end) (glftpd ends a `553-`
    /// reply with `150 `), or treat such a line as text (the default, RFC 959).
    #[must_use]
    pub const fn with_mismatched_ends(mut self, accept: bool) -> Self {
        self.accept_mismatched_end = accept;
        self
    }

    /// Whether control characters (other than tab) in reply text are errors.
    pub const fn reject_control_characters(&self) -> bool {
        self.reject_control
    }

    /// Make control characters (other than tab) in reply text an error, or only report them.
    #[must_use]
    pub const fn with_reject_control_characters(mut self, reject: bool) -> Self {
        self.reject_control = reject;
        self
    }

    /// The longest line accepted, line ending excluded.
    pub const fn max_line_len(&self) -> usize {
        self.max_line_len
    }

    /// Set the longest line accepted, line ending excluded.
    #[must_use]
    pub const fn with_max_line_len(mut self, bytes: usize) -> Self {
        self.max_line_len = bytes;
        self
    }

    /// The most lines one reply may have.
    pub const fn max_lines(&self) -> usize {
        self.max_lines
    }

    /// Set the most lines one reply may have.
    #[must_use]
    pub const fn with_max_lines(mut self, lines: usize) -> Self {
        self.max_lines = lines;
        self
    }

    /// The largest reply accepted, line endings included.
    pub const fn max_reply_len(&self) -> usize {
        self.max_reply_len
    }

    /// Set the largest reply accepted, line endings included. An unfinished reply is an error
    /// as soon as it passes this, so a buffer of this size is always enough.
    #[must_use]
    pub const fn with_max_reply_len(mut self, bytes: usize) -> Self {
        self.max_reply_len = bytes;
        self
    }
}

impl Default for ParseOptions {
    /// [`ParseOptions::lenient`].
    fn default() -> Self {
        Self::lenient()
    }
}
