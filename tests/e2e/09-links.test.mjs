// Links between entries: a letter marked as the objection against a decision, found
// with the search field of the "Koppel aan een ander item" form. Both entries say so
// in plain words, the letter's history shows the new version, and unlinking (after a
// confirmation) takes the link away again.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { createDossier } from "./lib/flows.mjs";
import { addEntry, choose, count, textOf, waitCount, scrollToTestId } from "./lib/entries.mjs";

const DECISION = "Besluit opschorting bijstand";
const LETTER = "Mijn bezwaarschrift";

/** The text of the newest version in the history list. */
function lastHistoryText(s) {
  return s.exec(
    `const items = document.querySelectorAll('[data-testid="history-item"]');
     const last = items[items.length - 1];
     return last ? last.textContent.replace(/\\s+/g, ' ').trim() : '';`,
  );
}

test("link a letter as the objection against a decision, see it on both, unlink", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);

    await addEntry(s, { kind: "decision", title: DECISION, fields: { "entry-date": "2-3-2026" } });
    await s.byTestId("links-none");
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "letter-out", title: LETTER, fields: { "entry-date": "9-3-2026" } });
    await s.byTestId("links-none");
    const versionsBefore = await count(s, "history-item");

    // Choosing nothing is refused with a message.
    await (await s.byTestId("link-button")).click();
    assert.match(await textOf(s, "link-error"), /Kies eerst het andere item/);

    // The form: kind, search, choose the decision, link.
    await choose(s, "link-kind", "objection-against");
    await (await s.byTestId("link-search")).fill("opschorting");
    await (await s.byTestId("link-search-button")).click();
    await waitCount(s, "link-result", 1, 15000);
    const result = await s.byTestId("link-result");
    await result.click();
    await shot(s, "09-link-form");
    await assertAccessible(s, "entry with the link form and search results");
    await (await s.byTestId("link-button")).click();
    await waitCount(s, "link-item", 1, 15000);
    assert.equal(await (await s.byTestId("link-item")).attr("data-direction"), "outgoing");
    assert.match(await textOf(s, "link-item"), new RegExp(`Dit is het bezwaar tegen ${DECISION}`));
    assert.match(await textOf(s, "link-status"), /De koppeling is gemaakt/);

    // The history shows the new version, with the reason.
    await waitCount(s, "history-item", versionsBefore + 1, 15000);
    assert.match(await lastHistoryText(s), /koppeling toegevoegd/);
    await scrollToTestId(s, "links-section");
    await shot(s, "09-letter-linked");
    await assertAccessible(s, "letter with a link");

    // The decision says it from its side.
    await (await s.byTestId("link-open")).click();
    await waitFor("the decision opened", async () => (await (await s.byTestId("entry-heading")).text()) === DECISION);
    await waitCount(s, "link-item", 1, 15000);
    assert.equal(await (await s.byTestId("link-item")).attr("data-direction"), "incoming");
    assert.match(await textOf(s, "link-item"), new RegExp(`Bezwaar hiertegen: ${LETTER}`));
    await scrollToTestId(s, "links-section");
    await shot(s, "09-decision-linked");
    await assertAccessible(s, "decision with a link");

    // Unlink asks first; "no" keeps the link.
    await (await s.byTestId("unlink-button")).click();
    assert.match(await textOf(s, "unlink-confirm"), /Weet u het zeker/);
    await shot(s, "09-unlink-confirm");
    await assertAccessible(s, "unlink confirmation");
    await (await s.byTestId("unlink-no")).click();
    await s.waitGone(s.testid("unlink-confirm"));
    assert.equal(await count(s, "link-item"), 1);

    // Back to the letter and unlink there: gone on both sides, history keeps it.
    await (await s.byTestId("link-open")).click();
    await waitFor("the letter opened", async () => (await (await s.byTestId("entry-heading")).text()) === LETTER);
    await waitCount(s, "link-item", 1, 15000);
    const versionsLinked = await count(s, "history-item");
    await (await s.byTestId("unlink-button")).click();
    await (await s.byTestId("unlink-yes")).click();
    await s.byTestId("links-none", 15000);
    assert.match(await textOf(s, "link-status"), /De koppeling is losgemaakt/);
    await waitCount(s, "history-item", versionsLinked + 1, 15000);
    assert.match(await lastHistoryText(s), /koppeling verwijderd/);
    await assertAccessible(s, "letter after unlinking");
  } finally {
    await app.close();
  }
});
