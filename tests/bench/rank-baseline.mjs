// The JavaScript baselines for `make bench`: SPEC §2 ranking written the way a newsroom
// developer would in plain JS — JSON.parse, a Map, Array.prototype.sort — with no tricks in
// either direction: `rankJs` without validation, `rankJsValidating` with the checks SPEC §1
// requires (what the wasm build does too). The benchmark checks their output equals the
// wasm build's.

const DAY = 86_400_000;
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;
const isoOf = (d) => new Date(d * DAY).toISOString().slice(0, 10);

export function rankJs(text, options = {}) {
  return rankFeed(JSON.parse(text), options);
}

/** The same ranking after the checks SPEC §1 requires of a feed, written plainly: every problem
 * is collected (its path named), and the feed is refused if there is any. */
export function rankJsValidating(text, options = {}) {
  const feed = JSON.parse(text);
  const problems = validate(feed);
  if (problems.length > 0) throw new Error(problems.slice(0, 1000).join("\n"));
  return rankFeed(feed, options);
}

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const URL_RE = /^https?:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?([\x21-\x5b\x5d-\x7e]*)$/;
const VISIBLE = /[^\s\p{C}]/u;
const TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function validate(feed) {
  const out = [];
  const count = (v) => [...v].length;
  const text = (v, path, required = false) => {
    if (v == null) { if (required) out.push(`${path}: required`); return; }
    if (typeof v !== "string" || count(v) < 1 || count(v) > 200) out.push(`${path}: expected text of 1–200 characters`);
  };
  const integer = (v, path, required = false) => {
    if (v == null) { if (required) out.push(`${path}: required`); return; }
    if (!Number.isSafeInteger(v) || v < 0) out.push(`${path}: expected a non-negative integer, got ${v}`);
  };
  const date = (v, path) => {
    const m = typeof v === "string" && DATE.exec(v);
    const [y, mo, d] = m ? [+m[1], +m[2], +m[3]] : [];
    const real = m && y >= 1900 && y <= 2099 && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (!real) out.push(`${path}: expected a date YYYY-MM-DD in 1900–2099`);
  };
  const url = (v, path) => { if (v != null && (typeof v !== "string" || !URL_RE.test(v) || +(/:(\d+)/.exec(v.slice(8))?.[1] ?? 0) > 65535)) out.push(`${path}: expected an http(s) URL`); };
  const map = (v, path) => {
    if (v == null) return;
    if (typeof v !== "object" || Array.isArray(v) || Object.keys(v).length > 64) { out.push(`${path}: expected a map of at most 64 entries`); return; }
    for (const [k, t] of Object.entries(v)) { if (!TAG.test(k)) out.push(`${path}: bad tag ${k}`); text(t, `${path}.${k}`, true); }
  };
  if (feed === null || typeof feed !== "object" || Array.isArray(feed)) return ["expected an object"];
  if (feed.version !== 1) out.push("version: expected 1");
  text(feed.title, "title");
  map(feed.titles, "titles");
  if (feed.lang != null && !TAG.test(feed.lang)) out.push("lang: expected a BCP 47 tag");
  if (feed.source != null) { text(feed.source.name, "source.name"); url(feed.source.url, "source.url"); map(feed.source.names, "source.names"); }
  if (feed.as_of != null) date(feed.as_of, "as_of");
  if (!Array.isArray(feed.pages)) { out.push("pages: expected an array"); return out; }
  if (feed.pages.length > 100_000) out.push("pages: more than 100,000");
  const ids = new Set();
  let points = 0;
  feed.pages.forEach((p, i) => {
    const at = `pages[${i}]`;
    if (p === null || typeof p !== "object") { out.push(`${at}: expected an object`); return; }
    if (typeof p.id !== "string" || !ID.test(p.id)) out.push(`${at}.id: expected 1–64 of A-Z a-z 0-9 . _ -`);
    else if (ids.has(p.id)) out.push(`${at}.id: duplicate ${p.id}`);
    else ids.add(p.id);
    text(p.name, `${at}.name`, true);
    if (typeof p.name === "string" && !VISIBLE.test(p.name)) out.push(`${at}.name: no visible character`);
    map(p.names, `${at}.names`);
    for (const f of ["country", "platform", "category"]) text(p[f], `${at}.${f}`);
    if (p.lang != null && !TAG.test(p.lang)) out.push(`${at}.lang: expected a BCP 47 tag`);
    url(p.url, `${at}.url`);
    integer(p.followers, `${at}.followers`);
    if (p.series == null) return;
    if (!Array.isArray(p.series)) { out.push(`${at}.series: expected an array`); return; }
    const dates = new Set();
    let total = 0;
    p.series.forEach((pt, j) => {
      const pat = `${at}.series[${j}]`;
      points++;
      if (pt === null || typeof pt !== "object") { out.push(`${pat}: expected an object`); return; }
      date(pt.date, `${pat}.date`);
      if (dates.has(pt.date)) out.push(`${pat}.date: duplicate ${pt.date}`);
      dates.add(pt.date);
      integer(pt.interactions, `${pat}.interactions`, true);
      integer(pt.posts, `${pat}.posts`);
      integer(pt.followers, `${pat}.followers`);
      total += pt.interactions;
    });
    if (total > Number.MAX_SAFE_INTEGER) out.push(`${at}.series: total interactions above 2^53−1`);
  });
  if (points > 5_000_000) out.push("pages: more than 5,000,000 points");
  return out;
}

