//! 211 replies to FEAT (RFC 2389): the server's extensions, one per line.

use super::{PayloadError, expect_code};
use crate::reply::{Lines, Reply};
use core::iter::FusedIterator;

/// The features listed in a 211 reply to FEAT.
///
/// Handles the RFC 2389 form (each feature on its own line, indented by a space) and the
/// `211-FEATURE` form some servers send (the reply parser already removes that prefix). A
/// single-line 211 lists no features.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let buf = b"211-Extensions supported:\r\n MDTM\r\n REST STREAM\r\n211-UTF8\r\n211 End\r\n";
/// let (reply, _) = reply::parse(buf, &ParseOptions::default())?.complete().unwrap();
/// let names: Vec<&[u8]> = payload::features(&reply)?.map(|f| f.name()).collect();
/// assert_eq!(names, [&b"MDTM"[..], b"REST", b"UTF8"]);
/// assert!(payload::features(&reply)?.any(|f| f.is("rest") && f.params() == b"STREAM"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn features<'a>(reply: &Reply<'a>) -> Result<Features<'a>, PayloadError> {
    expect_code(reply, 211)?;
    let mut lines = reply.lines();
    // The first line is the heading; the last ends the reply. Only the lines between list features.
    lines.next();
    let between = reply.line_count().saturating_sub(2);
    Ok(Features {
        lines,
        left: between,
    })
}

/// The features of a FEAT reply; see [`features`].
#[derive(Clone, Debug)]
pub struct Features<'a> {
    lines: Lines<'a>,
    left: usize,
}

impl<'a> Iterator for Features<'a> {
    type Item = Feature<'a>;

    fn next(&mut self) -> Option<Feature<'a>> {
        while self.left > 0 {
            self.left = self.left.saturating_sub(1);
            let line = self.lines.next()?;
            let spaces = line.iter().take_while(|&&b| b == b' ').count();
            let feature = line.get(spaces..).unwrap_or_default();
            if !feature.is_empty() {
                return Some(Feature { line: feature });
            }
        }
        None
    }
}

impl FusedIterator for Features<'_> {}

/// One FEAT line: a feature name and its parameters, such as `REST STREAM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature<'a> {
    line: &'a [u8],
}

impl<'a> Feature<'a> {
    /// The whole line, name and parameters.
    pub const fn line(&self) -> &'a [u8] {
        self.line
    }

    /// The feature name, such as `MDTM`.
    pub fn name(&self) -> &'a [u8] {
        self.line.split(|&b| b == b' ').next().unwrap_or_default()
    }

    /// The parameters after the name (empty when there are none), such as `STREAM`.
    pub fn params(&self) -> &'a [u8] {
        let name = self.name().len();
        let rest = self.line.get(name..).unwrap_or_default();
        rest.strip_prefix(b" ").unwrap_or(rest)
    }

    /// Whether this is the feature `name`, compared as RFC 2389 says: ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.name().eq_ignore_ascii_case(name.as_bytes())
    }
}
