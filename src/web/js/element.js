// <gov-leaderboard>: importing this module registers the element. It loads its WebAssembly
// relative to itself, so copying the package folder anywhere and adding
//   <script type="module" src=".../element.js"></script>
// is all a page needs. The engine (board, chart, polling) is Rust in
// gov_leaderboard_element_bg.wasm (the build without the npm functions, see Cargo.toml);
// this class only forwards the custom-element callbacks to it.
//
// The engine's glue is imported when the first board connects, not statically: a static
// import holds this module (and so the .wasm and feed requests it makes) until the glue has
// arrived, one round trip later. Now the glue, the .wasm and the feed are requested together.

const ATTRIBUTES = ["src", "metric", "window", "ties", "top", "pin", "country", "platform",
  "category", "locale", "dir", "refresh", "chart", "theme", "timeout", "as-of", "replay",
  "replay-from", "replay-duration", "heading-level", "announce", "share"];

// The board stylesheet (www/gov-leaderboard.css and element.css, minified), written here by
// www/dev/build-pkg.mjs. One constructable sheet shared by every board's shadow root: no
// <style> element or style attribute, so a strict `style-src 'self'` CSP is satisfied, and
// a page with live boards needs no separate CSS file.
const CSS = "/* @css */";
let sheet;
function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
}

// The board's "could not be loaded" sentence when the engine itself cannot run (its own words
// live in the engine): the same as src/i18n.rs `error`, tests/e2e/csp.test.mjs checks both.
const FAILED = {
  en: "The leaderboard could not be loaded.",
  ar: "تعذّر تحميل لوحة الترتيب.",
  fr: "Le classement n’a pas pu être chargé.",
  de: "Die Rangliste konnte nicht geladen werden.",
};

