//! Ranking and rendering with options taken from the input: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov_leaderboard::fuzzing::rank_and_render(data);
});
