//! The native command line (SPEC §3): `rank`, `render`, `validate`.
//! Exit codes: 0 ok, 1 bad feed (or a feed that cannot be read), 2 bad usage.

use clap::{Args, Parser, Subcommand};
use gov_leaderboard::board::BoardOptions;
use gov_leaderboard::chart::ChartKind;
use gov_leaderboard::feed::{self, Feed, FeedError, MAX_FEED_BYTES};
use gov_leaderboard::format::canonical_tag;
use gov_leaderboard::i18n::BoardLocale;
use gov_leaderboard::options::{parse_top, Metric, RankOptions, Ties, Window};
use gov_leaderboard::{rank, render};
use std::io::{Read, Write};

#[derive(Parser)]
#[command(
    name = "gov-leaderboard",
    version,
    about = "Rank government social-media pages from a JSON or CSV feed, and render the board as static HTML.",
    after_help = "FEED is a file path or - for standard input; JSON or CSV is detected from its content.\nExit codes: 0 ok, 1 bad feed, 2 bad usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the ranking as one JSON object.
    Rank {
        /// Feed file, or - for standard input.
        feed: String,
        #[command(flatten)]
        opts: RankArgs,
    },
    /// Print the board as a static HTML fragment with an inline SVG chart (no JavaScript needed).
    Render {
        /// Feed file, or - for standard input.
        feed: String,
        #[command(flatten)]
        opts: RankArgs,
        /// Language of the board: a BCP 47 tag (ar, ar-EG, en, fr, de, ...).
        #[arg(long, default_value = "en", value_parser = locale_tag)]
        locale: String,
        /// Chart above the table: bars, trend or none.
        #[arg(long, default_value = "bars")]
        chart: ChartKind,
    },
    /// Check a feed; list every problem found.
    Validate {
        /// Feed file, or - for standard input.
        feed: String,
    },
}

#[derive(Args)]
struct RankArgs {
    /// What to rank by: interactions, per_post, engagement_rate or growth.
    #[arg(long, default_value = "interactions")]
    metric: Metric,
    /// Days summed, ending at the as-of date (e.g. 30d), or all.
    #[arg(long, default_value = "30d")]
    window: Window,
    /// How tied values share ranks: competition (1,2,2,4) or dense (1,2,2,3).
    #[arg(long, default_value = "competition")]
    ties: Ties,
    /// How many ranks to keep (rows tied at the cut are all kept).
    #[arg(long, default_value = "10", value_parser = parse_top)]
    top: usize,
    /// Only pages of this country (exact match).
    #[arg(long)]
    country: Option<String>,
    /// Only pages on this platform (exact match).
    #[arg(long)]
    platform: Option<String>,
    /// Only pages in this category (exact match).
    #[arg(long)]
    category: Option<String>,
    /// Always show this page id, with its true rank, even below the cut.
    #[arg(long)]
    pin: Option<String>,
}

impl From<RankArgs> for RankOptions {
    fn from(a: RankArgs) -> Self {
        RankOptions {
            metric: a.metric,
            window: a.window,
            ties: a.ties,
            top: a.top,
            country: a.country,
            platform: a.platform,
            category: a.category,
            pin: a.pin,
        }
    }
}

fn locale_tag(s: &str) -> Result<String, String> {
    canonical_tag(s)
        .map(|_| s.to_string())
        .map_err(|e| e.to_string())
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Rank { feed, opts } => with_feed(&feed, |f| {
            let ranking = rank::rank(f, &opts.into());
            ranking.to_json()
                + "
"
        }),
        Command::Render {
            feed,
            opts,
            locale,
            chart,
        } => {
            let Ok(loc) = BoardLocale::new(&locale) else {
                eprintln!("gov-leaderboard: invalid --locale {locale:?}");
                return 2;
            };
            let opts = BoardOptions {
                rank: opts.into(),
                locale: Some(locale),
                chart,
            };
            with_feed(&feed, |f| render::render(f, &opts, &loc))
        }
        Command::Validate { feed } => with_feed(&feed, |f| {
            format!("ok: {} pages, {} points\n", f.pages.len(), f.point_count())
        }),
    }
}

/// Reads and validates the feed, then prints what `output` makes of it.
fn with_feed(path: &str, output: impl FnOnce(&Feed) -> String) -> i32 {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(message) => {
            eprintln!("gov-leaderboard: {message}");
            return 1;
        }
    };
    match feed::parse(&bytes) {
        Ok(f) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(output(&f).as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return 1;
            }
            0
        }
        Err(e) => {
            report(&e);
            1
        }
    }
}

fn report(e: &FeedError) {
    let n = e.problems.len();
    eprintln!("{e}");
    eprintln!(
        "gov-leaderboard: invalid feed ({n} problem{})",
        if n == 1 { "" } else { "s" }
    );
}

/// Reads at most one byte past the feed limit, so a huge input is refused without being held.
fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let limit = MAX_FEED_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(bytes)
}
