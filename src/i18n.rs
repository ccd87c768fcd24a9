//! The board's own words in its languages (SPEC §2a): Arabic, English, French, German.
//! Any other locale gets English words with its own number and date formats.

use crate::format::{is_rtl, LocaleError, Locales, NumberFormat};
use crate::options::{Metric, Window};

/// A language the board has words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ar,
    Fr,
    De,
}

/// Fixed words of one language.
#[derive(Debug)]
pub struct Words {
    pub rank: &'static str,
    pub change: &'static str,
    pub page: &'static str,
    pub default_title: &'static str,
    pub no_rows: &'static str,
    pub new: &'static str,
    pub same: &'static str,
    /// `{}` is the number of places.
    pub up: &'static str,
    pub down: &'static str,
    /// `{}` is the source's name.
    pub source: &'static str,
    /// `{}` is the date.
    pub as_of: &'static str,
    /// `{}` is the time of the last good update.
    pub stale: &'static str,
    pub loading: &'static str,
    pub error: &'static str,
    /// Screen-reader announcement of a rank change: name, words of the move (since the last
    /// announcement, which the words say), new rank.
    pub announce: &'static str,
    /// After three moves: `{}` more pages moved.
    pub more_moves: &'static str,
    /// The button that stops and resumes updates (`refresh` > 0); `aria-pressed` is its state.
    pub pause: &'static str,
    /// The share button (SPEC §4 "Share").
    pub share: &'static str,
    /// Hidden text in the pinned row.
    pub pinned: &'static str,
    /// Hidden text in links that open a new tab.
    pub new_tab: &'static str,
    /// The trend chart's accessible name (it shows daily interactions, whatever the metric).
    pub trend_chart: &'static str,
    pub download: &'static str,
    pub chart: &'static str,
    /// The line under a board cut at 100 rows: `{count}` rows not shown, tied at `{rank}`.
    pub more_tied: &'static str,
    pub list_separator: &'static str,
    pub metrics: [&'static str; 4],
    pub all_time: &'static str,
    /// The replay's button (SPEC §4 "Replay"), its name while stopped.
    pub play: &'static str,
    /// The scrubber's accessible name.
    pub replay_day: &'static str,
    /// Said once when playback stops: `{}` is the day shown.
    pub replay_stopped: &'static str,
}

const EN: Words = Words {
    rank: "Rank",
    change: "Change",
    page: "Page",
    default_title: "Government pages",
    no_rows: "No ranked pages for this selection.",
    new: "new",
    same: "no change",
    up: "up {}",
    down: "down {}",
    source: "Source: {}",
    as_of: "As of {}",
    stale: "These figures are stale: last updated {}; the latest update could not be loaded.",
    loading: "Loading…",
    error: "The leaderboard could not be loaded.",
    announce: "{name}: {move} since the last update, now rank {rank}",
    more_moves: "and {} more",
    pause: "Pause updates",
    share: "Save image",
    pinned: " (highlighted)",
    new_tab: " (opens in a new tab)",
    trend_chart: "Line chart: interactions per day of the pages shown",
    more_tied: "{count} more tied at rank {rank}",
    download: "Get the data (CSV)",
    chart: "Chart of the same figures as the table",
    list_separator: ", ",
    metrics: [
        "Interactions",
        "Interactions per post",
        "Engagement rate",
        "Growth",
    ],
    all_time: "all time",
    play: "Play the ranking through the days",
    replay_day: "Day shown",
    replay_stopped: "Replay stopped at {}",
};

const AR: Words = Words {
    rank: "الترتيب",
    change: "التغيّر",
    page: "الصفحة",
    default_title: "الصفحات الحكومية",
    no_rows: "لا توجد صفحات مرتّبة لهذا الاختيار.",
    new: "جديد",
    same: "دون تغيير",
    up: "تقدّم {}",
    down: "تراجع {}",
    source: "المصدر: {}",
    as_of: "حتى {}",
    stale: "بيانات غير محدّثة منذ {}: تعذّر تحميل أحدث البيانات.",
    loading: "جارٍ التحميل…",
    error: "تعذّر تحميل لوحة الترتيب.",
    announce: "{name}: {move} منذ آخر تحديث، الآن في المركز {rank}",
    more_moves: "وتغيّرات أخرى: {}",
    pause: "إيقاف التحديثات مؤقتًا",
    share: "حفظ الصورة",
    pinned: " (مميّزة)",
    new_tab: " (تُفتح في علامة تبويب جديدة)",
    trend_chart: "رسم خطي: التفاعلات اليومية للصفحات المعروضة",
    more_tied: "صفحات أخرى متعادلة في المركز {rank} غير معروضة: {count}",
    download: "تنزيل البيانات (CSV)",
    chart: "رسم بياني للأرقام نفسها الواردة في الجدول",
    list_separator: "، ",
    metrics: ["التفاعلات", "التفاعلات لكل منشور", "معدّل التفاعل", "النمو"],
    all_time: "كل الفترات",
    play: "تشغيل الترتيب عبر الأيام",
    replay_day: "اليوم المعروض",
    replay_stopped: "توقفت الإعادة عند {}",
};

const FR: Words = Words {
    rank: "Rang",
    change: "Évolution",
    page: "Page",
    default_title: "Pages gouvernementales",
    no_rows: "Aucune page classée pour cette sélection.",
    new: "nouveau",
    same: "inchangé",
    up: "gagne {}",
    down: "perd {}",
    source: "Source\u{a0}: {}",
    as_of: "Au {}",
    stale: "Données figées depuis {}\u{a0}: les dernières n’ont pas pu être chargées.",
    loading: "Chargement…",
    error: "Le classement n’a pas pu être chargé.",
    announce: "{name}\u{a0}: {move} depuis la dernière mise à jour, désormais au rang {rank}",
    more_moves: "et {} autres",
    pause: "Suspendre les mises à jour",
    share: "Enregistrer l’image",
    pinned: " (mise en avant)",
    new_tab: " (s’ouvre dans un nouvel onglet)",
    trend_chart: "Courbes\u{a0}: interactions par jour des pages affichées",
    more_tied: "Également au rang {rank}, non affichées\u{a0}: {count}",
    download: "Télécharger les données (CSV)",
    chart: "Graphique des mêmes chiffres que le tableau",
    list_separator: ", ",
    metrics: [
        "Interactions",
        "Interactions par publication",
        "Taux d’engagement",
        "Croissance",
    ],
    all_time: "depuis le début",
    play: "Lire le classement jour par jour",
    replay_day: "Jour affiché",
    replay_stopped: "Relecture arrêtée au {}",
};

const DE: Words = Words {
    rank: "Rang",
    change: "Veränderung",
    page: "Seite",
    default_title: "Regierungsseiten",
    no_rows: "Keine gerankten Seiten für diese Auswahl.",
    new: "neu",
    same: "unverändert",
    up: "{} hoch",
    down: "{} runter",
    source: "Quelle: {}",
    as_of: "Stand: {}",
    stale: "Veraltet seit {}: Die neuesten Daten konnten nicht geladen werden.",
    loading: "Wird geladen…",
    error: "Die Rangliste konnte nicht geladen werden.",
    announce: "{name}: {move} seit der letzten Aktualisierung, jetzt Rang {rank}",
    more_moves: "und {} weitere",
    pause: "Aktualisierungen anhalten",
    share: "Bild speichern",
    pinned: " (hervorgehoben)",
    new_tab: " (öffnet in neuem Tab)",
    trend_chart: "Liniendiagramm: Interaktionen pro Tag der gezeigten Seiten",
    more_tied: "Ebenfalls auf Rang {rank}, nicht angezeigt: {count}",
    download: "Daten herunterladen (CSV)",
    chart: "Diagramm derselben Zahlen wie in der Tabelle",
    list_separator: ", ",
    metrics: [
        "Interaktionen",
        "Interaktionen pro Beitrag",
        "Interaktionsrate",
        "Wachstum",
    ],
    all_time: "gesamter Zeitraum",
    play: "Rangliste Tag für Tag abspielen",
    replay_day: "Angezeigter Tag",
    replay_stopped: "Wiedergabe angehalten am {}",
};

/// The fixed words of a language.
/// `template` with each `{key}` replaced by its value (`{}` is the key ""); unknown keys stay.
/// Our own because `str::replace` with a string pattern brings std's substring searcher and its
/// panic message machinery (~3 KB) into the .wasm for these few short templates.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else { break };
        let key = after.get(..close).unwrap_or_default();
        out.push_str(rest.get(..open).unwrap_or_default());
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(rest.get(open..open + close + 2).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `template` split around its `{}`: the text before and after it (`("", "")` without one).
pub fn split_placeholder(template: &str) -> (&str, &str) {
    match template.as_bytes().windows(2).position(|w| w == b"{}") {
        Some(i) => (
            template.get(..i).unwrap_or_default(),
            template.get(i + 2..).unwrap_or_default(),
        ),
        None => ("", ""),
    }
}

pub fn words_for(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ar => &AR,
        Lang::Fr => &FR,
        Lang::De => &DE,
    }
}

/// Everything locale-dependent a board needs: words, numbers, dates, direction.
pub struct BoardLocale {
    /// The tag as the embedder gave it (used to pick `names`).
    pub tag: String,
    /// The canonical tag, for `lang` attributes.
    pub canonical: String,
    pub lang: Lang,
    pub rtl: bool,
    pub numbers: Box<dyn NumberFormat>,
}

impl std::fmt::Debug for BoardLocale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoardLocale")
            .field("canonical", &self.canonical)
            .finish_non_exhaustive()
    }
}

