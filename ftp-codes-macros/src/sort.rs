//! One small stable sort and one small map for the catalogues' short lists.
//!
//! std's sorts are instantiated anew for every element type and key, each some thousands of
//! lines of LLVM IR: with eight of them they were an eighth of this crate's code and a tenth
//! of its build. The lists here hold tens to a few hundred items; an insertion sort is
//! instant on them and compiles to a few lines per type. The same goes for `BTreeMap`, whose
//! node code came to some 12,000 lines for three maps of a few dozen entries each.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of equal keys.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `order`, keeping the order of equal items.
pub(crate) fn sort_by<T>(items: &mut [T], order: impl Fn(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 {
            let in_order = match (items.get(at - 1), items.get(at)) {
                (Some(before), Some(here)) => order(before, here) != Ordering::Greater,
                _ => true,
            };
            if in_order {
                break;
            }
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// A map as a list of pairs, in insertion order: for the few dozen verbs and codes a catalogue
/// names, where a lookup is a short scan.
#[derive(Debug)]
pub(crate) struct SmallMap<K, V> {
    pairs: Vec<(K, V)>,
}

impl<K: PartialEq, V> SmallMap<K, V> {
    pub(crate) fn new() -> Self {
        Self { pairs: Vec::new() }
    }

    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key` to `value`, in its place if it is there already.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        match self.pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.pairs.push((key, value)),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The values, in the order of their keys.
    pub(crate) fn into_sorted_values(mut self) -> Vec<V>
    where
        K: Ord,
    {
        sort_by(&mut self.pairs, |(a, _), (b, _)| a.cmp(b));
        self.pairs.into_iter().map(|(_, v)| v).collect()
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for SmallMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = Self::new();
        for (key, value) in pairs {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::{SmallMap, sort_by_key};

    #[test]
    fn small_map_keeps_the_last_value_and_sorts_on_the_way_out() {
        let mut map: SmallMap<u16, &str> = [(500, "a"), (200, "b")].into_iter().collect();
        map.insert(500, "c");
        map.insert(100, "d");
        assert_eq!(map.get(&500), Some(&"c"));
        assert_eq!(map.get(&300), None);
        assert_eq!(map.into_sorted_values(), ["d", "b", "c"]);
    }

    #[test]
    fn sorts_stably() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |&b| b);
    }
}
