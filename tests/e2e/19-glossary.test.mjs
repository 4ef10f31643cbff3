// The glossary (F14), as a keyboard user meets it: a decision's to-do on the home view
// names "bezwaar"; that word is a button reached by Tab alone, Enter opens its
// explanation with the source, Esc closes it and focus is back on the word. The
// Woordenlijst screen lists every word and finds "dwangsom" as you type.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { createDossier } from "./lib/flows.mjs";
import { choose, textOf } from "./lib/entries.mjs";

/** Today plus `days`, as the editor's input (d-m-yyyy). */
function input(days) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

/** What has focus: its test id, glossary term, accessible label, and where it sits. */
function focused(s) {
  return s.exec(`const el = document.activeElement;
    return { testid: el?.getAttribute('data-testid') ?? null, term: el?.getAttribute('data-term') ?? null,
             label: el?.getAttribute('aria-label') ?? null, text: el?.textContent ?? '',
             inTodo: !!el?.closest('[data-testid="todo-sentence"]') };`);
}

function dialogOpen(s) {
  return s.exec(`return document.querySelector('[data-testid="glossary-dialog"]')?.open === true;`);
}

test("glossary: a word in a to-do opens by keyboard; the Woordenlijst finds dwangsom", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);

    // A decision sent five days ago: its objection to-do names "bezwaar" and "besluit".
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await choose(s, "entry-kind", "decision");
    await (await s.byTestId("entry-title")).fill("Korting op mijn uitkering");
    await (await s.byTestId("entry-date")).fill(input(-5));
    await (await s.byTestId("entry-sent-on")).fill(input(-5));
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);

    await (await s.byTestId("home-button")).click();
    await s.byTestId("screen-home");
    await waitFor("the objection to-do with its words linked", async () =>
      s.exec(`return !!document.querySelector('[data-testid="todo-item"][data-kind="objection"] [data-testid="term-link"][data-term="bezwaar"]');`),
    15000);

    // Tab only, from the top of the screen, until the word "Bezwaar maken" has focus.
    await s.exec(`document.getElementById('screen-heading').focus();`);
    let at = await focused(s);
    for (let i = 0; i < 40 && !(at.term === "bezwaar" && at.inTodo); i++) {
      await s.keys(Key.TAB);
      at = await focused(s);
    }
    assert.equal(at.term, "bezwaar", `Tab reached the word (stuck at ${JSON.stringify(at)})`);
    assert.equal(at.testid, "term-link");
    assert.match(at.label, /^Bezwaar maken \(uitleg\)$/, "the button is named by its word");
    await s.execAsync(
      `const done = arguments[arguments.length - 1];
       document.activeElement.scrollIntoView({ block: 'center' });
       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`,
    );
    await shot(s, "19-home-word-focused");

    // Enter opens the explanation, with where it comes from.
    await s.keys(Key.ENTER);
    await waitFor("the explanation dialog", () => dialogOpen(s), 5000);
    assert.equal(await textOf(s, "glossary-dialog-term"), "bezwaar");
    assert.match(await textOf(s, "glossary-dialog-text"), /niet eens bent met een besluit/);
    const source = await textOf(s, "glossary-dialog-source");
    assert.match(source, /Bron: Algemene wet bestuursrecht, art\. 1:5, 6:7 en 6:8/);
    assert.match(source, /Nagekeken op/);
    await shot(s, "19-word-dialog");
    await assertAccessible(s, "the explanation of a word");

    // Esc closes it; focus is on the same word again.
    await s.keys(Key.ESCAPE);
    await waitFor("the dialog to close", async () => !(await dialogOpen(s)), 5000);
    const back = await focused(s);
    assert.equal(back.term, "bezwaar");
    assert.ok(back.inTodo, "focus went back to the word in the to-do");

    // The Woordenlijst: every word, and the search filters as you type.
    await (await s.byTestId("glossary-button")).click();
    await s.byTestId("screen-glossary");
    await waitFor("the list of words", async () =>
      (await s.exec(`return document.querySelectorAll('[data-testid="glossary-item"]').length;`)) >= 30,
    10000);
    assert.match(await textOf(s, "glossary-count"), /^\d+ woorden$/);
    await assertAccessible(s, "Woordenlijst");
    await shot(s, "19-glossary-all");

    await (await s.byTestId("glossary-search")).fill("dwangsom");
    await waitFor("the search to narrow the list", async () =>
      (await s.exec(`return document.querySelectorAll('[data-testid="glossary-item"]').length;`)) <= 3,
    5000);
    const first = await s.exec(`const el = document.querySelector('[data-testid="glossary-item"]');
      return { term: el.getAttribute('data-term'), text: el.textContent.replace(/\\s+/g, ' ') };`);
    assert.equal(first.term, "dwangsom", "dwangsom itself comes first");
    assert.match(first.text, /€ 23 per dag/);
    assert.match(first.text, /art\. 4:17/);
    await shot(s, "19-glossary-dwangsom");
    await assertAccessible(s, "Woordenlijst, searched");

    // No word: said in words, not an empty page.
    await (await s.byTestId("glossary-search")).fill("xyzzy");
    await waitFor("nothing found", async () => /Geen woord gevonden/.test(await textOf(s, "glossary-count")), 5000);
  } finally {
    await app.close();
  }
});
