//! `FactSet`: the MLSx facts a server writes (RFC 3659 §7.5), one table as the truth.

/// A set of the MLSx facts this crate writes: `type`, `size`, `modify`, `perm` (RFC 3659
/// §7.5) and `UNIX.mode` (the IANA registry of MLSx facts). A server writes the facts a client
/// selected with `OPTS MLST` ([`from_opts`](Self::from_opts)), and lists them in FEAT with
/// [`feature`](Self::feature).
///
/// ```
/// use ftp_codes::listing::FactSet;
///
/// let selected = FactSet::from_opts(b"Type;SIZE;x.unknown;");
/// assert!(selected.contains(FactSet::TYPE) && !selected.contains(FactSet::MODIFY));
/// let mut buf = [0u8; 64];
/// assert_eq!(FactSet::SUPPORTED.feature(selected, &mut buf)?, b"MLST type*;size*;modify;perm;UNIX.mode;");
/// # Ok::<(), ftp_codes::write::WriteError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FactSet(u8);

/// The facts, in the order they are written: each one's set bit and name as written.
const FACTS: [(FactSet, &str); 5] = [
    (FactSet::TYPE, "type"),
    (FactSet::SIZE, "size"),
    (FactSet::MODIFY, "modify"),
    (FactSet::PERM, "perm"),
    (FactSet::UNIX_MODE, "UNIX.mode"),
];

impl FactSet {
    /// No fact.
    pub const NONE: Self = Self(0);
    /// `type`: file, dir, cdir, pdir, `OS.unix=slink:target` (RFC 3659 §7.5.1).
    pub const TYPE: Self = Self(1);
    /// `size`: in octets (§7.5.7).
    pub const SIZE: Self = Self(2);
    /// `modify`: the last modification time, `YYYYMMDDHHMMSS[.sss]` in UTC (§7.5.3).
    pub const MODIFY: Self = Self(4);
    /// `perm`: what the user may do, in RFC 3659's letters (§7.5.5).
    pub const PERM: Self = Self(8);
    /// `UNIX.mode`: the Unix permission bits, in octal (IANA's MLSx facts registry).
    pub const UNIX_MODE: Self = Self(16);
    /// Every fact this crate writes.
    pub const SUPPORTED: Self = Self(31);
    /// What a server writes before any `OPTS MLST`: type, size and modify, which clients
    /// look for (RFC 3659 §7.9 leaves the default to the server).
    pub const DEFAULT: Self = Self(1 | 2 | 4);

    /// Both sets' facts.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// The facts in both sets.
    #[must_use]
    pub const fn intersection(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Whether every fact of `other` is in this set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// The facts an `OPTS MLST` argument selects (`type;size;`, names ignoring case), out of
    /// those this crate writes; names it does not know are left out, as RFC 3659 §7.9 asks.
    pub fn from_opts(argument: &[u8]) -> Self {
        argument
            .split(|&b| b == b';')
            .filter_map(|name| {
                FACTS
                    .iter()
                    .find(|(_, fact)| name.eq_ignore_ascii_case(fact.as_bytes()))
            })
            .fold(Self::NONE, |set, &(fact, _)| set.union(fact))
    }

    /// The facts of this set in the order they are written, with their names.
    pub(crate) fn each(self) -> impl Iterator<Item = (Self, &'static str)> {
        FACTS
            .into_iter()
            .filter(move |&(fact, _)| self.contains(fact))
    }

    /// The FEAT line for MLST (RFC 3659 §7.8): every fact of this set, each selected one
    /// marked with `*`: `MLST type*;size*;modify*;`, written into `buf`.
    pub fn feature(
        self,
        selected: Self,
        buf: &mut [u8],
    ) -> Result<&[u8], crate::write::WriteError> {
        let options = crate::write::WriteOptions::default();
        let len = crate::write::Writer::new(buf, options).transaction(|sink| {
            sink.put(b"MLST ")?;
            for (fact, name) in self.each() {
                sink.put(name.as_bytes())?;
                if selected.contains(fact) {
                    sink.put(b"*")?;
                }
                sink.put(b";")?;
            }
            Ok(())
        })?;
        Ok(buf.get(..len).unwrap_or_default())
    }
}
