//! The hash map for keys that come from a feed (page ids, a chart's measured labels): std's
//! SipHash with a secret key, so a hostile feed cannot aim collisions at it (100,000 ids in
//! one bucket chain would make reading the feed quadratic).
//!
//! Natively the key is std's `RandomState` (the system's randomness). In WebAssembly std has no
//! randomness: its `RandomState` keys itself from a stack and a heap address, which are the
//! same on every load of the same build, and brings ~1 KB of code to the element for it.
//! There the key is a number the browser layer draws from `Math.random` when it starts
//! ([`seed`]), and SipHash (std's `DefaultHasher`) reads it first, ahead of every key hashed.

/// A map whose keys a feed chooses.
pub type Map<K, V> = std::collections::HashMap<K, V, Keys>;

#[cfg(not(target_arch = "wasm32"))]
pub type Keys = std::collections::hash_map::RandomState;

#[cfg(target_arch = "wasm32")]
pub use wasm::{seed, Keys};

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

    /// The key of the maps made from now on (each map keeps the one it was made with).
    static KEY: AtomicU64 = AtomicU64::new(0x243f_6a88_85a3_08d3);

    /// Sets the key of the maps made from now on: the browser layer calls it with random bits
    /// before it reads any feed.
    pub fn seed(key: u64) {
        KEY.store(key, Relaxed);
    }

    /// The key a map was made with.
    #[derive(Clone, Copy)]
    pub struct Keys(u64);

    impl Default for Keys {
        fn default() -> Self {
            Keys(KEY.load(Relaxed))
        }
    }

    impl BuildHasher for Keys {
        type Hasher = DefaultHasher;

        fn build_hasher(&self) -> DefaultHasher {
            let mut h = DefaultHasher::new();
            h.write_u64(self.0);
            h
        }
    }
}
