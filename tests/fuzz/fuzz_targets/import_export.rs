//! Analytics exports through `import` (every format): never a panic; a merged feed is valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov_leaderboard::fuzzing::import_export(data);
});