impl BoardLocale {
    /// The board locale of `tag`, natively with ICU4X.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(tag: &str) -> Result<BoardLocale, LocaleError> {
        BoardLocale::with(tag, &crate::format::Icu)
    }

    /// The board locale of `tag`, its numbers and dates from `locales`.
    pub fn with(tag: &str, locales: &dyn Locales) -> Result<BoardLocale, LocaleError> {
        let canonical = locales.canonical_tag(tag)?;
        let lang = match canonical.split('-').next().unwrap_or_default() {
            "ar" => Lang::Ar,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            _ => Lang::En,
        };
        Ok(BoardLocale {
            tag: tag.to_string(),
            rtl: is_rtl(&canonical),
            numbers: locales.numbers(&canonical)?,
            canonical,
            lang,
        })
    }

    pub fn words(&self) -> &'static Words {
        words_for(self.lang)
    }

    pub fn metric(&self, m: Metric) -> &'static str {
        let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
        self.words().metrics[i]
    }

    /// "last 30 days", "آخر ٣٠ يومًا", "30 derniers jours", "letzte 30 Tage".
    pub fn window(&self, w: Window) -> String {
        let Window::Days(n) = w else {
            return self.words().all_time.to_string();
        };
        let num = self.numbers.integer(u64::from(n));
        match (self.lang, n) {
            (Lang::En, 1) => "last day".into(),
            (Lang::En, _) => format!("last {num} days"),
            (Lang::Fr, 1) => "dernier jour".into(),
            (Lang::Fr, _) => format!("{num} derniers jours"),
            (Lang::De, 1) => "letzter Tag".into(),
            (Lang::De, _) => format!("letzte {num} Tage"),
            (Lang::Ar, _) => arabic_days(n, &num),
        }
    }

    /// Movement words: (visible mark, words for screen readers and titles).
    pub fn movement(&self, delta: Option<i64>) -> (String, String) {
        let w = self.words();
        match delta {
            None => (w.new.to_string(), w.new.to_string()),
            Some(0) => ("=".to_string(), w.same.to_string()),
            Some(d) => {
                let n = self.numbers.integer(d.unsigned_abs());
                let (mark, words) = if d > 0 {
                    ("▲", w.up)
                } else {
                    ("▼", w.down)
                };
                (format!("{mark}\u{a0}{n}"), fill(words, &[("", &n)]))
            }
        }
    }

    /// "Interactions, last 30 days".
    pub fn subtitle(&self, metric: Metric, window: Window) -> String {
        format!(
            "{}{}{}",
            self.metric(metric),
            self.words().list_separator,
            self.window(window)
        )
    }
}

