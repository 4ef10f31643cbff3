// E-mail in (F13) from the screen: the user's own address asked once, an .eml and
// two of an mbox's three messages chosen through the (test) dialog, what each becomes
// shown before anything is written, then added at once; the entries are on the
// timeline with the original message attached; the same .eml again is recognised.
// Then an mbox of 150 messages, two of them without a date: each is asked for its own
// day (named by its subject), and the import counts the messages (n of N).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { pickInDialog, createDossier, pageText } from "./lib/flows.mjs";
import { textOf } from "./lib/entries.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../crates/core/tests/fixtures/mail");
const EML = join(FIXTURES, "attached-pdf.eml");
const MBOX = join(FIXTURES, "three.mbox");
const BROKEN = join(FIXTURES, "not-a-mail.eml");

async function openMail(s) {
  await (await s.byTestId("timeline-button")).click();
  await s.byTestId("screen-timeline");
  await (await s.byTestId("mail-button")).click();
  await s.byTestId("screen-mail");
}

async function clickEntry(s, title) {
  const ok = await s.exec(
    `const row = [...document.querySelectorAll('[data-testid="entry-item"]')].find((r) => r.textContent.includes(arguments[0]));
     if (row) row.click();
     return !!row;`,
    [title],
  );
  assert.ok(ok, `an entry "${title}" on the timeline`);
  await s.byTestId("screen-entry", 20000);
}

test("mail: an .eml and two messages of an mbox become entries, once", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await openMail(s);

    // The own address is asked once (it tells e-mail in from e-mail out).
    await (await s.byTestId("mail-own-address")).fill("ik@voorbeeld.nl");
    await shot(s, "20-mail-own-address");
    await assertAccessible(s, "mail (own address)");
    await (await s.byTestId("mail-own-save")).click();
    await waitFor("the own address kept", async () => (await textOf(s, "mail-own-known")).includes("ik@voorbeeld.nl"));

    // A file that is no mail: its own plain message, nothing added.
    await pickInDialog(s, "mail-choose-button", [BROKEN]);
    await (await s.byTestId("mail-plan-button")).click();
    await waitFor("the bad-file message", async () => /not-a-mail\.eml/.test(await textOf(s, "mail-problems").catch(() => "")));
    assert.match(await textOf(s, "error-message"), /Er is niets toegevoegd/);
    await shot(s, "20-mail-bad-file");
    await (await s.byTestId("mail-remove-file")).click();

    // One dialog, two files: the mbox lists its three messages to pick from.
    await pickInDialog(s, "mail-choose-button", [EML, MBOX]);
    await waitFor("the mbox's messages", async () => (await s.findAll(s.testid("mbox-message-3"))).length === 1);
    assert.equal(app.dialog.asked().at(-1).kind, "open-files");
    await (await s.byTestId("mbox-message-1")).click();
    await (await s.byTestId("mbox-message-3")).click();
    await (await s.byTestId("mail-plan-button")).click();
    await s.byTestId("mail-plan", 30000);
    await waitFor("three messages planned", async () => (await s.findAll(s.testid("mail-plan-message"))).length === 3);
    const plan = await textOf(s, "mail-plan");
    assert.match(plan, /Another PDF with/);
    assert.match(plan, /25 HTML \+ embedded image/);
    assert.match(plan, /Doug Sauder/, "the sender is offered as a person");
    await shot(s, "20-mail-plan");
    await assertAccessible(s, "mail (plan)");

    await (await s.byTestId("mail-import-button")).click();
    await s.byTestId("mail-done", 30000);
    assert.match(await textOf(s, "mail-done"), /3 e-mails toegevoegd/);
    await shot(s, "20-mail-done");
    await assertAccessible(s, "mail (done)");

    // On the timeline, each with the original message attached.
    await (await s.byTestId("mail-timeline-button")).click();
    await s.byTestId("screen-timeline");
    await waitFor("the mails on the timeline", async () => {
      const text = await pageText(s);
      return text.includes("Another PDF with") && text.includes("25 HTML + embedded image") && text.includes("Die Hasen und die Fr");
    });
    await shot(s, "20-mail-timeline");
    await clickEntry(s, "Another PDF with");
    await waitFor("the original among the attachments", async () => (await textOf(s, "attachment-list").catch(() => "")).includes("attached-pdf.eml"));
    await shot(s, "20-mail-entry");

    // The same .eml again: recognised, nothing added twice.
    await openMail(s);
    await pickInDialog(s, "mail-choose-button", [EML]);
    await (await s.byTestId("mail-plan-button")).click();
    await s.byTestId("mail-plan", 30000);
    await waitFor("the already-there line", async () => /staat al in uw dossier/.test(await textOf(s, "mail-already").catch(() => "")));
    assert.equal((await s.findAll(s.testid("mail-import-button"))).length, 0, "nothing new to add");
    await shot(s, "20-mail-already-there");
    await assertAccessible(s, "mail (already there)");
  } finally {
    await app.close();
  }
});

