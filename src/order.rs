//! Stable sorting through one non-generic function. Each `sort_by::<T, F>` the standard
//! library instantiates is ~3 KB of WebAssembly; every sort in the crate goes through
//! [`stable_order`] instead, so the .wasm carries one. The sorts here are small (pages,
//! points of one series), so an indirect comparison costs nothing measurable.

use std::cmp::Ordering;

/// The order of `0..n` that sorts by `cmp`, equal items keeping their order.
pub fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Index as the final key makes the unstable (smaller, faster) sort stable.
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T: Clone>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    *items = order.iter().map(|&i| items[i].clone()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        assert_eq!(
            stable_order(0, &|_, _| Ordering::Equal),
            Vec::<usize>::new()
        );
    }
}
