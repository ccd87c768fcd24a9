// <gov-leaderboard>: importing this module registers the element. It loads its WebAssembly
// relative to itself, so copying the package folder anywhere and adding
//   <script type="module" src=".../element.js"></script>
// is all a page needs. The engine (board, chart, polling) is Rust in
// gov_leaderboard_element_bg.wasm (the build without the npm functions, see Cargo.toml);
// this class only forwards the custom-element callbacks to it.
import init, { BoardElement } from "./gov_leaderboard_element.js";

const ATTRIBUTES = ["src", "metric", "window", "ties", "top", "pin", "country", "platform",
  "category", "locale", "dir", "refresh", "chart", "theme", "timeout"];

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

let loading;
/** Loads the .wasm once for every board on the page. */
export function ready() {
  loading ??= init({ module_or_path: new URL("./gov_leaderboard_element_bg.wasm", import.meta.url) });
  return loading;
}

export class GovLeaderboard extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  #engine = null;
  #data = undefined;

  connectedCallback() {
    // `data` set on the element before this class was defined is an own property that hides
    // the accessor: take it over (the usual custom-element property upgrade).
    if (Object.prototype.hasOwnProperty.call(this, "data")) {
      const value = this.data;
      delete this.data;
      this.data = value;
    }
    ready().then(() => {
      if (!this.isConnected) return;
      this.#call(() => {
        this.#engine ??= new BoardElement(this);
        adoptStyles(this.shadowRoot);
        this.#engine.connected();
        if (this.#data !== undefined) this.#engine.setData(this.#data);
      });
    }, (error) => this.#fail(error));
  }

  disconnectedCallback() {
    this.#call(() => this.#engine?.disconnected());
    // Removed for good (not just moved, which reconnects in the same task): free the engine
    // now rather than whenever the garbage collector gets to it. Reconnecting builds a new one.
    queueMicrotask(() => {
      if (this.isConnected || !this.#engine) return;
      const engine = this.#engine;
      this.#engine = null;
      this.#call(() => engine.free());
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#call(() => this.#engine?.attributeChanged(name));
  }

  /** A feed object (or JSON/CSV text, or bytes) to show without fetching. */
  get data() { return this.#data; }
  set data(value) {
    this.#data = value;
    this.#call(() => this.#engine?.setData(value));
  }

  /** The rows on screen: [{ rank, id, name, value, previous_rank, delta }]. */
  get rows() {
    return (this.#engine && this.#call(() => this.#engine.rows())) || [];
  }

  #call(f) {
    try {
      return f();
    } catch (error) {
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
      if (this.#engine) {
        this.#engine.showError(message);
        return;
      }
    } catch { /* the engine itself failed: fall through to the plain note */ }
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    try { adoptStyles(root); } catch { /* no constructable stylesheets: an unstyled note */ }
    if (!root.querySelector("slot")) root.append(document.createElement("slot"));
    if (!root.querySelector(".gl-fatal")) {
      const note = document.createElement("p");
      note.className = "gl-fatal";
      note.setAttribute("role", "alert");
      note.textContent = message;
      root.append(note);
    }
    this.dispatchEvent(new CustomEvent("leaderboard-error", { detail: message, bubbles: true, composed: true }));
  }
}

if (!customElements.get("gov-leaderboard")) customElements.define("gov-leaderboard", GovLeaderboard);
