// Keyboard only: the whole create and unlock path without a mouse. Auto-lock: the
// backend locks after the idle time and the UI drops the entries. Settings.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { PASS, createDossier, addNote, lock, unlock, openTimeline, pageText, tabTo } from "./lib/flows.mjs";

test("create and unlock a dossier with the keyboard only", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await s.byTestId("screen-welcome");
    await tabTo(s, "passphrase");
    await s.keys(PASS);
    await tabTo(s, "passphrase-repeat");
    await s.keys(PASS);
    await tabTo(s, "create-button");
    await s.keys(Key.ENTER);
    const code = await (await s.byTestId("recovery-code", 20000)).attr("data-code");
    await tabTo(s, "continue-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-confirm-code");
    const groups = code.split("-");
    for (const id of ["confirm-group-a", "confirm-group-b"]) {
      const n = Number(await (await s.byTestId(id)).attr("data-group"));
      await tabTo(s, id);
      await s.keys(groups[n - 1]);
    }
    await s.keys(Key.ENTER); // Enter submits the confirm form
    await s.byTestId("screen-home");
    // The timeline is one keystroke away in the header menu.
    await tabTo(s, "timeline-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-timeline");
    await shot(s, "04-keyboard-timeline");

    await tabTo(s, "lock-button");
    await s.keys(Key.ENTER);
    await s.byTestId("screen-open");
    await tabTo(s, "passphrase");
    await s.keys(PASS + Key.ENTER);
    await s.byTestId("screen-home", 20000);
  } finally {
    await app.close();
  }
});

test("after the idle time the dossier locks itself and the entries leave the screen", async () => {
  // The test hook may only shorten the user's auto-lock setting (see src-tauri autolock.rs).
  const app = await launch({ env: { DOSSIERKLUIS_AUTOLOCK_SECONDS: "4" } });
  const s = app.session;
  try {
    await createDossier(s);
    await addNote(s, "Gesprek met jobhunter over cv", "Ik heb een ontheffing.");
    await s.byTestId("lock-message", 30000);
    await s.byTestId("screen-open");
    const html = await s.exec("return document.documentElement.outerHTML;");
    assert.ok(!html.includes("jobhunter"), "entry text gone from the DOM");
    assert.match(await (await s.byTestId("lock-message")).text(), /vergrendeld/i);
    await shot(s, "04-autolocked");
    await assertAccessible(s, "open after auto-lock");
    await unlock(s);
    await openTimeline(s);
    await waitFor("entry back", async () => (await pageText(s)).includes("jobhunter"));
  } finally {
    await app.close();
  }
});

test("settings: location shown, auto-lock saved, passphrase changed", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await (await s.byTestId("settings-button")).click();
    await s.byTestId("screen-settings");
    assert.match(await (await s.byTestId("dossier-location")).text(), /Dossierkluis/);
    await shot(s, "04-settings");
    await assertAccessible(s, "settings");

    await (await s.byTestId("autolock-minutes")).fill("5");
    await (await s.byTestId("save-settings-button")).click();
    await waitFor("saved notice", async () => /opgeslagen|bewaard/i.test(await (await s.byTestId("settings-status")).text()));

    await (await s.byTestId("current-passphrase")).fill(PASS);
    await (await s.byTestId("new-passphrase")).fill("een andere lange zin");
    await (await s.byTestId("new-passphrase-repeat")).fill("een andere lange zin");
    await (await s.byTestId("change-passphrase-button")).click();
    await waitFor("changed notice", async () => (await (await s.byTestId("passphrase-status")).text()).length > 0, 20000);
    await shot(s, "04-settings-changed");
    await lock(s);
    await unlock(s, PASS);
    await s.byTestId("error-message", 20000);
    await unlock(s, "een andere lange zin");
    await s.byTestId("screen-home", 20000);
  } finally {
    await app.close();
  }
});
