// Steps for the entry scenarios (05 onward): choose in a <select>, Ctrl+Z, counts.
import { waitFor } from "./webdriver.mjs";

/** Picks `value` in the <select> with `testid`, as a change by the user would. */
export async function choose(s, testid, value) {
  const ok = await s.exec(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return el.value === arguments[1];`,
    [testid, value],
  );
  if (!ok) throw new Error(`could not choose ${value} in ${testid}`);
}

/** Presses Ctrl+Z on whatever has focus. */
export async function ctrlZ(s) {
  const CTRL = "\uE009";
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "key",
        id: "kbd",
        actions: [
          { type: "keyDown", value: CTRL },
          { type: "keyDown", value: "z" },
          { type: "keyUp", value: "z" },
          { type: "keyUp", value: CTRL },
        ],
      },
    ],
  });
}

export async function count(s, testid) {
  return (await s.findAll(s.testid(testid))).length;
}

export async function waitCount(s, testid, n, timeoutMs) {
  return waitFor(`${n} × ${testid}`, async () => (await count(s, testid)) === n, timeoutMs);
}

/** From the timeline: the editor with a kind chosen, title and more, saved. Lands on the entry. */
export async function addEntry(s, { kind = "note", title, fields = {} }) {
  await (await s.byTestId("new-entry-button")).click();
  await s.byTestId("screen-editor");
  await choose(s, "entry-kind", kind);
  await (await s.byTestId("entry-title")).fill(title);
  for (const [testid, value] of Object.entries(fields)) await (await s.byTestId(testid)).fill(value);
  await (await s.byTestId("save-entry-button")).click();
  await s.byTestId("screen-entry", 20000);
  await waitFor(`"${title}" as the heading`, async () => (await (await s.byTestId("entry-heading")).text()) === title);
}

/**
 * The text of the first element with `testid`, as a screen reader reads it (the DOM
 * text, whitespace collapsed). WebDriver's own element text leaves out what is
 * scrolled out of the window, which a virtual list row often partly is.
 */
export async function textOf(s, testid) {
  await s.byTestId(testid);
  return s.exec(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;`,
    [testid],
  );
}

/** Scrolls the element with `testid` to the top of the window and waits for a paint. */
export async function scrollToTestId(s, testid) {
  await s.execAsync(
    `const done = arguments[arguments.length - 1];
     const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (el) el.scrollIntoView({ block: 'start' });
     requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`,
    [testid],
  );
}
