//! How replies are written.

/// How the lines between the first and the last of a multi-line reply are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// RFC 959: the text alone, with a space in front when it starts with a digit (so that no
    /// client can take it for the last line).
    #[default]
    Rfc959,
    /// `DDD-text` on every line, as some servers do (`211-MDTM`).
    PrefixEveryLine,
}

/// How a [`Writer`](super::Writer) writes replies.
///
/// ```
/// use ftp_codes::write::{Options, Style};
///
/// let options = Options::default().style(Style::PrefixEveryLine).double_iac(true);
/// assert_eq!(options.line_style(), Style::PrefixEveryLine);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    pub(crate) style: Style,
    pub(crate) double_iac: bool,
}

impl Options {
    /// How intermediate lines are written.
    #[must_use]
    pub const fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The style set.
    pub const fn line_style(&self) -> Style {
        self.style
    }

    /// Double every 0xFF byte (Telnet IAC), as RFC 959 asks of text sent over a Telnet
    /// control connection. Off by default: most servers send UTF-8, which has no 0xFF byte.
    #[must_use]
    pub const fn double_iac(mut self, double: bool) -> Self {
        self.double_iac = double;
        self
    }
}
