// Reading a photographed letter (issue 15 part 1): a letter-in gets a phone-like photo
// of an agency letter through the file dialog; "Tekst lezen" reads it offline (progress
// shown), the read text appears as its own labelled layer, and the suggestions (date,
// kenmerk, reply-by date) each show the words they came from. Accepting them opens the
// editor with those fields filled, which the user saves. Search then finds the entry by
// a word that is only in the photo, and no file the app wrote holds the letter's text
// in plain (the canary). Then the guided capture, keyboard only: "Ik kreeg een brief"
// asks for the photo first, reads it, and "Alles overnemen" fills the date on the
// letter, the kenmerk and the reply-by date, which each later question shows and the
// check repeats; saving attaches the photo with its read text (no second read), so its
// words are found. Screens photographed and checked with axe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor, Key } from "./lib/webdriver.mjs";
import { createDossier, pickInDialog, tabTo } from "./lib/flows.mjs";
import { addEntry, textOf, scrollToTestId } from "./lib/entries.mjs";

const CANARIES = ["identiteitsbewijs", "ZK-2026-118834", "loonstrook", "huurspecificatie", "ZK-2026-120077"];
const LETTER = [
  "Gemeente Amsterdam",
  "Werk, Participatie en Inkomen",
  "",
  "Datum: 2 april 2026",
  "Ons kenmerk: ZK-2026-118834",
  "Onderwerp: uitnodiging voor een gesprek",
  "",
  "Geachte mevrouw De Vries,",
  "",
  "Wij nodigen u uit voor een gesprek over uw re-integratie.",
  "Kunt u niet komen? Reageer dan vóór 9 april 2026.",
  "Neem uw identiteitsbewijs en uw laatste loonstrook mee.",
  "",
  "Met vriendelijke groet,",
  "R. Jansen, klantmanager",
].join("\n");

const SECOND = [
  "Gemeente Amsterdam",
  "Werk, Participatie en Inkomen",
  "",
  "Datum: 14 april 2026",
  "Ons kenmerk: ZK-2026-120077",
  "Onderwerp: gegevens nodig voor uw uitkering",
  "",
  "Geachte mevrouw De Vries,",
  "",
  "Wij hebben uw huurspecificatie nodig.",
  "Stuur deze uiterlijk 28 april 2026 naar ons op.",
  "",
  "Met vriendelijke groet,",
  "R. Jansen, klantmanager",
].join("\n");

