// The path a tired user walks (issue 12), from the seeds: a man who has been through ten
// re-integration programmes gets a letter for a "kennismakingsgesprek" from a
// klantmanager who forgot him, with a threat of a cut if he does not reply by a date; he
// phones back; in the meeting he is pushed towards a jobhunter; the klantmanager calls
// him although they agreed "alleen per e-mail"; then a decision sends him to the
// re-integration centre. He is exempted from work duties all along.
//
// Every event goes through guided capture, keyboard only. The test counts keystrokes,
// screens and decisions per event (printed) and fails above 5 decisions or 150
// keystrokes for these short answers. Then: the home view puts the missed objection
// first and never says "niets te doen"; the timeline shows the breach and the exemption;
// the decision's objection period was shown in words before saving; "open the deadline"
// lands focused on that decision's to-do; at 1280x800 the missed objection is on screen
// without scrolling; the undo bar names what was just saved.
//
// A second scenario, keyboard only: the full editor's kind chooser by type-ahead, End,
// Space and arrows; switching to a kind that cannot hold what was typed names those
// fields and loses nothing while the user chooses; then undo after an edit, a delete
// (the entry comes back, the history shows "verwijderen ongedaan gemaakt") and a new
// person.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { createDossier, tabTo } from "./lib/flows.mjs";
import { addEntry, choose, scrollToTestId, textOf, waitCount } from "./lib/entries.mjs";

const DOWN = "\uE015";
const UP = "\uE013";
const END = "\uE010";
const MAX_KEYS = 150;
const MAX_DECISIONS = 5;