/// Arabic counts take different noun forms: 1 يوم, 2 يومان, 3–10 أيام, 11–99 يومًا, 100 يوم.
fn arabic_days(n: u32, num: &str) -> String {
    match (n, n % 100) {
        (1, _) => "آخر يوم".into(),
        (2, _) => "آخر يومين".into(),
        (_, 3..=10) => format!("آخر {num} أيام"),
        (_, 11..=99) => format!("آخر {num} يومًا"),
        _ => format!("آخر {num} يوم"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn templates_fill_once_and_keep_unknown_keys() {
        let t = "{name}: {move}, now rank {rank}";
        let filled = fill(
            t,
            &[("name", "A {move} B"), ("move", "up 1"), ("rank", "٢")],
        );
        // A value is never scanned again, so a name holding "{move}" stays as written.
        assert_eq!(filled, "A {move} B: up 1, now rank ٢");
        assert_eq!(fill("Source: {}", &[("", "X")]), "Source: X");
        assert_eq!(fill("{x} and {", &[]), "{x} and {");
        assert_eq!(split_placeholder("المصدر: {}."), ("المصدر: ", "."));
        assert_eq!(split_placeholder("none"), ("", ""));
    }

    use super::*;

    fn board(tag: &str) -> BoardLocale {
        BoardLocale::new(tag).expect("valid locale")
    }

    #[test]
    fn window_phrases_follow_each_language() {
        assert_eq!(board("en").window(Window::Days(30)), "last 30 days");
        assert_eq!(board("en").window(Window::Days(1)), "last day");
        assert_eq!(board("ar-EG").window(Window::Days(30)), "آخر ٣٠ يومًا");
        assert_eq!(board("ar").window(Window::Days(7)), "آخر 7 أيام");
        assert_eq!(board("ar").window(Window::Days(2)), "آخر يومين");
        assert_eq!(board("ar").window(Window::Days(100)), "آخر 100 يوم");
        assert_eq!(board("fr").window(Window::Days(30)), "30 derniers jours");
        assert_eq!(board("de").window(Window::All), "gesamter Zeitraum");
        assert_eq!(board("ja").window(Window::Days(30)), "last 30 days");
    }

    #[test]
    fn movement_words() {
        assert_eq!(
            board("en").movement(Some(2)),
            ("▲\u{a0}2".into(), "up 2".into())
        );
        assert_eq!(
            board("en").movement(Some(-1)),
            ("▼\u{a0}1".into(), "down 1".into())
        );
        assert_eq!(board("en").movement(None), ("new".into(), "new".into()));
        assert_eq!(board("ar-EG").movement(Some(2)).1, "تقدّم ٢");
        assert!(board("ar").rtl && !board("de").rtl);
    }
}
