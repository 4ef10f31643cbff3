// "I forgot my passphrase": the recovery code opens and sets a new passphrase; and the
// language switch, remembered across a restart.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { createDossier, lock, unlock, openTimeline, pageText } from "./lib/flows.mjs";

test("recovery code opens the dossier and sets a new passphrase", async () => {
  const app = await launch();
  const s = app.session;
  try {
    const code = await createDossier(s);
    await lock(s);
    await (await s.byTestId("forgot-button")).click();
    await s.byTestId("screen-recover");
    await assertAccessible(s, "recover");

    // A typo is caught by the checksum, in plain words.
    const typo = (code[0] === "7" ? "8" : "7") + code.slice(1);
    await (await s.byTestId("recovery-input")).fill(typo);
    await (await s.byTestId("new-passphrase")).fill("nieuwe zin voor mij");
    await (await s.byTestId("new-passphrase-repeat")).fill("nieuwe zin voor mij");
    await (await s.byTestId("recover-button")).click();
    const err = await s.byTestId("error-message", 20000);
    assert.match(await err.text(), /typfout|tikfout|typefout/i);
    await shot(s, "03-recover-typo");
    await assertAccessible(s, "recover with error");

    await (await s.byTestId("recovery-input")).fill(code.toLowerCase().replaceAll("-", " "));
    await (await s.byTestId("recover-button")).click();
    await openTimeline(s);
    await lock(s);

    await unlock(s, "nieuwe zin voor mij");
    await openTimeline(s);
  } finally {
    await app.close();
  }
});

test("English by the switch, remembered after a restart", async () => {
  let app = await launch();
  let s = app.session;
  const home = app.home;
  try {
    await s.byTestId("screen-welcome");
    await (await s.byTestId("lang-en")).click();
    await waitFor("English text", async () => /passphrase/i.test(await pageText(s)));
    assert.equal(await s.exec("return document.documentElement.lang;"), "en");
    await shot(s, "03-welcome-en");
    await assertAccessible(s, "welcome (en)");
  } finally {
    await app.close();
  }
  app = await launch({ home });
  s = app.session;
  try {
    await s.byTestId("screen-welcome");
    await waitFor("English after restart", async () => (await s.exec("return document.documentElement.lang;")) === "en");
    assert.match(await pageText(s), /passphrase/i);
    await (await s.byTestId("lang-nl")).click();
    await waitFor("Dutch again", async () => /wachtwoord/i.test(await pageText(s)));
  } finally {
    await app.close();
  }
});
