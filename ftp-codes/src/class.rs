//! What `Category` and `Group` add to the types generated from the standard digit rules.

use crate::Category;

impl Category {
    /// 1yz, 2yz or 3yz: the command was accepted.
    ///
    /// ```
    /// use ftp_codes::Category;
    ///
    /// assert!(Category::PositiveIntermediate.is_positive());
    /// assert!(!Category::Protected.is_positive() && !Category::Protected.is_negative());
    /// ```
    pub const fn is_positive(self) -> bool {
        matches!(self.digit(), 1..=3)
    }

    /// 4yz or 5yz: the command failed.
    pub const fn is_negative(self) -> bool {
        matches!(self.digit(), 4 | 5)
    }
}
