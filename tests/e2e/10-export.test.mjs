// The Export screen: a letter and a medical entry; the count says the medical one is
// left out; a typed path inside the scenario's HOME; the built PDF has the page count,
// holds the chronology and not the medical entry; a second build to the same path is
// refused until the user says to replace the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { pickInDialog, createDossier } from "./lib/flows.mjs";
import { addEntry, textOf } from "./lib/entries.mjs";

const LETTER = "Brief over opschorting";
const MEDICAL = "Keuring bij de bedrijfsarts";

test("export: count without medical, build a PDF to the file chosen in the save dialog, refuse to overwrite", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);
    await addEntry(s, { kind: "letter-in", title: LETTER, fields: { "entry-date": "5-3-2026" } });
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    // A medical assessment: the editor marks it medical by itself.
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await s.exec(
      `const el = document.querySelector('[data-testid="entry-kind"]');
       el.value = 'medical-assessment';
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await (await s.byTestId("entry-title")).fill(MEDICAL);
    await (await s.byTestId("entry-date")).fill("9-3-2026");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="entry-medical"]').checked;`), true);
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);

    await (await s.byTestId("export-button")).click();
    await s.byTestId("screen-export");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="export-medical"]').checked;`), false, "medical is off by default");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="export-attachments"]').checked;`), true, "originals are on by default");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="export-cover"]').checked;`), false, "no name on the cover by default");
    await waitFor("the count", async () => (await textOf(s, "export-count")).includes("Registraties in de PDF: 1."));
    assert.match(await textOf(s, "export-medical-left-out"), /Medische registraties die eruit blijven: 1\./);
    await assertAccessible(s, "export");

    // Cancel in the save dialog: nothing is chosen and nothing is written.
    await pickInDialog(s, "export-save-as-button", null);
    assert.equal(await (await s.byTestId("export-path")).attr("data-name"), "");
    const pdf = join(app.home, "overzicht.pdf");
    await pickInDialog(s, "export-save-as-button", pdf, "export-path");
    const asked = app.dialog.asked().at(-1);
    assert.equal(asked.kind, "save");
    assert.match(asked.fileName, /\.pdf$/, "the dialog suggests a PDF name");
    await (await s.byTestId("export-build-button")).click();
    await s.byTestId("export-done", 60000);
    const done = await textOf(s, "export-done");
    const pages = Number(/(\d+) pagina/.exec(done)?.[1]);
    assert.ok(pages >= 1, `page count shown: ${done}`);
    assert.ok(existsSync(pdf) && statSync(pdf).size > 1000, "the PDF was written");
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    assert.match(text, /Chronologisch overzicht/);
    assert.ok(text.includes(LETTER), "the letter is in");
    assert.ok(!text.includes(MEDICAL), "the medical entry is left out");
    await s.exec(`document.querySelector('[data-testid="export-done"]').scrollIntoView({ block: 'center' });`);
    await shot(s, "10-export-done");
    await assertAccessible(s, "export (done)");

    // The same path again: refused, nothing changed, until the user confirms.
    const before = statSync(pdf).mtimeMs;
    await (await s.byTestId("export-build-button")).click();
    await s.byTestId("error-message");
    assert.match(await textOf(s, "error-message"), /al een bestand/);
    assert.equal(statSync(pdf).mtimeMs, before);
    await shot(s, "10-export-exists");
    await assertAccessible(s, "export (file exists)");
    await (await s.byTestId("export-overwrite-button")).click();
    await s.byTestId("export-done", 60000);
  } finally {
    await app.close();
  }
});
