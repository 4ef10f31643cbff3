// Starts the built app for one scenario: its own HOME (so settings and the default
// dossier folder are private to the scenario), its own tauri-driver on a free port,
// and a WebDriver session. Also screenshots and axe-core checks.
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { Session, waitFor } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../../..");
export const outDir = join(repo, "tests/e2e/out");
/** The main window's size, as tauri.conf.json gives it (screenshots are cut to it). */
const WINDOW = JSON.parse(readFileSync(join(repo, "src-tauri/tauri.conf.json"), "utf8")).app.windows[0];

/**
 * `n` distinct free ports: all are held open until each is known, then released.
 * (Asking for one at a time could hand out the same port twice, and WebKitWebDriver
 * then cannot listen on the port tauri-driver already took.)
 */
async function freePorts(n) {
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      new Promise((res, rej) => {
        const srv = createServer();
        srv.on("error", rej);
        srv.listen(0, "127.0.0.1", () => res(srv));
      }),
    ),
  );
  const ports = servers.map((srv) => srv.address().port);
  await Promise.all(servers.map((srv) => new Promise((res) => srv.close(res))));
  return ports;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function appBinary() {
  const bin = process.env.DOSSIERKLUIS_APP;
  if (!bin) throw new Error("DOSSIERKLUIS_APP is not set (scripts/e2e.sh sets it)");
  return bin;
}

/**
 * The debug build's dialog hook (src-tauri/src/dialog_hook.rs): while
 * DOSSIERKLUIS_TEST_DIALOG names this queue, each file or folder dialog takes the
 * first queued answer instead of opening. It lives outside the app's HOME, so it is
 * not one of the app's traces (e2e 13).
 */
export function dialogQueue() {
  const file = join(mkdtempSync(join(tmpdir(), "dk-e2e-dialog-")), "queue");
  writeFileSync(file, "");
  return {
    file,
    /** Queues what the next dialogs answer: a path, a list of paths, or null (cancel). */
    answer(...answers) {
      appendFileSync(file, answers.map((a) => JSON.stringify(a ?? null) + "\n").join(""));
    },
    /** The dialogs asked so far: {kind, title, directory, fileName}. */
    asked() {
      const f = file + ".asked";
      if (!existsSync(f)) return [];
      return readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    },
    /** Answers still queued (a dialog that was not opened leaves one behind). */
    pending() {
      return readFileSync(file, "utf8").split("\n").filter(Boolean).length;
    },
  };
}

/**
 * Launches the app. `opts.home` reuses a HOME from an earlier launch (to test what
 * is remembered); `opts.env` adds environment variables for the app.
 */
export async function launch(opts = {}) {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), "dk-e2e-home-"));
  const dialog = dialogQueue();
  const [port, nativePort] = await freePorts(2);
  const driverBin = process.env.TAURI_DRIVER || "tauri-driver";
  const driver = spawn(
    driverBin,
    ["--port", String(port), "--native-port", String(nativePort), "--native-driver", "/usr/bin/WebKitWebDriver"],
    {
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, ".config"),
        XDG_DATA_HOME: join(home, ".local/share"),
        DOSSIERKLUIS_TEST_DIALOG: dialog.file,
        ...(opts.env || {}),
      },
      stdio: ["ignore", "ignore", "pipe"],
      // Own process group: tauri-driver starts WebKitWebDriver, which starts the app;
      // closing kills the whole group so nothing outlives the scenario.
      detached: true,
    },
  );
  let driverErr = "";
  driver.stderr.on("data", (d) => (driverErr += d));
  const base = `http://127.0.0.1:${port}`;
  await waitFor("tauri-driver to listen", async () => (await fetch(base + "/status")).ok, 20000).catch((e) => {
    driver.kill("SIGKILL");
    throw new Error(`${e.message}\n${driverErr}`);
  });
  const started = Date.now();
  const session = await Session.start(base, appBinary());
  // Shared steps (lib/flows.mjs) answer dialogs through the session.
  session.dialog = dialog;
  const app = {
    session,
    dialog,
    home,
    started,
    async close() {
      await session.quit();
      const exited = new Promise((r) => (driver.exitCode !== null ? r() : driver.once("exit", r)));
      killGroup(driver.pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(driver.pid, "SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
      killGroup(driver.pid, "SIGKILL");
      driver.stderr.destroy();
    },
  };
  return app;
}

/**
 * Saves a PNG of the window under tests/e2e/out/NAME.png, read from the X display as the
 * person sees it (a native dialog over the window included), once the page has drawn
 * its latest change (two animation frames). Not through WebKitWebDriver's screenshot:
 * with the webview's compositing off, as the app ships, that waited minutes for a
 * frame that never came.
 */
export async function shot(session, name) {
  mkdirSync(outDir, { recursive: true });
  await session.execAsync(
    `const done = arguments[arguments.length - 1];
     requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
     setTimeout(() => done(false), 2000);`,
  );
  const path = join(outDir, `${name}.png`);
  // The window sits at the screen's top left (Xvfb has no window manager); its size.
  execFileSync("import", ["-window", "root", "-crop", `${WINDOW.width}x${WINDOW.height}+0+0`, "+repage", path]);
  return path;
}

const axeSource = () => readFileSync(join(repo, "ui/node_modules/axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.0–2.2 A/AA + best practices) and returns its violations. */
export async function axeViolations(session) {
  const loaded = await session.exec("return typeof window.axe !== 'undefined';");
  if (!loaded) await session.exec(axeSource() + "\nreturn true;");
  const result = await session.execAsync(
    `const done = arguments[arguments.length - 1];
     window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
       .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5) })))))
       .catch(e => done(JSON.stringify([{ id: "axe-error", help: String(e) }])));`,
  );
  return JSON.parse(result);
}

/** Fails with a readable list when axe finds anything on the current screen. */
export async function assertAccessible(session, screen) {
  const v = await axeViolations(session);
  if (v.length) {
    throw new Error(`axe found ${v.length} problem(s) on ${screen}:\n` + JSON.stringify(v, null, 2));
  }
}
