// Illustrative analytics exports in CrowdTangle's shape (the header of a real posts export, a
// byte-order mark, quoted multi-line messages with doubled quotes, 15-digit ids, the
// dashboard's zone abbreviation, numbers in the exporter's locale). Every figure is invented.
//   node www/dev/sample-export.mjs demo www/data/crowdtangle-sample.csv www/data/crowdtangle-pages.csv
//   node www/dev/sample-export.mjs large 2000 90 FILE      # about 1 GB, for make bench
import { createWriteStream, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const HEADER = ["Page Name", "User Name", "Facebook Id", "Page Category", "Page Admin Top Country",
  "Page Description", "Page Created", "Likes at Posting", "Followers at Posting", "Post Created",
  "Post Created Date", "Post Created Time", "Type", "Total Interactions", "Likes", "Comments", "Shares",
  "Love", "Wow", "Haha", "Sad", "Angry", "Care", "Video Share Status", "Is Video Owner?", "Post Views",
  "Total Views", "Total Views For All Crossposts", "Video Length", "URL", "Message", "Link", "Final Link",
  "Image Text", "Link Text", "Description", "Sponsor Id", "Sponsor Name", "Sponsor Category",
  "Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )",
  "Overperforming Score"];

/** The demo's pages: the seed story's, with invented Facebook ids and daily interaction levels. */
export const DEMO_PAGES = [
  { fb: "100064522781931", id: "us-wh", name: "The White House", user: "WhiteHouse", category: "GOVERNMENT_ORGANIZATION", country: "US", daily: 860000, followers: 14200000, ar: "البيت الأبيض" },
  { fb: "100064799284533", id: "eg-moi", name: "وزارة الداخلية المصرية", user: "MoiEgy", category: "GOVERNMENT_ORGANIZATION", country: "EG", daily: 812000, followers: 17000000, en: "Ministry of Interior (Egypt)" },
  { fb: "100064671203317", id: "kh-pm", name: "Samdech Hun Manet", user: "hunmanet", category: "POLITICIAN", country: "KH", daily: 320000, followers: 14000000, ar: "رئيس وزراء كمبوديا", en: "Prime Minister of Cambodia" },
  { fb: "100064395120876", id: "ph-pco", name: "Presidential Communications Office", user: "pcogovph", category: "GOVERNMENT_ORGANIZATION", country: "PH", daily: 270000, followers: 6100000, ar: "مكتب الاتصالات الرئاسية (الفلبين)" },
  { fb: "100064218874402", id: "br-planalto", name: "Palácio do Planalto", user: "palaciodoplanalto", category: "GOVERNMENT_ORGANIZATION", country: "BR", daily: 240000, followers: 5300000, ar: "قصر بلانالتو (البرازيل)", en: "Planalto Palace (Brazil)" },
  { fb: "100064030917765", id: "ma-gov", name: "بوابة الحكومة المغربية", user: "maroc.gov", category: "GOVERNMENT_WEBSITE", country: "MA", daily: 90000, followers: 2300000, en: "Government of Morocco portal" },
];

const MESSAGES = [
  "Official statement:\n\"We thank every citizen\" — more on our website, today at 18:00.",
  "بيان رسمي: الوزارة تواصل جهودها، ونشكر المواطنين على ثقتهم.\nالمزيد على الموقع الرسمي.",
  "Live now, join us, share widely",
  "Nota oficial; detalhes em breve.\n\n#governo",
];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Brazilian dashboard numbers: 407.137, scores as "1,4". */
const brInt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const brDec = (x) => x.toFixed(1).replace(".", ",");

function field(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function day(end, back) {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** Every row of an export: `pages` × `days` days ending `end`, 1–`maxPosts` posts a day. */
export function* rows({ pages, days, end, maxPosts = 5, seed = 7, messageRepeat = 1 }) {
  const r = rng(seed);
  for (let back = days - 1; back >= 0; back--) {
    const date = day(end, back);
    for (const p of pages) {
      const posts = 1 + Math.floor(r() * maxPosts);
      const level = Math.round(p.daily * (0.75 + 0.5 * r()));
      for (let k = 0; k < posts; k++) {
        const total = Math.max(0, Math.round((level / posts) * (0.6 + 0.8 * r())));
        const likes = Math.round(total * 0.62), comments = Math.round(total * 0.14), shares = Math.round(total * 0.1);
        const love = Math.round(total * 0.08), care = Math.round(total * 0.01), wow = Math.round(total * 0.02), haha = Math.round(total * 0.015);
        const sad = Math.round(total * 0.005), angry = total - likes - comments - shares - love - care - wow - haha - sad;
        const time = `${String(8 + Math.floor(r() * 14)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}`;
        const followers = Math.round(p.followers * (1 - back * 0.0004));
        const message = MESSAGES[(back + k) % MESSAGES.length].repeat(messageRepeat);
        yield [p.name, p.user, p.fb, p.category, p.country, "Official page of the " + p.name + ", \"verified\"", "2010-03-14 10:00:00",
          brInt(Math.round(followers * 0.93)), brInt(followers), `${date} ${time} BRT`, date, time, k % 3 ? "Photo" : "Link",
          brInt(total), brInt(likes), brInt(comments), brInt(shares), brInt(love), brInt(wow), brInt(haha), brInt(sad), brInt(Math.max(0, angry)), brInt(care),
          "", "", "0", "0", "0", "", `https://www.facebook.com/${p.user}/posts/${p.fb}${back}${k}`, message, "", "", "", "", "", "", "", "",
          brInt(total), brDec(0.5 + 2 * r())].map(field).join(",");
      }
    }
  }
}

/** The PAGES file for the demo: display names per language, urls, page followers. */
export function pagesCsv(pages) {
  const lines = ["id,name,names.ar,names.en,url,followers"];
  for (const p of pages) lines.push([p.fb, p.name, p.ar ?? "", p.en ?? "", `https://www.facebook.com/${p.user}`, p.followers].map(field).join(","));
  return lines.join("\n") + "\n";
}

function largePages(n) {
  return Array.from({ length: n }, (_, i) => ({ fb: String(100064000000000 + i * 7919), name: `Government page ${i}`, user: `page${i}`,
    category: "GOVERNMENT_ORGANIZATION", country: ["EG", "US", "BR", "FR", "IN"][i % 5], daily: 5000 + (i * 7919) % 900000, followers: 100000 + i * 997 }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, ...args] = process.argv.slice(2);
  if (kind === "demo") {
    const [out, pagesOut] = args;
    const text = "\uFEFF" + HEADER.map(field).join(",") + "\n" + [...rows({ pages: DEMO_PAGES, days: 60, end: "2026-11-28" })].join("\n") + "\n";
    writeFileSync(out, text);
    writeFileSync(pagesOut, pagesCsv(DEMO_PAGES));
  } else if (kind === "large") {
    const [pages, days, out] = [Number(args[0]), Number(args[1]), args[2]];
    const stream = createWriteStream(out);
    stream.write("\uFEFF" + HEADER.map(field).join(",") + "\n");
    let chunk = [];
    for (const row of rows({ pages: largePages(pages), days, end: "2026-11-28", maxPosts: 9, messageRepeat: 6 })) {
      chunk.push(row);
      if (chunk.length === 5000) {
        if (!stream.write(chunk.join("\n") + "\n")) await new Promise((ok) => stream.once("drain", ok));
        chunk = [];
      }
    }
    stream.end(chunk.length ? chunk.join("\n") + "\n" : "");
    await new Promise((ok) => stream.on("finish", ok));
  } else {
    console.error("usage: sample-export.mjs demo EXPORT PAGES | large PAGES DAYS FILE");
    process.exit(2);
  }
}
