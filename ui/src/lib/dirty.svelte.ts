// Whether an editor holds text that is not saved yet. The editor sets it as the user
// types and clears it on save, cancel or leaving; lock and quit ask before dropping it.
// The backend is told too, so closing the window asks instead of closing.

import { commands } from './bindings';

export const unsaved = $state({ dirty: false });

export function setDirty(dirty: boolean): void {
  if (unsaved.dirty === dirty) return;
  unsaved.dirty = dirty;
  commands.setEditorDirty(dirty).catch(() => undefined);
}
