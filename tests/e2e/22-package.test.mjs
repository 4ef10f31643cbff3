// "Pakket voor de advocaat" (issue 14 item 4) from the screen: a letter with its scan
// and a medical note; from the Export screen to the package screen; medical papers off
// by default (the Export screen's own choice and warning); a password the app makes,
// chosen by keyboard, with the advice to give it by phone; a folder chosen in the
// (test) dialog. The folder checks out with `sha256sum -c SHA256SUMS`, the PDF opens
// with `qpdf --decrypt --password=…` and not without, and holds no medical entry. Then
// the same as one .zip without a password; and the same folder again is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { pickInDialog, createDossier, tabTo } from "./lib/flows.mjs";
import { addEntry, scrollToTestId, textOf } from "./lib/entries.mjs";

const LETTER = "Besluit maatregel 30 procent";
const MEDICAL = "Brief van de huisarts";

/** Runs a tool the way a lawyer would; its exit code and output. */
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  if (r.error) throw new Error(`${cmd} (installed by scripts/setup.sh --test): ${r.error.message}`);
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function checked(s, testid) {
  return s.exec(`return document.querySelector('[data-testid="${testid}"]').checked;`);
}

test("package: a folder with a locked PDF that checks out, then a .zip; a taken folder is refused", async () => {
  const app = await launch();
  const s = app.session;
  const work = mkdtempSync(join(tmpdir(), "dk-e2e-package-"));
  try {
    await createDossier(s);
    await addEntry(s, { kind: "decision", title: LETTER, fields: { "entry-date": "2-11-2026" } });
    const scan = join(work, "besluit.txt");
    writeFileSync(scan, "Besluit: uw uitkering wordt drie maanden met 30 procent verlaagd.\n");
    await pickInDialog(s, "add-file-button", [scan]);
    await s.byTestId("attach-done", 20000);
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    // A medical note: ticked medical in the editor.
    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await (await s.byTestId("entry-title")).fill(MEDICAL);
    await (await s.byTestId("entry-date")).fill("4-11-2026");
    await (await s.byTestId("entry-medical")).click();
    assert.equal(await checked(s, "entry-medical"), true);
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);

    // From the Export screen to the package screen.
    await (await s.byTestId("export-button")).click();
    await s.byTestId("screen-export");
    await scrollToTestId(s, "screen-export");
    await shot(s, "21-export-package-offer");
    await (await s.byTestId("export-package-button")).click();
    await s.byTestId("screen-package");
    assert.equal(await checked(s, "package-medical"), false, "medical papers stay out unless chosen");
    assert.match(await textOf(s, "package-medical-warning"), /aparte bijlage/);
    assert.equal(await checked(s, "package-scope-dossier"), true, "the whole dossier by default");
    assert.match(await textOf(s, "package-no-cases"), /nog geen zaken/);
    await waitFor("the count", async () => (await textOf(s, "package-count")).includes("Registraties: 1. Originele bestanden: 1."));
    assert.match(await textOf(s, "package-medical-left-out"), /Medische registraties die eruit blijven: 1\./);
    await shot(s, "22-package");
    await assertAccessible(s, "package");

    // A password, by keyboard: the app makes one and says to give it by phone.
    await tabTo(s, "package-with-password");
    await s.keys(Key.SPACE);
    await waitFor("the app's password", async () => /^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/.test((await (await s.byTestId("package-password")).attr("data-password")) ?? ""));
    const advice = await textOf(s, "package-phone-advice");
    assert.match(advice, /via de telefoon/);
    assert.match(advice, /nooit in dezelfde e-mail/);
    const first = await (await s.byTestId("package-password")).attr("data-password");
    await tabTo(s, "package-password-new");
    await s.keys(Key.ENTER);
    await waitFor("another password", async () => (await (await s.byTestId("package-password")).attr("data-password")) !== first);
    const password = await (await s.byTestId("package-password")).attr("data-password");
    await s.exec(`document.querySelector('[data-testid="package-password-group"]').scrollIntoView({ block: 'center' });`);
    await shot(s, "22-package-password");
    await assertAccessible(s, "package (password)");

    // A folder: the package goes into a new folder inside the one chosen.
    const parent = join(work, "voor-advocaat");
    mkdirSync(parent);
    await pickInDialog(s, "package-choose-button", parent);
    const asked = app.dialog.asked().at(-1);
    assert.equal(asked.kind, "folder");
    await waitFor("the package folder shown", async () => /^Advocaatpakket-\d{4}-\d{2}-\d{2}$/.test((await (await s.byTestId("package-target")).attr("data-name")) ?? ""));
    const name = await (await s.byTestId("package-target")).attr("data-name");
    await tabTo(s, "package-build-button");
    await s.keys(Key.ENTER);
    await s.byTestId("package-done", 60000);
    assert.match(await textOf(s, "package-done-where"), new RegExp(name));
    await s.byTestId("package-done-password");
    const done = await textOf(s, "package-done");
    assert.ok(done.includes(password), "the password is shown once more with the advice");
    assert.match(done, /via de telefoon/);
    assert.match(done, /niet versleuteld/);
    await shot(s, "22-package-done");
    await assertAccessible(s, "package (done)");

    const dir = join(parent, name);
    const files = readdirSync(dir).sort();
    for (const want of ["LEESMIJ.txt", "SHA256SUMS", "keten.txt", "manifest.csv", "overzicht.pdf", "termijnen.ics", "originelen"]) {
      assert.ok(files.includes(want), `${want} in ${files}`);
    }
    assert.deepEqual(readdirSync(join(dir, "originelen")), ["01-besluit.txt"], "the letter's scan, not the medical note");
    const sums = run("sha256sum", ["-c", "SHA256SUMS"], dir);
    assert.equal(sums.code, 0, sums.out);
    assert.match(sums.out, /originelen\/01-besluit\.txt: OK/);
    const pdf = join(dir, "overzicht.pdf");
    assert.equal(run("qpdf", ["--requires-password", pdf]).code, 0, "the PDF needs a password");
    const refused = run("qpdf", ["--decrypt", pdf, join(work, "zonder.pdf")]);
    assert.notEqual(refused.code, 0, `no password, no PDF: ${refused.out}`);
    const open = join(work, "open.pdf");
    const opened = run("qpdf", ["--decrypt", `--password=${password}`, pdf, open]);
    assert.equal(opened.code, 0, opened.out);
    const text = run("pdftotext", [open, "-"]).out;
    assert.ok(text.includes(LETTER), "the letter is in the bundle");
    assert.ok(!text.includes(MEDICAL), "the medical note is not");

    // The same folder again: refused, and the package there is untouched.
    await pickInDialog(s, "package-choose-button", parent);
    await (await s.byTestId("package-build-button")).click();
    await waitFor("the taken-folder message", async () => /staat al iets/.test(await textOf(s, "error-message").catch(() => "")));
    assert.equal(run("sha256sum", ["-c", "SHA256SUMS"], dir).code, 0, "the first package is as it was");

    // One .zip without a password, saved where the save dialog says.
    await (await s.byTestId("package-with-password")).click();
    await (await s.byTestId("package-form-zip")).click();
    const zip = join(work, "pakket.zip");
    await pickInDialog(s, "package-choose-button", zip, "package-target");
    assert.equal(app.dialog.asked().at(-1).kind, "save");
    assert.match(app.dialog.asked().at(-1).fileName, /^Advocaatpakket-\d{4}-\d{2}-\d{2}\.zip$/);
    await (await s.byTestId("package-build-button")).click();
    await waitFor("the zip made", async () => /pakket\.zip/.test(await textOf(s, "package-done-where").catch(() => "")), 60000);
    assert.ok(existsSync(zip));
    const unpacked = join(work, "uitgepakt");
    assert.equal(run("unzip", ["-q", zip, "-d", unpacked]).code, 0);
    const zipSums = run("sha256sum", ["-c", "SHA256SUMS"], unpacked);
    assert.equal(zipSums.code, 0, zipSums.out);
    assert.equal(run("qpdf", ["--requires-password", join(unpacked, "overzicht.pdf")]).code, 2, "no password this time");
    assert.equal((await s.findAll(s.testid("package-done-password"))).length, 0);
  } finally {
    await app.close();
  }
});
