// A letter with its three dates and kenmerk; a scan attached by typing its path (the
// keyboard route next to drag-and-drop and the file dialog); its preview; an edit with
// a reason and the history that shows what changed; undo; delete with a reason leaves
// a visible tombstone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

import { launch, shot, assertAccessible } from "./lib/app.mjs";
import { waitFor } from "./lib/webdriver.mjs";
import { pickInDialog, createDossier, pageText } from "./lib/flows.mjs";
import { addEntry, choose, count, ctrlZ, waitCount, scrollToTestId } from "./lib/entries.mjs";

/** A small real PNG (a grey square), so the preview has something to show. */
function png(size = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(size * (size + 1), 0x80);
  for (let y = 0; y < size; y++) raw[y * (size + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("a letter: attach a scan, edit with a reason, see the history, undo, delete", async () => {
  const app = await launch();
  const s = app.session;
  try {
    await createDossier(s);

    await (await s.byTestId("new-entry-button")).click();
    await s.byTestId("screen-editor");
    await choose(s, "entry-kind", "letter-in");
    await s.byTestId("entry-kenmerk");
    assert.equal(await count(s, "entry-asked"), 0, "a letter does not ask what they asked");
    await shot(s, "06-editor-letter");
    await assertAccessible(s, "editor (letter)");
    await choose(s, "entry-kind", "call-in");
    await s.byTestId("entry-asked");
    assert.equal(await count(s, "entry-kenmerk"), 0, "a call has no kenmerk");
    await shot(s, "06-editor-call");
    await assertAccessible(s, "editor (call)");
    await (await s.byTestId("cancel-button")).click();
    await s.byTestId("screen-timeline");

    await addEntry(s, {
      kind: "letter-in",
      title: "Brief over opschorting",
      fields: {
        "entry-date": "5-3-2026",
        "entry-kenmerk": "WPI/2026/0042",
        "entry-letter-dated": "2-3-2026",
        "entry-sent-on": "3-3-2026",
        "entry-received-on": "5-3-2026",
        "entry-notes": "Geef uw telefoonnummer vóór 10 maart.",
      },
    });
    const fields = await (await s.byTestId("entry-fields")).text();
    assert.match(fields, /WPI\/2026\/0042/);
    assert.match(fields, /2 maart 2026/);
    assert.match(await (await s.byTestId("entry-changed")).text(), /Nooit gewijzigd/);

    // Attach a scan picked in the file dialog (a drop gives the same handles).
    const scan = join(app.home, "scan-brief.png");
    writeFileSync(scan, png());
    await pickInDialog(s, "add-file-button", [scan]);
    await s.byTestId("attach-done", 20000);
    await waitCount(s, "attachment-item", 1);
    assert.match(await (await s.byTestId("attachment-item")).text(), /scan-brief\.png/);
    assert.match(await (await s.byTestId("attachment-item")).text(), /image\/png/);
    await (await s.byTestId("preview-button")).click();
    await s.byTestId("preview-image", 20000);
    await shot(s, "06-entry-attachment");
    await assertAccessible(s, "entry with attachment and preview");

    // A file gone after it was picked is refused with a message, and nothing is added.
    await pickInDialog(s, "add-file-button", [join(app.home, "bestaat-niet.pdf")]);
    await s.byTestId("attach-failed", 20000);
    assert.match(await (await s.byTestId("attach-failed")).text(), /bestaat niet/);
    assert.doesNotMatch(await (await s.byTestId("attach-failed")).text(), /USB/);
    // No success mark for "0 of 1".
    assert.equal(await count(s, "attach-done"), 0);
    assert.match(await (await s.byTestId("attach-partly")).text(), /Er is niets toegevoegd/);
    assert.equal(await count(s, "attachment-item"), 1);

    // Edit with a reason; the history shows both versions and what changed.
    await (await s.byTestId("edit-entry-button")).click();
    await s.byTestId("screen-editor");
    await waitFor("the form filled in", async () => (await (await s.byTestId("entry-title")).value()) === "Brief over opschorting");
    await (await s.byTestId("entry-title")).fill("Brief over opschorting van mijn uitkering");
    await (await s.byTestId("entry-reason")).fill("titel aangevuld");
    await (await s.byTestId("save-entry-button")).click();
    await s.byTestId("screen-entry", 20000);
    await waitFor("the new title", async () => (await (await s.byTestId("entry-heading")).text()) === "Brief over opschorting van mijn uitkering");
    assert.match(await (await s.byTestId("entry-changed")).text(), /Laatst gewijzigd op/);
    const items = await s.findAll(s.testid("history-item"));
    assert.ok(items.length >= 2, `at least two versions, got ${items.length}`);
    const last = await items[items.length - 1].text();
    assert.match(last, /Aangepast op/);
    assert.match(last, /Veranderd: Titel/);
    assert.match(last, /Reden: titel aangevuld/);
    assert.match(await items[0].text(), /Opgeschreven op/);
    await scrollToTestId(s, "history-list");
    await shot(s, "06-entry-history");
    await assertAccessible(s, "entry with history");

    // Undo (Ctrl+Z outside a text field) restores the earlier title as a new version.
    await (await s.byTestId("entry-heading")).click();
    await ctrlZ(s);
    await s.byTestId("undo-status", 20000);
    await waitFor("the old title back", async () => (await (await s.byTestId("entry-heading")).text()) === "Brief over opschorting");
    const afterUndo = await s.findAll(s.testid("history-item"));
    assert.equal(afterUndo.length, items.length + 1, "undo is a new version; nothing is erased");
    assert.match(await afterUndo[afterUndo.length - 1].text(), /ongedaan gemaakt/);
    await scrollToTestId(s, "history-list");
    await shot(s, "06-entry-undone");
    await assertAccessible(s, "entry after undo");

    // Delete with a reason: a tombstone, visible on the timeline when asked for.
    await (await s.byTestId("delete-entry-button")).click();
    await (await s.byTestId("confirm-delete-button")).click();
    await s.byTestId("delete-reason-error");
    await (await s.byTestId("delete-reason")).fill("dubbel ingevoerd");
    await (await s.byTestId("confirm-delete-button")).click();
    await s.byTestId("entry-tombstone", 20000);
    assert.match(await (await s.byTestId("entry-tombstone")).text(), /dubbel ingevoerd/);
    await shot(s, "06-entry-deleted");
    await assertAccessible(s, "deleted entry");
    assert.match(await pageText(s), /Verwijderd op/);
  } finally {
    await app.close();
  }
});
