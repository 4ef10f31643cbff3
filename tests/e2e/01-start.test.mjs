// The app starts, shows the welcome screen in Dutch, and the screen passes axe.
import { test } from "node:test";
import assert from "node:assert/strict";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";

test("a first start opens the window on the welcome screen, in Dutch", async () => {
  const app = await launch();
  try {
    const s = app.session;
    await waitFor("the window title", async () => /Dossierkluis/.test(await s.title()));
    const welcome = await s.byTestId("screen-welcome");
    const ms = Date.now() - app.started;
    console.log(`cold start to first screen: ${ms} ms`);
    assert.equal(await s.exec("return document.documentElement.lang;"), "nl");
    assert.match(await welcome.text(), /dossier/i);
    await shot(s, "01-welcome-nl");
    await assertAccessible(s, "welcome");
  } finally {
    await app.close();
  }
});
