// A shared PC keeps no trace of the app (issue 16): with HOME, every XDG folder and
// TMPDIR pointing into one empty folder, create a dossier, add an entry, lock, close
// the window; then every file and folder that appeared outside the dossier is listed.
// Only the settings file may be there (no Mesa shader cache, no WebKit cache or
// storage, no GStreamer registry, no recent-files list).
import { test } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import { appBinary, assertAccessible, launch, shot } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { addNote, createDossier, lock } from "./lib/flows.mjs";

const CANARY = "SPOOR-e2e-keukentafel-7719";

/** Every path under `root` (folders too), relative to it. */
function walk(root, dir = root, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out.push(relative(root, path));
    if (lstatSync(path).isDirectory()) walk(root, path, out);
  }
  return out;
}

/** Processes started with this HOME whose program matches (read from /proc, as root may). */
function processesOf(home, matches) {
  const found = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!matches(readlinkSync(`/proc/${pid}/exe`))) continue;
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (env.includes(`HOME=${home}`)) found.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

const isApp = (exe) => exe === appBinary();
// WebKit's helper processes may still write after the app itself is gone.
const isAppOrWebKit = (exe) => isApp(exe) || /WebKit(Network|Web|GPU)Process/.test(exe);

test("after a session only the settings file is left outside the dossier", async () => {
  const home = mkdtempSync(join(tmpdir(), "dk-e2e-traces-"));
  // The folders that exist before the app starts (a fresh account has them).
  const given = [".config", ".local", ".local/share", ".local/state", ".cache", "run", "tmp"];
  for (const d of given) mkdirSync(join(home, d), { recursive: true, mode: 0o700 });
  // A desktop session's own change-flag for its settings (dconf, in memory, no content):
  // every GTK program on a real desktop finds it already there.
  mkdirSync(join(home, "run/dconf"), { mode: 0o700 });
  writeFileSync(join(home, "run/dconf/user"), "");
  given.push("run/dconf", "run/dconf/user");
  const app = await launch({
    home,
    env: {
      XDG_CACHE_HOME: join(home, ".cache"),
      XDG_STATE_HOME: join(home, ".local/state"),
      XDG_RUNTIME_DIR: join(home, "run"),
      TMPDIR: join(home, "tmp"),
    },
  });
  const s = app.session;
  // The user picks the folder "Mijn dossier" in Documents; the dossier goes in it.
  const dossier = join(home, "Documents", "Mijn dossier", "Dossierkluis");
  try {
    await createDossier(s, { dir: dossier });
    await addNote(s, `Gesprek aan de keukentafel ${CANARY}`, "Zij vroeg naar mijn ziekte.");
    await shot(s, "13-entry-saved");
    await assertAccessible(s, "timeline");
    await lock(s);
    // Log out of the shared PC: the session sends SIGTERM, and the app quits the
    // ordinary way (the same exit as closing its window). WebDriver's own "close window"
    // kills the process instead, which no person does.
    const pids = processesOf(home, isApp);
    assert.ok(pids.length > 0, "the app runs");
    for (const pid of pids) process.kill(pid, "SIGTERM");
    await waitFor("the app and WebKit to quit", async () => processesOf(home, isAppOrWebKit).length === 0, 20000);
  } finally {
    await app.close();
  }

  const settings = ".config/nl.dossierkluis.app/settings.json";
  const allowed = new Set([...given, "Documents", "Documents/Mijn dossier", ".config/nl.dossierkluis.app", settings]);
  const traces = walk(home).filter(
    (p) => !allowed.has(p) && !join(home, p).startsWith(dossier + "/") && join(home, p) !== dossier,
  );
  assert.deepEqual(traces, [], `written outside the dossier:\n${traces.join("\n")}`);
  // The settings file holds choices and the folder, nothing of the dossier's content.
  const stored = readFileSync(join(home, settings), "utf8");
  assert.ok(stored.includes("Mijn dossier"), stored);
  assert.ok(!stored.includes(CANARY) && !stored.includes("ziekte"), stored);
  console.log(`outside the dossier: ${settings} only (${stored.length} bytes)`);
});
