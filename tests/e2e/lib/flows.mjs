// Steps that several scenarios share, written as a person does them.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { basename, dirname } from "node:path";

import { waitFor, Key } from "./webdriver.mjs";
import { shot, assertAccessible } from "./app.mjs";

export const PASS = "zonnebloem fiets kastanje";

/** Text of the whole page, as a screen reader or a person would find it. */
export function pageText(s) {
  return s.exec("return document.body.innerText;");
}

/**
 * Presses a "Kies …" button whose dialog (opened by the app, answered by the test
 * hook) gives `answer` (a path, a list of paths, or null to cancel), and waits until
 * the app has taken it. With `shown` (a test id), also until that choice is on screen.
 */
export async function pickInDialog(s, buttonTestid, answer, shown = null, { keyboard = false } = {}) {
  const before = s.dialog.asked().length;
  s.dialog.answer(answer);
  if (keyboard) {
    await tabTo(s, buttonTestid);
    await s.keys(Key.ENTER);
  } else {
    await (await s.byTestId(buttonTestid)).click();
  }
  await waitFor(`the dialog behind ${buttonTestid}`, async () => s.dialog.asked().length > before && s.dialog.pending() === 0);
  if (shown && typeof answer === "string") {
    const name = basename(answer);
    await waitFor(`${name} shown in ${shown}`, async () => (await (await s.byTestId(shown)).attr("data-name")) === name);
  }
}

/**
 * A new dossier is always the folder "Dossierkluis" inside the folder the user picks
 * (the Welcome screen says so), so `dir` must end in it; its parent is picked.
 */
export async function chooseNewDossierDir(s, dir) {
  assert.equal(basename(dir), "Dossierkluis", "a new dossier is <picked folder>/Dossierkluis");
  mkdirSync(dirname(dir), { recursive: true });
  await pickInDialog(s, "choose-dir-button", dirname(dir));
  await waitFor("the chosen folder shown", async () => (await (await s.byTestId("dossier-dir")).attr("data-folder")) === dirname(dir));
}

/**
 * From the welcome screen: create a dossier, confirm the code, land on "Wat moet ik
 * doen?" (the first screen after unlocking), then go on to the timeline.
 */
export async function createDossier(s, { dir, passphrase = PASS, screenshots = null } = {}) {
  await s.byTestId("screen-welcome");
  if (dir) await chooseNewDossierDir(s, dir);
  await (await s.byTestId("passphrase")).fill(passphrase);
  await (await s.byTestId("passphrase-repeat")).fill(passphrase);
  if (screenshots) await shot(s, `${screenshots}-welcome-filled`);
  await (await s.byTestId("create-button")).click();
  const codeEl = await s.byTestId("recovery-code", 20000);
  const code = await codeEl.attr("data-code");
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, `recovery code shown as 8 groups: ${code}`);
  if (screenshots) {
    await shot(s, `${screenshots}-recovery-code`);
    await assertAccessible(s, "recovery code");
  }
  await (await s.byTestId("continue-button")).click();
  await s.byTestId("screen-confirm-code");
  await typeConfirmGroups(s, code);
  if (screenshots) {
    await shot(s, `${screenshots}-confirm-code`);
    await assertAccessible(s, "confirm code");
  }
  await (await s.byTestId("confirm-button")).click();
  await openTimeline(s);
  return code;
}

/** After unlocking: the home view comes first; the header's "Tijdlijn" is one click away. */
export async function openTimeline(s, timeoutMs = 20000) {
  await s.byTestId("screen-home", timeoutMs);
  await (await s.byTestId("timeline-button")).click();
  await s.byTestId("screen-timeline", timeoutMs);
}

/** The confirm screen asks for two groups; their numbers are on the inputs. */
export async function typeConfirmGroups(s, code, { wrong = false } = {}) {
  const groups = code.split("-");
  for (const id of ["confirm-group-a", "confirm-group-b"]) {
    const input = await s.byTestId(id);
    const n = Number(await input.attr("data-group"));
    assert.ok(n >= 1 && n <= 8, `group number on ${id}: ${n}`);
    await input.fill(wrong ? "ZZZZ" : groups[n - 1].toLowerCase());
  }
}

/** From the timeline: "Iets anders opschrijven", a note, save, back to the timeline. */
export async function addNote(s, title, notes) {
  await (await s.byTestId("new-entry-button")).click();
  await s.byTestId("screen-editor");
  await (await s.byTestId("entry-title")).fill(title);
  if (notes) await (await s.byTestId("entry-notes")).fill(notes);
  await (await s.byTestId("save-entry-button")).click();
  await s.byTestId("screen-entry", 20000);
  await (await s.byTestId("timeline-button")).click();
  await s.byTestId("screen-timeline");
  await waitFor(`entry "${title}" in the list`, async () => (await pageText(s)).includes(title));
}

export async function lock(s) {
  await (await s.byTestId("lock-button")).click();
  await s.byTestId("screen-open");
}

export async function unlock(s, passphrase = PASS) {
  await s.byTestId("screen-open");
  await (await s.byTestId("passphrase")).fill(passphrase);
  await (await s.byTestId("open-button")).click();
}

/** Presses Tab until the element with `testid` has focus (keyboard-only paths). */
export async function tabTo(s, testid, max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await s.activeTestId()) === testid) return;
    await s.keys(Key.TAB);
  }
  throw new Error(`Tab never reached ${testid} (stuck at ${await s.activeTestId()})`);
}
