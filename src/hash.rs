//! FNV-1a: a cheap, stable identity of some bytes (an unchanged feed body, a change already
//! announced, a board's title id). Not for anything an attacker could aim collisions at.

/// The FNV-1a offset basis: where a hash starts.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`, continuing from `h`.
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// FNV-1a's step over 8-byte words, rotated so that high bits reach the low ones, then the
/// bytes left over: a whole feed body (a live update hashes every one it receives) in an
/// eighth of the multiplications. Each step is a bijection of the word, so a body that differs
/// in one word from another always hashes differently.
pub fn words(h: u64, bytes: &[u8]) -> u64 {
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let h = chunks.fold(h, |h, c| {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        (h ^ w).wrapping_mul(PRIME).rotate_left(31)
    });
    fnv1a(h, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_byte_changes_the_word_hash() {
        let body: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let h = words(START, &body);
        for at in 0..body.len() {
            for bit in 0..8 {
                let mut other = body.clone();
                other[at] ^= 1 << bit;
                assert_ne!(words(START, &other), h, "byte {at} bit {bit}");
            }
        }
        assert_ne!(words(START, &body[..999]), h, "a shorter body");
    }
}
