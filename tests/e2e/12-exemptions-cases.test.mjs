// Exemptions, agreements about contact and cases (F7, F8), as in the casebook: a person
// with a medical exemption from work duties is still called about job hunting.
// - An exemption from ~2 months ago to 3 weeks ahead: the Exemptions screen warns
//   (4 weeks before the end) and links the decision letter as its paper.
// - A call today: its detail says "U heeft op deze datum een ontheffing".
// - An agreement "alleen per e-mail" a week ago (the editor's contact-rule field), then
//   that call: the timeline row carries the violation mark, the detail the sentence.
// - A case with the decision and the call, its view in date order, and "export this
//   case" → the Export screen for that case, counting only its entries.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { PASS, typeConfirmGroups } from "./lib/flows.mjs";
import { addEntry, choose, count, scrollToTestId, textOf, waitCount } from "./lib/entries.mjs";

const DECISION = "Besluit ontheffing arbeidsverplichtingen";
const AGREEMENT = "Afspraak: alleen per e-mail";
const CALL = "Gebeld door de jobhunter";
const ASSESSMENT = "Keuring bij de arts";
const CASE = "Uitnodiging ondanks ontheffing";

/** A local calendar day `days` from today, as the user types it (d-m-yyyy). */
function typed(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

/** Welcome → recovery code → confirm → the first screen of the open dossier. */
async function newDossier(s) {
  await s.byTestId("screen-welcome");
  await (await s.byTestId("passphrase")).fill(PASS);
  await (await s.byTestId("passphrase-repeat")).fill(PASS);
  await (await s.byTestId("create-button")).click();
  const code = await (await s.byTestId("recovery-code", 20000)).attr("data-code");
  await (await s.byTestId("continue-button")).click();
  await s.byTestId("screen-confirm-code");
  await typeConfirmGroups(s, code);
  await (await s.byTestId("confirm-button")).click();
  await s.byTestId("timeline-button", 20000);
}

async function toTimeline(s) {
  await (await s.byTestId("timeline-button")).click();
  await s.byTestId("screen-timeline");
}

test("exemption warning and notice, a broken agreement on the timeline, one case exported", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await newDossier(s);
    await toTimeline(s);

    // The decision letter that grants the exemption.
    await addEntry(s, { kind: "decision", title: DECISION, fields: { "entry-date": typed(-60) } });
    // The medical assessment it rests on: private by default.
    await toTimeline(s);
    await addEntry(s, { kind: "medical-assessment", title: ASSESSMENT, fields: { "entry-date": typed(-70) } });

    // The exemption, with that letter as its paper.
    await (await s.byTestId("exemptions-button")).click();
    await s.byTestId("screen-exemptions");
    await s.byTestId("exemptions-empty", 20000);
    await choose(s, "exemption-duty", "work");
    await (await s.byTestId("exemption-from")).fill(typed(-60));
    await (await s.byTestId("exemption-to")).fill(typed(21));
    await (await s.byTestId("exemption-decided-by-input")).fill("klantmanager J. de Vries, WPI");
    await choose(s, "exemption-basis-select", "medical-assessment");
    await (await s.byTestId("exemption-basis-text")).fill("Keuring door de arts");
    await (await s.byTestId("picker-search")).fill("ontheffing");
    await (await s.byTestId("picker-search-button")).click();
    await waitCount(s, "picker-result", 1, 15000);
    await (await s.byTestId("picker-add")).click();
    await waitCount(s, "exemption-form-doc", 1, 5000);
    await (await s.byTestId("picker-search")).fill("keuring");
    await (await s.byTestId("picker-search-button")).click();
    await waitCount(s, "picker-result", 1, 15000);
    assert.match(await textOf(s, "picker-result"), /Medisch \(privé\)/);
    await (await s.byTestId("picker-add")).click();
    await waitCount(s, "exemption-form-doc", 2, 5000);
    await (await s.byTestId("save-exemption-button")).click();
    await s.byTestId("exemption-status", 20000);
    await waitCount(s, "exemption-item", 1, 15000);
    const warning = await s.byTestId("exemption-warning", 15000);
    assert.equal(await warning.attr("data-level"), "four-weeks");
    assert.match(await textOf(s, "exemption-warning"), /Uw ontheffing van de arbeidsverplichtingen loopt af op .+\. Vraag op tijd verlenging aan\./);
    assert.match(await textOf(s, "exemption-days-left"), /Nog 3 weken\./);
    assert.match(await textOf(s, "exemption-item"), /Arbeidsverplichtingen|arbeidsverplichtingen/);
    assert.match(await textOf(s, "exemption-item"), /Geldt nu/);
    assert.match(await textOf(s, "exemption-decided-by"), /klantmanager J\. de Vries, WPI/);
    await waitCount(s, "exemption-doc", 2, 5000);
    const docs = await s.exec(`return [...document.querySelectorAll('[data-testid="exemption-doc"]')].map((d) => d.textContent.replace(/\\s+/g, ' ').trim());`);
    assert.ok(docs.some((d) => d.includes(DECISION) && !d.includes("Medisch")), `the decision: ${docs}`);
    assert.ok(docs.some((d) => d.includes(ASSESSMENT) && d.includes("Medisch (privé)")), `the assessment stays private: ${docs}`);
    await scrollToTestId(s, "screen-exemptions");
    await shot(s, "12-exemptions");
    await assertAccessible(s, "exemptions");

    // The home view warns too, and leads to the exemptions.
    await (await s.byTestId("home-button")).click();
    await s.byTestId("screen-home");
    assert.match(await textOf(s, "exemption-warning"), /Uw ontheffing van de arbeidsverplichtingen loopt af op/);
    await (await s.byTestId("exemption-show")).click();
    await s.byTestId("screen-exemptions");

    // The agreement: from now on only by e-mail.
    await toTimeline(s);
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await choose(s, "entry-kind", "agreement");
    await (await s.byTestId("entry-title")).fill(AGREEMENT);
    await (await s.byTestId("entry-date")).fill(typed(-7));
    await s.byTestId("entry-contact-rule");
    await choose(s, "entry-contact-rule", "email-only");
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    await waitFor("the agreement saved", async () => (await (await s.byTestId("entry-heading")).text()) === AGREEMENT);

    // Still, a phone call today: the exemption and the broken agreement, in one glance.
    await toTimeline(s);
    await addEntry(s, { kind: "call-in", title: CALL, fields: { "entry-date": typed(0), "entry-asked": "Of ik naar een banenmarkt kom." } });
    assert.match(await textOf(s, "exemption-notice"), /U heeft op deze datum een ontheffing \(arbeidsverplichtingen, tot en met .+\)\./);
    assert.match(await textOf(s, "entry-violation"), /Dit contact ging in tegen de afspraak van .+: alleen per e-mail\./);
    await s.byTestId("entry-cases-no-cases");
    await scrollToTestId(s, "entry-heading");
    await shot(s, "12-entry-exemption");
    await assertAccessible(s, "entry with an exemption notice and a broken agreement");

    // The timeline marks the call, in words.
    await toTimeline(s);
    await waitFor("the violation mark on the call's row", async () => (await count(s, "flag-violation")) === 1, 20000);
    const marked = await s.exec(
      `const f = document.querySelector('[data-testid="flag-violation"]');
       const row = f && f.closest('[data-testid="entry-item"]');
       return row ? row.textContent : '';`,
    );
    assert.ok(marked.includes(CALL), `the mark is on the call: ${marked}`);
    assert.match(marked, /Tegen de afspraak/);
    await scrollToTestId(s, "entry-list");
    await shot(s, "12-timeline-violation");
    await assertAccessible(s, "timeline with a violation mark");

    // A case with the decision and the call.
    await (await s.byTestId("cases-button")).click();
    await s.byTestId("screen-cases");
    await s.byTestId("cases-empty", 20000);
    await (await s.byTestId("case-title")).fill(CASE);
    await (await s.byTestId("save-case-button")).click();
    await s.byTestId("case-created", 20000);
    await waitCount(s, "case-item", 1, 15000);
    await assertAccessible(s, "cases");
    await (await s.byTestId("case-open")).click();
    await s.byTestId("screen-case");
    await waitFor("the case heading", async () => (await (await s.byTestId("case-heading")).text()) === CASE);
    await s.byTestId("case-entries-none");
    await (await s.byTestId("picker-search-button")).click();
    await waitCount(s, "picker-result", 4, 15000);
    for (const title of [CALL, DECISION]) {
      const clicked = await s.exec(
        `const item = [...document.querySelectorAll('[data-testid="picker-result"]')].find((li) => li.textContent.includes(arguments[0]));
         if (!item) return false;
         item.querySelector('[data-testid="picker-add"]').click();
         return true;`,
        [title],
      );
      assert.ok(clicked, `added ${title}`);
      await waitFor(`${title} in the case`, async () => (await s.exec(`return document.querySelector('[data-testid="case-entries"]')?.textContent ?? '';`)).includes(title), 15000);
    }
    await waitCount(s, "case-entry", 2, 15000);
    const order = await s.exec(`return [...document.querySelectorAll('[data-testid="case-entry-open"]')].map((b) => b.textContent.trim());`);
    assert.deepEqual(order, [DECISION, CALL], "oldest first");
    // The case shows its deadlines: the decision's objection period (long past here).
    await waitFor("the decision's objection in the case", async () =>
      s.exec(`return !!document.querySelector('[data-testid="case-todos"] [data-testid="todo-item"][data-kind="objection"]');`), 15000);

    // Status change.
    await choose(s, "case-status-select", "objection");
    await (await s.byTestId("case-status-save")).click();
    await waitFor("the status saved", async () => (await textOf(s, "case-summary")).includes("bezwaar gemaakt"), 15000);
    await scrollToTestId(s, "screen-case");
    await shot(s, "12-case-view");
    await assertAccessible(s, "case view");

    // The call now names its case on its detail.
    await (await s.byTestId("case-entry-open")).click();
    await s.byTestId("screen-entry");
    await waitCount(s, "entry-case-item", 1, 15000);
    assert.match(await textOf(s, "entry-case-item"), new RegExp(CASE));
    await (await s.byTestId("entry-case-open")).click();
    await s.byTestId("screen-case");
    await waitCount(s, "case-entry", 2, 15000);

    // Export this case: the Export screen for the case, counting its two entries.
    await (await s.byTestId("case-export-button")).click();
    await s.byTestId("screen-export");
    assert.match(await textOf(s, "export-case"), new RegExp(`U maakt een PDF van één zaak: ${CASE}\\.`));
    await waitFor("the count for the case", async () => (await textOf(s, "export-count")).includes("Registraties in de PDF: 2."), 20000);
    await scrollToTestId(s, "screen-export");
    await shot(s, "12-export-case");
    await assertAccessible(s, "export of one case");

    // "Toch het hele dossier": all entries but the medical one.
    await (await s.byTestId("export-case-clear")).click();
    await s.waitGone(s.testid("export-case"));
    await waitFor("the count for everything", async () => (await textOf(s, "export-count")).includes("Registraties in de PDF: 3."), 20000);
  } finally {
    await app.close();
  }
});
