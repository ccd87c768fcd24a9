// The JavaScript baseline for `make bench`: SPEC §2 ranking written the way a newsroom
// developer would in plain JS — JSON.parse, a Map, Array.prototype.sort — with no validation
// and no tricks in either direction. The benchmark checks its output equals the wasm build's.

const DAY = 86_400_000;
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;
const isoOf = (d) => new Date(d * DAY).toISOString().slice(0, 10);

export function rankJs(text, options = {}) {
  const { metric = "interactions", window = "30d", ties = "competition", top = 10, country, platform, category, pin } = options;
  const feed = JSON.parse(text);
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
