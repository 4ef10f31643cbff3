// Guided quick capture of a phone call with the keyboard only: the date first, one
// question at a time, a check that names the field of every answer, saved as one entry
// with the person of WPI, what they asked, what I said, what was agreed, the threatened
// cut and the follow-up date; the end screen offers the next step; the timeline shows it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { createDossier, pageText, tabTo } from "./lib/flows.mjs";
import { scrollToTestId, textOf } from "./lib/entries.mjs";

test("quick capture of a phone call, keyboard only", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await shot(s, "05-timeline-empty");
    await assertAccessible(s, "timeline with quick capture");

    await tabTo(s, "quick-call");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-quick-capture");
    // The date first: "vandaag" with Space, Enter goes on.
    await waitFor("the day question focused", async () => (await s.activeTestId()) === "quick-day-today");
    await shot(s, "05-quick-date");
    await assertAccessible(s, "quick capture: date");
    await s.keys(Key.SPACE + Key.ENTER);

    await waitFor("who focused", async () => (await s.activeTestId()) === "quick-who");
    await s.keys("Anja de Vries van WPI");
    await waitFor("who read back", async () => /persoon Anja de Vries, van WPI/.test(await textOf(s, "quick-who-reads")));
    await shot(s, "05-quick-who");
    await assertAccessible(s, "quick capture: who");
    await s.keys(Key.ENTER);

    await waitFor("what they asked focused", async () => (await s.activeTestId()) === "quick-asked");
    assert.match(await (await s.byTestId("quick-progress")).text(), /Vraag 3 van 8/);
    await s.keys("Of ik mijn cv wil sturen" + Key.ENTER);
    await waitFor("what I said focused", async () => (await s.activeTestId()) === "quick-said");
    await s.keys("Ik zei dat ik ziek ben" + Key.ENTER);
    await waitFor("promised focused", async () => (await s.activeTestId()) === "quick-promised");
    await s.keys(Key.ENTER);
    await waitFor("agreed focused", async () => (await s.activeTestId()) === "quick-agreed");
    await s.keys("Alleen contact per e-mail" + Key.ENTER);

    await waitFor("threat focused", async () => (await s.activeTestId()) === "quick-threat-yes");
    await s.keys(Key.SPACE);
    await tabTo(s, "quick-threat-text");
    await s.keys("Anders gaat mijn uitkering omlaag");
    await shot(s, "05-quick-threat");
    await assertAccessible(s, "quick capture: threat");
    await s.keys(Key.ENTER);

    await waitFor("follow-up focused", async () => (await s.activeTestId()) === "quick-follow-up");
    await s.keys("20-12-2026" + Key.ENTER);

    await waitFor("the check step", async () => (await (await s.byTestId("quick-progress")).attr("data-step")) === "check");
    const summary = await textOf(s, "quick-summary");
    assert.match(summary, /Anja de Vries/);
    assert.match(summary, /Organisatie\s*WPI/);
    assert.match(summary, /Wat vroegen of wilden ze\?\s*Of ik mijn cv wil sturen/);
    assert.match(summary, /Wat er gebeurd is\s*Ik zei dat ik ziek ben/);
    assert.match(summary, /Alleen contact per e-mail/);
    assert.match(summary, /20 december 2026/);
    await shot(s, "05-quick-check");
    await assertAccessible(s, "quick capture: check");
    await tabTo(s, "quick-save");
    await s.keys(Key.ENTER);

    // The end screen offers the next step.
    await s.byTestId("quick-saved", 20000);
    await shot(s, "05-quick-saved");
    await assertAccessible(s, "quick capture: saved");
    await tabTo(s, "quick-next-open");
    await s.keys(Key.ENTER);

    await s.byTestId("screen-entry", 20000);
    assert.equal(await (await s.byTestId("entry-heading")).text(), "Gebeld door Anja de Vries");
    const fields = await textOf(s, "entry-fields");
    assert.match(fields, /Of ik mijn cv wil sturen/);
    assert.match(fields, /Alleen contact per e-mail/);
    assert.match(fields, /Anders gaat mijn uitkering omlaag/);
    assert.match(fields, /Anja de Vries/);
    assert.match(fields, /Ik zei dat ik ziek ben/);
    assert.match(await pageText(s), /Dreiging met korting/);
    assert.match(await (await s.byTestId("entry-recorded")).text(), /Vastgelegd op/);
    await shot(s, "05-entry-detail");
    await assertAccessible(s, "entry detail");

    await tabTo(s, "timeline-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-timeline");
    const text = await textOf(s, "entry-item");
    assert.match(text, /Ik ben gebeld/);
    assert.match(text, /Gebeld door Anja de Vries/);
    assert.match(text, /Dreiging met korting/);
    assert.match(text, /Anja de Vries/);
    assert.equal((await s.findAll(s.testid("month-header"))).length, 1);
    await scrollToTestId(s, "entry-list");
    await shot(s, "05-timeline-one-call");
    await assertAccessible(s, "timeline with a call");
  } finally {
    await app.close();
  }
});
