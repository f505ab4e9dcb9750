//! The lookup tables the generated code reads, in two shapes. `Slots::fast` is dense: one
//! slot per number from 0 to 999 (or the highest code), so that the only range test is one
//! that any reply code passes. `Slots::hashed` is a perfect hash, `(n * m) >> shift` in `u32`,
//! into about twice as many slots as numbers, with a multiplier searched for from a fixed
//! sequence so that every build picks the same: the compact layout of the reply codes, the
//! verbs of `from_verb`, and the codes `classify` looks up.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// A multiplicative perfect hash: `n.wrapping_mul(multiplier) >> shift`.
#[derive(Clone, Copy)]
pub(crate) struct Hash {
    multiplier: u32,
    shift: u32,
}

impl Hash {
    /// The last resort, for numbers below 2^16: the slot is the number itself.
    const IDENTITY_16: Self = Self {
        multiplier: 1 << 16,
        shift: 16,
    };

    fn slot(self, n: u32) -> u32 {
        n.wrapping_mul(self.multiplier) >> self.shift
    }

    /// The same function in the generated code, over `value`, a `u32` expression.
    pub(crate) fn tokens(self, value: &TokenStream) -> TokenStream {
        let (multiplier, shift) = (
            Literal::u32_unsuffixed(self.multiplier),
            Literal::u32_unsuffixed(self.shift),
        );
        quote!((#value).wrapping_mul(#multiplier) >> #shift)
    }

    /// Whether every number gets a slot of its own; `taken` has one mark per slot, and marks
    /// equal to `attempt` are this attempt's.
    fn is_perfect(self, numbers: &[u32], taken: &mut [u32], attempt: u32) -> bool {
        numbers
            .iter()
            .all(|&n| match taken.get_mut(self.slot(n) as usize) {
                Some(mark) if *mark != attempt => {
                    *mark = attempt;
                    true
                }
                _ => false,
            })
    }
}

/// A table: its element type and its entries.
pub(crate) struct Slots {
    /// `u8` while positions fit, else `u16`.
    pub(crate) ty: TokenStream,
    pub(crate) table: Vec<Literal>,
}

/// Multipliers tried per table size before the next size up.
const TRIES: u32 = 100_000;

impl Slots {
    /// One slot per number from 0 to 999 or the highest code; a slot no code has holds a
    /// position past the last.
    pub(crate) fn fast(codes: &[u16]) -> Self {
        let len = codes
            .iter()
            .map(|&c| usize::from(c) + 1)
            .max()
            .unwrap_or(0)
            .max(1000);
        let missing = u16::try_from(codes.len()).unwrap_or(u16::MAX);
        let mut slots = vec![missing; len];
        for (position, &code) in codes.iter().enumerate() {
            if let (Some(entry), Ok(position)) =
                (slots.get_mut(usize::from(code)), u16::try_from(position))
            {
                *entry = position;
            }
        }
        Self::with(codes.len(), slots)
    }

    /// A perfect hash of `numbers` and its table: each slot holds the position of the number
    /// that hashes to it, 0 where none does (the caller's comparison tells that apart). For
    /// the few hundred numbers of a catalogue a multiplier turns up in a table of twice as many
    /// slots, a few more bits at worst; the identity is the last resort for 16-bit numbers.
    pub(crate) fn hashed(numbers: &[u32]) -> (Self, Hash) {
        let hash = (min_bits(numbers.len())..=24)
            .find_map(|bits| multiply(numbers, bits))
            .unwrap_or(Hash::IDENTITY_16);
        let mut slots = vec![0u16; 1 << (32 - hash.shift)];
        for (position, &number) in numbers.iter().enumerate() {
            if let (Some(entry), Ok(position)) = (
                slots.get_mut(hash.slot(number) as usize),
                u16::try_from(position),
            ) {
                *entry = position;
            }
        }
        (Self::with(numbers.len(), slots), hash)
    }

    fn with(count: usize, slots: Vec<u16>) -> Self {
        // One byte a slot while positions (and the fast layout's "missing") fit, else two.
        let ty = if count < usize::from(u8::MAX) {
            format_ident!("u8")
        } else {
            format_ident!("u16")
        };
        Self {
            ty: quote!(::core::primitive::#ty),
            table: slots.into_iter().map(Literal::u16_unsuffixed).collect(),
        }
    }
}

/// The bits of a table with at least as many slots as numbers.
fn min_bits(count: usize) -> u32 {
    let mut bits = 1;
    while (1usize << bits) < count {
        bits += 1;
    }
    bits
}

/// A multiplier, from a fixed sequence, under which every number has a slot of its own among
/// 2^bits. Fewer than about twice as many slots as numbers rarely has one.
fn multiply(numbers: &[u32], bits: u32) -> Option<Hash> {
    if (1usize << bits) < numbers.len().saturating_mul(2) {
        return None;
    }
    let mut taken = vec![0u32; 1 << bits];
    let mut state: u64 = 0x9E37_79B1;
    (1..=TRIES).find_map(|attempt| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let multiplier = ((state >> 32) as u32) | 1;
        let hash = Hash {
            multiplier,
            shift: 32 - bits,
        };
        hash.is_perfect(numbers, &mut taken, attempt)
            .then_some(hash)
    })
}
