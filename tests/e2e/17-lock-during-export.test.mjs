// Lock while a long PDF export runs (issue 11 item 7): the export works off the async
// runtime and shares the dossier instead of holding it, so the lock button shows the
// Open screen at once, the folder is closed as soon as the running step ends, and the
// export overtaken by the lock writes nothing. Were lock to wait for the export (as
// when both queued on one mutex), the PDF would be written first: the test checks that
// it never is. The dossier is opened through the Open screen's folder dialog (the test
// hook answers it) after the CLI made and filled it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { appBinary, launch, shot } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { PASS, pickInDialog } from "./lib/flows.mjs";

const ENTRIES = 2000;

function cli(args) {
  const bin = process.env.DOSSIER_CLI || join(dirname(appBinary()), "dossier");
  const r = spawnSync(bin, args, {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "nl_NL.UTF-8", DOSSIER_PASSPHRASE: PASS },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("lock during a long export: the Open screen at once, no PDF, the folder closed", async () => {
  const root = mkdtempSync(join(tmpdir(), "dk-lock-export-"));
  const dir = join(root, "Dossierkluis");
  assert.equal(cli(["init", dir]).status, 0);
  // Enough pages that the PDF takes many seconds in a debug build.
  const notes = "Gesprek over de re-integratie en de afspraken die daarbij zijn gemaakt. ".repeat(12);
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    kind: "note",
    occurred_on: `20${String(10 + Math.floor(i / 365) % 15)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    title: `Notitie ${i + 1}`,
    notes,
  }));
  const file = join(root, "import.json");
  writeFileSync(file, JSON.stringify(entries));
  const imported = cli(["import", dir, file]);
  assert.equal(imported.status, 0, imported.stderr);

  const app = await launch();
  const s = app.session;
  try {
    await (await s.byTestId("to-open-button", 20000)).click();
    await s.byTestId("screen-open");
    await pickInDialog(s, "choose-dir-button", dir, "dossier-dir");
    await (await s.byTestId("passphrase")).fill(PASS);
    await (await s.byTestId("open-button")).click();
    await s.byTestId("screen-home", 30000);

    await (await s.byTestId("export-button")).click();
    await s.byTestId("screen-export");
    const pdf = join(root, "overzicht.pdf");
    await pickInDialog(s, "export-save-as-button", pdf, "export-path");
    await (await s.byTestId("export-build-button")).click();
    await waitFor("the export to run", async () => (await (await s.byTestId("export-status")).text()).includes("De PDF wordt gemaakt"));

    await (await s.byTestId("lock-button")).click();
    await s.byTestId("screen-open", 10000);
    assert.ok(!existsSync(pdf), "locked before the PDF was written");
    await shot(s, "17-locked-during-export");

    // The app lets go of the folder once the export's step ends; the CLI may then open it.
    await waitFor("the app to close the dossier", async () => cli(["check", dir]).status === 0, 300000);
    assert.ok(!existsSync(pdf), "an export overtaken by lock writes nothing");
  } finally {
    await app.close();
  }
});
