//! `Meaning`: a further meaning of a code, given by a later document.

/// A second, conflicting meaning that a later document gives a code, as listed under
/// `[[code.also]]` in a catalogue and returned by `alternatives()`.
///
/// ```
/// use ftp_codes::Code;
///
/// let tls = Code::AddressFamilyNotSupported.alternatives();
/// assert_eq!(tls[0].source, "RFC 4217");
/// assert!(Code::ServiceReady.alternatives().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Meaning {
    /// Where this meaning is defined, such as `"RFC 4217"`.
    pub source: &'static str,
    /// The reply text that document gives.
    pub text: &'static str,
    /// What the code means there.
    pub description: &'static str,
}
