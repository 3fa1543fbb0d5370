//! A small map from ids to values, kept sorted by id: lookups are a binary search, iteration and
//! serialization are in id order (so equal choices compare and encode equal). It stands in for
//! `BTreeMap`, whose node code, bulk build and stable sort cost about 20 KB of wasm per
//! key/value pair type, for maps that hold one entry per adjustable of a story, and for the ids
//! a story's validation has met.

use std::ops::Index;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Values by id, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            entries: Vec::new(),
        }
    }
}

impl<V> IdMap<V> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    /// The value for `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|at| &self.entries[at].1)
    }

    /// The value for `id`, to change in place.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        self.find(id).ok().map(|at| &mut self.entries[at].1)
    }

    /// Whether there is a value for `id`.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value for `id`, giving back the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (id, value));
                None
            }
        }
    }

    /// Keeps only the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut V) -> bool) {
        self.entries.retain_mut(|(id, value)| keep(id, value));
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(id, value)| (id.as_str(), value))
    }

    /// The ids in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(id, _)| id.as_str())
    }

    // Apart from `from_iter`, which is compiled once per iterator type: this is compiled once
    // per value type.
    fn from_entries(entries: Vec<(String, V)>) -> Self {
        let ids: Vec<&str> = entries.iter().map(|(id, _)| id.as_str()).collect();
        let order = order_by_id(&ids);
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        let mut kept: Vec<(String, V)> = Vec::with_capacity(slots.len());
        for index in order {
            // Each position comes once, so every slot is still full here.
            let Some(entry) = slots[index].take() else {
                continue;
            };
            match kept.last_mut() {
                // Of equal ids the later one comes later, and replaces the earlier.
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        IdMap { entries: kept }
    }
}

impl<V> FromIterator<(String, V)> for IdMap<V> {
    /// Later entries for the same id replace earlier ones, as with `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        IdMap::from_entries(entries.into_iter().collect())
    }
}

/// Positions of `ids` in id order; of equal ids, the earlier first. Not generic, so the sort is
/// compiled once, rather than once per value type (a stable sort costs about 5 KB of wasm each).
fn order_by_id(ids: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_unstable_by(|&a, &b| ids[a].cmp(ids[b]).then(a.cmp(&b)));
    order
}

impl<V> Index<&str> for IdMap<V> {
    type Output = V;

    /// The value for `id`; panics if there is none, like `BTreeMap`'s index.
    fn index(&self, id: &str) -> &V {
        self.get(id).expect("no entry for this id")
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    /// As an object: `{ "amazon": "40000000000" }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (id, value) in &self.entries {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn keeps_ids_in_order_and_the_last_value_for_each() {
        let map: IdMap<u32> = [("b", 1), ("a", 2), ("c", 3), ("a", 4)]
            .into_iter()
            .map(|(id, value)| (id.to_owned(), value))
            .collect();
        let entries: Vec<(&str, u32)> = map.iter().map(|(id, value)| (id, *value)).collect();
        assert_eq!(
            entries,
            [("a", 4), ("b", 1), ("c", 3)],
            "sorted, last value wins"
        );
        assert_eq!(map.get("b"), Some(&1), "found by id");
        assert_eq!(map.get("z"), None, "an unknown id has no value");
    }

    #[test]
    fn insert_replace_and_retain() {
        let mut map = IdMap::default();
        assert_eq!(map.insert("m".to_owned(), 1), None, "a new id");
        assert_eq!(
            map.insert("m".to_owned(), 2),
            Some(1),
            "replacing gives the old value"
        );
        map.insert("a".to_owned(), 3);
        *map.get_mut("a").expect("present") += 10;
        map.retain(|id, _| id != "m");
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a"], "m was dropped");
        assert_eq!(map["a"], 13, "changed in place");
        assert_eq!(map.len(), 1);
    }
}
