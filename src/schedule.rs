//! When the live board polls next: the refresh interval after a success, exponential backoff
//! with jitter after failures, capped. Pure, so it is tested natively.

/// Longest wait between attempts after repeated failures, in seconds.
pub const MAX_BACKOFF_S: f64 = 300.0;
/// Shortest refresh interval accepted, in seconds (the attribute is clamped to it).
pub const MIN_REFRESH_S: f64 = 0.1;
/// A request that has not answered by then is aborted and counts as a failure.
pub const REQUEST_TIMEOUT_S: f64 = 10.0;

/// Reads the `refresh` attribute: seconds ≥ 0 (0 = fetch once); `None` if not a number.
pub fn parse_refresh(text: &str) -> Option<f64> {
    let v = crate::decimal::parse(text.trim())?;
    Some(if v == 0.0 { 0.0 } else { v.max(MIN_REFRESH_S) })
}

/// Seconds until the next attempt. `failures` counts consecutive failures (0 after a success);
/// `random` is uniform in [0, 1). After a failure the wait doubles each time, from the refresh
/// interval up to `MAX_BACKOFF_S` (or the interval, if longer), and "equal jitter" spreads
/// boards that failed together: a random point in the upper half of the wait.
pub fn next_delay(refresh: f64, failures: u32, random: f64) -> f64 {
    if failures == 0 {
        return refresh;
    }
    let base = refresh.max(1.0);
    let cap = MAX_BACKOFF_S.max(refresh);
    let wait = (base * 2f64.powi(failures.min(30) as i32)).min(cap);
    wait / 2.0 + random.clamp(0.0, 1.0) * wait / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_waits_the_refresh_interval() {
        assert_eq!(next_delay(60.0, 0, 0.7), 60.0);
    }

    #[test]
    fn failures_back_off_exponentially_with_jitter_and_a_cap() {
        assert_eq!(next_delay(5.0, 1, 0.0), 5.0);
        assert_eq!(next_delay(5.0, 1, 1.0), 10.0);
        assert_eq!(next_delay(5.0, 3, 0.0), 20.0);
        assert_eq!(next_delay(5.0, 20, 0.999_999).round(), 300.0);
        assert_eq!(next_delay(5.0, u32::MAX, 0.0), 150.0);
        assert_eq!(next_delay(600.0, 4, 1.0), 600.0);
        assert_eq!(next_delay(0.1, 1, 1.0), 2.0);
    }

    #[test]
    fn refresh_attribute() {
        assert_eq!(parse_refresh("60"), Some(60.0));
        assert_eq!(parse_refresh("0"), Some(0.0));
        assert_eq!(parse_refresh("0.01"), Some(MIN_REFRESH_S));
        assert_eq!(parse_refresh("-1"), None);
        assert_eq!(parse_refresh("soon"), None);
        assert_eq!(parse_refresh("inf"), None);
    }
}
