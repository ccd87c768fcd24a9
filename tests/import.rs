//! `gov-leaderboard import` (SPEC §5): exports in each format, merging, bad rows, the CLI's
//! exit codes and files on disk, and a property test of merging in any order and any steps.

use gov_leaderboard::feed::parse;
use gov_leaderboard::import::{self, ColumnMap, Format, ImportOptions, Input, PageFields, Sums};
use serde_json::{json, Value};
use std::process::{Command, Output};

/// A CrowdTangle posts export as CrowdTangle writes it (a Brazilian dashboard): byte-order
/// mark, the real header, quoted multi-line messages with doubled quotes, 15-digit ids,
/// `407.137`, scores as `"1,4"`, times in the dashboard's zone.
const CT_HEADER: &str = "\u{feff}Page Name,User Name,Facebook Id,Page Category,Page Admin Top Country,Page Description,Page Created,Likes at Posting,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Shares,Love,Wow,Haha,Sad,Angry,Care,Video Share Status,Is Video Owner?,Post Views,Total Views,Total Views For All Crossposts,Video Length,URL,Message,Link,Final Link,Image Text,Link Text,Description,Sponsor Id,Sponsor Name,Sponsor Category,\"Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )\",Overperforming Score\n";

fn ct_row(
    name: &str,
    id: &str,
    created: &str,
    total: &str,
    followers: &str,
    message: &str,
) -> String {
    let (date, time) = created.split_once(' ').expect("date time");
    let time = time.trim_end_matches(" BRT");
    format!(
        "{name},user,{id},GOVERNMENT_ORGANIZATION,EG,\"A page, \"\"official\"\"\",2010-01-01 00:00:00,{followers},{followers},{created},{date},{time},Photo,{total},1,2,3,4,5,6,7,8,9,,,0,0,0,,https://www.facebook.com/x/posts/1,\"{message}\",,,,,,,,,{total},\"1,4\"\n",
        message = message.replace('"', "\"\"")
    )
}

fn ct_export() -> String {
    CT_HEADER.to_string()
        + &ct_row(
            "وزارة الداخلية",
            "100064799284533",
            "2021-07-05 18:02:45 BRT",
            "407.137",
            "16.990.000",
            "Line one\n\"quoted\", line two",
        )
        + &ct_row(
            "وزارة الداخلية",
            "100064799284533",
            "2021-07-05 09:10:00 BRT",
            "1.000",
            "16.980.000",
            "morning",
        )
        + &ct_row(
            "وزارة الداخلية",
            "100064799284533",
            "2021-07-06 23:59:59 BRT",
            "12",
            "",
            "late, no followers",
        )
        + &ct_row(
            "The White House",
            "100064522781931",
            "2021-07-05 12:00:00 BRT",
            "2.500.000",
            "14.200.000",
            "WH",
        )
}

fn opts() -> ImportOptions {
    ImportOptions::default()
}

fn read(exports: &[(&str, &str)], o: &ImportOptions) -> Result<(Sums, PageFields), Vec<String>> {
    let inputs = exports
        .iter()
        .map(|(name, text)| Input::new(*name, text.as_bytes()))
        .collect();
    import::read(inputs, None, o).map_err(|e| e.problems.iter().map(|p| p.to_string()).collect())
}

