// Guided quick capture of a phone call with the keyboard only: one question at a time,
// a check, saved as one entry with the person, what they asked, what was agreed, the
// threatened cut and the date to act by; it shows on the timeline with its flag.
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
    await tabTo(s, "quick-who");
    await shot(s, "05-quick-who");
    await assertAccessible(s, "quick capture: who");
    await s.keys("Anja de Vries" + Key.ENTER);

    await waitFor("question 2 focused", async () => (await s.activeTestId()) === "quick-what");
    assert.match(await (await s.byTestId("quick-progress")).text(), /Vraag 2 van 5/);
    await s.keys("Of ik mijn cv wil sturen" + Key.ENTER);

    await waitFor("question 3 focused", async () => (await s.activeTestId()) === "quick-agreed");
    await s.keys("Alleen contact per e-mail" + Key.ENTER);

    await waitFor("question 4 focused", async () => (await s.activeTestId()) === "quick-threat-yes");
    await s.keys(Key.SPACE);
    await tabTo(s, "quick-threat-text");
    await s.keys("Anders gaat mijn uitkering omlaag");
    await shot(s, "05-quick-threat");
    await assertAccessible(s, "quick capture: threat");
    await s.keys(Key.ENTER);

    await waitFor("question 5 focused", async () => (await s.activeTestId()) === "quick-act-by");
    await s.keys("20-12-2026" + Key.ENTER);

    await waitFor("the check step", async () => (await (await s.byTestId("quick-progress")).attr("data-step")) === "check");
    const summary = await textOf(s, "quick-summary");
    assert.match(summary, /Anja de Vries/);
    assert.match(summary, /Alleen contact per e-mail/);
    assert.match(summary, /20 december 2026/);
    await shot(s, "05-quick-check");
    await assertAccessible(s, "quick capture: check");
    await tabTo(s, "quick-save");
    await s.keys(Key.ENTER);

    await s.byTestId("screen-entry", 20000);
    assert.equal(await (await s.byTestId("entry-heading")).text(), "Gebeld door Anja de Vries");
    const fields = await textOf(s, "entry-fields");
    assert.match(fields, /Of ik mijn cv wil sturen/);
    assert.match(fields, /Alleen contact per e-mail/);
    assert.match(fields, /Anders gaat mijn uitkering omlaag/);
    assert.match(fields, /Anja de Vries/);
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
