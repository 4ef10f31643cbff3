// "Wat moet ik doen?" (F6): the home view is the first screen after unlocking. A
// decision sent ten days ago shows its objection deadline (the legal last day as the
// CLI computes it, never hardcoded); the objection letter linked to it marks it done; a
// letter with a reply-by date brings a reminder banner; system notifications refused
// by the system say so in Settings while the in-app banner keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

import { launch, shot, assertAccessible, appBinary } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { createDossier, lock, unlock } from "./lib/flows.mjs";
import { addEntry, choose, scrollToTestId, textOf, waitCount } from "./lib/entries.mjs";

const DECISION = "Besluit: opschorting van mijn bijstand";
const OBJECTION = "Mijn bezwaarschrift";
const REPLY_LETTER = "Brief: stuur uw loonstroken";
const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** Today plus `days` on this computer's calendar, as {iso, input}. */
function day(days) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return {
    iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    input: `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`,
  };
}

/** "14 april": how a Dutch sentence names an ISO date. */
function dayMonthNl(iso) {
  const [, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS_NL[m - 1]}`;
}

/** The legal last day for objection, from the `dossier` CLI built next to the app. */
function legalLastDay(sentIso) {
  const cli = process.env.DOSSIER_CLI || join(dirname(appBinary()), "dossier");
  assert.ok(existsSync(cli), `the dossier CLI is built at ${cli} (cargo build -p dossier-cli)`);
  const out = JSON.parse(execFileSync(cli, ["deadline", "--sent", sentIso, "--json"], { encoding: "utf8" }));
  assert.match(out.legal_last_day, /^\d{4}-\d{2}-\d{2}$/);
  return out.legal_last_day;
}

/** The home view's to-do items as {kind, state, entry, text}. */
function todoItems(s) {
  return s.exec(
    `return [...document.querySelectorAll('[data-testid="todo-item"]')].map((el) => ({
       kind: el.getAttribute('data-kind'), state: el.getAttribute('data-state'),
       entry: el.getAttribute('data-entry-id'), text: el.textContent.replace(/\\s+/g, ' ').trim() }));`,
  );
}

async function goHome(s) {
  await (await s.byTestId("home-button")).click();
  await s.byTestId("screen-home");
  // Loaded once one of its sections is there.
  await s.byTestId("todos-open", 15000);
}

test("home view: objection deadline, done by the linked letter, reminder banner, notifications refused", async () => {
  const app = await launch({ env: { DOSSIERKLUIS_NOTIFY_PERMISSION: "denied" } });
  const s = app.session;
  try {
    await createDossier(s);

    // An empty dossier: a calm "nothing to do".
    await goHome(s);
    assert.match(await textOf(s, "todos-empty"), /U heeft nu niets te doen/);
    await shot(s, "11-home-empty");
    await assertAccessible(s, "home, nothing to do");

    // A decision sent ten days ago, logged through the editor.
    const sent = day(-10);
    const lastDay = legalLastDay(sent.iso);
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await choose(s, "entry-kind", "decision");
    await (await s.byTestId("entry-title")).fill(DECISION);
    await (await s.byTestId("entry-date")).fill(sent.input);
    await (await s.byTestId("entry-sent-on")).fill(sent.input);
    await s.byTestId("deadline-fields");
    await s.byTestId("entry-on-objection");
    await scrollToTestId(s, "entry-sent-on");
    await shot(s, "11-editor-decision");
    await assertAccessible(s, "editor for a decision");
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    // The detail shows its objection deadline at once.
    await waitFor("the decision's objection to-do", async () =>
      (await s.exec(`return !!document.querySelector('[data-testid="entry-todos"] [data-kind="objection"]');`)),
    15000);
    const decisionId = await s.exec(`return document.querySelector('[data-testid="entry-todos"] [data-testid="todo-item"]').getAttribute('data-entry-id');`);
    await scrollToTestId(s, "entry-todos");
    await shot(s, "11-entry-decision-todos");
    await assertAccessible(s, "decision with its to-dos");

    // Home: the objection sentence names the legal last day.
    await goHome(s);
    const open = await waitFor("the objection on the home view", async () => {
      const items = await todoItems(s);
      return items.find((i) => i.kind === "objection" && i.state === "open");
    });
    assert.equal(open.entry, decisionId);
    assert.ok(open.text.includes(dayMonthNl(lastDay)), `"${open.text}" names ${dayMonthNl(lastDay)} (${lastDay})`);
    assert.match(open.text, /nog \d+ dagen/);
    assert.match(await textOf(s, "todo-open"), /Open het besluit/);
    assert.match(await textOf(s, "todo-not-needed"), /Geen bezwaar nodig/);
    await scrollToTestId(s, "todos-open");
    await shot(s, "11-home-objection");
    await assertAccessible(s, "home with an objection to do");
    // The same in English: the sentence comes from core in both languages.
    await (await s.byTestId("lang-en")).click();
    await waitFor("the English home view", async () => /What should I do\?/.test(await textOf(s, "screen-home")));
    const en = (await todoItems(s)).find((i) => i.kind === "objection");
    assert.match(en.text, /\d+ days left/);
    assert.notEqual(en.text, open.text);
    await (await s.byTestId("lang-nl")).click();
    await waitFor("Dutch again", async () => /Wat moet ik doen\?/.test(await textOf(s, "screen-home")));

    // The timeline marks the decision: it has an open deadline.
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await s.byTestId("flag-deadline", 15000);
    assert.match(await textOf(s, "flag-deadline"), /termijn/);
    await s.execAsync(
      `const done = arguments[arguments.length - 1];
       document.querySelector('[data-testid="flag-deadline"]').scrollIntoView({ block: 'center' });
       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`,
    );
    await shot(s, "11-timeline-deadline");
    await assertAccessible(s, "timeline with a deadline mark");

    // The objection letter, linked as "bezwaar tegen" the decision (as in 09).
    await addEntry(s, { kind: "letter-out", title: OBJECTION, fields: { "entry-date": day(0).input } });
    await choose(s, "link-kind", "objection-against");
    await (await s.byTestId("link-search")).fill("opschorting");
    await (await s.byTestId("link-search-button")).click();
    await waitCount(s, "link-result", 1, 15000);
    await (await s.byTestId("link-result")).click();
    await (await s.byTestId("link-button")).click();
    await waitCount(s, "link-item", 1, 15000);

    // Home: the objection is done (folded under "Klaar").
    await goHome(s);
    await s.byTestId("todos-done");
    assert.match(await textOf(s, "todos-done-summary"), /Klaar \(\d+\)/);
    await (await s.byTestId("todos-done-summary")).click();
    const done = await waitFor("the objection done", async () =>
      (await todoItems(s)).find((i) => i.kind === "objection" && i.entry === decisionId && i.state === "done"),
    );
    assert.ok(done);
    assert.ok(!(await todoItems(s)).some((i) => i.kind === "objection" && i.state === "open"));
    // Done by the linked letter: no "not finished after all" (the link decides), but
    // the letter itself, where the link can be removed.
    const linked = '[data-testid="todo-item"][data-kind="objection"][data-state="done"]';
    await s.waitVisible(`${linked} [data-testid="todo-by-link"]`);
    await s.waitVisible(`${linked} [data-testid="todo-open-done-by"]`);
    assert.equal((await s.findAll(`${linked} [data-testid="todo-reopen"]`)).length, 0);
    await scrollToTestId(s, "todos-done");
    await shot(s, "11-home-done");
    await assertAccessible(s, "home with a finished objection");

    // A letter asking for papers within three days (a date kept as written).
    const replyBy = day(3);
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "letter-in", title: REPLY_LETTER, fields: { "entry-date": day(0).input, "entry-reply-by": replyBy.input } });
    assert.match(await textOf(s, "entry-replyBy-text"), /zoals in de brief staat/);

    // System notifications: the system refuses; Settings says so.
    await (await s.byTestId("settings-button")).click();
    await s.byTestId("screen-settings");
    const toggle = await s.byTestId("notify-toggle");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="notify-toggle"]').checked;`), false, "off by default");
    await toggle.click();
    await s.byTestId("notify-denied", 15000);
    assert.match(await textOf(s, "notify-denied"), /Meldingen zijn geweigerd; u ziet herinneringen alleen in de app/);
    await s.exec(`document.querySelector('[data-testid="notify-section"]').scrollIntoView({ block: 'start' });`);
    await shot(s, "11-settings-notifications-refused");
    await assertAccessible(s, "settings with notifications refused");

    // The in-app reminder still shows on the home view; "Gezien" keeps it away.
    await goHome(s);
    await s.byTestId("reminder-banner", 15000);
    assert.match(await textOf(s, "reminder-banner"), /Herinnering/);
    const reply = (await todoItems(s)).find((i) => i.kind === "reply" && i.state === "open");
    assert.ok(reply, "the reply-by date is a to-do");
    assert.ok(reply.text.includes(dayMonthNl(replyBy.iso)), `"${reply.text}" names ${replyBy.iso} as written`);
    await shot(s, "11-home-reminder");
    await assertAccessible(s, "home with a reminder");
    await (await s.byTestId("reminder-seen-button")).click();
    await s.waitGone(s.testid("reminder-banner"));

    // Shown once: after locking and unlocking it does not come back.
    await lock(s);
    await unlock(s);
    await s.byTestId("screen-home", 20000);
    await s.byTestId("todos-open", 15000);
    assert.equal((await s.findAll(s.testid("reminder-banner"))).length, 0);

    // "Gedaan" by hand, with the keyboard-reachable form: the reply moves to "Klaar".
    await (await s.find('[data-testid="todo-item"][data-kind="reply"] [data-testid="todo-done"]')).click();
    await s.byTestId("todo-done-by");
    await assertAccessible(s, "home with the done form");
    await (await s.byTestId("todo-done-confirm")).click();
    await s.byTestId("todo-status", 15000);
    await waitFor("the reply done", async () =>
      (await todoItems(s)).some((i) => i.kind === "reply" && i.state === "done"),
    );
    assert.equal(await s.exec("return document.activeElement && document.activeElement.tagName;"), "H2", "focus stays on the list");

    // A decision from long ago: its objection period has passed. It shows apart, with
    // where to get help; "Geen bezwaar nodig" puts it away.
    const old = day(-80);
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addEntry(s, { kind: "decision", title: "Besluit over mijn toeslag", fields: { "entry-date": old.input, "entry-sent-on": old.input } });
    await goHome(s);
    await s.byTestId("todos-missed");
    assert.match(await textOf(s, "todos-missed"), /Juridisch Loket/);
    const missed = (await todoItems(s)).find((i) => i.kind === "objection" && i.state === "missed");
    assert.ok(missed, "the old objection is missed");
    assert.match(missed.text, /te laat/);
    await scrollToTestId(s, "todos-missed");
    await shot(s, "11-home-missed");
    await assertAccessible(s, "home with a missed deadline");
    await (await s.find(`[data-testid="todos-missed"] [data-kind="objection"][data-entry-id="${missed.entry}"] [data-testid="todo-not-needed"]`)).click();
    await waitFor("the missed objection put away", async () =>
      (await todoItems(s)).some((i) => i.kind === "objection" && i.entry === missed.entry && i.state === "not-needed"),
    );
  } finally {
    await app.close();
  }
});
