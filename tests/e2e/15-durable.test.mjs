// The dossier survives two writers and a quit: while the app has a dossier open the CLI
// is refused with the plain message; lock, Ctrl+Q and SIGTERM leave a folder whose
// dossier.db alone holds every entry; unsaved text is not dropped without asking. A new
// recovery code and a full re-key from Settings, with auto-lock waiting while the new
// code is on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { launch, shot, assertAccessible, appBinary } from "./lib/app.mjs";
import { waitFor, Key } from "./lib/webdriver.mjs";
import { scrollToTestId } from "./lib/entries.mjs";
import { PASS, createDossier, addNote, lock, unlock, openTimeline, pageText, typeConfirmGroups } from "./lib/flows.mjs";

const cli = () => {
  const bin = process.env.DOSSIER_CLI || join(dirname(appBinary()), "dossier");
  assert.ok(existsSync(bin), `the dossier CLI is built at ${bin}`);
  return bin;
};

/** Runs the CLI with a secret; returns {status, stdout, stderr}. */
function run(args, env = { DOSSIER_PASSPHRASE: PASS }) {
  const r = spawnSync(cli(), args, {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "nl_NL.UTF-8", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Titles in a copy of `dir` without -wal and -shm (what a careless copy keeps). */
function titlesInCopyWithoutWal(dir) {
  const copy = mkdtempSync(join(tmpdir(), "dk-copy-"));
  for (const name of readdirSync(dir)) {
    if (name.endsWith("-wal") || name.endsWith("-shm")) continue;
    cpSync(join(dir, name), join(copy, name));
  }
  const out = execFileSync(cli(), ["list", copy, "--json"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, DOSSIER_PASSPHRASE: PASS },
  });
  rmSync(copy, { recursive: true, force: true });
  return JSON.parse(out).map((e) => e.title);
}

async function ctrl(s, key) {
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "key",
        id: "kbd",
        actions: [
          { type: "keyDown", value: "\uE009" },
          { type: "keyDown", value: key },
          { type: "keyUp", value: key },
          { type: "keyUp", value: "\uE009" },
        ],
      },
    ],
  });
}

/** Waits until no program holds the dossier (the CLI is no longer refused). */
async function waitUntilClosed(dir) {
  await waitFor("the app to let go of the dossier", async () => run(["check", dir]).status === 0, 20000);
}

test("the CLI is refused while the app has the dossier open; lock leaves a complete folder", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "dk-durable-")), "Dossierkluis");
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s, { dir });
    for (const title of ["Brief over de datum", "Gesprek met klantmanager", "Bezwaar verstuurd"]) {
      await addNote(s, title, "tekst");
    }
    const refused = run(["add", dir, "--kind", "note", "--date", "2026-11-30", "--title", "van de CLI"]);
    assert.equal(refused.status, 31, refused.stderr);
    assert.match(refused.stderr, /dit dossier is al open \(in Dossierkluis of in een ander programma\)/);
    await lock(s);
    assert.deepEqual(titlesInCopyWithoutWal(dir).sort(), ["Bezwaar verstuurd", "Brief over de datum", "Gesprek met klantmanager"]);
    // With the app locked the CLI may write; the app sees it after unlocking.
    assert.equal(run(["add", dir, "--kind", "note", "--date", "2026-11-30", "--title", "van de CLI"]).status, 0);
    await unlock(s);
    await openTimeline(s);
    await waitFor("the CLI's entry in the app", async () => (await pageText(s)).includes("van de CLI"));
  } finally {
    await app.close();
  }
});

test("Ctrl+Q asks about unsaved text, then quits leaving a complete folder", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "dk-durable-")), "Dossierkluis");
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s, { dir });
    await addNote(s, "Telefoon UWV", "afspraak gemaakt");
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await (await s.byTestId("entry-title")).fill("Half getypt verslag");
    await ctrl(s, "q");
    await s.byTestId("unsaved-dialog");
    assert.match(await pageText(s), /nog niet is opgeslagen/);
    await shot(s, "15-unsaved-quit");
    await assertAccessible(s, "unsaved dialog");
    // "Terug": the text is still there and the app still runs.
    await s.keys(Key.ENTER);
    await waitFor("dialog closed", async () => !(await (await s.find("dialog")).displayed()));
    assert.equal(await s.exec("return document.querySelector('[data-testid=entry-title]').value;"), "Half getypt verslag");
    await ctrl(s, "q");
    await s.byTestId("unsaved-dialog");
    // By keyboard: "Terug" has the focus, Tab goes to "Sluit zonder opslaan".
    assert.equal(await s.exec("return document.activeElement.dataset.testid;"), "unsaved-stay");
    await s.keys(Key.TAB);
    assert.equal(await s.exec("return document.activeElement.dataset.testid;"), "unsaved-drop");
    // The app exits while WebDriver waits for the key's answer: that error is the quit.
    await s.keys(Key.ENTER).catch(() => undefined);
    await waitUntilClosed(dir);
    assert.deepEqual(titlesInCopyWithoutWal(dir), ["Telefoon UWV"]);
  } finally {
    await app.close();
  }
});

