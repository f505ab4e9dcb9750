//! Decimal digits of an integer, without `core::fmt`: the payload builders' numbers.

/// The decimal digits of `n`, in a stack buffer.
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    pub(crate) fn new(mut n: u64) -> Self {
        let mut digits = [b'0'; 20];
        let mut start = digits.len();
        loop {
            start = start.saturating_sub(1);
            if let Some(slot) = digits.get_mut(start) {
                // n % 10 < 10: the cast cannot truncate.
                #[allow(clippy::cast_possible_truncation)]
                let digit = (n % 10) as u8;
                *slot = b'0'.wrapping_add(digit);
            }
            n /= 10;
            if n == 0 || start == 0 {
                break;
            }
        }
        Self { digits, start }
    }

    /// The digits, zero-padded on the left to at least `width`.
    pub(crate) fn padded(&self, width: usize) -> &[u8] {
        let start = self.start.min(self.digits.len().saturating_sub(width));
        self.digits.get(start..).unwrap_or_default()
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.padded(0)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn digits_and_padding() {
        assert_eq!(Decimal::new(0).as_bytes(), b"0");
        assert_eq!(Decimal::new(65535).as_bytes(), b"65535");
        assert_eq!(Decimal::new(u64::MAX).as_bytes(), b"18446744073709551615");
        assert_eq!(Decimal::new(7).padded(2), b"07");
        assert_eq!(Decimal::new(2026).padded(4), b"2026");
        assert_eq!(Decimal::new(123).padded(2), b"123");
    }
}