fn feed_of(exports: &[(&str, &str)], o: &ImportOptions, into: Option<&str>) -> Value {
    let (sums, pages) = read(exports, o).expect("valid exports");
    let (text, _) = import::merge_into(into.map(str::as_bytes), &sums, &pages).expect("valid feed");
    parse(text.as_bytes()).expect("a valid §1 feed");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn crowdtangle_export_becomes_one_point_per_page_per_day() {
    let feed = feed_of(&[("ct.csv", &ct_export())], &opts(), None);
    assert_eq!(
        feed,
        json!({"version": 1, "pages": [
            {"id": "100064522781931", "name": "The White House", "country": "EG", "platform": "facebook", "category": "GOVERNMENT_ORGANIZATION",
             "series": [{"date": "2021-07-05", "interactions": 2_500_000, "posts": 1, "followers": 14_200_000}]},
            {"id": "100064799284533", "name": "وزارة الداخلية", "country": "EG", "platform": "facebook", "category": "GOVERNMENT_ORGANIZATION",
             "series": [
                 // Two posts: 407,137 + 1,000; followers of the day's latest post (18:02:45).
                 {"date": "2021-07-05", "interactions": 408_137, "posts": 2, "followers": 16_990_000},
                 // Followers at Posting empty: Likes at Posting is empty too, so none.
                 {"date": "2021-07-06", "interactions": 12, "posts": 1}]}
        ]})
    );
}

#[test]
fn crowdtangle_with_us_numbers_and_without_the_date_column() {
    let export = "Page Name,Facebook Id,Post Created,Total Interactions,Likes at Posting\n\
                  A,111,2024-01-15 10:00:00 EST,\"1,234,567\",\"2,000\"\n\
                  A,111,2024-01-15 11:00:00 EST,1 000,2 100\n";
    let feed = feed_of(&[("us.csv", export)], &opts(), None);
    assert_eq!(
        feed["pages"][0]["series"],
        json!([{"date": "2024-01-15", "interactions": 1_235_567, "posts": 2, "followers": 2100}])
    );
}

#[test]
fn meta_content_library_days_in_the_zone() {
    let export = "id,post_owner.id,post_owner.name,creation_time,statistics.reaction_count,statistics.comment_count,statistics.share_count,text\n\
                  p1,901,Ministry,2024-01-15T22:30:00+00:00,10,2,1,\"hello, world\"\n\
                  p2,901,Ministry,2024-01-15T20:00:00Z,5,,1,x\n\
                  p3,901,Ministry,1705363200,1,1,1,y\n\
                  p4,902,Other,2024-01-15 09:00,7,0,0,z\n";
    let cairo = ImportOptions {
        tz: import::values::zone("Africa/Cairo").expect("zone"),
        ..opts()
    };
    let feed = feed_of(&[("mcl.csv", export)], &cairo, None);
    // 22:30 UTC is 00:30 the next day in Cairo; 20:00 UTC is 22:00 the same day.
    assert_eq!(
        feed["pages"][0]["series"],
        json!([{"date": "2024-01-15", "interactions": 6, "posts": 1},
               {"date": "2024-01-16", "interactions": 16, "posts": 2}])
    );
    assert_eq!(
        feed["pages"][1]["series"],
        json!([{"date": "2024-01-15", "interactions": 7, "posts": 1}])
    );
    assert_eq!(feed["pages"][0].get("platform"), None);
}

#[test]
fn columns_with_a_map_of_an_x_account_export() {
    let export = "Date,Impressions,Likes,Engagements,Retweets\n\
                  \"Mon, Jan 15, 2024\",\"120,000\",300,\"1,250\",40\n\
                  \"Tue, Jan 16, 2024\",90000,200,980,10\n";
    let map: ColumnMap = "id='us-wh',name='The White House',date=Date,interactions=Engagements"
        .parse()
        .expect("map");
    let o = ImportOptions {
        format: Format::Columns,
        map: Some(map),
        ..opts()
    };
    let feed = feed_of(&[("x.csv", export)], &o, None);
    assert_eq!(
        feed,
        json!({"version": 1, "pages": [{"id": "us-wh", "name": "The White House", "series": [
            {"date": "2024-01-15", "interactions": 1250}, {"date": "2024-01-16", "interactions": 980}]}]})
    );
    let summed: ColumnMap = "id='us-wh',name='WH',date=Date,interactions=Likes+Retweets,posts=#rows,followers=Impressions"
        .parse()
        .expect("map");
    let o = ImportOptions {
        map: Some(summed),
        ..o
    };
    let feed = feed_of(&[("x.csv", export)], &o, None);
    assert_eq!(
        feed["pages"][0]["series"][0],
        json!({"date": "2024-01-15", "interactions": 340, "posts": 1, "followers": 120_000})
    );
}

#[test]
fn merging_keeps_everything_else_and_replaces_page_days() {
    let existing = r#"{"version":1,"title":"Our board","custom":{"keep":true},"as_of":"2021-07-06","pages":[
        {"id":"100064799284533","name":"Old name","names":{"en":"Ministry of Interior"},"url":"https://www.facebook.com/MoiEgy","extra":1,
         "series":[{"date":"2021-07-04","interactions":5},{"date":"2021-07-05","interactions":999999,"posts":9}]},
        {"id":"zz-other","name":"Other page","series":[{"date":"2021-07-01","interactions":3}]}]}"#;
    let feed = feed_of(&[("ct.csv", &ct_export())], &opts(), Some(existing));
    assert_eq!(feed["title"], "Our board");
    assert_eq!(feed["custom"], json!({"keep": true}));
    assert_eq!(feed["as_of"], "2021-07-06");
    let moi = &feed["pages"][1];
    assert_eq!(moi["names"], json!({"en": "Ministry of Interior"}));
    assert_eq!(moi["url"], "https://www.facebook.com/MoiEgy");
    assert_eq!(moi["extra"], 1);
    assert_eq!(moi["name"], "وزارة الداخلية", "the export's newest name");
    assert_eq!(
        moi["series"],
        json!([{"date": "2021-07-04", "interactions": 5},
               {"date": "2021-07-05", "interactions": 408_137, "posts": 2, "followers": 16_990_000},
               {"date": "2021-07-06", "interactions": 12, "posts": 1}])
    );
    assert_eq!(feed["pages"][2]["id"], "zz-other");
    assert_eq!(
        feed["pages"][2]["series"],
        json!([{"date": "2021-07-01", "interactions": 3}])
    );
}

