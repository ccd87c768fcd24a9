// Sample feeds, generated deterministically (no hand-made numbers).
//
//   node www/dev/sample-feeds.mjs seed                 > www/data/seed.json
//   node www/dev/sample-feeds.mjs large PAGES DAYS OUT.json OUT.csv
//
// The seed feed carries the only real figures we have (the source article, shared/seed/):
// the White House ~26,000,000 and Egypt's Ministry of Interior 24,374,000 interactions over
// "the recent period" (taken here as the 30 days to the as-of date), with Cambodia's Prime
// Minister third. Every other page, every daily split, every earlier window, every follower
// and post count is illustrative, and the feed says so in its title and source.
import { writeFileSync } from "node:fs";

/** Small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ISO date `n` days after `iso`. */
export function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Splits `total` into `days` non-negative integers with a weekly rhythm and noise; exact sum. */
export function split(total, days, rand) {
  const weights = Array.from({ length: days }, (_, i) => (1 + 0.25 * Math.sin(i / 1.1)) * (0.6 + rand()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % days, rest--) parts[i]++;
  return parts;
}

const SEED_PAGES = [
  // id, name, names, country, category, url, [interactions this window, previous window], followers
  ["us-wh", "The White House", { ar: "البيت الأبيض", fr: "La Maison-Blanche", de: "Das Weiße Haus" }, "US", "head-of-state", "https://www.facebook.com/WhiteHouse", [26000000, 25100000], 14200000],
  ["eg-moi", "وزارة الداخلية المصرية", { en: "Ministry of Interior (Egypt)", fr: "Ministère de l’Intérieur (Égypte)", de: "Innenministerium (Ägypten)" }, "EG", "ministry", "https://www.facebook.com/MoiEgy", [24374000, 10500000], 17000000],
  ["kh-pm", "Prime Minister of Cambodia", { ar: "رئيس وزراء كمبوديا", fr: "Premier ministre du Cambodge", de: "Premierminister von Kambodscha" }, "KH", "head-of-government", null, [9600000, 12000000], 14000000],
  ["ph-pco", "Presidential Communications Office (Philippines)", { ar: "مكتب الاتصالات الرئاسية (الفلبين)" }, "PH", "office", null, [8100000, 11000000], 6100000],
  ["br-planalto", "Palácio do Planalto", { ar: "قصر بلانالتو (البرازيل)", en: "Planalto Palace (Brazil)" }, "BR", "head-of-state", null, [6400000, 9800000], 5300000],
  ["in-mygov", "MyGov India", { ar: "ماي غوف (الهند)" }, "IN", "portal", null, [5200000, 4100000], 9400000],
  ["fr-elysee", "Élysée", { ar: "قصر الإليزيه (فرنسا)", en: "Élysée Palace (France)" }, "FR", "head-of-state", null, [3900000, 4400000], 1900000],
  ["ma-gov", "بوابة الحكومة المغربية", { en: "Government of Morocco portal", fr: "Portail du gouvernement marocain" }, "MA", "portal", null, [2700000, null], 2300000],
];

export function seedFeed(asOf = "2026-11-28", days = 30) {
  const rand = prng(2026);
  const pages = SEED_PAGES.map(([id, name, names, country, category, url, [now, before], followers]) => {
    const series = [];
    const windows = before === null ? [[now, 0]] : [[before, -days], [now, 0]];
    for (const [total, offset] of windows) {
      const parts = split(total, days, rand);
      parts.forEach((interactions, i) => {
        series.push({
          date: addDays(asOf, offset - days + 1 + i),
          interactions,
          posts: 3 + Math.floor(rand() * 12),
        });
      });
    }
    series[series.length - 1].followers = followers;
    const page = { id, name, names, country, platform: "facebook", category };
    if (url) page.url = url;
    page.followers = followers;
    page.series = series;
    return page;
  });
  return {
    version: 1,
    title: "Most-engaged government pages (sample data)",
    // The board's title and source in each language the page names are in (SPEC §2a), so an
    // Arabic, French or German board is headed in its own language.
    titles: {
      ar: "الصفحات الحكومية الأكثر تفاعلاً (بيانات توضيحية)",
      fr: "Les pages gouvernementales qui suscitent le plus d’interactions (données d’exemple)",
      de: "Regierungsseiten mit den meisten Interaktionen (Beispieldaten)",
    },
    source: {
      name: "White House and Egypt's Interior Ministry totals as reported by Sada El-Balad; all other figures illustrative",
      names: {
        ar: "أرقام البيت الأبيض ووزارة الداخلية المصرية كما نشرها موقع صدى البلد؛ وبقية الأرقام توضيحية",
        fr: "Totaux de la Maison-Blanche et du ministère égyptien de l’Intérieur selon Sada El-Balad ; autres chiffres illustratifs",
        de: "Summen des Weißen Hauses und des ägyptischen Innenministeriums laut Sada El-Balad; alle übrigen Zahlen illustrativ",
      },
    },
    note: "Illustrative sample. Real: the two 30-day totals and Cambodia's PM in third place (per the source article). Everything else (other pages, daily splits, previous window, posts, followers) is made up for demonstration.",
    as_of: asOf,
    pages,
  };
}

const COUNTRIES = ["EG", "US", "KH", "FR", "DE", "MA", "SA", "AE", "JO", "BR", "IN", "ID", "PH", "NG", "MX", "GB", "TN", "DZ", "IQ", "LB"];
const CATEGORIES = ["ministry", "head-of-state", "head-of-government", "agency", "portal", "police", "health"];
const PLATFORMS = ["facebook", "x", "instagram", "youtube"];

/** An illustrative feed of `n` pages × `days` days, for tests and benchmarks. */
export function largeFeed(n, days, asOf = "2026-11-28", seed = 7) {
  const rand = prng(seed);
  const pages = [];
  for (let p = 0; p < n; p++) {
    const base = Math.floor(2000 + rand() ** 3 * 900000);
    const trend = 0.98 + rand() * 0.05;
    let followers = Math.floor(base * (20 + rand() * 200));
    const series = [];
    for (let d = 0; d < days; d++) {
      if (rand() < 0.03) continue; // some days missing, as real feeds have
      followers += Math.floor(rand() * base * 0.05);
      const point = {
        date: addDays(asOf, d - days + 1),
        interactions: Math.floor(base * trend ** d * (0.5 + rand())),
        posts: Math.floor(rand() * 20),
      };
      if (rand() < 0.5) point.followers = followers;
      series.push(point);
    }
    pages.push({
      id: `p${String(p).padStart(5, "0")}`,
      name: `Illustrative page ${p}`,
      names: { ar: `صفحة توضيحية ${p}` },
      country: COUNTRIES[p % COUNTRIES.length],
      platform: PLATFORMS[Math.floor(rand() * PLATFORMS.length)],
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      followers,
      series,
    });
  }
  return { version: 1, title: `Illustrative feed: ${n} pages × ${days} days`, source: { name: "Generated by www/dev/sample-feeds.mjs (illustrative)" }, as_of: asOf, pages };
}

/** The same feed as long-format CSV (no names/url/title: CSV does not carry them). */
export function toCsv(feed) {
  const q = (v) => (v === undefined || v === null ? "" : /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const lines = ["id,name,date,interactions,posts,followers,country,platform,category"];
  for (const p of feed.pages) {
    for (const pt of p.series) {
      lines.push([p.id, p.name, pt.date, pt.interactions, pt.posts, pt.followers, p.country, p.platform, p.category].map(q).join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === "seed") {
    process.stdout.write(JSON.stringify(seedFeed(), null, 1) + "\n");
  } else if (cmd === "large") {
    const [n, days, jsonOut, csvOut] = args;
    const feed = largeFeed(Number(n), Number(days));
    writeFileSync(jsonOut, JSON.stringify(feed));
    if (csvOut) writeFileSync(csvOut, toCsv(feed));
  } else {
    console.error("usage: sample-feeds.mjs seed | large PAGES DAYS OUT.json [OUT.csv]");
    process.exit(2);
  }
}