/** An mbox of `n` messages; those numbered in `undated` have no Date header. */
function bigMbox(n, undated) {
  let text = "";
  for (let i = 1; i <= n; i++) {
    text += `From klantmanager@wpi.nl Mon Mar  2 10:00:00 2026\n`;
    text += `From: Mw. de Vries <klantmanager@wpi.nl>\nTo: ik@voorbeeld.nl\nSubject: Bericht ${i}\nMessage-ID: <bericht-${i}@wpi.nl>\n`;
    if (!undated.includes(i)) text += `Date: Mon, 2 Mar 2026 10:${String(i % 60).padStart(2, "0")}:00 +0100\n`;
    text += `\nDit is bericht ${i}.\n\n`;
  }
  const file = join(mkdtempSync(join(tmpdir(), "dk-e2e-mbox-")), "wpi-2026.mbox");
  writeFileSync(file, text);
  return file;
}

test("mail: each message without a date gets its own day; the import counts the messages", async () => {
  const app = await launch();
  const s = app.session;
  const N = 150;
  try {
    await createDossier(s);
    await openMail(s);
    await (await s.byTestId("mail-own-address")).fill("ik@voorbeeld.nl");
    await (await s.byTestId("mail-own-save")).click();
    await s.byTestId("mail-own-known");

    await pickInDialog(s, "mail-choose-button", [bigMbox(N, [2, 5])]);
    await waitFor("the mbox's messages", async () => (await s.findAll(s.testid(`mbox-message-${N}`))).length === 1);
    await s.exec(`document.querySelectorAll('input[data-testid^="mbox-message-"]').forEach((el) => { if (!el.checked) el.click(); });`);
    await (await s.byTestId("mail-plan-button")).click();

    // Both undated messages are asked about, each by its own subject.
    await waitFor("two day fields", async () => (await s.findAll(s.testid("mail-date"))).length === 2, 60000);
    const labels = await s.exec(`return [...document.querySelectorAll('[data-testid="mail-date-field"] label')].map((l) => l.textContent.trim());`);
    assert.match(labels[0], /"Bericht 2" verstuurd\? \(wpi-2026\.mbox #2\)/);
    assert.match(labels[1], /"Bericht 5" verstuurd\? \(wpi-2026\.mbox #5\)/);
    assert.match(await textOf(s, "error-message"), /Een paar e-mails hebben geen datum/);
    await s.exec(`document.querySelector('[data-testid="mail-dates"]').scrollIntoView({ block: 'center' });`);
    await shot(s, "20-mail-dates");
    await assertAccessible(s, "mail (a day for each message)");

    // One day only: the other one is named, nothing is read yet.
    const fields = await s.findAll(s.testid("mail-date"));
    await fields[0].fill("27-2-2026");
    await (await s.byTestId("mail-plan-button")).click();
    await waitFor("the second day asked", () =>
      s.exec(`return !!document.querySelector('[data-source="wpi-2026.mbox #5"] .field-error');`),
    );
    assert.equal(await s.exec(`return !!document.querySelector('[data-source="wpi-2026.mbox #2"] .field-error');`), false);
    await fields[1].fill("28-2-2026");
    await (await s.byTestId("mail-plan-button")).click();
    await s.byTestId("mail-plan", 60000);
    await waitFor(`${N} messages planned`, async () => (await s.findAll(s.testid("mail-plan-message"))).length === N, 30000);
    const planned = await s.exec(
      `return [...document.querySelectorAll('[data-testid="mail-plan-message"]')].map((el) => el.textContent.replace(/\\s+/g, ' ').trim()).filter((t) => /^Bericht [25] /.test(t));`,
    );
    assert.equal(planned.length, 2, JSON.stringify(planned));
    assert.match(planned.find((t) => t.startsWith("Bericht 2 ")), /vr 27 februari 2026/);
    assert.match(planned.find((t) => t.startsWith("Bericht 5 ")), /za 28 februari 2026/);

    // The import counts: record every state of the progress bar while it runs.
    await s.exec(
      `window.__seen = [];
       const note = () => {
         const bar = document.querySelector('[data-testid="mail-progress"]');
         const label = document.querySelector('[data-testid="mail-progress-label"]');
         if (bar) window.__seen.push({ done: bar.getAttribute('data-done'), total: bar.getAttribute('data-total'), max: bar.getAttribute('max'), label: label ? label.textContent.trim() : '' });
       };
       window.__watch = new MutationObserver(note);
       window.__watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });`,
    );
    await (await s.byTestId("mail-import-button")).click();
    await s.byTestId("mail-done", 120000);
    const seen = await s.exec(`window.__watch.disconnect(); return window.__seen;`);
    assert.match(await textOf(s, "mail-done"), new RegExp(`${N} e-mails toegevoegd`));
    const counted = seen.filter((x) => x.total === String(N));
    assert.ok(counted.length > 0, `the bar counted the ${N} messages: ${JSON.stringify(seen.slice(0, 5))}`);
    assert.ok(counted.every((x) => x.max === String(N)), "a determinate bar: max is N");
    assert.ok(counted.some((x) => new RegExp(`^\\d+ van ${N} e-mails (gelezen|toegevoegd)$`).test(x.label)), JSON.stringify(counted.slice(0, 3)));
    const dones = counted.map((x) => Number(x.done));
    assert.ok(dones.some((d) => d > 0 && d < N), `a count on the way: ${dones.slice(0, 10)}`);
    await shot(s, "20-mail-many-done");
  } finally {
    await app.close();
  }
});
