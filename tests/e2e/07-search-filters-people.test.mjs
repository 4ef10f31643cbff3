// Search from the header finds an entry by a word in its notes; the timeline's filters
// narrow the list (kind, period) and the order can be reversed; people and
// klantmanager periods are kept, and an entry shows "your klantmanager on that day".
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { createDossier } from "./lib/flows.mjs";
import { addEntry, choose, count, scrollToTestId, textOf, waitCount } from "./lib/entries.mjs";

async function toTimeline(s) {
  await (await s.byTestId("timeline-button")).click();
  await s.byTestId("screen-timeline");
}

async function listed(s) {
  const el = await s.byTestId("timeline-count", 20000);
  return Number(await el.attr("data-count"));
}

test("search, filters and people", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);

    // People first, so a klantmanager period covers the entries below.
    await (await s.byTestId("people-button")).click();
    await s.byTestId("screen-people");
    await (await s.byTestId("person-name")).fill("Anja de Vries");
    await (await s.byTestId("person-role")).fill("klantmanager");
    await (await s.byTestId("person-organisation")).fill("WPI");
    await (await s.byTestId("save-person-button")).click();
    await s.byTestId("person-status", 20000);
    await waitCount(s, "person-item", 1);
    const anja = await (await s.byTestId("person-item")).attr("data-id");
    await choose(s, "km-person", anja);
    await (await s.byTestId("km-from")).fill("1-1-2026");
    await (await s.byTestId("add-km-button")).click();
    await s.byTestId("km-status", 20000);
    assert.match(await textOf(s, "km-item"), /Anja de Vries: van do 1 januari 2026 tot en met nu/);
    await shot(s, "07-people");
    await assertAccessible(s, "people");

    await toTimeline(s);
    await addEntry(s, {
      kind: "letter-in",
      title: "Uitnodiging gesprek over werk",
      fields: { "entry-date": "2-2-2026", "entry-notes": "Neem uw cv mee naar de President Kennedylaan." },
    });
    assert.match(await textOf(s, "entry-klantmanager"), /Anja de Vries/);
    await toTimeline(s);
    await addEntry(s, {
      kind: "call-in",
      title: "Gebeld over jobhunter",
      fields: { "entry-date": "5-3-2026", "entry-asked": "Of ik met een jobhunter wil praten." },
    });
    await toTimeline(s);
    await addEntry(s, { kind: "note", title: "Slecht geslapen", fields: { "entry-date": "6-3-2026" } });
    await toTimeline(s);
    assert.equal(await listed(s), 3);
    assert.equal(await count(s, "month-header"), 2, "March and February");
    const first = await textOf(s, "entry-item");
    assert.match(first, /Slecht geslapen/, "newest first");
    await scrollToTestId(s, "entry-list");
    await shot(s, "07-timeline-three");
    await assertAccessible(s, "timeline with months");

    // Search from the header, with Enter.
    const box = await s.byTestId("search-input");
    await box.click();
    await s.keys("Kennedylaan" + Key.ENTER);
    await s.byTestId("screen-search");
    await waitFor("one result", async () => Number(await (await s.byTestId("search-count")).attr("data-count")) === 1, 20000);
    assert.match(await textOf(s, "search-result"), /Uitnodiging gesprek over werk/);
    await shot(s, "07-search");
    await assertAccessible(s, "search results");
    await (await s.byTestId("search-result")).click();
    await s.byTestId("screen-entry");
    assert.equal(await (await s.byTestId("entry-heading")).text(), "Uitnodiging gesprek over werk");

    // Filters: kind, then a period, then the order.
    await toTimeline(s);
    await (await s.byTestId("filter-toggle")).click();
    await choose(s, "filter-kind", "call-in");
    await (await s.byTestId("filter-apply")).click();
    await waitFor("one call", async () => (await listed(s)) === 1);
    assert.match(await textOf(s, "entry-item"), /Gebeld over jobhunter/);
    await scrollToTestId(s, "timeline-count");
    await shot(s, "07-filter-kind");
    await assertAccessible(s, "timeline filtered");

    await (await s.byTestId("filter-clear")).click();
    await waitFor("all three again", async () => (await listed(s)) === 3);
    await (await s.byTestId("filter-from")).fill("1-3-2026");
    await (await s.byTestId("filter-to")).fill("31-3-2026");
    await choose(s, "filter-order", "oldest");
    await (await s.byTestId("filter-apply")).click();
    await waitFor("two in March", async () => (await listed(s)) === 2);
    assert.match(await textOf(s, "entry-item"), /Gebeld over jobhunter/, "oldest first");

    await (await s.byTestId("filter-from")).fill("1-4-2026");
    await (await s.byTestId("filter-to")).clear();
    await (await s.byTestId("filter-apply")).click();
    await s.byTestId("timeline-no-match", 20000);
    await shot(s, "07-filter-none");
    await assertAccessible(s, "timeline, nothing matches");
  } finally {
    await app.close();
  }
});
