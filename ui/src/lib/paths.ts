// What the UI shows of a chosen file or folder. The UI never builds or sends a path:
// the backend hands out a handle with the name and folder as text to show.

import type { PickedFile } from './bindings';

/** "brief.pdf in /home/ana/Documenten", for the line under a choose button. */
export function placeOf(p: Pick<PickedFile, 'name' | 'folder'>, inWord: string): string {
  return p.folder === '' ? p.name : `${p.name} ${inWord} ${p.folder}`;
}
