// "Their record against mine" (issue 14 part 3): a meeting is logged, the agency's
// verslag and a doctor's letter are attached, the verslag is chosen on the new
// "Verslag van de instantie" screen, and three statements are marked by keyboard only
// (arrow keys between sentences, Shift+arrow for a paragraph, Enter to judge, arrows in
// the status group, Space, Tab). "Maak correctiebrief" opens the letter screen with
// the correctie letter filled from the statements; the PDF bundle is exported and its
// schedule "Verslag van de instantie tegenover mijn versie" read back with pdftotext
// and rendered with pdftoppm. Every new screen is photographed and checked with axe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { launch, outDir, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor, Key } from "./lib/webdriver.mjs";
import { createDossier, pickInDialog, tabTo } from "./lib/flows.mjs";
import { addEntry, textOf, waitCount, scrollToTestId } from "./lib/entries.mjs";

const MEETING = "Gesprek met de klantmanager";
const VERSLAG =
  "Verslag gesprek met klant.\n\nKlant geeft aan dat hij volledig kan werken. Klant gaat akkoord met een jobhunter.\n\n" +
  "Er is gesproken over zijn cv. Klant brengt volgende week zijn bankafschriften.\n";
const NOT_SAID = "Ik heb gezegd dat ik tot 1 januari ziek ben.";
const WRONG = "Ik wil er eerst over nadenken.";
const ARROW_DOWN = "\uE015";
const SHIFT = "\uE008";

/** Today minus `days` as the editor's input wants it. */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

async function shiftArrowDown(s) {
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "key",
        id: "kbd",
        actions: [
          { type: "keyDown", value: SHIFT },
          { type: "keyDown", value: ARROW_DOWN },
          { type: "keyUp", value: ARROW_DOWN },
          { type: "keyUp", value: SHIFT },
        ],
      },
    ],
  });
}

const active = (s) => s.activeTestId();

/** From the sentence list: judge what is chosen, by keyboard only. */
async function judge(s, { downs, space = false, important = false, mine = "" }) {
  await s.keys(Key.ENTER);
  await s.byTestId("statement-form");
  await waitFor("focus on the first status", async () => (await active(s)) === "status-correct");
  if (downs > 0) await s.keys(ARROW_DOWN.repeat(downs));
  else if (space) await s.keys(Key.SPACE);
  if (important || mine) {
    await tabTo(s, "statement-important");
    if (important) await s.keys(Key.SPACE);
    await tabTo(s, "statement-mine");
    if (mine) await s.keys(mine);
  }
  await tabTo(s, "statement-save");
  await s.keys(Key.ENTER);
  await waitFor("back in the text", async () => (await active(s)) === "verslag-text");
}

