//! Any bytes, read as a CSV feed: an error or a feed, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'{') {
        return; // that is the JSON reader's input
    }
    let mut input = b"id,name,date,interactions,posts,followers,country\n".to_vec();
    input.extend_from_slice(data);
    let _ = gov_leaderboard::feed::parse(&input);
    let _ = gov_leaderboard::feed::parse(data);
});