#[test]
fn importing_the_same_export_twice_changes_nothing() {
    let (sums, pages) = read(&[("ct.csv", &ct_export())], &opts()).expect("valid");
    let (once, s1) = import::merge_into(None, &sums, &pages).expect("once");
    let (twice, s2) = import::merge_into(Some(once.as_bytes()), &sums, &pages).expect("twice");
    assert_eq!(once, twice);
    assert_eq!(
        (s1.points_added, s1.points_replaced, s1.pages_added),
        (3, 0, 2)
    );
    assert_eq!(
        (s2.points_added, s2.points_replaced, s2.pages_added),
        (0, 3, 0)
    );
    // Overlapping exports in one run: a later export's page-day replaces, never adds.
    let both = feed_of(
        &[("a.csv", &ct_export()), ("b.csv", &ct_export())],
        &opts(),
        None,
    );
    assert_eq!(both, serde_json::from_str::<Value>(&once).expect("json"));
}

#[test]
fn pages_file_overrides_names_and_details() {
    let pages = "\u{feff}id,name,names.ar,names.en,country,url,followers\n\
                 100064522781931,The White House,البيت الأبيض,,US,https://www.facebook.com/WhiteHouse,\"14,200,000\"\n";
    let (sums, fields) = import::read(
        vec![Input::new("ct.csv", ct_export().as_bytes())],
        Some(Input::new("pages.csv", pages.as_bytes())),
        &opts(),
    )
    .expect("valid");
    let (text, _) = import::merge_into(None, &sums, &fields).expect("merged");
    let feed: Value = serde_json::from_str(&text).expect("json");
    let wh = &feed["pages"][0];
    assert_eq!(wh["names"], json!({"ar": "البيت الأبيض"}));
    assert_eq!(wh["country"], "US");
    assert_eq!(wh["url"], "https://www.facebook.com/WhiteHouse");
    assert_eq!(wh["followers"], 14_200_000);
}

