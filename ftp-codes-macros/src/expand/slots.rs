//! The tables behind a catalogue's `position`, in two layouts. The fast one is dense: one slot
//! per number from 0 to 999 (or the highest code), so that the only range test is one that any
//! reply code passes. The compact one is a perfect hash: slot `(code * m) >> shift` holds the
//! code's position, in about twice as many slots as codes, with a multiplier searched for from a
//! fixed sequence so that every build picks the same (at 16 bits `code & 0xFFFF` is the code
//! itself, so the search always ends).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// A perfect hash of `code: u32` into a power-of-two number of slots.
#[derive(Clone, Copy)]
pub(super) enum Hash {
    /// `code.wrapping_sub(offset) & mask` (the last resort: the code itself).
    Mask { offset: u32, mask: u32 },
    /// `code.wrapping_mul(multiplier) >> shift`.
    Multiply { multiplier: u32, shift: u32 },
}

impl Hash {
    fn slot(self, code: u32) -> u32 {
        match self {
            Self::Mask { offset, mask } => code.wrapping_sub(offset) & mask,
            Self::Multiply { multiplier, shift } => code.wrapping_mul(multiplier) >> shift,
        }
    }

    /// The same function in the generated code, over `code: u32`.
    pub(super) fn tokens(self) -> TokenStream {
        match self {
            Self::Mask { offset, mask } => {
                let (offset, mask) = (
                    Literal::u32_unsuffixed(offset),
                    Literal::u32_unsuffixed(mask),
                );
                quote!(code.wrapping_sub(#offset) & #mask)
            }
            Self::Multiply { multiplier, shift } => {
                let (multiplier, shift) = (
                    Literal::u32_unsuffixed(multiplier),
                    Literal::u32_unsuffixed(shift),
                );
                quote!(code.wrapping_mul(#multiplier) >> #shift)
            }
        }
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

/// One layout: the slot table and its hash.
pub(super) struct Slots {
    /// The table's element type: `u8` while positions fit, else `u16`.
    pub(super) ty: TokenStream,
    pub(super) table: Vec<Literal>,
    /// The compact layout's hash; the fast layout indexes by the code itself.
    pub(super) hash: Option<Hash>,
}

/// Multipliers tried per table size before the next size up.
const TRIES: u32 = 100_000;

impl Slots {
    /// One slot per number from 0 to 999 or the highest code; a slot no code has holds a
    /// position past the last.
    pub(super) fn fast(codes: &[u16]) -> Self {
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
        Self::with(codes.len(), slots, None)
    }

    /// A multiplication into about twice as many slots as codes (more if none is found); a
    /// slot no code hashes to holds 0, which the caller's comparison tells apart.
    pub(super) fn compact(codes: &[u16]) -> Self {
        let numbers: Vec<u32> = codes.iter().copied().map(u32::from).collect();
        let hash = (min_bits(numbers.len())..16)
            .find_map(|bits| multiply(&numbers, bits))
            .unwrap_or(Hash::Mask {
                offset: 0,
                mask: 0xFFFF,
            });
        let size = match hash {
            Hash::Mask { mask, .. } => mask as usize + 1,
            Hash::Multiply { shift, .. } => 1 << (32 - shift),
        };
        let mut slots = vec![0u16; size];
        for (position, &number) in numbers.iter().enumerate() {
            if let (Some(entry), Ok(position)) = (
                slots.get_mut(hash.slot(number) as usize),
                u16::try_from(position),
            ) {
                *entry = position;
            }
        }
        Self::with(codes.len(), slots, Some(hash))
    }

    fn with(count: usize, slots: Vec<u16>, hash: Option<Hash>) -> Self {
        // One byte a slot while positions (and the fast layout's "missing") fit, else two.
        let ty = if count < usize::from(u8::MAX) {
            format_ident!("u8")
        } else {
            format_ident!("u16")
        };
        Self {
            ty: quote!(::core::primitive::#ty),
            table: slots.into_iter().map(Literal::u16_unsuffixed).collect(),
            hash,
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
        let hash = Hash::Multiply {
            multiplier,
            shift: 32 - bits,
        };
        hash.is_perfect(numbers, &mut taken, attempt)
            .then_some(hash)
    })
}