test("verslag: three statements by keyboard, the schedule in the PDF, the correction letter", async () => {
  const app = await launch();
  const s = app.session;
  const dir = join(app.home, "Dossierkluis");
  try {
    await createDossier(s, { dir });
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "meeting", title: MEETING, fields: { "entry-date": daysAgo(6), "entry-organisation": "WPI" } });
    const verslag = join(app.home, "verslag-wpi.txt");
    writeFileSync(verslag, VERSLAG);
    const doctor = join(app.home, "brief-huisarts.txt");
    writeFileSync(doctor, "Meneer is tot 1 januari niet belastbaar.\n");
    await pickInDialog(s, "add-file-button", [verslag, doctor]);
    await s.byTestId("attach-done", 20000);
    await waitCount(s, "attachment-item", 2, 15000);

    // The new screen: which file is the verslag.
    await (await s.byTestId("verslag-button")).click();
    await s.byTestId("screen-verslag");
    await s.byTestId("verslag-choose");
    await shot(s, "21-verslag-choose");
    await assertAccessible(s, "verslag: choose the file");
    await s.exec(
      `[...document.querySelectorAll('[data-testid^="verslag-file-"]')].find((el) => el.parentElement.textContent.includes('verslag-wpi.txt')).click();`,
    );
    await s.byTestId("verslag-has-text", 15000);
    await (await s.byTestId("verslag-use")).click();
    await waitCount(s, "verslag-sentence", 5, 15000);
    assert.match(await textOf(s, "verslag-file"), /verslag-wpi\.txt/);
    assert.match(await textOf(s, "screen-verslag"), /pijltjestoetsen/, "the screen says how to use the keyboard");
    await waitFor("the text has focus", async () => (await active(s)) === "verslag-text");
    await shot(s, "21-verslag-text");
    await assertAccessible(s, "verslag: the text");

    // 1: "volledig kan werken" — niet gezegd, important, my version.
    await s.keys(ARROW_DOWN);
    await waitFor("cursor on sentence 2", () =>
      s.exec(`return document.querySelectorAll('[data-testid="verslag-sentence"]')[1].getAttribute('aria-selected') === 'true';`),
    );
    await s.keys(Key.ENTER);
    await s.byTestId("statement-form");
    assert.match(await textOf(s, "statement-quote"), /Klant geeft aan dat hij volledig kan werken\./);
    await shot(s, "21-verslag-form");
    await assertAccessible(s, "verslag: judge a sentence");
    await tabTo(s, "statement-cancel");
    await s.keys(Key.ENTER);
    await waitFor("back in the text", async () => (await active(s)) === "verslag-text");
    await judge(s, { downs: 3, important: true, mine: NOT_SAID });
    await waitCount(s, "statement-row", 1, 15000);
    // 2: the jobhunter — klopt niet.
    await s.keys(ARROW_DOWN);
    await judge(s, { downs: 1, mine: WRONG });
    await waitCount(s, "statement-row", 2, 15000);
    // 3: the last paragraph (two sentences, Shift+arrow) — klopt.
    await s.keys(ARROW_DOWN);
    await shiftArrowDown(s);
    await waitFor("two sentences chosen", () =>
      s.exec(`return document.querySelectorAll('[data-testid="verslag-sentence"][aria-selected="true"]').length === 2;`),
    );
    await judge(s, { downs: 0, space: true });
    await waitCount(s, "statement-row", 3, 15000);
    const statuses = await s.exec(`return [...document.querySelectorAll('[data-testid="statement-status"]')].map((el) => el.textContent.trim());`);
    assert.deepEqual(statuses, ["Niet gezegd", "Klopt niet", "Klopt"]);
    const rows = await textOf(s, "statement-list");
    assert.ok(rows.includes(NOT_SAID) && rows.includes("(belangrijk)"), rows);
    assert.ok(rows.includes("Er is gesproken over zijn cv. Klant brengt volgende week zijn bankafschriften."), rows);
    assert.match(await textOf(s, "screen-verslag"), /Hij krijgt 2 punten/);
    await scrollToTestId(s, "statement-list");
    await shot(s, "21-verslag-statements");
    await assertAccessible(s, "verslag: the statements");

    // A mouse selection from the middle of one sentence into the next snaps to both
    // whole sentences (done as the mouse does: a selection, then the button let go).
    await s.exec(
      `const els = document.querySelectorAll('[data-testid="verslag-sentence"]');
       const r = document.createRange();
       r.setStart(els[1].firstChild, 10);
       r.setEnd(els[2].firstChild, 5);
       const sel = window.getSelection();
       sel.removeAllRanges();
       sel.addRange(r);
       document.querySelector('[data-testid="verslag-text"]').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));`,
    );
    await s.byTestId("statement-form");
    await waitFor("the whole sentences quoted", async () =>
      (await textOf(s, "statement-quote")) === "„Klant geeft aan dat hij volledig kan werken. Klant gaat akkoord met een jobhunter.”",
    );
    await (await s.byTestId("statement-cancel")).click();

    // An edit of the entry keeps every statement (the editor does not carry them).
    await (await s.byTestId("back-button")).click();
    await s.byTestId("screen-entry");
    await (await s.byTestId("edit-entry-button")).click();
    await s.byTestId("screen-editor");
    await (await s.byTestId("entry-title")).fill(`${MEETING} (kantoor)`);
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    await waitFor("the new title", async () => (await (await s.byTestId("entry-heading")).text()) === `${MEETING} (kantoor)`);
    await (await s.byTestId("verslag-button")).click();
    await waitCount(s, "statement-row", 3, 15000);

    // In English too.
    await (await s.byTestId("lang-en")).click();
    await waitFor("English", async () => (await textOf(s, "screen-verslag")).includes("Make correction letter"));
    assert.match(await textOf(s, "statement-list"), /Not said/);
    await shot(s, "21-verslag-en");
    await assertAccessible(s, "verslag in English");
    await (await s.byTestId("lang-nl")).click();
    await waitFor("Dutch", async () => (await textOf(s, "screen-verslag")).includes("Maak correctiebrief"));

    // "Maak correctiebrief": the letter screen with correctie chosen and the points filled.
    await (await s.byTestId("verslag-letter")).click();
    await s.byTestId("screen-letter");
    await waitFor("correctie chosen", () => s.exec(`const el = document.querySelector('[data-type="correctie"]'); return !!el && el.checked;`), 15000);
    await (await s.byTestId("letter-next")).click();
    await s.byTestId("profile-name");
    await (await s.byTestId("profile-name")).fill("Fatima el Amrani");
    await (await s.byTestId("profile-address")).fill(`Javaplein 12${Key.ENTER}1094 HH Amsterdam`);
    await (await s.byTestId("letter-next")).click();
    await s.byTestId("letter-blank");
    const onjuist = await s.exec(`return document.querySelector('[data-testid="blank-onjuist"]').value;`);
    assert.ok(onjuist.startsWith("1. In het verslag staat: „Klant geeft aan dat hij volledig kan werken.” Dit is niet gezegd."), onjuist);
    assert.ok(onjuist.includes(`2. In het verslag staat: „Klant gaat akkoord met een jobhunter.” Dit klopt niet. Wat er moet staan: ${WRONG}`), onjuist);
    assert.ok(!onjuist.includes("zijn cv"), "a statement that is right is no point");
    await (await s.byTestId("blank-ontvanger_adres")).fill(`Postbus 2342${Key.ENTER}1000 CH Amsterdam`);
    await shot(s, "21-verslag-letter-blanks");
    await (await s.byTestId("letter-next")).click();
    const preview = await textOf(s, "letter-preview");
    assert.match(preview, /artikel 16/);
    assert.ok(preview.includes(NOT_SAID), preview);
    await shot(s, "21-verslag-letter-preview");
    await assertAccessible(s, "correction letter preview");
    await (await s.byTestId("letter-make")).click();
    await s.byTestId("letter-done", 30000);

    // The bundle: the schedule under the meeting.
    await (await s.byTestId("export-button")).click();
    await s.byTestId("screen-export");
    const pdf = join(app.home, "overzicht.pdf");
    await pickInDialog(s, "export-save-as-button", pdf, "export-path");
    await (await s.byTestId("export-build-button")).click();
    await s.byTestId("export-done", 60000);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const pages = text.split("\f");
    const at = pages.findIndex((p) => p.includes("Verslag van de instantie tegenover mijn versie"));
    assert.ok(at >= 0, "the schedule is in the PDF");
    const page = pages[at];
    const flat = page.replace(/\s+/g, " ");
    for (const want of ["Het verslag zegt", "Klopt het?", "Mijn versie", "Onderbouwing", "Opmerking", "advocaat", "niet gezegd", "(belangrijk)", "klopt niet", "Het verslag is Bijlage 1 (verslag-wpi.txt)"]) {
      assert.ok(flat.includes(want), `${want} in the schedule: ${flat}`);
    }
    const row = page.split("\n").find((l) => l.includes("Klant gaat akkoord met"));
    assert.ok(row && row.includes("klopt niet") && row.includes("Ik wil er eerst over"), `one row reads across: ${row}`);
    mkdirSync(outDir, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(at + 1), "-l", String(at + 1), "-singlefile", pdf, join(outDir, "21-verslag-schedule-page")]);

    // A photo of a verslag: its text is typed over, and kept as typed by the user.
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "call-in", title: "Gebeld door de jobhunter", fields: { "entry-date": daysAgo(2) } });
    const photo = join(app.home, "verslag-foto.png");
    writeFileSync(photo, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64"));
    await pickInDialog(s, "add-file-button", [photo]);
    await s.byTestId("attach-done", 20000);
    await (await s.byTestId("verslag-button")).click();
    await s.byTestId("verslag-typed", 15000);
    await s.byTestId("verslag-photo", 15000);
    await (await s.byTestId("verslag-typed")).fill("Klant wil werken. Klant heeft geen klachten.");
    await waitFor("the text typed", () => s.exec(`return document.querySelector('[data-testid="verslag-typed"]').value.endsWith('klachten.');`));
    await shot(s, "21-verslag-photo-typed");
    await assertAccessible(s, "verslag: a photo's text typed over");
    await (await s.byTestId("verslag-use")).click();
    await waitCount(s, "verslag-sentence", 2, 15000);
    assert.match(await textOf(s, "verslag-typed-note"), /door u overgetypt/);
  } finally {
    await app.close();
  }
});
