// The webview keeps nothing on disk, as people run the app (issue 15): WebKit in its
// private (ephemeral) mode. WebDriver cannot drive that mode (wry gives a private
// webview no automation; e2e 13 covers a WebDriver session, which gets a private
// folder removed at exit instead), so this scenario starts the app itself and types
// like a person, through the X server (xdotool): unlock a dossier, write an entry,
// save, log out (SIGTERM, which locks the dossier and quits). HOME, every XDG folder and TMPDIR point into one
// empty folder; afterwards every file and folder that appeared outside the dossier is
// listed: only the settings file may be there, and no WebKit folder at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import { appBinary, outDir } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { PASS } from "./lib/flows.mjs";

const CANARY = "SPOOR-e2e-prive-webview-4410";

/** Every path under `root` (folders too), relative to it. */
function walk(root, dir = root, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out.push(relative(root, path));
    if (lstatSync(path).isDirectory()) walk(root, path, out);
  }
  return out;
}

const xdotool = (...args) => execFileSync("xdotool", args).toString().trim();

/** The whole X screen as PNG (tests/e2e/out/NAME.png); returns its number of colours. */
function shot(name) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name}.png`);
  execFileSync("import", ["-window", "root", file]);
  return Number(execFileSync("convert", [file, "-format", "%k", "info:"]).toString());
}

/**
 * Waits until the screen stops changing: four equal pictures 400 ms apart (a screen
 * still loading shows "Even geduld…" briefly; no field has focus, so no caret blinks).
 */
async function settled(what) {
  let last = "";
  let same = 0;
  await waitFor(what, async () => {
    await new Promise((r) => setTimeout(r, 400));
    const now = execFileSync("import", ["-window", "root", "rgb:-"], { maxBuffer: 64 << 20 }).toString("base64");
    same = now === last ? same + 1 : 0;
    last = now;
    return same >= 3;
  }, 30000, 0);
}

test("in the webview's private mode a session leaves only the settings file", async () => {
  const home = mkdtempSync(join(tmpdir(), "dk-e2e-private-"));
  const given = [".config", ".local", ".local/share", ".local/state", ".cache", "run", "tmp"];
  for (const d of given) mkdirSync(join(home, d), { recursive: true, mode: 0o700 });
  // The dossier is made with the CLI (which writes nothing outside it): the app's own
  // create path shows a recovery code that only WebDriver could read back.
  const dossier = join(home, "Documents", "Mijn dossier", "Dossierkluis");
  mkdirSync(join(home, "Documents", "Mijn dossier"), { recursive: true });
  const cliEnv = { ...process.env, HOME: home, DOSSIER_NEW_PASSPHRASE: PASS, DOSSIER_PASSPHRASE: PASS };
  execFileSync(process.env.DOSSIER_CLI, ["init", dossier], { env: cliEnv, stdio: "ignore" });
  // Opened before on this account: the app starts on "Open" with this dossier chosen.
  const settings = ".config/nl.dossierkluis.app/settings.json";
  mkdirSync(join(home, ".config/nl.dossierkluis.app"), { mode: 0o700 });
  writeFileSync(join(home, settings), JSON.stringify({ language: "nl", auto_lock_minutes: 10, recent: [dossier] }));

  const app = spawn(appBinary(), [], {
    env: {
      PATH: process.env.PATH,
      DISPLAY: process.env.DISPLAY,
      XAUTHORITY: process.env.XAUTHORITY ?? "",
      TZ: process.env.TZ,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      XDG_DATA_HOME: join(home, ".local/share"),
      XDG_CACHE_HOME: join(home, ".cache"),
      XDG_STATE_HOME: join(home, ".local/state"),
      XDG_RUNTIME_DIR: join(home, "run"),
      TMPDIR: join(home, "tmp"),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  app.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((r) => app.once("exit", r));
  try {
    const win = await waitFor("the app's window", async () => {
      if (app.exitCode !== null) throw new Error(`the app quit: ${stderr}`);
      try {
        return xdotool("search", "--onlyvisible", "--name", "^Dossierkluis$").split("\n")[0];
      } catch {
        return null; // not mapped yet (xdotool exits 1)
      }
    }, 30000, 200);
    xdotool("windowfocus", "--sync", win);
    const key = (...names) => xdotool("key", "--window", win, "--delay", "60", ...names);
    const type = (text) => xdotool("type", "--window", win, "--delay", "20", text);
    const tabs = (n) => key(...Array(n).fill("Tab"));
    // The keys a person presses, in the screens' tab order (Tab from the focused heading).
    await settled("the Open screen");
    // Skip link, Nederlands, English, the chosen dossier, "Uit de lijst halen", then the
    // passphrase field.
    tabs(6);
    type(PASS);
    key("Return");
    await waitFor("unlocked", async () => existsSync(join(dossier, "dossier.db-wal")), 30000);
    await settled("Wat moet ik doen?");
    shot("24-home");
    // The hint's word "besluit", then "Naar de tijdlijn".
    tabs(2);
    key("Return");
    await settled("the timeline");
    // The five guided captures, then "Iets anders opschrijven".
    tabs(6);
    key("Return");
    await settled("the editor");
    // Kind, date, then the title; Enter saves.
    tabs(3);
    type(`Brief gelezen ${CANARY}`);
    key("Return");
    await settled("the entry saved");
    assert.ok(shot("24-entry-saved") > 200, "the saved entry is on screen");
    // While the app runs, WebKit's private folder of this run holds only the empty
    // set-up of the context Tauri makes and the private webview does not use.
    const runDir = readdirSync(join(home, "run")).find((n) => n.startsWith("dossierkluis-webview-"));
    assert.ok(runDir, "the run's private folder exists while the app runs");
    const inRun = walk(join(home, "run", runDir));
    assert.ok(!inRun.some((p) => /localstorage|IndexedDB|CacheStorage|Records/i.test(p)), inRun.join("\n"));
    console.log(`while running, ${runDir} holds ${inRun.length} paths: ${inRun.join(", ")}`);
    // Log out of the shared PC: SIGTERM locks the dossier and quits the ordinary way.
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((_, rej) => setTimeout(() => rej(new Error("the app did not quit")), 20000))]);
  } finally {
    if (app.exitCode === null) app.kill("SIGKILL");
  }

  // What the person wrote is in the dossier (the session really ran).
  const listed = execFileSync(process.env.DOSSIER_CLI, ["list", dossier], { env: cliEnv }).toString();
  assert.ok(listed.includes(CANARY), `the entry in the dossier:\n${listed}\n${stderr}`);

  const allowed = new Set([...given, "Documents", "Documents/Mijn dossier", ".config/nl.dossierkluis.app", settings]);
  const traces = walk(home).filter((p) => !allowed.has(p) && !join(home, p).startsWith(dossier + "/") && join(home, p) !== dossier);
  assert.deepEqual(traces, [], `written outside the dossier:\n${traces.join("\n")}`);
  const stored = readFileSync(join(home, settings), "utf8");
  assert.ok(!stored.includes(CANARY), stored);
  console.log(`private webview: outside the dossier ${settings} only`);
});