#[test]
fn every_bad_row_is_reported_with_file_line_column_and_value() {
    let export = CT_HEADER.to_string()
        + &ct_row(
            "A",
            "100064799284533",
            "2021-07-05 18:02:45 BRT",
            "12a",
            "1",
            "x",
        )
        + &ct_row(
            "A",
            "not an id!",
            "2021-07-05 18:02:45 BRT",
            "5",
            "1",
            "multi\nline",
        )
        + &ct_row(
            "A",
            "100064799284533",
            "2021-13-05 18:02:45 BRT",
            "5",
            "1",
            "x",
        )
        + &ct_row(
            "\u{200b}",
            "100064799284533",
            "2021-07-05 18:02:45 BRT",
            "5",
            "1",
            "x",
        );
    let errors = read(&[("bad.csv", &export)], &opts()).expect_err("bad rows");
    assert_eq!(
        errors,
        [
            "bad.csv: line 2, column \"Total Interactions\": expected a whole number (digits, optionally grouped in threes), got \"12a\"",
            "bad.csv: line 3, column \"Facebook Id\": may contain only A-Z a-z 0-9 . _ -, found U+0020, got \"not an id!\"",
            "bad.csv: line 5, column \"Post Created Date\": expected a date starting YYYY-MM-DD in the years 1900-2099, got \"2021-13-05\"",
            "bad.csv: line 6, column \"Page Name\": must contain at least one visible character, got \"\u{200b}\"",
        ]
    );
    let missing = read(
        &[("m.csv", "Facebook Id,Total Interactions\n1,2\n")],
        &opts(),
    )
    .expect_err("missing");
    assert_eq!(
        missing,
        ["m.csv: line 1: missing columns \"Post Created Date\", \"Page Name\" in the header"]
    );
    let unknown = read(&[("u.csv", "a,b\n1,2\n")], &opts()).expect_err("unknown");
    assert!(unknown[0].contains("--from columns --map"), "{unknown:?}");
    let many: String = CT_HEADER.to_string()
        + &(0..1500)
            .map(|_| ct_row("A", "1", "2021-07-05 18:02:45 BRT", "x", "1", "m"))
            .collect::<String>();
    let errors = read(&[("many.csv", &many)], &opts()).expect_err("many");
    assert_eq!(errors.len(), 1001);
    assert_eq!(
        errors[1000],
        "feed: 500 more problems not listed (the first 1000 are)"
    );
}

