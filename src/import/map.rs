//! `--map` for `--from columns` (SPEC §5): which column (or literal) gives each feed field.
//! `id=COL,name=COL,date=COL,interactions=COL[+COL…][,posts=COL|#rows][,followers=COL]`,
//! plus `country`, `platform`, `category`; a value in single quotes is a literal
//! (`id='us-wh'`), one in double quotes a column name that holds a comma or `+`.

/// Where a field's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Column(String),
    Literal(String),
}

/// How a day's `posts` is counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posts {
    None,
    Rows,
    Column(String),
}

/// A parsed `--map`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pub id: Source,
    pub name: Source,
    pub date: Source,
    /// Summed per row.
    pub interactions: Vec<String>,
    pub posts: Posts,
    pub followers: Option<String>,
    pub country: Option<Source>,
    pub platform: Option<Source>,
    pub category: Option<Source>,
}

const FIELDS: &str = "id, name, date, interactions, posts, followers, country, platform, category";

impl std::str::FromStr for ColumnMap {
    type Err = String;

    fn from_str(text: &str) -> Result<ColumnMap, String> {
        let mut fields: Vec<(String, Vec<Source>)> = Vec::new();
        for item in split_top(text, ',')? {
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| format!("--map: expected FIELD=COLUMN, got {item:?}"))?;
            let key = key.trim().to_string();
            if !FIELDS.split(", ").any(|f| f == key) {
                return Err(format!("--map: unknown field {key:?} (fields: {FIELDS})"));
            }
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(format!("--map: {key} is given twice"));
            }
            let parts = split_top(value, '+')?
                .into_iter()
                .map(|p| source(&p))
                .collect::<Result<Vec<_>, _>>()?;
            if parts.len() > 1 && key != "interactions" {
                return Err(format!(
                    "--map: only interactions can sum columns (COL+COL), not {key}"
                ));
            }
            fields.push((key, parts));
        }
        let mut take = |key: &str| {
            fields
                .iter()
                .position(|(k, _)| k == key)
                .map(|i| fields.remove(i).1)
        };
        let one = |v: Option<Vec<Source>>| v.and_then(|mut v| v.pop());
        let required = |key: &str, v: Option<Source>| {
            v.ok_or_else(|| format!("--map: {key}=COLUMN is required"))
        };
        let id = required("id", one(take("id")))?;
        let name = required("name", one(take("name")))?;
        let date = required("date", one(take("date")))?;
        let interactions = take("interactions")
            .ok_or("--map: interactions=COLUMN[+COLUMN…] is required")?
            .into_iter()
            .map(|s| column_only("interactions", s))
            .collect::<Result<Vec<_>, _>>()?;
        let posts = match one(take("posts")) {
            None => Posts::None,
            Some(Source::Column(c)) if c == "#rows" => Posts::Rows,
            Some(s) => Posts::Column(column_only("posts", s)?),
        };
        let followers = one(take("followers"))
            .map(|s| column_only("followers", s))
            .transpose()?;
        Ok(ColumnMap {
            id,
            name,
            date,
            interactions,
            posts,
            followers,
            country: one(take("country")),
            platform: one(take("platform")),
            category: one(take("category")),
        })
    }
}

fn column_only(key: &str, s: Source) -> Result<String, String> {
    match s {
        Source::Column(c) => Ok(c),
        Source::Literal(_) => Err(format!("--map: {key} must name a column, not a literal")),
    }
}

fn source(raw: &str) -> Result<Source, String> {
    let t = raw.trim();
    if let Some(lit) = t.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return Ok(Source::Literal(lit.to_string()));
    }
    if let Some(col) = t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return Ok(Source::Column(col.to_string()));
    }
    if t.is_empty() {
        return Err("--map: a field has an empty column name".into());
    }
    Ok(Source::Column(t.to_string()))
}

/// Splits at `sep` outside single or double quotes.
fn split_top(text: &str, sep: char) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                cur.push(c);
            }
            (None, c) if c == sep => out.push(std::mem::take(&mut cur)),
            (None, c) => cur.push(c),
        }
    }
    if quote.is_some() {
        return Err(format!("--map: unclosed quote in {text:?}"));
    }
    out.push(cur);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_an_x_export_of_one_account() {
        let m: ColumnMap = "id='us-wh',name='The White House',date=Date,interactions=Engagements"
            .parse()
            .expect("valid");
        assert_eq!(m.id, Source::Literal("us-wh".into()));
        assert_eq!(m.name, Source::Literal("The White House".into()));
        assert_eq!(m.date, Source::Column("Date".into()));
        assert_eq!(m.interactions, vec!["Engagements".to_string()]);
        assert_eq!(m.posts, Posts::None);
    }

    #[test]
    fn sums_rows_and_quotes() {
        let m: ColumnMap = r#"id=Page ID,name="Name, full",date=Day,interactions=Likes+Comments+"Shares + saves",posts=#rows,followers=Fans,country='EG'"#
            .parse()
            .expect("valid");
        assert_eq!(m.name, Source::Column("Name, full".into()));
        assert_eq!(
            m.interactions,
            vec![
                "Likes".to_string(),
                "Comments".into(),
                "Shares + saves".into()
            ]
        );
        assert_eq!(m.posts, Posts::Rows);
        assert_eq!(m.followers.as_deref(), Some("Fans"));
        assert_eq!(m.country, Some(Source::Literal("EG".into())));
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |s: &str| s.parse::<ColumnMap>().expect_err(s);
        assert_eq!(
            err("name=N,date=D,interactions=I"),
            "--map: id=COLUMN is required"
        );
        assert!(
            err("id=a,name=b,date=c,interactions=d,likes=e").contains("unknown field \"likes\"")
        );
        assert!(err("id=a,id=b,name=b,date=c,interactions=d").contains("given twice"));
        assert!(err("id='a,name=b").contains("unclosed quote"));
        assert!(err("id=a+b,name=b,date=c,interactions=d").contains("only interactions"));
        assert!(err("id=a,name=b,date=c,interactions='5'").contains("must name a column"));
    }
}
