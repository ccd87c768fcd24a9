//! Writing a ranking out: the JSON that `rank` prints and the npm `rank` returns, and the CSV
//! of the board's download. Kept apart from `rank` (which computes) so neither imports the other.

pub mod csv;
pub mod json;

pub use self::csv::rows_csv;
pub use json::value_json;
