// The installed app's own figures for `make bench` (scripts/bench-app.sh runs this under
// Xvfb with the release binary): package sizes, cold start to the welcome screen (median
// of 10) and resident memory of the app plus its WebKit processes with 10,000 entries on
// the timeline, next to the same with an empty dossier (the floor).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch } from "../../tests/e2e/lib/app.mjs";
import { waitFor } from "../../tests/e2e/lib/webdriver.mjs";
import { PASS } from "../../tests/e2e/lib/flows.mjs";

const APP = process.env.DOSSIERKLUIS_APP;
const CLI = process.env.DOSSIER_CLI;
const BUNDLE = process.env.BUNDLE_DIR;
// Cold starts to time (10 unless BENCH_APP_RUNS says otherwise, for a quick look).
const RUNS = Number(process.env.BENCH_APP_RUNS ?? 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (bytes) => (bytes / 1e6).toFixed(1);

function packageSizes() {
  for (const kind of ["deb", "rpm"]) {
    let files = [];
    try {
      files = readdirSync(join(BUNDLE, kind)).filter((f) => f.endsWith(`.${kind}`));
    } catch {
      // not built
    }
    if (files.length === 0) {
      console.log(`package .${kind}: not built (run make package)`);
      continue;
    }
    const size = statSync(join(BUNDLE, kind, files[0])).size;
    const goal = kind === "deb" ? `  (goal < 20 MB: ${size < 20e6 ? "met" : "MISSED"})` : "";
    console.log(`package .${kind}: ${mb(size)} MB  ${files[0]}${goal}`);
  }
}

/** Colours in a screenshot of the whole X screen: a painted page with text has hundreds. */
function colours() {
  const shot = execFileSync("import", ["-window", "root", "miff:-"], { maxBuffer: 64 << 20 });
  return Number(execFileSync("convert", ["miff:-", "-format", "%k", "info:"], { input: shot }).toString());
}

/**
 * One cold start as people run it (no WebDriver: the webview's private mode), in a fresh
 * HOME: milliseconds from exec until the welcome screen's text is painted.
 */
async function coldStart() {
  const home = mkdtempSync(join(tmpdir(), "dk-bench-start-"));
  const started = performance.now();
  const app = spawn(APP, [], {
    env: { PATH: process.env.PATH, DISPLAY: process.env.DISPLAY, XAUTHORITY: process.env.XAUTHORITY ?? "", HOME: home, TZ: "Europe/Amsterdam" },
    stdio: "ignore",
  });
  try {
    await waitFor("the welcome screen painted", async () => colours() > 200, 60000, 20);
    return performance.now() - started;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode !== null ? r() : app.once("exit", r)));
    rmSync(home, { recursive: true, force: true });
  }
}

/** Pids of the process and all its descendants (WebKit's web and network processes). */
function tree(pid) {
  const children = new Map();
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // gone
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

/** Summed RSS and PSS (kB) of the app's process tree, and each process's share. */
function memory(pid) {
  let rss = 0;
  let pss = 0;
  const each = [];
  for (const p of tree(pid)) {
    try {
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(roll)?.[1] ?? 0);
      rss += kb("Rss");
      pss += kb("Pss");
      const name = readFileSync(`/proc/${p}/comm`, "utf8").trim();
      each.push({ name, rss: kb("Rss"), pss: kb("Pss"), anon: kb("Anonymous") });
    } catch {
      // gone
    }
  }
  return { rss, pss, processes: tree(pid).length, each };
}

/** A dossier of `n` entries made by the CLI, remembered as recent in a fresh HOME. */
function dossierWith(n) {
  const home = mkdtempSync(join(tmpdir(), "dk-bench-rss-"));
  const dir = join(home, "Documents", "Dossierkluis");
  mkdirSync(join(home, "Documents"), { recursive: true });
  const env = { ...process.env, HOME: home, DOSSIER_PASSPHRASE: PASS, DOSSIER_NEW_PASSPHRASE: PASS };
  execFileSync(CLI, ["init", dir], { env, stdio: "ignore" });
  if (n > 0) {
    const kinds = ["letter-in", "call-in", "note", "meeting", "email-in"];
    const entries = Array.from({ length: n }, (_, i) => ({
      kind: kinds[i % kinds.length],
      occurred_on: new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 5) * 86400000).toISOString().slice(0, 10),
      time: null,
      title: `Contact ${i + 1} met de klantmanager over de uitkering`,
      notes: `Gesprek nummer ${i + 1}: wat er gevraagd en beloofd is, in een paar zinnen.`,
      organisation: "WPI",
      threat: i % 10 === 0,
      medical: i % 25 === 0,
      tags: [],
      people: [],
    }));
    const file = join(home, "entries.json");
    writeFileSync(file, JSON.stringify(entries));
    execFileSync(CLI, ["import", dir, file], { env, stdio: "ignore" });
    rmSync(file);
  }
  const config = join(home, ".config", "nl.dossierkluis.app");
  mkdirSync(config, { recursive: true });
  writeFileSync(
    join(config, "settings.json"),
    JSON.stringify({ language: "nl", auto_lock_minutes: 60, recent: [dir], system_notifications: false }),
  );
  return home;
}