/** A phone-like photo: A4 at about 200 dpi, turned 2°, JPEG quality 70. */
function photo(path, text = LETTER) {
  execFileSync("convert", [
    "-size", "1654x2339", "xc:white",
    "-font", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "-pointsize", "30", "-fill", "black", "-annotate", "+150+250", text,
    "-background", "white", "-rotate", "2", "-quality", "70", path,
  ]);
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...files(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

const value = (s, testid) =>
  s.exec(`return document.querySelector('[data-testid="' + arguments[0] + '"]').value;`, [testid]);

test("ocr: a photographed letter is read, its suggestions accepted, its words found", async () => {
  const app = await launch();
  const s = app.session;
  const dir = join(app.home, "Dossierkluis");
  try {
    await createDossier(s, { dir });
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "letter-in", title: "Brief op papier", fields: {} });
    const jpg = join(app.home, "brief-gemeente.jpg");
    photo(jpg);
    await pickInDialog(s, "add-file-button", [jpg]);
    await s.byTestId("attach-done", 20000);

    await scrollToTestId(s, "read-text");
    await shot(s, "23-ocr-before");
    await assertAccessible(s, "entry with a photo to read");
    await (await s.byTestId("read-text-button")).click();
    // The engine runs in the background: the status line says so, then the layer shows
    // (or an error, reported as the failure).
    const status = () => s.exec(`return document.querySelector('[data-testid="read-text-status"]').textContent.trim();`);
    await waitFor(
      "reading is shown",
      async () =>
        /lezen|klaargemaakt/i.test(await status()) ||
        (await s.exec(`return !!document.querySelector('[data-testid="read-text-layer"], [data-testid="read-text-error"]');`)),
      20000,
    ).catch(async (e) => {
      await shot(s, "23-ocr-no-status");
      throw new Error(`${e.message}; status was "${await status()}"`);
    });
    await waitFor(
      "the read text",
      async () => {
        const done = await s.exec(`return !!document.querySelector('[data-testid="read-text-layer"], [data-testid="read-text-error"]');`);
        return done;
      },
      180000,
      250,
    );
    const err = await s.exec(`const e = document.querySelector('[data-testid="read-text-error"]'); return e ? e.textContent : null;`);
    assert.equal(err, null, `reading failed: ${err}`);
    const layer = await textOf(s, "read-text-layer");
    assert.match(layer, /Gelezen tekst \(kan fouten bevatten\)/);
    assert.match(layer, /identiteitsbewijs/);
    const kinds = await s.exec(`return [...document.querySelectorAll('[data-testid="suggestion"]')].map((el) => el.dataset.kind);`);
    for (const k of ["letter_date", "kenmerk", "reply_by"]) assert.ok(kinds.includes(k), `suggestion ${k} in ${kinds}`);
    const list = await textOf(s, "suggestions");
    assert.match(list, /Datum van de brief: do 2 april 2026/);
    assert.match(list, /Kenmerk: ZK-2026-118834/);
    assert.match(list, /Gelezen in: “Datum: 2 april 2026”/);
    assert.match(list, /Reageren vóór: do 9 april 2026/);
    await scrollToTestId(s, "read-text-layer");
    await shot(s, "23-ocr-read");
    await assertAccessible(s, "read text and suggestions");

    // Nothing is filled in until the user accepts: accept three, then fill the editor.
    for (const k of ["letter_date", "kenmerk", "reply_by"]) {
      await s.exec(`document.querySelector('[data-testid="suggestion"][data-kind="' + arguments[0] + '"] [data-testid="suggestion-accept"]').click();`, [k]);
    }
    await waitFor("three accepted", () =>
      s.exec(`return document.querySelectorAll('[data-testid="suggestion-accept"][aria-pressed="true"]').length === 3;`),
    );
    await (await s.byTestId("suggestions-apply")).click();
    await s.byTestId("screen-editor");
    await waitFor("kenmerk filled", async () => (await value(s, "entry-kenmerk")) === "ZK-2026-118834", 15000);
    assert.equal(await value(s, "entry-letter-dated"), "02-04-2026");
    assert.equal(await value(s, "entry-reply-by"), "09-04-2026");
    await shot(s, "23-ocr-editor");
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    await waitFor("the kenmerk is saved", async () => /ZK-2026-118834/.test((await textOf(s, "entry-fields")) ?? ""), 15000);

    // Search finds the letter by a word that is only in the photo.
    const box = await s.byTestId("search-input");
    await box.click();
    await s.keys("identiteitsbewijs" + Key.ENTER);
    await s.byTestId("screen-search");
    await waitFor("one result", async () => Number(await (await s.byTestId("search-count")).attr("data-count")) === 1, 20000);
    assert.match(await textOf(s, "search-result"), /Brief op papier/);
    await shot(s, "23-ocr-search");

    // The guided capture, keyboard only: the photo is read before the questions about it.
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await tabTo(s, "quick-letter");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-quick-capture");
    const stepIs = (step) => waitFor(`question ${step}`, async () => (await (await s.byTestId("quick-progress")).attr("data-step")) === step);
    await waitFor("the day question", async () => (await s.activeTestId()) === "quick-day-today");
    await s.keys(Key.SPACE + Key.ENTER);
    await stepIs("photo");
    await shot(s, "23-ocr-capture-photo");
    await assertAccessible(s, "capture: the letter's photo");
    const second = join(app.home, "brief-huur.jpg");
    photo(second, SECOND);
    await pickInDialog(s, "quick-photo-pick", [second], null, { keyboard: true });
    await waitFor(
      "the photo read",
      () => s.exec(`return !!document.querySelector('[data-testid="quick-photo-suggestions"], [data-testid="quick-photo-error"]');`),
      180000,
      250,
    );
    const readErr = await s.exec(`const e = document.querySelector('[data-testid="quick-photo-error"]'); return e ? e.textContent : null;`);
    assert.equal(readErr, null, `reading in the capture failed: ${readErr}`);
    const offered = await textOf(s, "quick-photo-suggestions");
    assert.match(offered, /Datum van de brief: di 14 april 2026/);
    assert.match(offered, /Kenmerk: ZK-2026-120077/);
    assert.match(offered, /Reageren vóór: di 28 april 2026/);
    assert.match(offered, /Gelezen in: “[^”]*uiterlijk 28 april 2026/);
    // Nothing taken over before the user says so.
    assert.equal(await s.exec(`return document.querySelectorAll('[data-testid="quick-photo-accept"][aria-pressed="true"]').length;`), 0);
    await shot(s, "23-ocr-capture-suggestions");
    await assertAccessible(s, "capture: suggestions from the photo");
    await tabTo(s, "quick-photo-accept-all");
    await s.keys(Key.ENTER);
    const offeredCount = await s.exec(`return document.querySelectorAll('[data-testid="quick-photo-accept"]').length;`);
    await waitFor("all taken over", () =>
      s.exec(`return document.querySelectorAll('[data-testid="quick-photo-accept"][aria-pressed="true"]').length === arguments[0];`, [offeredCount]),
    );
    await tabTo(s, "quick-next");
    await s.keys(Key.ENTER);
    await stepIs("who");
    await s.keys("WPI" + Key.ENTER);
    await stepIs("isDecision");
    await s.keys(Key.ENTER);
    await stepIs("letterDated");
    assert.equal(await value(s, "quick-letter-dated"), "14-04-2026");
    await s.keys(Key.ENTER);
    await stepIs("kenmerk");
    assert.equal(await value(s, "quick-kenmerk"), "ZK-2026-120077");
    await s.keys(Key.ENTER);
    await stepIs("said");
    await s.keys("Ze willen een papier over mijn huur" + Key.ENTER);
    await stepIs("replyBy");
    assert.equal(await value(s, "quick-reply-by"), "28-04-2026");
    await s.keys(Key.ENTER);
    await stepIs("threat");
    await s.keys(Key.ENTER);
    await stepIs("check");
    const summary = await textOf(s, "quick-summary");
    assert.match(summary, /Foto of scan\s*brief-huur\.jpg/);
    assert.match(summary, /ZK-2026-120077/);
    assert.match(summary, /dinsdag 14 april 2026/);
    assert.match(summary, /dinsdag 28 april 2026/);
    await shot(s, "23-ocr-capture-check");
    await tabTo(s, "quick-save");
    await s.keys(Key.ENTER);
    await s.byTestId("quick-saved", 20000);
    assert.equal((await s.findAll(s.testid("quick-photo-not-attached"))).length, 0, "the photo was attached");
    await (await s.byTestId("quick-next-open")).click();
    await s.byTestId("screen-entry", 20000);
    // The text read in the capture is kept with the attachment: shown without reading again.
    await waitFor("the read layer", async () => /huurspecificatie/.test((await textOf(s, "read-text-layer")) ?? ""), 15000);
    await waitFor("the kenmerk saved", async () => /ZK-2026-120077/.test((await textOf(s, "entry-fields")) ?? ""), 15000);
    await scrollToTestId(s, "read-text-layer");
    await shot(s, "23-ocr-capture-entry");
    const box2 = await s.byTestId("search-input");
    await box2.click();
    // The box still holds the first search: select it, so typing replaces it.
    await s.exec(`document.querySelector('[data-testid="search-input"]').select();`);
    await s.keys("huurspecificatie" + Key.ENTER);
    await s.byTestId("screen-search");
    await waitFor("the captured letter found", async () => /Brief van WPI/.test((await textOf(s, "search-result")) ?? ""), 20000);
  } finally {
    await app.close();
  }
  // Canary: no file the app wrote (dossier, settings, webview data, caches) holds a
  // word of the letter in plain text.
  for (const f of files(app.home)) {
    if (f.endsWith("brief-gemeente.jpg") || f.endsWith("brief-huur.jpg")) continue;
    const bytes = readFileSync(f);
    for (const c of CANARIES) assert.ok(!bytes.includes(Buffer.from(c)), `${f} holds ${c}`);
  }
});
