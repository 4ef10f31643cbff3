// The main path: create a dossier, see and confirm the recovery code, store an entry,
// lock (nothing of it left on screen), a wrong passphrase, the right one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { PASS, chooseNewDossierDir, createDossier, addNote, lock, unlock, openTimeline, pageText, typeConfirmGroups } from "./lib/flows.mjs";

const CANARY = "KANARIE-e2e-huisbezoek-4417";

test("create, confirm the code, log an entry, lock, wrong then right passphrase", async () => {
  const app = await launch();
  const s = app.session;
  try {
    // The folder the user picks is "Mijn dossier"; the dossier goes in it.
    const dir = join(app.home, "Mijn dossier", "Dossierkluis");
    await s.byTestId("screen-welcome");
    await assertAccessible(s, "welcome");

    // Mismatched passphrases are refused in place, with a message.
    await chooseNewDossierDir(s, dir);
    await (await s.byTestId("passphrase")).fill(PASS);
    await (await s.byTestId("passphrase-repeat")).fill(PASS + "x");
    await (await s.byTestId("create-button")).click();
    await waitFor("a mismatch message", async () => /niet (hetzelfde|gelijk)/i.test(await pageText(s)));
    await shot(s, "02-welcome-mismatch");
    await assertAccessible(s, "welcome with error");

    const code = await createDossier(s, { dir, screenshots: "02" });
    await shot(s, "02-timeline-empty");
    await assertAccessible(s, "timeline (empty)");

    await addNote(s, `Huisbezoek handhaving ${CANARY}`, "Twee handhavers; zij keken in de kast.");
    await shot(s, "02-timeline-one-entry");
    await assertAccessible(s, "timeline");

    // Nothing readable of the entry on disk.
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      assert.ok(!bytes.includes(Buffer.from(CANARY)), `${f} contains the canary`);
    }

    await lock(s);
    assert.ok(!(await s.exec("return document.documentElement.outerHTML;")).includes(CANARY),
      "no entry content left in the DOM after locking");
    await shot(s, "02-open-after-lock");
    await assertAccessible(s, "open");

    await unlock(s, "verkeerd wachtwoord");
    const err = await s.byTestId("error-message", 20000);
    assert.match(await err.text(), /Het wachtwoord klopt niet/);
    await shot(s, "02-open-wrong-passphrase");
    await assertAccessible(s, "open with wrong passphrase");

    await unlock(s, PASS);
    await openTimeline(s);
    await waitFor("the entry back on the timeline", async () => (await pageText(s)).includes(CANARY));
    assert.equal((await s.findAll(s.testid("entry-item"))).length, 1);
    assert.ok(code.length > 0);
  } finally {
    await app.close();
  }
});

test("a wrongly typed confirmation group keeps the user on the confirm step", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await (await s.byTestId("passphrase")).fill(PASS);
    await (await s.byTestId("passphrase-repeat")).fill(PASS);
    await (await s.byTestId("create-button")).click();
    const code = await (await s.byTestId("recovery-code", 20000)).attr("data-code");
    await (await s.byTestId("continue-button")).click();
    await typeConfirmGroups(s, code, { wrong: true });
    await (await s.byTestId("confirm-button")).click();
    await s.byTestId("error-message");
    assert.equal((await s.findAll(s.testid("screen-timeline"))).length, 0);
    await shot(s, "02-confirm-wrong");
    await assertAccessible(s, "confirm with error");
    // Going back shows the same code again.
    await (await s.byTestId("back-button")).click();
    assert.equal(await (await s.byTestId("recovery-code")).attr("data-code"), code);
  } finally {
    await app.close();
  }
});
