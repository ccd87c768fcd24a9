// An example static site, built with a plain Node script and the npm package: the boards are
// rendered into the HTML at build time (readable with JavaScript off) inside
// <gov-leaderboard> elements that go live when the script loads.
//   node tests/static-site/build.mjs OUT_DIR
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import init, { renderStatic } from "../../pkg/index.node.js";

const root = new URL("../../", import.meta.url).pathname;
const out = process.argv[2] || join(root, "target/static-site");
await init();

const feed = readFileSync(join(root, "www/data/seed.json"), "utf8");
const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A board: the live element with its static render inside. */
function board({ locale, top = 10, pin, chart = "bars", refresh = 30 }) {
  const attrs = { src: "data/feed.json", locale, top: String(top), chart, refresh: String(refresh) };
  if (pin) attrs.pin = pin;
  const html = renderStatic(feed, { locale, top, pin, chart });
  const list = Object.entries(attrs).map(([k, v]) => `${k}="${escape(v)}"`).join(" ");
  return `<gov-leaderboard ${list}>\n${html}</gov-leaderboard>`;
}

function page({ lang, dir, title, intro, boards }) {
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="pkg/gov-leaderboard.css">
<link rel="stylesheet" href="site.css">
<script type="module" src="pkg/element.js"></script>
</head>
<body>
<main class="article">
<h1>${escape(title)}</h1>
<p>${escape(intro)}</p>
${boards.join("\n")}
</main>
</body>
</html>
`;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "data"), { recursive: true });
cpSync(join(root, "pkg"), join(out, "pkg"), { recursive: true });
writeFileSync(join(out, "data/feed.json"), feed);
writeFileSync(join(out, "site.css"), readFileSync(join(root, "tests/e2e/article.css")));
writeFileSync(join(out, "index.html"), page({
  lang: "ar", dir: "rtl",
  title: "وزارة الداخلية في المركز الثاني عالميًا",
  intro: "حققت الصفحة الرسمية لوزارة الداخلية 24 مليونًا و374 ألف تفاعل خلال الفترة الأخيرة (بيانات توضيحية لبقية الصفحات).",
  boards: [board({ locale: "ar-EG", pin: "eg-moi" })],
}));
writeFileSync(join(out, "en.html"), page({
  lang: "en", dir: "ltr",
  title: "Egypt’s Interior Ministry ranks second",
  intro: "24,374,000 interactions over the recent period, behind the White House (other pages illustrative).",
  boards: [board({ locale: "en", pin: "eg-moi", top: 5 }), board({ locale: "en", top: 5, chart: "trend" })],
}));
console.log(`static site written to ${out}`);