/** A local calendar day `days` from today, as the user types it (dd-mm-yyyy). */
function typed(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/** Counts what one event costs: keys pressed, screens seen, choices made. */
class Cost {
  constructor(s, name, prefix) {
    this.s = s;
    this.name = name;
    this.prefix = prefix;
    this.keystrokes = 0;
    this.screens = 0;
    this.decisions = 0;
  }
  /** Presses keys; every character (and every special key) is one keystroke. */
  async keys(text) {
    this.keystrokes += [...text].length;
    await this.s.keys(text);
  }
  /** A choice between options (a radio group, a suggestion). */
  async decide(text) {
    this.decisions += 1;
    await this.keys(text);
  }
  /** Waits for question `step` and screenshots it (each screen is looked at). */
  async at(step) {
    await waitFor(`question ${step}`, async () => (await (await this.s.byTestId("quick-progress")).attr("data-step")) === step);
    this.screens += 1;
    await shot(this.s, `${this.prefix}-${String(this.screens).padStart(2, "0")}-${step}`);
  }
  report() {
    console.log(`[cost] ${this.name}: ${this.keystrokes} keystrokes, ${this.screens} screens, ${this.decisions} decisions`);
    assert.ok(this.keystrokes <= MAX_KEYS, `${this.name}: ${this.keystrokes} keystrokes > ${MAX_KEYS}`);
    assert.ok(this.decisions <= MAX_DECISIONS, `${this.name}: ${this.decisions} decisions > ${MAX_DECISIONS}`);
  }
}

/** From the timeline, by keyboard: Tab to the capture button and press Enter. */
async function startCapture(s, type) {
  await s.byTestId("screen-timeline");
  await tabTo(s, `quick-${type}`);
  await s.keys(Key.ENTER);
  await s.byTestId("screen-quick-capture");
  await waitFor("the day question focused", async () => (await s.activeTestId()) === "quick-day-today");
}

/** Answers the day: "vandaag" with Space, or another day by arrows and typing. */
async function day(c, days) {
  await c.at("date");
  if (days === 0) {
    await c.decide(Key.SPACE);
    await c.keys(Key.ENTER);
    return;
  }
  await c.decide(DOWN + DOWN);
  await waitFor("the other-day field", async () => (await c.s.findAll(c.s.testid("quick-date"))).length === 1);
  await c.keys(Key.TAB + typed(days) + Key.ENTER);
}

/** Check screen: everything shown back, then Tab to "Opslaan" and Enter; the end screen. */
async function saveFromCheck(c) {
  const prefix = c.prefix;
  await c.at("check");
  await assertAccessible(c.s, `${prefix}: check`);
  const summary = await textOf(c.s, "quick-summary");
  await c.keys(Key.TAB);
  await waitFor("save focused", async () => (await c.s.activeTestId()) === "quick-save");
  await c.keys(Key.ENTER);
  await c.s.byTestId("quick-saved", 20000);
  await shot(c.s, `${prefix}-saved`);
  await assertAccessible(c.s, `${prefix}: saved`);
  return summary;
}

/** The end screen's "Klaar", then the timeline by keyboard. */
async function finish(s) {
  await tabTo(s, "quick-next-home");
  await s.keys(Key.ENTER);
  await s.byTestId("screen-home", 20000);
  await tabTo(s, "timeline-button");
  await s.keys(Key.ENTER);
  await s.byTestId("screen-timeline");
}

/** The undo bar after a change names the action and its object. */
async function undoBarNames(s, kind, words, object) {
  await waitFor(`the undo bar for ${kind}`, async () => {
    const el = await s.findAll(`[data-testid="undo-last"][data-kind="${kind}"]`);
    return el.length === 1;
  });
  const text = await textOf(s, "undo-last");
  assert.ok(text.startsWith(`Ongedaan maken: ${words} (${object}`), text);
}

test("the path a tired user walks: five events by guided capture, keyboard only", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);

    // Before the story: an exemption from work duties, and an old agreement "alleen per
    // e-mail" (set up on their own screens; not part of what is measured).
    await (await s.byTestId("exemptions-button")).click();
    await s.byTestId("screen-exemptions");
    await s.byTestId("exemptions-empty", 20000);
    await choose(s, "exemption-duty", "work");
    await (await s.byTestId("exemption-from")).fill(typed(-120));
    await (await s.byTestId("exemption-to")).fill(typed(60));
    await (await s.byTestId("exemption-decided-by-input")).fill("WPI");
    await choose(s, "exemption-basis-select", "medical-assessment");
    await (await s.byTestId("save-exemption-button")).click();
    await waitCount(s, "exemption-item", 1, 15000);
    await undoBarNames(s, "exemption-add", "ontheffing toegevoegd", "arbeidsverplichtingen");
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await choose(s, "entry-kind", "agreement");
    await (await s.byTestId("entry-title")).fill("Afspraak: alleen per e-mail");
    await (await s.byTestId("entry-date")).fill(typed(-100));
    await s.byTestId("entry-contact-rule");
    await choose(s, "entry-contact-rule", "email-only");
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    await undoBarNames(s, "entry-add", "item toegevoegd", "Afspraak: alleen per e-mail");
    await (await s.byTestId("timeline-button")).click();

    // 1. "Ik kreeg een brief": the invitation, with a reply-by date and a threat.
    let c = new Cost(s, "brief: uitnodiging kennismakingsgesprek", "16-e1");
    await startCapture(s, "letter");
    await assertAccessible(s, "capture: date");
    await day(c, -75);
    // A photo of the letter is offered first; he has none: Enter goes on.
    await c.at("photo");
    await waitFor("the photo question focused", async () => /foto of scan van de brief/.test(await s.exec(`return document.activeElement.textContent;`)));
    await assertAccessible(s, "capture: photo of the letter");
    await c.keys(Key.ENTER);
    await c.at("who");
    await c.keys("Dhr. Bakker van WPI");
    await waitFor("who read back", async () => /persoon Dhr\. Bakker, van WPI/.test(await textOf(s, "quick-who-reads")));
    await assertAccessible(s, "capture: who");
    await c.keys(Key.TAB + "klantmanager" + Key.ENTER);
    await c.at("isDecision");
    assert.match(await textOf(s, "quick-isDecision"), /Is het een besluit\?/);
    assert.match(await textOf(s, "quick-isDecision"), /besluit.+bezwaar maken/);
    await assertAccessible(s, "capture: is it a decision");
    await c.decide(DOWN);
    await c.keys(Key.ENTER);
    await c.at("letterDated");
    // A date that does not exist is named at once, as the field is left. (This detour
    // is a check of the message, not part of the short answer set: not counted.)
    await s.keys("31-02-2026" + Key.TAB);
    await waitFor("the field error", async () => /februari heeft geen 31 dagen/.test(await textOf(s, "screen-quick-capture")));
    await shot(s, "16-e1-04-letter-date-error");
    await assertAccessible(s, "capture: a date error");
    await s.keys(Key.SHIFT + Key.TAB);
    await s.exec(`document.querySelector('[data-testid="quick-letter-dated"]').select();`);
    await c.keys(typed(-78) + Key.ENTER);
    await c.at("kenmerk");
    await c.keys(Key.ENTER);
    await c.at("said");
    await c.keys("Kennismakingsgesprek, hij kent mij al" + Key.ENTER);
    await c.at("replyBy");
    await c.keys(typed(-65) + Key.ENTER);
    await c.at("threat");
    await c.decide(Key.SPACE);
    await c.keys(Key.TAB + "Korting als ik niet reageer" + Key.ENTER);
    const s1 = await saveFromCheck(c);
    assert.match(s1, /Mensen\s*Dhr\. Bakker \(klantmanager\)/);
    assert.match(s1, /Organisatie\s*WPI/);
    assert.match(s1, /Wat er gebeurd is\s*Kennismakingsgesprek/);
    assert.match(s1, /Datum in de brief: reageer vóór/);
    c.report();
    await undoBarNames(s, "entry-add", "item toegevoegd", "Brief van Dhr. Bakker");
    await finish(s);

    // 2. "Ik heb gebeld": he phones back; the klantmanager is suggested from what is known.
    c = new Cost(s, "ik heb gebeld", "16-e2");
    await startCapture(s, "call-out");
    await day(c, -70);
    await c.at("who");
    await waitFor("a suggestion", async () => (await s.findAll(s.testid("quick-who-suggestion"))).length > 0);
    assert.match(await textOf(s, "quick-who-suggestion"), /Dhr\. Bakker — klantmanager \(WPI\)/);
    await c.keys(Key.TAB);
    await c.decide(Key.ENTER);
    await waitFor("who filled", async () => /Dhr\. Bakker, van WPI/.test(await textOf(s, "quick-who-reads")));
    await c.keys(Key.ENTER);
    await c.at("said");
    await c.keys("Ik heb al tien trajecten gedaan" + Key.ENTER);
    await c.at("asked");
    await c.keys("Of ik toch kom" + Key.ENTER);
    await c.at("promised");
    await c.keys(Key.ENTER);
    await c.at("agreed");
    await c.keys("Gesprek volgende week" + Key.ENTER);
    await c.at("threat");
    await c.decide(DOWN);
    await c.keys(Key.ENTER);
    await c.at("followUp");
    await c.keys(Key.ENTER);
    const s2 = await saveFromCheck(c);
    assert.match(s2, /Wat er gebeurd is\s*Ik heb al tien trajecten gedaan/);
    assert.match(s2, /Wat vroegen of wilden ze\?\s*Of ik toch kom/);
    c.report();
    await finish(s);

    // 3. "Ik had een gesprek": where, who, who came along, what was said and promised.
    c = new Cost(s, "gesprek: jobhunter", "16-e3");
    await startCapture(s, "meeting");
    await day(c, -60);
    await c.at("place");
    await assertAccessible(s, "capture: place");
    await c.keys("Jan van Galenstraat" + Key.ENTER);
    await c.at("who");
    await c.keys(Key.TAB);
    await c.decide(Key.ENTER);
    await c.keys(Key.ENTER);
    await c.at("companions");
    await c.keys("Els (Bijstandsbond)" + Key.ENTER);
    await c.at("said");
    await c.keys("Hij wil dat ik met een jobhunter ga" + Key.ENTER);
    await c.at("promised");
    await c.keys("Verslag" + Key.ENTER);
    await c.at("report");
    await assertAccessible(s, "capture: report promised");
    await c.decide(Key.SPACE);
    await c.keys(Key.ENTER);
    await c.at("threat");
    await c.decide(DOWN);
    await c.keys(Key.ENTER);
    await c.at("followUp");
    await c.keys(typed(10) + Key.ENTER);
    const s3 = await saveFromCheck(c);
    assert.match(s3, /Waar was het\?\s*Jan van Galenstraat/);
    assert.match(s3, /Wie ging er met u mee\?\s*Els \(Bijstandsbond\)/);
    assert.match(s3, /Wat er gebeurd is\s*Hij wil dat ik met een jobhunter ga/);
    assert.match(s3, /Wat hebben ze beloofd\?\s*Verslag/);
    assert.match(s3, /verslag beloofd/);
    assert.doesNotMatch(s3, /Wat vroegen of wilden ze/);
    c.report();
    await finish(s);

    // 4. "Ik ben gebeld": yesterday, against the agreement "alleen per e-mail".
    c = new Cost(s, "ik ben gebeld", "16-e4");
    await startCapture(s, "call");
    await c.at("date");
    await c.decide(DOWN);
    await c.keys(Key.ENTER);
    await c.at("who");
    await c.keys(Key.TAB);
    await c.decide(Key.ENTER);
    await c.keys(Key.ENTER);
    await c.at("asked");
    await c.keys("Jobhunter tekenen" + Key.ENTER);
    await c.at("said");
    await c.keys("Nee" + Key.ENTER);
    await c.at("promised");
    await c.keys(Key.ENTER);
    await c.at("agreed");
    await c.keys(Key.ENTER);
    await c.at("threat");
    await c.decide(DOWN);
    await c.keys(Key.ENTER);
    await c.at("followUp");
    await c.keys(Key.ENTER);
    await saveFromCheck(c);
    c.report();
    await finish(s);

    // 5. "Ik kreeg een brief" that is a decision: the objection period in words at once.
    c = new Cost(s, "brief: besluit re-integratiecentrum", "16-e5");
    await startCapture(s, "letter");
    await day(c, 0);
    await c.at("photo");
    await c.keys(Key.ENTER);
    await c.at("who");
    await c.keys("WPI");
    await waitFor("an organisation", async () => /organisatie WPI \(geen persoon\)/.test(await textOf(s, "quick-who-reads")));
    await shot(s, "16-e5-02-who-organisation");
    await c.keys(Key.ENTER);
    await c.at("isDecision");
    await c.decide(Key.SPACE);
    await c.keys(Key.ENTER);
    await c.at("letterDated");
    await c.keys(typed(-50) + Key.ENTER);
    await c.at("sentOn");
    const deadline = await textOf(s, "quick-deadline");
    assert.match(deadline, /De bezwaartermijn voor het besluit van .+ is voorbij: de laatste dag was \w+dag \d+ \w+ \d{4}\./);
    assert.match(deadline, /waarom u te laat bent/);
    assert.match(deadline, /Awb artikel 6:11/);
    assert.match(deadline, /Juridisch Loket/);
    await assertAccessible(s, "capture: send date with the deadline");
    await c.keys(Key.ENTER);
    await c.at("kenmerk");
    await c.keys("RC-17" + Key.ENTER);
    await c.at("said");
    await c.keys("Naar het re-integratiecentrum" + Key.ENTER);
    await c.at("replyBy");
    await c.keys(Key.ENTER);
    await c.at("threat");
    await c.decide(Key.SPACE);
    await c.keys(Key.ENTER);
    const s5 = await saveFromCheck(c);
    assert.match(s5, /Soort\s*Besluit/);
    assert.match(s5, /Verstuurd op/);
    assert.match(await textOf(s, "quick-saved-deadline"), /Awb artikel 6:11/);
    c.report();
    // Named by the date on the letter, not the day it came.
    await undoBarNames(s, "entry-add", "item toegevoegd", "Besluit van WPI van");

    // The end screen's next step: the deadline, on the home view, at that very to-do
    // (focused), at 1280x800. Missed first, above the undo bar's neighbours (reminder,
    // exemption warning) and on screen without scrolling.
    await s.cmd("POST", "/window/rect", { width: 1280, height: 800 }).catch((e) => console.log(`[home] window not resized: ${e.message}`));
    await tabTo(s, "quick-next-deadline");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-home", 20000);
    await s.byTestId("todos-missed");
    await waitFor("the decision's to-do focused", async () =>
      s.exec(`const a = document.activeElement; return !!a && a.dataset.testid === 'todo-item' && a.dataset.kind === 'objection';`),
    );
    const focused = await s.exec(
      `const a = document.activeElement; const r = a.getBoundingClientRect();
       return { title: a.textContent.replace(/\\s+/g, ' '), inView: r.top >= 0 && r.top < window.innerHeight };`,
    );
    assert.match(focused.title, /Besluit van WPI/, "the to-do of the decision just saved");
    assert.ok(focused.inView, "the focused to-do is on screen");
    await shot(s, "16-home-deadline-opened");
    const fold = await s.exec(
      `window.scrollTo(0, 0); document.querySelectorAll('*').forEach((el) => { if (el.scrollTop) el.scrollTop = 0; });
       const first = document.querySelector('[data-testid="todos-missed"] [data-testid="todo-item"]').getBoundingClientRect();
       const sentence = document.querySelector('[data-testid="todos-missed"] [data-testid="todo-sentence"]').getBoundingClientRect();
       const rem = document.querySelector('[data-testid="reminder-banner"]');
       return { w: window.innerWidth, h: window.innerHeight, top: first.top, sentenceBottom: sentence.bottom,
                reminderBelow: !rem || rem.getBoundingClientRect().top > first.top };`,
    );
    console.log(`[home] window ${fold.w}x${fold.h}; first missed item at ${Math.round(fold.top)} px, its sentence ends at ${Math.round(fold.sentenceBottom)} px`);
    assert.ok(fold.sentenceBottom <= fold.h, "the missed objection is visible without scrolling");
    assert.ok(fold.reminderBelow, "the reminder sits below the missed items");
    await shot(s, "16-home-missed-above-the-fold");
    const items = await s.exec(
      `return [...document.querySelectorAll('[data-testid="todo-item"]')].map((el) => el.dataset.kind + ':' + el.dataset.state);`,
    );
    console.log(`[home] ${items.join(", ")}`);
    assert.deepEqual(items.slice(0, 3), ["objection:missed", "reply:missed", "follow-up:open"]);
    assert.equal((await s.findAll(s.testid("todos-empty"))).length, 0, "no 'niets te doen' while something is missed");
    const missedTop = await s.exec(
      `const m = document.querySelector('[data-testid="todos-missed"]').getBoundingClientRect();
       const o = document.querySelector('[data-testid="todos-open"]').getBoundingClientRect();
       return m.top < o.top;`,
    );
    assert.ok(missedTop, "the missed list is above the open one");
    assert.match(await textOf(s, "todos-missed"), /Awb artikel 6:11/);
    await shot(s, "16-home-missed-first");
    await assertAccessible(s, "home with a missed objection first");

    // The timeline: the exemption on every row it covers, the breach on the call.
    await tabTo(s, "timeline-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-timeline");
    await waitCount(s, "entry-item", 6, 20000);
    const rows = await s.exec(
      `return [...document.querySelectorAll('[data-testid="entry-item"]')].map((el) => ({
         text: el.textContent.replace(/\\s+/g, ' ').trim(),
         exemption: !!el.querySelector('[data-testid="flag-exemption"]'),
         breach: !!el.querySelector('[data-testid="flag-violation"]'),
       }));`,
    );
    assert.ok(rows.every((r) => r.exemption), "every row is inside the exemption");
    const call = rows.find((r) => /Gebeld door Dhr\. Bakker/.test(r.text));
    assert.ok(call && call.breach, "the call against 'alleen per e-mail' is marked");
    assert.ok(rows.filter((r) => r.breach).length === 1, "only the call breaks the agreement");
    assert.match(rows.map((r) => r.text).join(" | "), /tijdens ontheffing/);
    await scrollToTestId(s, "entry-list");
    await shot(s, "16-timeline-marks");
    await assertAccessible(s, "timeline with exemption and breach marks");

    // Undo undoes exactly the last thing: change the exemption's end, then undo. The
    // bar names the exemption (not the decision saved before), the end date comes back,
    // and every entry is still there.
    await (await s.byTestId("exemptions-button")).click();
    await s.byTestId("screen-exemptions");
    await waitCount(s, "exemption-item", 1, 15000);
    const periodBefore = await textOf(s, "exemption-period");
    await (await s.byTestId("exemption-edit")).click();
    await (await s.byTestId("exemption-to")).fill(typed(90));
    await (await s.byTestId("save-exemption-button")).click();
    await waitFor("the period changed", async () => (await textOf(s, "exemption-period")) !== periodBefore);
    await undoBarNames(s, "exemption-edit", "ontheffing gewijzigd", "arbeidsverplichtingen");
    await shot(s, "16-undo-exemption-bar");
    await assertAccessible(s, "undo bar for an exemption");
    await tabTo(s, "undo-button", 120);
    await s.keys(Key.ENTER);
    await s.byTestId("undo-status", 20000);
    await waitFor("the period back", async () => (await textOf(s, "exemption-period")) === periodBefore);
    assert.equal((await s.findAll(s.testid("undo-last"))).length, 0, "nothing more offered");
    await shot(s, "16-undo-exemption-done");
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await waitCount(s, "entry-item", 6, 20000);
  } finally {
    await app.close();
  }
});

