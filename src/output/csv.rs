//! The board's "Get the data" download: the shown rows as CSV (SPEC §4 Data download).

use crate::rank::{Ranking, Value};

/// The ranked rows as CSV (RFC 4180, CRLF), for the board's "Get the data" download. `raw`
/// writes a ratio's exact value (`NumberFormat::raw`: the JSON writer natively, the browser's
/// own number text in the element).
pub fn rows_csv(ranking: &Ranking, raw: &dyn Fn(f64) -> String) -> String {
    let mut out = String::from("rank,id,name,value,previous_rank,delta\r\n");
    for r in &ranking.rows {
        let value = match r.value {
            Value::Count(n) => n.to_string(),
            Value::Ratio(x) => raw(x),
        };
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            r.rank,
            csv_field(&r.id),
            csv_field(&r.name),
            value,
            opt(r.previous_rank.map(i64::from)),
            opt(r.delta)
        ));
    }
    out
}

/// Quotes a field when it holds a comma, quote, line break, `;` or tab (the list separators of
/// spreadsheets in French, German and other locales); neutralizes a leading formula character
/// so a spreadsheet shows feed text instead of running it (SPEC §4 Data download).
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';', '\t']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse;
    use crate::options::RankOptions;
    use crate::rank::rank;

    #[test]
    fn rows_as_csv() {
        let feed = parse(
            "id,name,date,interactions\r\na,\"Ministry, \"\"X\"\"\",2026-11-28,5\r\nb,=HYPERLINK(1),2026-11-28,7\r\n".as_bytes(),
        )
        .expect("valid");
        let csv = rows_csv(&rank(&feed, &RankOptions::default()), &|x| x.to_string());
        assert_eq!(
            csv,
            "rank,id,name,value,previous_rank,delta\r\n1,b,'=HYPERLINK(1),7,,\r\n2,a,\"Ministry, \"\"X\"\"\",5,,\r\n"
        );
    }

    #[test]
    fn csv_quotes_semicolons_and_tabs_for_excel_in_other_locales() {
        // With `;` as the list separator (French, German Excel) `x;=1+2;` would be a formula cell.
        let feed = parse(
            "id,name,date,interactions\r\na,x;=1+2;,2026-11-28,5\r\nb,\"tab\there\",2026-11-28,3\r\n"
                .as_bytes(),
        )
        .expect("valid");
        let csv = rows_csv(&rank(&feed, &RankOptions::default()), &|x| x.to_string());
        assert_eq!(
            csv,
            "rank,id,name,value,previous_rank,delta\r\n1,a,\"x;=1+2;\",5,,\r\n2,b,\"tab\there\",3,,\r\n"
        );
    }
}