/** The app's pid: the process running APP with this HOME (started by WebKitWebDriver). */
function appPid(home) {
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const env = readFileSync(`/proc/${p}/environ`, "utf8").split("\0");
      if (env.includes(`HOME=${home}`) && readFileSync(`/proc/${p}/cmdline`, "utf8").startsWith(APP)) return Number(p);
    } catch {
      // gone
    }
  }
  return null;
}

/** Opens the dossier, shows the timeline, lets it settle; returns the process tree's memory. */
async function timelineMemory(n) {
  const home = dossierWith(n);
  const app = await launch({ home });
  const s = app.session;
  try {
    await s.byTestId("screen-open", 30000);
    await (await s.byTestId("passphrase")).fill(PASS);
    await (await s.byTestId("open-button")).click();
    await s.byTestId("screen-home", 30000);
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline", 30000);
    // An empty timeline shows no count, only its empty state.
    if (n > 0) {
      const count = await waitFor("the count", async () => Number(await (await s.byTestId("timeline-count")).attr("data-count")), 30000);
      if (count !== n) throw new Error(`timeline shows ${count} entries, expected ${n}`);
      await waitFor("the first rows", async () => (await s.findAll('[data-testid="entry-item"]')).length > 0, 30000);
    }
    const pid = appPid(home);
    if (!pid) throw new Error("the app's process was not found");
    // Settled: the summed RSS changes by less than 1 MB over half a second.
    let last = memory(pid);
    await waitFor("memory to settle", async () => {
      await new Promise((r) => setTimeout(r, 500));
      const now = memory(pid);
      const settled = Math.abs(now.rss - last.rss) < 1024;
      last = now;
      return settled;
    }, 30000);
    return last;
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
}

packageSizes();

await coldStart(); // once to warm the disk cache: "cold" is a fresh process and HOME
const starts = [];
for (let i = 0; i < RUNS; i++) starts.push(await coldStart());
console.log(
  `cold start to the welcome screen (release, Xvfb, fresh HOME): median ${median(starts).toFixed(0)} ms of ${RUNS}` +
    `  (min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)})`,
);

const floor = await timelineMemory(0);
const full = await timelineMemory(10000);
const row = (name, m) =>
  `${name.padEnd(34)} RSS ${(m.rss / 1024).toFixed(0).padStart(4)} MB   PSS ${(m.pss / 1024).toFixed(0).padStart(4)} MB   (${m.processes} processes)`;
console.log("memory of the app and its WebKit processes, timeline open (summed over the process tree):");
console.log(row("empty dossier (the floor)", floor));
console.log(row("10,000 entries", full));
// Where it goes: the heap (anonymous memory) of each process, apart from the libraries
// they map, so a change can be aimed at the process that holds it.
for (const [name, m] of [["empty", floor], ["10,000", full]]) {
  const parts = m.each.map(
    (p) => `${p.name} RSS ${(p.rss / 1024).toFixed(0)} / PSS ${(p.pss / 1024).toFixed(0)} / heap ${(p.anon / 1024).toFixed(0)} MB`,
  );
  console.log(`  ${name.padEnd(7)} ${parts.join("; ")}`);
}
console.log(
  `10,000 entries: RSS ${(full.rss / 1024).toFixed(0)} MB (goal < 200 MB: ${full.rss / 1024 < 200 ? "met" : "MISSED"}), ` +
    `${((full.rss - floor.rss) / 1024).toFixed(0)} MB above the floor, ratio ${(full.rss / floor.rss).toFixed(2)}`,
);
