// The timeline is virtual: with hundreds of entries only the rows in view are in the
// page, month headers group them, rows are fetched as they scroll into view, and the
// keyboard (End, Home, arrows) reaches every row; coming back from an entry keeps
// the place in the list.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { createDossier, lock, unlock, openTimeline } from "./lib/flows.mjs";
import { count, textOf, scrollToTestId } from "./lib/entries.mjs";

const N = 400;

/** Seeds entries through the app's own IPC (test setup only; the UI never does this). */
async function seed(s, n) {
  const result = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     const n = arguments[0];
     (async () => {
       for (let i = 0; i < n; i++) {
         const day = new Date(Date.UTC(2024, 0, 1) + i * 2 * 86400000).toISOString().slice(0, 10);
         await window.__TAURI_INTERNALS__.invoke("save_entry", {
           id: null,
           reason: "",
           fields: {
             kind: i % 3 === 0 ? "letter-in" : i % 3 === 1 ? "call-in" : "note",
             occurredOn: day, occurredTime: null, title: "Item " + (i + 1), notes: "Zin nummer " + (i + 1),
             asked: "", promised: "", agreed: "", organisation: "WPI", place: "", channel: "", kenmerk: "",
             companions: "", threat: i % 10 === 0, threatText: "", followUpOn: null, medical: i % 25 === 0,
             letterDated: null, sentOn: null, receivedOn: null, tags: [], people: [],
           },
         });
       }
       return "ok";
     })().then(done, (e) => done("error: " + JSON.stringify(e)));`,
    [n],
  );
  assert.equal(result, "ok");
}

test("hundreds of entries: only visible rows in the page, every row reachable", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await seed(s, N);
    // Reopen so the timeline loads them from scratch.
    await lock(s);
    await unlock(s);
    await openTimeline(s);
    const total = await waitFor("the count", async () => Number(await (await s.byTestId("timeline-count")).attr("data-count")), 20000);
    assert.equal(total, N);
    // The count arrives before the first page of rows is drawn: wait for rows.
    const rows = await waitFor("the first rows", async () => count(s, "entry-item"), 20000);
    assert.ok(rows > 0 && rows < 40, `only visible rows in the DOM, got ${rows}`);
    assert.match(await textOf(s, "entry-item"), new RegExp(`Item ${N}\\b`), "newest first");
    assert.ok((await count(s, "month-header")) >= 1);
    await scrollToTestId(s, "entry-list");
    await shot(s, "08-timeline-many");
    await assertAccessible(s, "timeline with many entries");

    // Keyboard: End jumps to the oldest entry (fetched on demand), Home back.
    await (await s.byTestId("entry-item")).click();
    await s.byTestId("screen-entry");
    assert.equal(await (await s.byTestId("entry-heading")).text(), `Item ${N}`);
    await (await s.byTestId("back-button")).click();
    await s.byTestId("screen-timeline");
    await waitFor("rows", async () => (await count(s, "entry-item")) > 0);
    await s.exec("document.querySelector('[data-testid=entry-item]').focus();");
    await s.keys("\uE010"); // End
    await waitFor("the oldest row focused", async () =>
      s.exec("const a = document.activeElement; return a && a.dataset.index === String(arguments[0]) && /Item 1\\b/.test(a.textContent);", [N - 1]),
    20000);
    assert.ok((await count(s, "entry-item")) < 40, "still only visible rows after scrolling");
    await s.keys("\uE013"); // ArrowUp
    await waitFor("the row above focused", async () =>
      s.exec("const a = document.activeElement; return a && /Item 2\\b/.test(a.textContent);"));
    await shot(s, "08-timeline-end");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-entry");
    assert.equal(await (await s.byTestId("entry-heading")).text(), "Item 2");

    // Back on the timeline, the list is where it was (not at the top again).
    await (await s.byTestId("back-button")).click();
    await s.byTestId("screen-timeline");
    await waitFor("the rows near the end shown again", async () =>
      s.exec("return [...document.querySelectorAll('[data-testid=entry-item]')].some((b) => /Item 2\\b/.test(b.textContent));"),
    20000);
  } finally {
    await app.close();
  }
});
