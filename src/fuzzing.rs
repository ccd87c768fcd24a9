//! The body of the ranking fuzz target, also replayed over the corpus by `cargo test`
//! (tests/fuzz_corpus.rs), so every input the fuzzer kept is checked on every run.

use crate::board::BoardOptions;
use crate::chart::ChartKind;
use crate::i18n::BoardLocale;
use crate::options::{Metric, RankOptions, Ties, Window};

/// Options from the first bytes of `data`, the feed from the rest; ranks and renders it.
pub fn rank_and_render(data: &[u8]) {
    let (head, feed) = data.split_at(data.len().min(6));
    let byte = |i: usize| head.get(i).copied().unwrap_or(0);
    let Ok(feed) = crate::feed::parse(feed) else {
        return;
    };
    let pin = feed
        .pages
        .get(usize::from(byte(4)) % feed.pages.len().max(1))
        .map(|p| p.id.clone());
    let rank = RankOptions {
        metric: Metric::ALL[usize::from(byte(0)) % 4],
        window: match byte(1) {
            0 => Window::All,
            n => Window::Days(u32::from(n) * u32::from(byte(5)).max(1)),
        },
        ties: if byte(2) % 2 == 0 {
            Ties::Competition
        } else {
            Ties::Dense
        },
        top: usize::from(byte(3)).max(1),
        pin,
        ..RankOptions::default()
    };
    let ranking = crate::rank::rank(&feed, &rank);
    check(&ranking);
    // The replay's frames of the last few days are each that day's ranking (SPEC §2b).
    let from = ranking.as_of.map(|d| d.add_days(-i64::from(byte(6) % 8)));
    for frame in crate::timeline::timeline(&feed, &rank, from) {
        let on_day = RankOptions {
            as_of: Some(frame.date),
            ..rank.clone()
        };
        assert_eq!(
            frame.to_ranking(&feed, &rank),
            crate::rank::rank(&feed, &on_day),
            "timeline frame of {}",
            frame.date
        );
    }
    let chart = [ChartKind::Bars, ChartKind::Trend, ChartKind::None][usize::from(byte(5)) % 3];
    let locale = ["en", "ar-EG", "fr", "de"][usize::from(byte(2)) % 4];
    if let Ok(loc) = BoardLocale::new(locale) {
        let opts = BoardOptions {
            rank,
            locale: Some(locale.into()),
            chart,
            ..BoardOptions::default()
        };
        let _ = crate::render::render(&feed, &opts, &loc);
    }
}

/// Invariants that must hold for any feed: ranks never decrease down the table, every row's
/// delta agrees with its previous rank, and the pin adds at most one row.
fn check(r: &crate::rank::Ranking) {
    for w in r.rows.windows(2) {
        assert!(w[0].rank <= w[1].rank, "ranks out of order");
    }
    for row in &r.rows {
        let expected = row
            .previous_rank
            .map(|p| i64::from(p) - i64::from(row.rank));
        assert_eq!(row.delta, expected, "delta disagrees with previous_rank");
        assert!(row.rank >= 1);
    }
    assert!(
        r.rows.iter().filter(|x| x.pinned_extra).count() <= 1,
        "at most one pinned extra row"
    );
}

/// The body of the import fuzz target: the first byte picks the format (and a `--map` for
/// the columns format), the rest is the export; read, then merged into a new feed, which must
/// be valid whenever the merge succeeds.
pub fn import_export(data: &[u8]) {
    use crate::import::{self, Format, ImportOptions, Input};
    let (head, export) = data.split_at(data.len().min(1));
    let format = [
        Format::Auto,
        Format::CrowdTangle,
        Format::MetaContentLibrary,
        Format::Columns,
    ][usize::from(head.first().copied().unwrap_or(0)) % 4];
    let map = "id=id,name=name,date=date,interactions=a+b,posts=#rows,followers=f"
        .parse()
        .ok();
    let opts = ImportOptions {
        format,
        map,
        tz: crate::import::values::zone("Africa/Cairo").unwrap_or(jiff::tz::TimeZone::UTC),
    };
    let Ok((sums, pages)) = import::read(vec![Input::new("export.csv", export)], None, &opts)
    else {
        return;
    };
    if let Ok((text, _)) = import::merge_into(None, &sums, &pages) {
        assert!(
            crate::feed::parse(text.as_bytes()).is_ok(),
            "merged feed invalid"
        );
    }
}
