//! `Options`: how strictly replies are framed, and the limits that bound the work.

/// How the reply parser frames replies, and the limits it enforces.
///
/// Two presets: [`Options::strict`] follows RFC 959 to the letter, [`Options::lenient`] accepts
/// what real servers send. **The default is lenient**, because a client has to talk to the
/// servers that exist. Limits are set with the builder methods; exceeding one is an error, so
/// the work per reply is bounded whatever a server sends.
///
/// ```
/// use ftp_codes::reply::Options;
///
/// // A small device: short lines, few lines, small replies.
/// let options = Options::lenient().max_line_len(256).max_lines(32).max_reply_len(2048);
/// assert!(options.accepts_lf());
/// assert!(!Options::strict().accepts_lf());
/// assert_eq!(Options::default(), Options::lenient());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // four independent, documented switches
pub struct Options {
    pub(crate) accept_lf: bool,
    pub(crate) accept_bare_code: bool,
    pub(crate) accept_mismatched_end: bool,
    pub(crate) reject_control: bool,
    pub(crate) max_line_len: usize,
    pub(crate) max_lines: usize,
    pub(crate) max_reply_len: usize,
}

impl Options {
    /// The default longest line, line ending excluded: 8 KiB.
    pub const DEFAULT_MAX_LINE_LEN: usize = 8 * 1024;
    /// The default most lines in one reply.
    pub const DEFAULT_MAX_LINES: usize = 10_000;
    /// The default largest reply, line endings included: 1 MiB.
    pub const DEFAULT_MAX_REPLY_LEN: usize = 1024 * 1024;

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
    /// or as the end of a multi-line one (the RFC 3659 grammar allows it); a multi-line reply
    /// that ends at a `DDD ` line with another code (glftpd ends a `553-` reply with `150 `),
    /// reported by [`Reply::mismatched_end`](crate::reply::Reply::mismatched_end); control
    /// characters kept and reported by
    /// [`Reply::has_control_characters`](crate::reply::Reply::has_control_characters).
    pub const fn lenient() -> Self {
        Self {
            accept_lf: true,
            accept_bare_code: true,
            accept_mismatched_end: true,
            reject_control: false,
            ..Self::strict()
        }
    }

    /// Whether a line may end in LF alone.
    pub const fn accepts_lf(&self) -> bool {
        self.accept_lf
    }

    /// Accept or refuse lines that end in LF alone.
    #[must_use]
    pub const fn lf_line_endings(mut self, accept: bool) -> Self {
        self.accept_lf = accept;
        self
    }

    /// Accept or refuse a bare `DDD` line (no space, no text).
    #[must_use]
    pub const fn bare_codes(mut self, accept: bool) -> Self {
        self.accept_bare_code = accept;
        self
    }

    /// End a multi-line reply at a `DDD ` line with a different code (and report it), or treat
    /// such a line as text.
    #[must_use]
    pub const fn mismatched_ends(mut self, accept: bool) -> Self {
        self.accept_mismatched_end = accept;
        self
    }

    /// Make control characters (other than tab) in reply text an error, or only report them.
    #[must_use]
    pub const fn reject_control_characters(mut self, reject: bool) -> Self {
        self.reject_control = reject;
        self
    }

    /// The longest line accepted, line ending excluded.
    #[must_use]
    pub const fn max_line_len(mut self, bytes: usize) -> Self {
        self.max_line_len = bytes;
        self
    }

    /// The most lines one reply may have.
    #[must_use]
    pub const fn max_lines(mut self, lines: usize) -> Self {
        self.max_lines = lines;
        self
    }

    /// The largest reply accepted, line endings included.
    #[must_use]
    pub const fn max_reply_len(mut self, bytes: usize) -> Self {
        self.max_reply_len = bytes;
        self
    }
}

impl Default for Options {
    /// [`Options::lenient`].
    fn default() -> Self {
        Self::lenient()
    }
}
