//! Small maps keyed by strings, kept as a vector searched in order: the rows of one board by
//! page id (what each row showed, where it stood, its DOM: at most `board::MAX_BOARD_ROWS`,
//! SPEC §2 "Boards are bounded") and a feed's `names`, `titles` and `source.names` by locale
//! tag (at most `feed::MAX_MAP_ENTRIES`). At these sizes a search in order is as quick as a
//! hash or a tree, and one small generic type spares the element the code each
//! `HashMap<String, V>` and `BTreeMap<String, String>` brought along: the element's three
//! maps of rows made it 1,778 B gzip lighter, the feed's locale maps 2,353 B more, with live
//! updates and replay frames no slower.

/// Pairs of key and value, at most one per key, in the order they were put in (a removal
/// moves the last pair into the gap).
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for SmallMap<V> {
    fn default() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }
}

impl<V> SmallMap<V> {
    pub fn with_capacity(n: usize) -> Self {
        SmallMap {
            entries: Vec::with_capacity(n),
        }
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The key as stored, with its value.
    pub fn get_key_value(&self, key: &str) -> Option<(&str, &V)> {
        let (k, v) = &self.entries[self.position(key)?];
        Some((k, v))
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Puts `value` under `key`, in place of the one there was.
    pub fn insert(&mut self, key: String, value: V) {
        match self.position(&key) {
            Some(i) => self.entries[i].1 = value,
            None => self.entries.push((key, value)),
        }
    }

    /// Takes the value under `key` out (the last entry takes its place).
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = self.position(key)?;
        Some(self.entries.swap_remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (k.as_str(), v))
    }

    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.entries.into_iter().map(|(_, v)| v)
    }
}

/// A later value for a key already there replaces it, as with a map.
impl<V> FromIterator<(String, V)> for SmallMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = SmallMap::default();
        for (key, value) in iter {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_map() {
        let mut m: SmallMap<u32> = [("a".into(), 1), ("b".into(), 2), ("a".into(), 3)]
            .into_iter()
            .collect();
        assert_eq!(
            (m.len(), m.get("a"), m.get("b"), m.get("c")),
            (2, Some(&3), Some(&2), None)
        );
        m.insert("c".into(), 4);
        assert_eq!(m.remove("a"), Some(3));
        assert_eq!(m.remove("a"), None);
        for (_, v) in m.iter_mut() {
            *v *= 10;
        }
        let mut all: Vec<(&str, u32)> = m.iter().map(|(k, &v)| (k, v)).collect();
        all.sort();
        assert_eq!(all, [("b", 20), ("c", 40)]);
        assert_eq!(m.into_values().sum::<u32>(), 60);
        assert!(SmallMap::<u8>::default().is_empty());
    }
}