// ---- the command line ----

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gov-leaderboard"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "gov-leaderboard-import-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn cli_merges_into_a_feed_atomically_and_only_on_success() {
    let dir = temp_dir("cli");
    let export = dir.join("ct.csv");
    std::fs::write(&export, ct_export()).expect("write");
    let feed = dir.join("feed.json");
    let (e, f) = (export.to_str().expect("path"), feed.to_str().expect("path"));
    let out = cli(&["import", "--into", f, e]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("gov-leaderboard: imported 4 rows from 1 export: 2 pages added, 3 points added, 0 points replaced, 2021-07-05 to 2021-07-06 -> {f}\n")
    );
    let first = std::fs::read(&feed).expect("feed written");
    let out = cli(&["import", "--into", f, e]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&feed).expect("feed"),
        first,
        "the same export twice changes nothing"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 points added, 3 points replaced"));
    // A corrupted number: exit 1, the located error, the feed byte for byte as it was.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, ct_export().replace("407.137", "407.1x7")).expect("write");
    let out = cli(&["import", "--into", f, e, bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.csv: line 2, column \"Total Interactions\": expected a whole number (digits, optionally grouped in threes), got \"407.1x7\""), "{stderr}");
    assert_eq!(std::fs::read(&feed).expect("feed"), first);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "no temporary file left: {leftovers:?}");
    // Without --into: the feed on stdout, valid for `validate`.
    let out = cli(&["import", e]);
    assert_eq!(out.status.code(), Some(0));
    parse(&out.stdout).expect("valid feed on stdout");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_exit_codes() {
    let dir = temp_dir("codes");
    let export = dir.join("ct.csv");
    std::fs::write(&export, ct_export()).expect("write");
    let e = export.to_str().expect("path");
    assert_eq!(
        cli(&["import", "--from", "bogus", e]).status.code(),
        Some(2)
    );
    assert_eq!(
        cli(&["import", "--tz", "Mars/Base", e]).status.code(),
        Some(2)
    );
    assert_eq!(
        cli(&["import", "--from", "columns", "--map", "id=a", e])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        cli(&["import", "--from", "columns", e]).status.code(),
        Some(2)
    );
    assert_eq!(cli(&["import"]).status.code(), Some(2));
    let out = cli(&["import", "/nonexistent/export.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/export.csv"));
    // An invalid feed to merge into: exit 1, untouched.
    let feed = dir.join("feed.json");
    std::fs::write(&feed, "{\"version\":2,\"pages\":[]}").expect("write");
    let out = cli(&["import", "--into", feed.to_str().expect("path"), e]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&feed).expect("feed"),
        "{\"version\":2,\"pages\":[]}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- property: any order, any steps ----

mod property {
    use super::*;
    use proptest::prelude::*;

    /// Rows (page, day offset, interactions, hour) → a columns-format export.
    fn export(rows: &[(u8, u8, u32, u8)]) -> String {
        let mut s = String::from("page,day,value\n");
        for (p, d, v, h) in rows {
            let date = gov_leaderboard::date::Date::parse("2026-01-01")
                .expect("date")
                .add_days(i64::from(*d));
            s.push_str(&format!("p{p},{date} {h:02}:00,{v}\n"));
        }
        s
    }

    fn options() -> ImportOptions {
        ImportOptions {
            format: Format::Columns,
            map: Some(
                "id=page,name=page,date=day,interactions=value,posts=#rows"
                    .parse()
                    .expect("map"),
            ),
            ..ImportOptions::default()
        }
    }

    fn import_steps(exports: &[String], steps: &[usize]) -> String {
        let mut feed: Option<String> = None;
        let mut i = 0;
        for &n in steps {
            let start = i.min(exports.len());
            let chunk: Vec<(&str, &str)> = exports[start..(i + n).min(exports.len())]
                .iter()
                .map(|e| ("e.csv", e.as_str()))
                .collect();
            i += n;
            if chunk.is_empty() {
                continue;
            }
            let (sums, pages) = read(&chunk, &options()).expect("valid");
            feed = Some(
                import::merge_into(feed.as_deref().map(str::as_bytes), &sums, &pages)
                    .expect("merged")
                    .0,
            );
        }
        feed.unwrap_or_default()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn disjoint_exports_in_any_order_and_steps_give_one_feed(
            rows in prop::collection::vec((0u8..6, 0u8..20, 0u32..100_000, 0u8..24), 1..80),
            parts in 1usize..5,
            seed in any::<u64>(),
            steps in prop::collection::vec(1usize..4, 1..6),
        ) {
            // Split the days into `parts` disjoint sets: one export each.
            let mut exports: Vec<Vec<(u8, u8, u32, u8)>> = vec![Vec::new(); parts];
            for r in &rows {
                exports[usize::from(r.1) % parts].push(*r);
            }
            let exports: Vec<String> = exports.iter().filter(|e| !e.is_empty()).map(|e| export(e)).collect();
            let all = import_steps(&exports, &[exports.len()]);
            // Another order (a rotation and a reversal picked by the seed) and other steps.
            let mut shuffled = exports.clone();
            shuffled.rotate_left((seed as usize) % exports.len());
            if seed % 2 == 0 { shuffled.reverse(); }
            let mut steps = steps.clone();
            steps.push(exports.len()); // enough steps to take every export
            let stepped = import_steps(&shuffled, &steps);
            prop_assert_eq!(&all, &stepped);
            // Re-importing any export afterwards changes nothing.
            let (sums, pages) = read(&[("again.csv", exports[(seed as usize) % exports.len()].as_str())], &options()).expect("valid");
            let again = import::merge_into(Some(all.as_bytes()), &sums, &pages).expect("merged").0;
            prop_assert_eq!(&all, &again);
        }
    }
}

/// The hostile-text corpus as page names in an export: each is a located error (a name with
/// no visible character) or lands in the feed exactly as written, as text.
#[test]
fn hostile_text_in_an_export_stays_text() {
    let payloads: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/hostile/payloads.json").expect("payloads"),
    )
    .expect("json");
    for (i, p) in payloads.iter().enumerate() {
        let name: String = p.replace('\0', "").chars().take(200).collect();
        let field = format!("\"{}\"", name.replace('"', "\"\""));
        let export = format!("Page Name,Facebook Id,Post Created Date,Total Interactions\n{field},p{i},2026-11-28,5\n");
        match read(&[("hostile.csv", &export)], &opts()) {
            Ok((sums, pages)) => {
                let (text, _) = import::merge_into(None, &sums, &pages).expect("merged");
                let feed: Value = serde_json::from_str(&text).expect("json");
                assert_eq!(
                    feed["pages"][0]["name"],
                    Value::from(name.trim()),
                    "payload {i}"
                );
            }
            Err(errors) => {
                assert_eq!(errors.len(), 1, "payload {i}: {errors:?}");
                assert!(
                    errors[0].starts_with("hostile.csv: line 2, column \"Page Name\""),
                    "{errors:?}"
                );
            }
        }
    }
}
