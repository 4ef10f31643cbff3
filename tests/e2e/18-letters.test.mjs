// Letters from an entry (F12): from an empty dossier a decision is logged, "Brief
// maken" → bezwaarschrift chosen by keyboard, the user's details and the missing blank
// asked first, two grounds (one picked from what the dossier suggests, moved up with
// Alt+Arrow), a preview, a PDF made as a draft letter; the letter marked sent with a
// proof of sending (attached the ordinary way), so its link becomes "bezwaar tegen" and
// the decision's objection to-do is done; "verstuurd" is undone from the undo bar (a
// draft again) and done again. A glossary word in the letter kinds' explanations opens
// in place by keyboard; the objection sends along an exhibit picked by its number in
// the overview. An inzage letter then finds the agency's address remembered and puts
// its one-month to-do on the home view. The PDFs are read back from `dossier export-json` and checked
// with pdftotext; page 1 is rendered with pdftoppm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { appBinary, launch, outDir, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor, Key } from "./lib/webdriver.mjs";
import { createDossier, lock, pageText, pickInDialog, PASS, tabTo, unlock } from "./lib/flows.mjs";
import { addEntry, choose, textOf, waitCount, scrollToTestId } from "./lib/entries.mjs";

const DECISION = "Besluit verlaging bijstand";
const KENMERK = "WPI/2026/4711";
const ORG = "WPI Amsterdam";
const MEETING = "Gesprek met klantmanager";
const AGREED = "Ik hoef tot 1 februari niet te solliciteren.";
const NAME = "Fatima el Amrani";
const OWN_GROUND = "De verlaging is te hoog: ik heb mij aan alle afspraken gehouden.";
const ARROW_DOWN = "\uE015";
const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** Today plus `days` (months too) on this computer's calendar. */
function day(days, months = 0) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + months, now.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return {
    iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    input: `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`,
    nl: `${d.getDate()} ${MONTHS_NL[d.getMonth()]} ${d.getFullYear()}`,
  };
}

async function altArrowUp(s) {
  const ALT = "\uE00A";
  const UP = "\uE013";
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "key",
        id: "kbd",
        actions: [
          { type: "keyDown", value: ALT },
          { type: "keyDown", value: UP },
          { type: "keyUp", value: UP },
          { type: "keyUp", value: ALT },
        ],
      },
    ],
  });
}

function values(s, testid) {
  return s.exec(`return [...document.querySelectorAll('[data-testid="${testid}"]')].map((el) => el.value);`);
}

async function next(s) {
  await (await s.byTestId("letter-next")).click();
}

/** The letter-out attachments' bytes, read with the CLI while the app has the dossier locked. */
function letterFiles(dir, home) {
  const cli = process.env.DOSSIER_CLI || join(dirname(appBinary()), "dossier");
  const json = join(home, `export-${Date.now()}.json`);
  execFileSync(cli, ["export-json", dir, json, "--with-attachments"], { env: { ...process.env, DOSSIER_PASSPHRASE: PASS }, encoding: "utf8" });
  const data = JSON.parse(readFileSync(json, "utf8"));
  const files = [];
  for (const e of data.entries) {
    if (e.kind !== "letter-out") continue;
    for (const a of e.attachments) files.push({ entry: e, name: a.filename, bytes: Buffer.from(a.data_base64, "base64") });
  }
  return files;
}