// One engine runtime (a WebAssembly instance and its glue) serves every board on the page.
// A trap (WebAssembly.RuntimeError: unreachable, out of memory) can leave an instance in a
// state nothing should run on again (a borrowed board state, a stuck task queue, a shadow
// stack pointer that was never restored), so after one the runtime is retired: every board
// on it moves to a fresh instance of the same compiled module (a fresh copy of the glue,
// imported under another URL), and the board whose work trapped shows an error until its
// next good feed or option change.
const GLUE = new URL("./gov_leaderboard_element.js", import.meta.url).href;
const MAX_RESTARTS = 10;
let runtime;
/** wasm-bindgen's init of the first runtime (it keeps the compiled module for restarts). */
let init;
let restarts = 0;
const boards = new Set();
// Text is encoded natively (see api.js): the glue would copy it a character at a time.
const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;
// (Into an array of this realm: under jsdom the encoder's own would be another realm's.) A
// feed object is written as JSON here too, natively; one that cannot be goes to the engine,
// which says why.
const asBytes = (feed) => {
  if (feed !== null && typeof feed === "object" && !ArrayBuffer.isView(feed) && !(feed instanceof ArrayBuffer)) {
    try {
      feed = JSON.stringify(feed) ?? feed;
    } catch {
      return feed;
    }
  }
  if (typeof feed !== "string" || !encoder) return feed;
  // `encodeInto` an array with room for the worst case (3 bytes a UTF-16 unit): in Chromium,
  // `encode` takes 1.7 times as long for a board's update (0.8 ms for 160 KB of Arabic and
  // Latin text against 0.5). Text over a million characters is no live update: `encode`
  // sizes its array exactly rather than hold three times the text.
  if (feed.length > 1e6) {
    const bytes = encoder.encode(feed);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const bytes = new Uint8Array(feed.length * 3);
  return bytes.subarray(0, encoder.encodeInto(feed, bytes).written);
};

/** Loads the .wasm once for every board on the page; resolves to the current runtime. */
export function ready() {
  runtime ??= load();
  const current = runtime;
  return current.loaded.then(() => current);
}

/** The first runtime: glue and .wasm requested at once (the .wasm compiles as it streams). */
function load() {
  const rt = { dead: false };
  const wasm = fetch(new URL("./gov_leaderboard_element_bg.wasm", import.meta.url));
  wasm.catch(() => {}); // reported through `loaded` (the glue awaits it)
  rt.loaded = import("./gov_leaderboard_element.js").then(async (glue) => {
    await glue.default({ module_or_path: wasm });
    init = glue.default;
    rt.BoardElement = glue.BoardElement;
  });
  (globalThis.requestIdleCallback ?? setTimeout)(warmIntl);
  return rt;
}

/** The page's first `Intl` formatter loads the browser's locale data: 16-26 ms in Chromium,
 * whatever the locale (later ones, in any locale, take under 0.5 ms). Made when the page is
 * next idle, which on a real network is while the .wasm downloads, that wait leaves the board's
 * first task: a board made once the engine is loaded ("first board, engine only" in `make
 * bench`) is painted 12-19 ms sooner. Not made at once: blocking here delays the .wasm's
 * streaming compile, and a board from localhost came 14 ms later. The board's own formatters
 * (intl.rs) are made as before. */
function warmIntl() {
  try {
    new Intl.NumberFormat().format(0);
    new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" }).format(0);
  } catch {
    // no Intl: the engine reports it when it needs one
  }
}

function isTrap(error) {
  return typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
}

/** Retires `dead` and moves its boards to a fresh runtime; `culprits` show the error. */
function retire(dead, error, culprits) {
  if (dead.dead) return;
  dead.dead = true;
  console.error("gov-leaderboard: the engine stopped (", error, "); restarting it");
  if (restarts >= MAX_RESTARTS) {
    for (const board of boards) board._stopped(dead, error);
    return;
  }
  restarts += 1;
  const module = init?.__wbindgen_wasm_module;
  const next = {
    dead: false,
    loaded: import(/* webpackIgnore: true */ /* @vite-ignore */ `${GLUE}?instance=${restarts}`).then(async (glue) => {
      await glue.default({ module_or_path: module });
      next.BoardElement = glue.BoardElement;
    }),
  };
  runtime = next;
  for (const board of boards) {
    const culprit = culprits ? culprits.includes(board) : board._busy();
    board._moveTo(dead, error, culprit);
  }
}

// A trap in a callback the engine scheduled (a fetch finishing, a timer) is not thrown
// through a board's own call: it reaches the window. The board whose work it was is the one
// whose engine marked itself busy (and never got to clear the mark).
function onUncaught(error) {
  if (isTrap(error) && runtime && !runtime.dead) retire(runtime, error, null);
}
if (typeof window !== "undefined") {
  window.addEventListener("error", (event) => onUncaught(event.error));
  window.addEventListener("unhandledrejection", (event) => onUncaught(event.reason));
}

// On a server (SSR, a static build importing this module) there is no DOM: the class is
// defined over a stand-in and nothing is registered, so importing never throws.
const Base = globalThis.HTMLElement ?? class {};

export class GovLeaderboard extends Base {
  static get observedAttributes() { return ATTRIBUTES; }

  #engine = null;
  #runtime = null;
  #data = undefined;
  /** After a trap in this board's own work, the message it shows until new data or options
   * (or the next poll) start it again; null otherwise. */
  #parked = null;
  #retry = null;

  connectedCallback() {
    // `data` set on the element before this class was defined is an own property that hides
    // the accessor: take it over (the usual custom-element property upgrade).
    if (Object.prototype.hasOwnProperty.call(this, "data")) {
      const value = this.data;
      delete this.data;
      this.data = value;
    }
    boards.add(this);
    if (!this.#engine) this.#prefetch();
    this.#start();
  }

  // The feed is requested while the .wasm downloads and compiles, not after: the engine takes
  // this response when it starts its first request, for the same URL, with the same options
  // (live.rs), and handles it as its own (status, size limit, timeout, errors). One that is
  // not taken is aborted once the engine has started.
  #prefetch() {
    const src = this.getAttribute("src");
    if (!src || this.#data !== undefined || typeof fetch !== "function" || typeof AbortController !== "function") return;
    const abort = new AbortController();
    let response;
    try {
      response = fetch(src, { cache: "no-cache", signal: abort.signal });
    } catch {
      return; // the engine's own request will say what is wrong
    }
    response.catch(() => {}); // reported by the engine when it takes it
    this.__govLeaderboardPrefetch = {
      url: src,
      take(signal) {
        if (signal.aborted) abort.abort();
        else signal.addEventListener("abort", () => abort.abort(), { once: true });
        return response;
      },
      cancel: () => abort.abort(),
    };
  }

  #dropPrefetch() {
    const unused = this.__govLeaderboardPrefetch;
    if (!unused) return;
    delete this.__govLeaderboardPrefetch;
    unused.cancel();
  }

  #start() {
    ready().then((rt) => {
      if (rt.dead) {
        if (runtime !== rt) this.#start(); // retired while loading: take the fresh one
        return;
      }
      if (!this.isConnected) return;
      this.#call(() => {
        if (this.#runtime !== rt) {
          this.#engine = null;
          this.#runtime = rt;
        }
        this.#engine ??= new rt.BoardElement(this);
        adoptStyles(this.shadowRoot);
        if (this.#parked !== null) {
          this.#dropPrefetch();
          this.#engine.showError(this.#parked);
          return;
        }
        this.#engine.connected();
        // The engine's first request starts in connected() and takes the prefetched response
        // if it is for the same URL; one not taken (`src` changed meanwhile) is aborted.
        setTimeout(() => this.#dropPrefetch(), 0);
        if (this.#data !== undefined) this.#engine.setData(asBytes(this.#data));
      });
    }, (error) => this.#fail(error));
  }

  disconnectedCallback() {
    boards.delete(this);
    clearTimeout(this.#retry);
    if (!this.#engine) this.#dropPrefetch(); // removed before the engine loaded
    this.#call(() => this.#engine?.disconnected());
    // Removed for good (not just moved, which reconnects in the same task): free the engine
    // now rather than whenever the garbage collector gets to it. Reconnecting builds a new one.
    queueMicrotask(() => {
      if (this.isConnected || !this.#engine) return;
      const engine = this.#engine;
      this.#engine = null;
      if (!this.#runtime?.dead) this.#call(() => engine.free());
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (this.#unpark()) return;
    this.#call(() => this.#engine?.attributeChanged(name));
  }

  /** A feed object (or JSON/CSV text, or bytes) to show without fetching. */
  get data() { return this.#data; }
  set data(value) {
    this.#data = value;
    if (this.#unpark()) return;
    this.#call(() => this.#engine?.setData(asBytes(value)));
  }

  /** The rows on screen: [{ rank, id, name, value, previous_rank, delta }]. */
  get rows() {
    return (this.#engine && this.#call(() => this.#engine.rows())) || [];
  }

  /** A PNG of the board as shown (SPEC §4 "Share"): Promise<Blob>, width × height 200–4096. */
  snapshot({ width = 1200, height = 675 } = {}) {
    if (!this.#engine) return Promise.reject(new Error("gov-leaderboard: no board to snapshot yet"));
    // The engine settles it (an error thrown at once, a bad size say, rejects it too).
    return new Promise((resolve, reject) => this.#engine.snapshot(width, height, resolve, reject));
  }

  /** Whether this board's engine was in the middle of its work (see retire()). */
  _busy() {
    return this.__govLeaderboardBusy === true;
  }

  /** Its runtime was retired: drop the old engine and start on the fresh runtime. */
  _moveTo(dead, error, culprit) {
    if (this.#runtime !== dead) return;
    const old = this.#engine;
    this.#engine = null;
    this.__govLeaderboardBusy = false;
    // Release its listeners and timers if the old instance still can; nothing else runs there.
    try { old?.disconnected(); } catch { /* that instance is gone */ }
    if (culprit) {
      this.#parked = `gov-leaderboard: the board stopped on an internal error (${error?.message ?? error}); it comes back with the next good feed`;
      // The next poll is the next chance of a good feed.
      const refresh = Number(this.getAttribute("refresh"));
      if (refresh > 0) this.#retry = setTimeout(() => this.#unpark(), Math.max(refresh, 10) * 1000);
    }
    if (this.isConnected) this.#start();
  }

  /** Restarts were exhausted: a plain note, the page keeps what it shows. */
  _stopped(dead, error) {
    if (this.#runtime !== dead) return;
    this.#engine = null;
    this.#fail(error);
  }

  #unpark() {
    if (this.#parked === null) return false;
    this.#parked = null;
    clearTimeout(this.#retry);
    if (this.isConnected) this.#start();
    return true;
  }

  #call(f) {
    try {
      return f();
    } catch (error) {
      if (isTrap(error) && this.#runtime && !this.#runtime.dead) {
        retire(this.#runtime, error, [this]);
        return undefined;
      }
      this.#fail(error);
      return undefined;
    }
  }

  // Never a blank box: the engine shows the error if it can; otherwise (the .wasm could not
  // load, e.g. a CSP without 'wasm-unsafe-eval') a plain note appears and any static board
  // inside the element stays visible.
  #fail(error) {
    const message = `gov-leaderboard: ${error?.message ?? error}`;
    try {
      if (this.#engine && !this.#runtime?.dead) {
        this.#engine.showError(message);
        return;
      }
    } catch { /* the engine itself failed: fall through to the plain note */ }
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    try { adoptStyles(root); } catch { /* no constructable stylesheets: an unstyled note */ }
    if (!root.querySelector("slot")) root.append(document.createElement("slot"));
    if (!root.querySelector(".gl-fatal")) {
      // One plain sentence in the board's language, read politely; the detail is for
      // developers (the console and the event).
      const lang = (this.getAttribute("locale") || "en").toLowerCase().split("-")[0];
      const note = document.createElement("p");
      note.className = "gl-fatal";
      note.setAttribute("role", "status");
      note.lang = FAILED[lang] ? lang : "en";
      note.dir = note.lang === "ar" ? "rtl" : "ltr";
      note.textContent = FAILED[note.lang];
      root.append(note);
    }
    console.error(message);
    this.dispatchEvent(new CustomEvent("leaderboard-error", { detail: message, bubbles: true, composed: true }));
  }
}

if (globalThis.customElements && !customElements.get("gov-leaderboard")) customElements.define("gov-leaderboard", GovLeaderboard);
