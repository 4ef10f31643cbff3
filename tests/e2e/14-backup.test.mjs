// Backups (F11) from the screens, keyboard only: make a backup with the progress bar,
// check it with the recovery code (the summary line), restore it into a new folder,
// then restore it in place after the screen said what would be lost (with a safety
// backup); the home view says when the last backup was made. The CLI checks the files
// the screens wrote (an oracle outside the app).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { Key, waitFor } from "./lib/webdriver.mjs";
import { pickInDialog, createDossier, addNote, pageText, tabTo } from "./lib/flows.mjs";
import { textOf } from "./lib/entries.mjs";

const NEW_PASS = "andere zonnebloem fiets";

async function type(s, testid, text) {
  await tabTo(s, testid);
  await (await s.byTestId(testid)).fill(text);
}

/** "Kies …" by keyboard; the dialog (the test hook) answers with `path`. */
async function pick(s, buttonTestid, path, shown) {
  await pickInDialog(s, buttonTestid, path, shown, { keyboard: true });
}

async function press(s, testid) {
  await tabTo(s, testid);
  await s.keys(Key.ENTER);
}

test("backup: make, check, restore into a new folder and in place, keyboard only", async () => {
  const app = await launch();
  const s = app.session;
  try {
    const code = await createDossier(s);
    await addNote(s, "Gesprek met de klantmanager", "Over de korting");
    await (await s.byTestId("home-button")).click();
    await s.byTestId("screen-home");
    await waitFor("the backup line on the home view", async () =>
      (await textOf(s, "backup-reminder-last")).includes("nog geen reservekopie"),
    );

    await press(s, "backup-button");
    await s.byTestId("screen-backup");
    await assertAccessible(s, "backup");
    // The suggested file, in Documents, named after today; the dialog suggests it too.
    assert.match(await (await s.byTestId("backup-path")).attr("data-name"), /^Dossierkluis-reservekopie-\d{4}-\d\d-\d\d\.age$/);
    const file = join(app.home, "reservekopie.age");
    await pick(s, "backup-choose-button", file, "backup-path");
    assert.match(app.dialog.asked().at(-1).fileName, /^Dossierkluis-reservekopie-\d{4}-\d\d-\d\d\.age$/);
    await press(s, "backup-make-button");
    await s.byTestId("backup-done", 60000);
    assert.match(await textOf(s, "backup-done"), /Reservekopie gemaakt: 1 registratie, 0 bijlagen/);
    // The backup is in the e2e HOME, on the same disk as the dossier: the screen says so.
    assert.match(await textOf(s, "backup-same-disk"), /dezelfde schijf/);
    assert.equal(statSync(file).mode & 0o777, 0o600, "the backup file is private");
    await shot(s, "14-backup-made");
    await assertAccessible(s, "backup (made)");

    // The same name again: refused in plain words, the first backup untouched.
    const before = readFileSync(file);
    await press(s, "backup-make-button");
    await waitFor("the file-exists message", async () => /Er staat al een bestand met die naam/.test(await textOf(s, "error-message")));
    assert.ok(readFileSync(file).equals(before), "the existing backup was not overwritten");
    await shot(s, "14-backup-exists");

    // A wrong recovery code, then a damaged copy: each its own plain message.
    await pick(s, "backup-choose-file-button", file, "backup-file");
    // A well-formed code of another dossier (made by the CLI), so it is not a typo.
    const other = execFileSync(process.env.DOSSIER_CLI, ["init", join(app.home, "ander-dossier")], {
      env: { ...process.env, DOSSIER_PASSPHRASE: NEW_PASS, LANG: "en_GB.UTF-8" },
      encoding: "utf8",
    }).trim().split("\n").pop();
    await type(s, "backup-code", other);
    await press(s, "backup-check-button");
    await waitFor("a message for the wrong code", async () => /Deze herstelcode opent deze reservekopie niet/.test(await textOf(s, "error-message").catch(() => "")));
    const wrongCode = await textOf(s, "error-message");
    await shot(s, "14-backup-wrong-code");
    const damaged = join(app.home, "beschadigd.age");
    const bytes = Buffer.from(before);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(damaged, bytes);
    await pick(s, "backup-choose-file-button", damaged, "backup-file");
    await type(s, "backup-code", code);
    await press(s, "backup-check-button");
    await waitFor("the damaged-file message", async () => /beschadigd|niet compleet/.test(await textOf(s, "error-message").catch(() => "")));
    assert.notEqual(await textOf(s, "error-message"), wrongCode, "a damaged file is not called a wrong code");
    await shot(s, "14-backup-damaged");

    await pick(s, "backup-choose-file-button", file, "backup-file");
    await type(s, "backup-code", code);
    await press(s, "backup-check-button");
    await s.byTestId("backup-summary", 60000);
    const summary = await textOf(s, "backup-summary");
    assert.match(summary, /Reservekopie van \d\d-\d\d-\d{4}: 1 registratie \(\d\d-\d\d-\d{4} t\/m \d\d-\d\d-\d{4}\), 0 bijlagen/);
    await shot(s, "14-backup-checked");

    // The recovery code is hidden like a passphrase; the toggle shows it, by keyboard.
    assert.equal(await (await s.byTestId("backup-code")).attr("type"), "password", "the code is hidden at first");
    await tabTo(s, "backup-show-code");
    await s.keys(" ");
    await waitFor("the code shown", async () => (await (await s.byTestId("backup-code")).attr("type")) === "text");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="backup-code"]').value;`), code);
    await shot(s, "14-backup-code-shown");
    await tabTo(s, "backup-show-code");
    await s.keys(" ");
    await waitFor("the code hidden again", async () => (await (await s.byTestId("backup-code")).attr("type")) === "password");

    // A backup cut off halfway (a full stick, a broken copy): restoring it is refused
    // in plain Dutch and nothing is written: no folder, no half-restored leftovers.
    const half = join(app.home, "afgebroken.age");
    writeFileSync(half, before.subarray(0, Math.floor(before.length / 2)));
    const homeBefore = readdirSync(app.home).sort();
    const halfTarget = join(app.home, "half-teruggezet");
    await pick(s, "backup-choose-file-button", half, "backup-file");
    await type(s, "backup-code", code);
    await pick(s, "restore-choose-folder", halfTarget, "restore-target");
    await type(s, "restore-passphrase", NEW_PASS);
    await type(s, "restore-passphrase-repeat", NEW_PASS);
    await press(s, "restore-new-button");
    await waitFor("the cut-off message", async () => /De reservekopie is niet compleet/.test(await textOf(s, "error-message").catch(() => "")));
    assert.ok(!existsSync(halfTarget), "no folder was made for the cut-off backup");
    assert.deepEqual(readdirSync(app.home).sort(), homeBefore, "nothing was left beside it (no half folder)");
    assert.equal(await s.exec(`return document.querySelector('[data-testid="restore-done"]') === null;`), true, "nothing was said to be restored");
    await shot(s, "14-backup-truncated");
    await assertAccessible(s, "backup (cut-off file)");
    await pick(s, "backup-choose-file-button", file, "backup-file");
    await type(s, "backup-code", code);

    // Into a new folder, with a new passphrase; the CLI opens what the screen wrote.
    const target = join(app.home, "teruggezet");
    await pick(s, "restore-choose-folder", target, "restore-target");
    await type(s, "restore-passphrase", NEW_PASS);
    await type(s, "restore-passphrase-repeat", NEW_PASS);
    await press(s, "restore-new-button");
    await s.byTestId("restore-done", 60000);
    assert.ok(existsSync(join(target, "dossier.db")), "the restored dossier is there");
    const cli = process.env.DOSSIER_CLI;
    if (cli) {
      const out = execFileSync(cli, ["verify", target], { env: { ...process.env, DOSSIER_PASSPHRASE: NEW_PASS, LANG: "en_GB.UTF-8" }, encoding: "utf8" });
      assert.match(out, /Entries: 1/);
      assert.match(out, /Integrity: ok/);
    }
    await shot(s, "14-backup-restored-new");

    // A newer entry, then restore in place: the screen says what is lost first.
    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await addNote(s, "Na de reservekopie", "");
    await press(s, "backup-button");
    await s.byTestId("screen-backup");
    await pick(s, "backup-choose-file-button", file, "backup-file");
    await type(s, "backup-code", code);
    await tabTo(s, "restore-new");
    await s.keys("\uE015"); // Arrow down: the next choice, "In plaats van dit dossier"
    await waitFor("the in-place choice", async () => s.exec(`return document.querySelector('[data-testid="restore-in-place"]').checked;`));
    await press(s, "restore-preview-button");
    await s.byTestId("restore-preview", 60000);
    assert.match(await textOf(s, "restore-loss"), /ouder: 1 registratie van na \d\d-\d\d-\d{4} gaat verloren/);
    const safety = join(app.home, "veiligheidskopie.age");
    assert.match(await (await s.byTestId("restore-safety")).attr("data-name"), /^Dossierkluis-reservekopie-\d{4}-\d\d-\d\d-veiligheidskopie\.age$/);
    await pick(s, "restore-choose-safety", safety, "restore-safety");
    await shot(s, "14-backup-restore-preview");
    await assertAccessible(s, "backup (restore preview)");
    await press(s, "restore-confirm-button");
    await s.byTestId("restore-done", 60000);
    assert.ok(existsSync(safety), "the safety backup was made first");
    await shot(s, "14-backup-restored-in-place");

    await (await s.byTestId("timeline-button")).click();
    await s.byTestId("screen-timeline");
    await waitFor("the restored timeline", async () => {
      const text = await pageText(s);
      return text.includes("Gesprek met de klantmanager") && !text.includes("Na de reservekopie");
    });

    await (await s.byTestId("home-button")).click();
    await s.byTestId("screen-home");
    await waitFor("the last backup on the home view", async () =>
      (await textOf(s, "backup-reminder-last")).includes("Laatste reservekopie:"),
    );
    await shot(s, "14-backup-home");
    await assertAccessible(s, "home (backup line)");
  } finally {
    await app.close();
  }
});
