//! FNV-1a: a cheap, stable identity of some bytes (an unchanged feed body, a change already
//! announced, a board's title id). Not for anything an attacker could aim collisions at.

/// The FNV-1a offset basis: where a hash starts.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continuing from `h`.
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