/** Presses Shift+Tab until `testid` has focus (back to an earlier field). */
async function shiftTabTo(s, testid, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await s.activeTestId()) === testid) return;
    await s.cmd("POST", "/actions", {
      actions: [
        {
          type: "key",
          id: "kbd",
          actions: [
            { type: "keyDown", value: Key.SHIFT },
            { type: "keyDown", value: Key.TAB },
            { type: "keyUp", value: Key.TAB },
            { type: "keyUp", value: Key.SHIFT },
          ],
        },
      ],
    });
  }
  throw new Error(`Shift+Tab never reached ${testid}`);
}

const kindNow = (s) => s.exec(`return document.querySelector('[data-testid="entry-kind"]').value;`);

/** Undo from the bar by keyboard; waits for "ongedaan gemaakt". */
async function undoByKeyboard(s) {
  await tabTo(s, "undo-button", 120);
  await s.keys(Key.ENTER);
  await s.byTestId("undo-status", 20000);
}

test("the editor's kind switch keeps what it can and says what it cannot; undo after each kind of change, keyboard only", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await s.byTestId("screen-timeline");

    // The full editor by keyboard; the kind chooser by type-ahead ("ik" = "Ik ben gebeld").
    await tabTo(s, "new-entry-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-editor");
    await tabTo(s, "entry-kind");
    await s.keys("ik");
    await waitFor("type-ahead chose 'Ik ben gebeld'", async () => (await kindNow(s)) === "call-in");
    await tabTo(s, "entry-date");
    await s.keys(typed(-3));
    await tabTo(s, "entry-time");
    await s.keys("09:30");
    await tabTo(s, "entry-title");
    await s.keys("Gebeld over de jobhunter");
    await tabTo(s, "entry-asked");
    await s.keys("Of ik een contract teken");
    await tabTo(s, "entry-agreed");
    await s.keys("Ik denk erover na");
    await shot(s, "16-k1-editor-call-filled");

    // End (last kind: "Notitie") cannot hold the time, the question or the agreement:
    // the warning names them before saving, and the fields keep what was typed.
    await shiftTabTo(s, "entry-kind");
    await s.keys(END);
    await waitFor("End chose 'Notitie'", async () => (await kindNow(s)) === "note");
    const loss = await textOf(s, "kind-change-loss");
    assert.match(loss, /Het soort "Notitie" kan dit niet bewaren/);
    for (const f of [/Hoe laat\?/, /Wat vroegen of wilden ze\?/]) assert.match(loss, f);
    await shot(s, "16-k2-editor-kind-loss-warning");
    await assertAccessible(s, "editor: kind switch warning");

    // Space steps to the next kind (wrapping to "Brief ontvangen"), arrows step back and
    // forth: at "Ik heb gebeld" everything fits again, the warning goes, nothing is lost.
    await s.keys(Key.SPACE);
    await waitFor("Space wrapped to 'Brief ontvangen'", async () => (await kindNow(s)) === "letter-in");
    assert.match(await textOf(s, "kind-change-loss"), /Wat vroegen of wilden ze\?/);
    await s.keys(DOWN + DOWN + DOWN);
    await waitFor("arrows chose 'Ik heb gebeld'", async () => (await kindNow(s)) === "call-out");
    await s.keys(UP);
    await waitFor("and back to 'Ik ben gebeld'", async () => (await kindNow(s)) === "call-in");
    assert.equal((await s.findAll(s.testid("kind-change-loss"))).length, 0, "no warning when the kind holds everything");
    const kept = await s.exec(
      `return ['entry-time', 'entry-title', 'entry-asked', 'entry-agreed'].map((t) => document.querySelector('[data-testid="' + t + '"]').value);`,
    );
    assert.deepEqual(kept, ["09:30", "Gebeld over de jobhunter", "Of ik een contract teken", "Ik denk erover na"], "nothing silently lost");
    await tabTo(s, "save-entry-button", 80);
    await s.keys(Key.ENTER);
    await s.byTestId("screen-entry", 20000);
    await undoBarNames(s, "entry-add", "item toegevoegd", "Gebeld over de jobhunter");
    assert.match(await textOf(s, "screen-entry"), /Of ik een contract teken/);

    // An edit, undone: the title comes back.
    await tabTo(s, "edit-entry-button", 80);
    await s.keys(Key.ENTER);
    await s.byTestId("screen-editor");
    await tabTo(s, "entry-title");
    await s.exec(`document.querySelector('[data-testid="entry-title"]').select();`);
    await s.keys("Gebeld door iemand anders");
    await tabTo(s, "save-entry-button", 80);
    await s.keys(Key.ENTER);
    await s.byTestId("screen-entry", 20000);
    await waitFor("the new title", async () => /Gebeld door iemand anders/.test(await textOf(s, "entry-heading")));
    await undoBarNames(s, "entry-edit", "item gewijzigd", "Gebeld door iemand anders");
    await scrollToTestId(s, "undo-bar");
    await shot(s, "16-k3-undo-edit-bar");
    await undoByKeyboard(s);
    await waitFor("the old title back", async () => /Gebeld over de jobhunter/.test(await textOf(s, "entry-heading")));

    // A delete, undone: the entry is back, with its fields, and the history says so.
    await tabTo(s, "delete-entry-button", 80);
    await s.keys(Key.ENTER);
    await tabTo(s, "delete-reason");
    await s.keys("per ongeluk");
    await tabTo(s, "confirm-delete-button");
    await s.keys(Key.ENTER);
    await waitFor("marked deleted", async () => (await s.findAll(".flag-deleted")).length === 1);
    await undoBarNames(s, "entry-delete", "item verwijderd", "Gebeld over de jobhunter");
    await shot(s, "16-k4-undo-delete-bar");
    await assertAccessible(s, "undo bar for a delete");
    await undoByKeyboard(s);
    await waitFor("live again", async () => (await s.findAll(".flag-deleted")).length === 0);
    const actions = await s.exec(`return [...document.querySelectorAll('[data-testid="history-item"]')].map((el) => el.dataset.action);`);
    assert.deepEqual(actions.slice(-2), ["delete", "restore"], actions.join(","));
    const page = await textOf(s, "screen-entry");
    assert.match(page, /verwijderen ongedaan gemaakt/);
    assert.match(page, /Of ik een contract teken/);
    assert.match(page, /Ik denk erover na/);
    await shot(s, "16-k5-delete-undone");

    // A link, undone: a note (set up by clicks, not measured) linked as an answer to
    // the call by keyboard; the bar names the other entry; undo takes the link away.
    await (await s.byTestId("timeline-button")).click();
    await waitCount(s, "entry-item", 1, 20000);
    await addEntry(s, { kind: "note", title: "Mail terug over de jobhunter" });
    await tabTo(s, "link-search", 120);
    await s.keys("contract" + Key.ENTER);
    await waitCount(s, "link-result", 1, 15000);
    await tabTo(s, "link-result");
    await s.keys(Key.SPACE);
    await tabTo(s, "link-button");
    await s.keys(Key.ENTER);
    await waitCount(s, "link-item", 1, 15000);
    await undoBarNames(s, "link-add", "koppeling gemaakt", "Gebeld over de jobhunter");
    await undoByKeyboard(s);
    await s.byTestId("links-none", 15000);
    await (await s.byTestId("timeline-button")).click();
    await waitCount(s, "entry-item", 2, 20000);

    // A new person, undone: gone from the list again.
    await tabTo(s, "people-button", 80);
    await s.keys(Key.ENTER);
    await s.byTestId("screen-people");
    await tabTo(s, "person-name", 80);
    await s.keys("Mw. de Vires");
    await tabTo(s, "save-person-button");
    await s.keys(Key.ENTER);
    await waitCount(s, "person-item", 1, 15000);
    await undoBarNames(s, "person-add", "persoon toegevoegd", "Mw. de Vires");
    await scrollToTestId(s, "undo-bar");
    await shot(s, "16-k6-undo-person-bar");
    await undoByKeyboard(s);
    await waitCount(s, "person-item", 0, 15000);
    await shot(s, "16-k7-person-undone");
    await assertAccessible(s, "people after undo");
  } finally {
    await app.close();
  }
});
