// E-mail in (F13) from the screen: the user's own address asked once, an .eml and
// two of an mbox's three messages chosen through the (test) dialog, what each becomes
// shown before anything is written, then added at once; the entries are on the
// timeline with the original message attached; the same .eml again is recognised.
import { test } from "node:test";
import assert from "node:assert/strict";
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
