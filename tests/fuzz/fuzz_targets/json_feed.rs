//! Any bytes, read as a JSON feed: an error or a feed, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Force the JSON reader whatever the first byte is.
    let mut input = Vec::with_capacity(data.len() + 1);
    input.push(b'{');
    input.extend_from_slice(data);
    let _ = gov_leaderboard::feed::parse(&input);
    let _ = gov_leaderboard::feed::parse(data);
});
