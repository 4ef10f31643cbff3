// A small W3C WebDriver client over fetch, enough to drive the real Dossierkluis
// binary through tauri-driver + WebKitWebDriver. No dependencies, no fixed sleeps:
// every wait polls for a condition with a deadline.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || res.status} ${v.message || ""}`);
  }
  return json.value;
}

/** Polls `fn` until it returns a truthy value; throws with `what` after `timeoutMs`. */
// 30 s by default: a debug build on a loaded 2-core machine can take that long to
// start; a passing wait returns as soon as its condition holds.
export async function waitFor(what, fn, timeoutMs = 30000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application, args = []) {
    const value = await call(base, "POST", "/session", {
      capabilities: {
        alwaysMatch: { "tauri:options": { application, args } },
      },
    });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "").catch(() => {});
  }

  /** Runs `script` (a function body) in the page; arguments are `arguments[i]`. */
  exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  execAsync(script, args = []) {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Waits until an element matching `css` is present and displayed. */
  async waitVisible(css, timeoutMs) {
    return waitFor(`${css} to be visible`, async () => {
      const els = await this.findAll(css);
      for (const el of els) if (await el.displayed()) return el;
      return null;
    }, timeoutMs);
  }

  async waitGone(css, timeoutMs) {
    return waitFor(`${css} to disappear`, async () => (await this.findAll(css)).length === 0, timeoutMs);
  }

  testid(id) {
    return `[data-testid="${id}"]`;
  }

  async byTestId(id, timeoutMs) {
    return this.waitVisible(this.testid(id), timeoutMs);
  }

  async activeTestId() {
    return this.exec("const a = document.activeElement; return a ? a.getAttribute('data-testid') : null;");
  }

  /** Sends keys to whatever has focus (keyboard-only scenarios). */
  async keys(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: "keyDown", value: ch }, { type: "keyUp", value: ch });
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "kbd", actions }] });
  }

  title() {
    return this.cmd("GET", "/title");
  }
}

export const Key = { TAB: "\uE004", ENTER: "\uE007", SHIFT: "\uE008", SPACE: "\uE00D", ESCAPE: "\uE00C" };

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  click() {
    return this.s.cmd("POST", `/element/${this.id}/click`, {});
  }
  clear() {
    return this.s.cmd("POST", `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.s.cmd("POST", `/element/${this.id}/value`, { text });
  }
  async fill(text) {
    await this.clear();
    await this.type(text);
  }
  text() {
    return this.s.cmd("GET", `/element/${this.id}/text`);
  }
  value() {
    return this.s.cmd("GET", `/element/${this.id}/property/value`);
  }
  attr(name) {
    return this.s.cmd("GET", `/element/${this.id}/attribute/${name}`);
  }
  displayed() {
    return this.s.cmd("GET", `/element/${this.id}/displayed`);
  }
}
