//! Finding repeated names in linear time: a small open-addressing table over
//! borrowed strings, for the rules that compare many names (repeated members, a
//! name used as both an attribute and a relationship, repeated frequencies), in
//! every vendor's requests, and for writing an object whose names repeat (`write::copy`).
//!
//! Entry point: [`NameTable`]. It is built only on the paths that have names to
//! compare, holds indexes into the caller's list, and needs no generic sort or tree
//! (each of which would add kilobytes to the wasm).
//!
//! ```
//! use subkit::json::names::NameTable;
//! let names = ["a", "b", "a", "c", "b"];
//! assert_eq!(NameTable::first_occurrences(&names), vec![0, 1, 0, 3, 1]);
//! let table = NameTable::new(&names);
//! assert_eq!(table.find(&names, "c"), Some(3));
//! assert_eq!(table.find(&names, "d"), None);
//! ```

use crate::prelude::*;
/// A set of names, as indexes into the list it was built from.
#[derive(Debug)]
pub struct NameTable {
    /// Index plus one of a name with that hash slot (0: empty); a power of two long.
    slots: Vec<usize>,
}

/// FNV-1a: short, with no state and no randomness (the core does no I/O).
fn hash(name: &str) -> usize {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    // Truncation is fine for a hash.
    #[allow(clippy::cast_possible_truncation)]
    let h = h as usize;
    h
}

impl NameTable {
    /// The table of the first occurrence of each name in `names`.
    pub fn new<S: AsRef<str>>(names: &[S]) -> NameTable {
        let mut table = NameTable::with_capacity(names.len());
        for i in 0..names.len() {
            table.insert(names, i);
        }
        table
    }

    fn with_capacity(n: usize) -> NameTable {
        if n == 0 {
            // The usual case (no name outside the spec): nothing to allocate.
            return NameTable { slots: Vec::new() };
        }
        // At most half full, so every probe sequence meets an empty slot.
        let size = n
            .saturating_mul(2)
            .max(4)
            .checked_next_power_of_two()
            .unwrap_or(usize::MAX);
        NameTable {
            slots: vec![0; size],
        }
    }

    /// The slot where `name` is, or the empty one where it would go.
    fn probe<S: AsRef<str>>(&self, names: &[S], name: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = hash(name) & mask;
        // Bounded: the table is never full, and each step visits a new slot.
        for _ in 0..self.slots.len() {
            match self.slots.get(at).copied()? {
                0 => return Some(at),
                i => {
                    let there = names.get(i.wrapping_sub(1)).map(AsRef::as_ref);
                    if there == Some(name) {
                        return Some(at);
                    }
                }
            }
            at = at.wrapping_add(1) & mask;
        }
        None
    }

    /// Adds `names[i]` unless an equal name is in already; the index of the one in.
    fn insert<S: AsRef<str>>(&mut self, names: &[S], i: usize) -> usize {
        let Some(name) = names.get(i).map(AsRef::as_ref) else {
            return i;
        };
        let Some(at) = self.probe(names, name) else {
            return i;
        };
        match self.slots.get_mut(at) {
            Some(slot) if *slot == 0 => {
                *slot = i.saturating_add(1);
                i
            }
            Some(slot) => slot.wrapping_sub(1),
            None => i,
        }
    }

    /// The index in `names` (the list the table was built from) of `name`.
    pub fn find<S: AsRef<str>>(&self, names: &[S], name: &str) -> Option<usize> {
        let at = self.probe(names, name)?;
        self.slots.get(at).and_then(|i| i.checked_sub(1))
    }

    /// For each name, the index of its first occurrence (its own for a first one).
    pub fn first_occurrences<S: AsRef<str>>(names: &[S]) -> Vec<usize> {
        let mut table = NameTable::with_capacity(names.len());
        (0..names.len()).map(|i| table.insert(names, i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn finds_repeats_among_many_names() {
        let names: Vec<String> = (0..10_000).map(|i| format!("n{}", i % 997)).collect();
        let firsts = NameTable::first_occurrences(&names);
        for (i, first) in firsts.iter().enumerate() {
            assert_eq!(*first, i % 997, "{i}");
        }
        let table = NameTable::new(&names);
        assert_eq!(table.find(&names, "n5"), Some(5));
        assert_eq!(table.find(&names, "n997"), None);
        assert_eq!(
            NameTable::first_occurrences::<&str>(&[]),
            Vec::<usize>::new()
        );
    }
}