test("letters: a bezwaarschrift as PDF from a decision, marked sent; an inzage letter's to-do", async () => {
  const app = await launch();
  const s = app.session;
  // A new dossier is always "Dossierkluis" inside the folder picked in the dialog.
  const dir = join(app.home, "Dossierkluis");
  const decided = day(-10);
  try {
    await createDossier(s, { dir });
    await addEntry(s, {
      kind: "decision",
      title: DECISION,
      fields: { "entry-date": decided.input, "entry-kenmerk": KENMERK, "entry-organisation": ORG },
    });
    // A meeting about it, linked to the decision: the dossier then suggests it as a ground.
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "meeting", title: MEETING, fields: { "entry-date": day(-20).input, "entry-agreed": AGREED } });
    // A note of the meeting: exhibit 1 of the overview, offered as an enclosure.
    const note = join(app.home, "notitie-gesprek.txt");
    writeFileSync(note, "Afgesproken: niet solliciteren tot 1 februari.\n");
    await pickInDialog(s, "add-file-button", [note]);
    await s.byTestId("attach-done", 20000);
    await choose(s, "link-kind", "same-decision");
    await (await s.byTestId("link-search")).fill("verlaging");
    await (await s.byTestId("link-search-button")).click();
    await waitCount(s, "link-result", 1, 15000);
    await (await s.byTestId("link-result")).click();
    await (await s.byTestId("link-button")).click();
    await waitCount(s, "link-item", 1, 15000);
    await (await s.byTestId("link-open")).click();
    await waitFor("the decision opened", async () => (await (await s.byTestId("entry-heading")).text()) === DECISION);

    // "Brief maken": the kinds with their explanations; the ingebrekestelling is not offered, calmly.
    await (await s.byTestId("make-letter-button")).click();
    await s.byTestId("screen-letter");
    await waitCount(s, "letter-type", 4, 15000);
    const types = await s.exec(`return [...document.querySelectorAll('[data-testid="letter-type"]')].map((el) => el.getAttribute('data-type'));`);
    assert.deepEqual(types, ["inzage", "voorlopig-bezwaar", "bezwaar", "correctie"], "the letters a decision offers, in core's order");
    assert.ok(!types.includes("ingebrekestelling"), "no ingebrekestelling before the decision period passed");
    assert.ok(!types.some((t) => /uitstel/.test(t)), "never a request to extend the objection period");
    assert.match(await textOf(s, "letter-not-offered"), /ingebrekestelling/i);
    await shot(s, "18-letter-types");
    await scrollToTestId(s, "letter-not-offered");
    await shot(s, "18-letter-not-offered");
    await assertAccessible(s, "letter: choose the kind");

    // A glossary word in an explanation opens in place, by keyboard, and Esc brings
    // focus back to it.
    const word = await s.exec(
      `const b = document.querySelector('.letter-types [data-testid="term-link"]');
       if (!b) return null;
       b.focus();
       return b.getAttribute('data-term');`,
    );
    assert.ok(word, "a glossary word in the letter kinds' explanations is a button");
    await s.keys(Key.ENTER);
    await waitFor("the explanation dialog", () => s.exec(`return document.querySelector('[data-testid="glossary-dialog"]')?.open === true;`), 5000);
    assert.ok((await textOf(s, "glossary-dialog-text")).length > 10, "the word is explained");
    await shot(s, "18-letter-word-dialog");
    await s.keys(Key.ESCAPE);
    await waitFor("the dialog to close", async () => !(await s.exec(`return document.querySelector('[data-testid="glossary-dialog"]')?.open === true;`)), 5000);
    assert.equal(await s.exec(`return document.activeElement.getAttribute('data-term');`), word, "focus back on the word");

    // By keyboard: Tab to the first kind, arrows to the bezwaarschrift, Tab to "Verder", Enter.
    await tabTo(s, "letter-type");
    const first = await s.exec(`return document.activeElement.getAttribute('data-type');`);
    const steps = types.indexOf("bezwaar") - types.indexOf(first);
    await s.keys(first === "bezwaar" ? Key.SPACE : ARROW_DOWN.repeat(steps));
    await waitFor("bezwaar chosen", () => s.exec(`return document.querySelector('[data-type="bezwaar"]').checked;`));
    await tabTo(s, "letter-next");
    await s.keys(Key.ENTER);

    // The user's own details first (the profile is empty), remembered for next time.
    await s.byTestId("profile-name");
    await assertAccessible(s, "letter: your details");
    await (await s.byTestId("profile-name")).fill(NAME);
    await (await s.byTestId("profile-address")).fill(`Javaplein 12${Key.ENTER}1094 HH Amsterdam`);
    await (await s.byTestId("profile-email")).fill("fatima@example.nl");
    await next(s);

    // The blanks: what is missing first; the organisation comes from the decision.
    await s.byTestId("letter-blank");
    const keys = await s.exec(`return [...document.querySelectorAll('[data-testid="letter-blank"]')].map((el) => el.getAttribute('data-key'));`);
    assert.equal(keys[0], "ontvanger_adres", `the missing blank is asked first: ${keys}`);
    assert.equal(await s.exec(`return document.querySelector('[data-testid="blank-ontvanger"]').value;`), ORG);
    await (await s.byTestId("blank-ontvanger_adres")).fill(`Postbus 2342${Key.ENTER}1000 CH Amsterdam`);
    await shot(s, "18-letter-blanks");
    await assertAccessible(s, "letter: blanks");
    await next(s);

    // Grounds: one of our own, one picked from the suggestions, moved up by keyboard.
    await s.byTestId("grounds-editor");
    await (await s.byTestId("ground-text")).fill(OWN_GROUND);
    await waitCount(s, "ground-suggestion", 1, 15000);
    assert.match(await textOf(s, "ground-suggestion"), new RegExp(MEETING));
    await (await s.byTestId("ground-suggestion-use")).click();
    await waitCount(s, "ground-text", 2, 15000);
    await s.exec(`document.querySelectorAll('[data-testid="ground-text"]')[1].focus();`);
    await altArrowUp(s);
    await waitFor("the suggestion moved to reason 1", async () => (await values(s, "ground-text"))[1] === OWN_GROUND);
    const grounds = await values(s, "ground-text");
    assert.match(grounds[0], new RegExp(MEETING));
    assert.match(await s.exec(`return document.querySelector('[data-testid="grounds-status"]').textContent;`), /plek 1/);
    await shot(s, "18-letter-grounds");
    await assertAccessible(s, "letter: grounds");
    await next(s);

    // Enclosures: the overview's exhibits, ticked by keyboard.
    await s.byTestId("letter-enclosures");
    await waitCount(s, "letter-enclosure", 1, 15000);
    assert.match(await textOf(s, "letter-enclosures"), /Bijlage 1: notitie-gesprek\.txt \(Gesprek met klantmanager/);
    await tabTo(s, "letter-enclosure");
    await s.keys(Key.SPACE);
    await waitFor("exhibit 1 ticked", () => s.exec(`return document.querySelector('[data-testid="letter-enclosure"]').checked;`));
    await shot(s, "18-letter-enclosures");
    await assertAccessible(s, "letter: enclosures");
    await next(s);

    // The preview: the letter in Dutch, with the kenmerk, the decision's date and the numbered grounds.
    const preview = await textOf(s, "letter-preview");
    assert.ok(preview.includes(KENMERK), "kenmerk in the preview");
    assert.ok(preview.includes(decided.nl), `decision date ${decided.nl} in the preview`);
    assert.match(preview, /1\. Op .*Gesprek met klantmanager/);
    assert.ok(preview.includes(`2. ${OWN_GROUND}`));
    assert.match(preview, /Bijlagen:.*2\. Bijlage 1 uit mijn dossieroverzicht: notitie-gesprek\.txt \(Gesprek met klantmanager/);
    await shot(s, "18-letter-preview");
    await assertAccessible(s, "letter: preview");
    assert.equal(await s.exec(`return document.querySelector('[data-format="pdf"]').checked;`), true, "PDF by default");
    await (await s.byTestId("letter-make")).click();
    await s.byTestId("letter-done", 30000);
    assert.match(await textOf(s, "letter-done-text"), /concept/);
    assert.match(await textOf(s, "letter-done-text"), /bezwaar-\d{4}-\d{2}-\d{2}\.pdf/);
    await shot(s, "18-letter-done");
    await assertAccessible(s, "letter: made");

    // The draft letter: linked "same decision" until it is marked sent.
    await (await s.byTestId("letter-open")).click();
    await s.byTestId("letter-sent");
    await waitFor("the letter entry", async () => /Bezwaarschrift aan/.test(await (await s.byTestId("entry-heading")).text()));
    await waitCount(s, "link-item", 1, 15000);
    const draftLink = await textOf(s, "link-item");
    assert.ok(!/bezwaar tegen/i.test(draftLink), `a draft is not yet the objection: ${draftLink}`);
    await assertAccessible(s, "letter entry (draft)");

    // Proof of sending picked in the file dialog behind "Bewijs toevoegen" (the entry's
    // own attach route, answered by the test dialog hook), then "verstuurd".
    const proof = join(app.home, "bonnetje-aangetekend.txt");
    writeFileSync(proof, "Aangetekend verzonden, barcode 3SABCD1234567\n");
    await pickInDialog(s, "sent-proof-button", [proof]);
    await s.byTestId("attach-done", 15000);
    await s.byTestId("sent-proof-added", 15000);
    await waitFor("the proof in the attachments", async () =>
      /bonnetje-aangetekend\.txt/.test(await s.exec(`return [...document.querySelectorAll('[data-testid="attachment-item"]')].map((el) => el.textContent).join(' ');`)),
    15000);
    await (await s.byTestId("sent-how-aangetekend")).click();
    await scrollToTestId(s, "letter-sent");
    await shot(s, "18-letter-sent-form");
    await assertAccessible(s, "letter: mark sent");
    await (await s.byTestId("sent-button")).click();
    await s.byTestId("sent-summary", 15000);
    assert.match(await textOf(s, "sent-summary"), /Verstuurd op .*Aangetekend/);
    await waitFor("the link became the objection", async () => /bezwaar tegen/i.test(await textOf(s, "link-item")), 15000);
    await scrollToTestId(s, "letter-sent");
    await shot(s, "18-letter-sent");
    await assertAccessible(s, "letter entry (sent)");

    // "Verstuurd" is undone like any change: a draft again, the link back to "same
    // decision"; then it is marked sent once more.
    await waitFor("the undo bar names the sending", async () => (await (await s.byTestId("undo-last")).attr("data-kind")) === "letter-sent", 15000);
    assert.match(await textOf(s, "undo-last"), /brief als verstuurd gemeld/);
    await (await s.byTestId("undo-button")).click();
    await s.byTestId("undo-status", 15000);
    await s.byTestId("sent-button", 15000);
    await waitFor("the link is the draft's again", async () => !/bezwaar tegen/i.test(await textOf(s, "link-item")), 15000);
    assert.equal((await s.findAll(s.testid("sent-summary"))).length, 0, "not sent any more");
    await scrollToTestId(s, "letter-sent");
    await shot(s, "18-letter-sent-undone");
    await assertAccessible(s, "letter entry (sending undone)");
    await (await s.byTestId("sent-how-aangetekend")).click();
    await (await s.byTestId("sent-button")).click();
    await s.byTestId("sent-summary", 15000);
    await waitFor("the link became the objection again", async () => /bezwaar tegen/i.test(await textOf(s, "link-item")), 15000);
    // The decision's objection to-do is done by it.
    await (await s.byTestId("link-open")).click();
    await waitFor("the decision opened", async () => (await (await s.byTestId("entry-heading")).text()) === DECISION);
    await waitFor("objection to-do done", () =>
      s.exec(`const el = document.querySelector('[data-testid="entry-todos"] [data-kind="objection"]'); return !!el && el.getAttribute('data-state') === 'done';`),
    15000);

    // An inzage letter: the profile is remembered (not asked again), a one-month to-do.
    await (await s.byTestId("make-letter-button")).click();
    await s.byTestId("screen-letter");
    // In the English UI the explanations are English, with the letter's Dutch title beside.
    await (await s.byTestId("lang-en")).click();
    await waitFor("English explanations", async () => (await textOf(s, "screen-letter")).includes("In Dutch: Inzageverzoek (AVG)"));
    assert.match(await textOf(s, "screen-letter"), /Request to see your personal data/);
    await scrollToTestId(s, "screen-letter");
    await shot(s, "18-letter-types-en");
    await assertAccessible(s, "letter kinds in English");
    await (await s.byTestId("lang-nl")).click();
    await waitFor("Dutch again", async () => (await textOf(s, "screen-letter")).includes("Welke brief wilt u maken?"));
    await (await s.byTestId("letter-type")).click();
    assert.equal(await s.exec(`return document.querySelector('[data-type="inzage"]').checked;`), true);
    await next(s);
    await s.byTestId("letter-blank");
    assert.equal(await s.exec(`return !!document.querySelector('[data-testid="profile-name"]');`), false, "details remembered");
    // The agency's address, typed for the objection, is there already.
    assert.equal(await s.exec(`return document.querySelector('[data-testid="blank-ontvanger_adres"]').value;`), "Postbus 2342\n1000 CH Amsterdam");
    await s.byTestId("letter-address-remembered");
    const inzageKeys = await s.exec(`return [...document.querySelectorAll('[data-testid="letter-blank"]')].map((el) => el.getAttribute('data-key'));`);
    assert.notEqual(inzageKeys[0], "ontvanger_adres", "not asked first any more");
    await scrollToTestId(s, "letter-address-remembered");
    await shot(s, "18-letter-address-remembered");
    await assertAccessible(s, "letter: remembered address");
    await next(s);
    const inzage = await textOf(s, "letter-preview");
    assert.match(inzage, /artikel 15/);
    assert.ok(inzage.includes(NAME));
    await (await s.byTestId("letter-make")).click();
    await s.byTestId("letter-done", 30000);
    await waitCount(s, "letter-done-todos", 1, 5000);
    const month = day(0, 1);
    await shot(s, "18-inzage-done");
    await assertAccessible(s, "inzage made");
    await (await s.byTestId("home-button")).click();
    await s.byTestId("screen-home");
    await waitFor("the inzage to-do on the home view", () =>
      s.exec(`return [...document.querySelectorAll('[data-testid="todo-item"]')].some((el) => /Inzageverzoek/.test(el.textContent));`),
    15000);
    const home = await s.exec(
      `return [...document.querySelectorAll('[data-testid="todo-item"]')].map((el) => el.textContent.replace(/\\s+/g, ' ').trim()).find((t) => /Inzageverzoek/.test(t)) || '';`,
    );
    const monthDay = `${Number(month.iso.slice(8))} ${MONTHS_NL[Number(month.iso.slice(5, 7)) - 1]}`;
    assert.ok(home.includes(monthDay), `one month after today (${monthDay}) in: ${home}`);
    await waitFor("the home view loaded", async () => !(await pageText(s)).includes("Even geduld"), 15000);
    // Scrolled there and two frames painted, so the screenshot shows the list.
    await scrollToTestId(s, "todos-open");
    await shot(s, "18-home-inzage-todo");
    await assertAccessible(s, "home with the inzage to-do");

    // The PDFs as made, read back with the CLI while the app has the dossier locked.
    await lock(s);
    const files = letterFiles(dir, app.home);
    const pdf = files.find((f) => /^bezwaar-.*\.pdf$/.test(f.name));
    assert.ok(pdf, `the bezwaar PDF is attached: ${files.map((f) => f.name)}`);
    assert.ok(files.some((f) => f.name === "bonnetje-aangetekend.txt"), "the proof of sending is attached to the letter");
    mkdirSync(outDir, { recursive: true });
    const pdfPath = join(outDir, "18-bezwaar.pdf");
    writeFileSync(pdfPath, pdf.bytes);
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
    assert.ok(text.includes(KENMERK), "kenmerk in the PDF");
    assert.ok(text.includes(decided.nl), `decision date ${decided.nl} in the PDF`);
    assert.ok(text.includes(NAME), "name in the PDF");
    assert.match(text, /Javaplein 12\s*\n\s*1094 HH Amsterdam/, "the address on two lines");
    assert.match(text, /Postbus 2342\s*\n\s*1000 CH Amsterdam/, "the agency's address on two lines");
    assert.ok(text.includes(`Amsterdam, ${day(0).nl}`), "place and date");
    assert.match(text, /1\. Op /);
    assert.ok(text.replace(/\s+/g, " ").includes(`2. ${OWN_GROUND}`), "the own ground as point 2");
    assert.ok(text.replace(/\s+/g, " ").includes(AGREED), "the picked ground with what was agreed");
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdfPath, join(outDir, "18-bezwaar-page1")]);
    await unlock(s);
    await s.byTestId("screen-home", 20000);
  } finally {
    await app.close();
  }
});
