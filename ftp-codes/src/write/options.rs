//! How replies are written.

/// How the lines between the first and the last of a multi-line reply are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Style {
    /// RFC 959: the text alone, with a space in front when it starts with a digit (so that no
    /// client can take it for the last line).
    #[default]
    Rfc959,
    /// `DDD-text` on every line, as some servers do (`211-MDTM`).
    PrefixEveryLine,
}

/// How a [`Writer`](super::Writer) writes replies. Each setting has a getter and a
/// builder-style setter, as [`ParseOptions`](crate::reply::ParseOptions) has.
///
/// ```
/// use ftp_codes::write::{Style, WriteOptions};
///
/// let options = WriteOptions::default().with_style(Style::PrefixEveryLine).with_double_iac(true);
/// assert_eq!(options.style(), Style::PrefixEveryLine);
/// assert!(options.double_iac());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct WriteOptions {
    pub(crate) style: Style,
    pub(crate) double_iac: bool,
    pub(crate) interrupt_before_abor: bool,
}

impl WriteOptions {
    /// The default, in `const` contexts: RFC 959's style, no 0xFF doubling, no Telnet
    /// interrupt before ABOR.
    pub const fn new() -> Self {
        Self {
            style: Style::Rfc959,
            double_iac: false,
            interrupt_before_abor: false,
        }
    }

    /// How intermediate lines are written.
    pub const fn style(&self) -> Style {
        self.style
    }

    /// Set how intermediate lines are written.
    #[must_use]
    pub const fn with_style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Whether every 0xFF byte is doubled (else refused).
    pub const fn double_iac(&self) -> bool {
        self.double_iac
    }

    /// Double every 0xFF byte (Telnet IAC), as RFC 959 asks of text sent over a Telnet
    /// control connection, for peers that undo it (ProFTPD, vsftpd, netkit and BSD servers
    /// read `IAC IAC` as one 0xFF). Off by default, and then a 0xFF in a command argument or a
    /// reply's text is refused ([`WriteError::ForbiddenArgumentByte`](super::WriteError),
    /// [`WriteError::ForbiddenByte`](super::WriteError)): written raw, a Telnet peer reads it
    /// and the byte after it as a command, so it would act on another name than the one
    /// checked. UTF-8 text has no 0xFF byte.
    #[must_use]
    pub const fn with_double_iac(mut self, double: bool) -> Self {
        self.double_iac = double;
        self
    }

    /// Whether `ABOR` is written after Telnet's `IAC IP IAC DM`.
    pub const fn interrupt_before_abor(&self) -> bool {
        self.interrupt_before_abor
    }

    /// Write Telnet's Interrupt Process and Data Mark (`IAC IP IAC DM`, 0xFF 0xF4 0xFF 0xF2)
    /// before `ABOR`, as RFC 959 §4.1.3 asks so that a server busy with a transfer notices it.
    /// Off by default: most servers read ABOR without it. (The Synch's urgent flag is the
    /// socket's to set; this writes the bytes.)
    #[must_use]
    pub const fn with_interrupt_before_abor(mut self, interrupt: bool) -> Self {
        self.interrupt_before_abor = interrupt;
        self
    }
}
