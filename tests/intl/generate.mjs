// Writes what this Node's ICU (Intl) gives for a fixed set of numbers and dates in several
// locales. tests/intl.rs checks the Rust formatter against the committed copy; `make test`
// regenerates it into target/ and compares, so an ICU/CLDR drift is noticed, not hidden.
// Usage: node tests/intl/generate.mjs OUT.json
import { writeFileSync } from "node:fs";

const locales = ["en", "ar", "ar-EG", "fr", "de", "es", "hi", "fa", "he", "ja", "en-IN", "zh", "ru", "pt-BR"];

// A deterministic spread of values: small, grouped, near rounding edges, up to 2^53-1.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const integers = [0, 7, 999, 1000, 1234, 9999, 10000, 123456, 999999, 1000000, 24374000, 26000000,
  987654321, 2 ** 31, 2 ** 53 - 1];
for (let i = 0; i < 40; i++) integers.push(Math.floor(rand() * 10 ** Math.floor(rand() * 16)));
const ratios = [0, 0.5, 0.0005, 0.0004999, 1.0005, 2.675, -0.25, -0.0004, 1234.56789, 1 / 3, 2 / 3,
  123456.1235, 0.1 + 0.2, 99.9995, -1];
for (let i = 0; i < 40; i++) ratios.push((rand() - 0.2) * 10 ** Math.floor(rand() * 7));
const compacts = [0, 5, 950, 999, 1000, 1049, 1050, 9999, 24374, 99950, 999949, 999960, 1000000,
  24374000, 26000000, 999950000, 2437400000, 1.5e12];
const dates = ["2026-11-28", "2026-01-01", "2024-02-29", "1999-12-31"];
// SPEC §2a ratio displays: per post (one fraction digit), engagement rate (percent, three
// significant digits), growth (the same, signed except on zero).
const shares = [0, 2.1019, 0.123, -0.5, 1, 0.000123, 12345.6, 0.99999, 0.0015, -0.00000001, 1 / 3, 5.5555];
for (let i = 0; i < 30; i++) shares.push((rand() - 0.3) * 10 ** Math.floor(rand() * 5 - 2));

const out = { icu: process.versions.icu, cldr: process.versions.cldr, cases: [] };
for (const locale of locales) {
  const plain = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const long = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  for (const v of integers) out.cases.push({ locale, kind: "integer", input: String(v), text: plain.format(v) });
  for (const v of ratios) out.cases.push({ locale, kind: "ratio", input: v, text: plain.format(v) });
  for (const v of compacts) out.cases.push({ locale, kind: "compact", input: v, text: compact.format(v) });
  for (const d of dates) out.cases.push({ locale, kind: "date", input: d, text: long.format(new Date(d + "T00:00:00Z")) });
  const perPost = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 3 });
  const growth = new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 3, signDisplay: "exceptZero" });
  for (const v of [...ratios, ...shares]) out.cases.push({ locale, kind: "per_post", input: v, text: perPost.format(v) });
  for (const v of shares) out.cases.push({ locale, kind: "percent", input: v, text: percent.format(v) });
  for (const v of shares) out.cases.push({ locale, kind: "growth", input: v, text: growth.format(v) });
}
writeFileSync(process.argv[2], JSON.stringify(out, null, 1) + "\n");