function rankFeed(feed, options) {
  const { metric = "interactions", window = "30d", ties = "competition", top = 10, country, platform, category, pin } = options;
  const selected = feed.pages.filter((p) =>
    (country == null || p.country === country) && (platform == null || p.platform === platform) && (category == null || p.category === category));
  let latest = null;
  for (const p of feed.pages) for (const pt of p.series ?? []) if (latest === null || pt.date > latest) latest = pt.date;
  const asOf = feed.as_of ?? latest;
  const sortedIds = (list) => list.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (asOf === null) return { as_of: null, metric, window, ties, rows: [], unranked: sortedIds(selected) };
  const d = dayOf(asOf);
  const n = window === "all" ? null : parseInt(window, 10);
  const span = (shift) => (n === null ? [-Infinity, d] : [d - n * shift - n + 1, d - n * shift]);

  const value = (page, shift) => {
    const [lo, hi] = span(shift);
    let points = 0, interactions = 0, posts = 0, followers;
    let latestDay = -Infinity;
    for (const pt of page.series ?? []) {
      const day = dayOf(pt.date);
      if (day < lo || day > hi) continue;
      points++;
      interactions += pt.interactions;
      posts += pt.posts ?? 0;
      if (pt.followers != null && day > latestDay) { latestDay = day; followers = pt.followers; }
    }
    if (points === 0) return null;
    switch (metric) {
      case "interactions": return interactions;
      case "per_post": return posts > 0 ? interactions / posts : null;
      case "engagement_rate": {
        const f = followers ?? page.followers;
        return f ? interactions / f : null;
      }
      case "growth": {
        if (n === null) return null;
        const [plo, phi] = span(shift + 1);
        let prevPoints = 0, prev = 0;
        for (const pt of page.series ?? []) {
          const day = dayOf(pt.date);
          if (day >= plo && day <= phi) { prevPoints++; prev += pt.interactions; }
        }
        return prevPoints > 0 && prev > 0 ? (interactions - prev) / prev : null;
      }
    }
    return null;
  };

  const ranked = (shift) => {
    const rows = [];
    for (const p of selected) {
      const v = value(p, shift);
      if (v !== null) rows.push({ id: p.id, name: p.name, value: v });
    }
    rows.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let rank = 0;
    rows.forEach((r, i) => {
      if (i === 0 || r.value !== rows[i - 1].value) rank = ties === "dense" ? rank + 1 : i + 1;
      r.rank = rank;
    });
    return rows;
  };

  const now = ranked(0);
  const before = new Map(n === null ? [] : ranked(1).map((r) => [r.id, r.rank]));
  const cut = now.length > top ? now[top - 1].rank : Infinity;
  const shown = now.filter((r) => r.rank <= cut);
  const pinned = pin != null ? now.find((r) => r.id === pin && r.rank > cut) : undefined;
  if (pinned) shown.push(pinned);
  const rankedIds = new Set(now.map((r) => r.id));
  return {
    as_of: isoOf(d),
    metric,
    window,
    ties,
    rows: shown.map((r) => {
      const previous = before.get(r.id) ?? null;
      return { rank: r.rank, id: r.id, name: r.name, value: r.value, previous_rank: previous, delta: previous === null ? null : previous - r.rank };
    }),
    unranked: sortedIds(selected.filter((p) => !rankedIds.has(p.id))),
  };
}
