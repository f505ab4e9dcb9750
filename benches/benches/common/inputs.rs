//! Benchmark inputs: the same pseudo-random sequences on every run, so that branch prediction
//! cannot learn them and runs stay comparable.

/// A fixed linear congruential generator.
pub(crate) struct Lcg(u32);

impl Lcg {
    pub(crate) fn new() -> Self {
        Self(0x2545_f491)
    }

    pub(crate) fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        self.0 >> 8
    }

    /// One of `weighted`'s items, each as likely as its weight.
    pub(crate) fn pick<T: Copy>(&mut self, weighted: &[(T, u32)]) -> T {
        let total: u32 = weighted.iter().map(|w| w.1).sum();
        let mut pick = self.next() % total.max(1);
        for &(item, weight) in weighted {
            if pick < weight {
                return item;
            }
            pick -= weight;
        }
        weighted[0].0
    }

    /// Shuffles `items` in place (Fisher-Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.next() as usize % (i + 1);
            items.swap(i, j);
        }
    }
}

/// Every value 0..=999, in random order.
pub(crate) fn every_value() -> Vec<u16> {
    let mut values: Vec<u16> = (0..1000).collect();
    Lcg::new().shuffle(&mut values);
    values
}

/// What a client sees: mostly 2yz and 1yz, some 3yz, a few errors, weighted as a busy session
/// (transfers and listings dominate), 4096 codes in random order.
pub(crate) fn realistic_mix() -> Vec<u16> {
    const WEIGHTS: &[(u16, u32)] = &[
        (150, 20),
        (226, 20),
        (227, 12),
        (229, 8),
        (200, 10),
        (250, 8),
        (213, 6),
        (230, 2),
        (331, 2),
        (220, 2),
        (221, 1),
        (257, 3),
        (350, 1),
        (550, 3),
        (530, 1),
        (425, 1),
        (500, 1),
        (421, 1),
        (211, 1),
        (215, 1),
    ];
    let mut rng = Lcg::new();
    (0..4096).map(|_| rng.pick(WEIGHTS)).collect()
}