test("SIGTERM closes the dossier before the app ends", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "dk-durable-")), "Dossierkluis");
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s, { dir });
    await addNote(s, "Afspraak jobcoach", "dinsdag");
    await addNote(s, "Brief ontvangen", "");
    const pids = execFileSync("pgrep", ["-f", appBinary()], { encoding: "utf8" }).trim().split("\n");
    assert.ok(pids.length >= 1 && pids[0] !== "", "the app's process was found");
    for (const pid of pids) process.kill(Number(pid), "SIGTERM");
    await waitUntilClosed(dir);
    assert.deepEqual(titlesInCopyWithoutWal(dir).sort(), ["Afspraak jobcoach", "Brief ontvangen"]);
  } finally {
    await app.close();
  }
});

test("a new recovery code and a full re-key from Settings; auto-lock waits while the code is shown", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "dk-durable-")), "Dossierkluis");
  const app = await launch({ env: { DOSSIERKLUIS_AUTOLOCK_SECONDS: "3" } });
  const s = app.session;
  try {
    const oldCode = await createDossier(s, { dir });
    await addNote(s, "Besluit bijstand", "");
    await (await s.byTestId("settings-button")).click();
    await s.byTestId("screen-settings");
    // Scrolled, and two frames later, so the screenshot shows the section.
    await scrollToTestId(s, "newcode-section");
    await shot(s, "15-settings-newcode");
    await (await s.byTestId("newcode-passphrase")).fill(PASS);
    await s.keys(Key.ENTER);
    const code = await (await s.byTestId("recovery-code", 20000)).attr("data-code");
    assert.notEqual(code, oldCode);
    assert.match(await pageText(s), /Dit is uw nieuwe herstelcode\. De oude code werkt niet meer/);
    await shot(s, "15-new-recovery-code");
    // Three times the idle limit passes with the code on screen: still there.
    const until = Date.now() + 9000;
    await waitFor("the idle time to pass three times", async () => {
      assert.ok((await s.findAll('[data-testid="recovery-code"]')).length === 1, "auto-lock took the code away");
      return Date.now() > until;
    }, 15000);
    await (await s.byTestId("continue-button")).click();
    await s.byTestId("screen-confirm-code");
    await typeConfirmGroups(s, code);
    await (await s.byTestId("confirm-button")).click();
    await s.byTestId("screen-settings");
    // Confirmed: auto-lock works again.
    await s.byTestId("lock-message", 20000);
    await waitUntilClosed(dir);
    assert.equal(run(["check", dir], { DOSSIER_RECOVERY_CODE: oldCode }).status, 4, "the old code still opens");
    assert.equal(run(["check", dir], { DOSSIER_RECOVERY_CODE: code }).status, 0);
  } finally {
    await app.close();
  }

  // The same HOME: the app remembers the dossier and offers to open it.
  const app2 = await launch({ home: app.home });
  const s2 = app2.session;
  try {
    await unlock(s2);
    await s2.byTestId("screen-home", 20000);
    await (await s2.byTestId("settings-button")).click();
    await s2.byTestId("screen-settings");
    // Scrolled, and two frames later, so the screenshot shows the section.
    await scrollToTestId(s2, "rekey-section");
    await shot(s2, "15-settings-rekey");
    await assertAccessible(s2, "settings with new code and re-key");
    await (await s2.byTestId("rekey-passphrase")).fill(PASS);
    await (await s2.byTestId("rekey-button")).click();
    const rekeyCode = await (await s2.byTestId("recovery-code", 60000)).attr("data-code");
    await (await s2.byTestId("continue-button")).click();
    await typeConfirmGroups(s2, rekeyCode);
    await (await s2.byTestId("confirm-button")).click();
    await s2.byTestId("screen-settings");
    await lock(s2);
    assert.equal(run(["check", dir]).status, 0, "the passphrase opens after the re-key");
    assert.equal(run(["check", dir], { DOSSIER_RECOVERY_CODE: rekeyCode }).status, 0);
    assert.deepEqual(titlesInCopyWithoutWal(dir), ["Besluit bijstand"]);
  } finally {
    await app2.close();
  }
});
