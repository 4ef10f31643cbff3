// A thin layer over the generated bindings: the lock event, the file and folder dialogs
// (opened by the backend; the UI gets handles) and the throttled activity ping.
// Screens import from here or from bindings, never `invoke`.

import type { UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { commands, events, type BackupProgress, type DossierLocked, type FolderPurpose, type PickedFile } from './bindings';

export { commands };

/** Calls `handler` whenever the backend locks the dossier by itself (idle, suspend). */
export function onDossierLocked(handler: (event: DossierLocked) => void): Promise<UnlistenFn> {
  return events.dossierLocked.listen((e) => handler(e.payload));
}

/** Calls `handler` as a backup, check or restore makes progress. */
export function onBackupProgress(handler: (event: BackupProgress) => void): Promise<UnlistenFn> {
  return events.backupProgress.listen((e) => handler(e.payload));
}

/** A failed dialog (it did not open): screens say so instead of silently doing nothing. */
export class DialogFailed extends Error {}

function picked<T>(r: { status: 'ok'; data: T } | { status: 'error'; error: { code: string } }): T {
  if (r.status === 'error') throw new DialogFailed(r.error.code);
  return r.data;
}

/**
 * The system's file picker, opened by the backend: handles for one file (or several)
 * to read; null / [] when the user cancels. The UI never sees or sends a path it can
 * use: only the handle, and the name and folder to show.
 */
export async function chooseFile(title: string): Promise<PickedFile | null> {
  return picked(await commands.pickFiles(title, false))[0] ?? null;
}

/** The system's file picker for several files (attachments); [] when cancelled. */
export async function chooseFiles(title: string): Promise<PickedFile[]> {
  return picked(await commands.pickFiles(title, true));
}

/**
 * The system's folder picker. For a new dossier, `subfolder` is made inside the folder
 * the user picks; null when the user cancels.
 */
export async function chooseFolder(title: string, purpose: FolderPurpose, subfolder: string | null = null): Promise<PickedFile | null> {
  return picked(await commands.pickFolder(title, purpose, subfolder));
}

/** The system's "save as" dialog, suggesting `fileName`; null when cancelled. */
export async function chooseSaveFile(title: string, fileName: string): Promise<PickedFile | null> {
  return picked(await commands.pickSaveFile(title, fileName));
}

/**
 * Returns a function to call on every key press or pointer press. It forwards at most
 * one `touch` per `intervalMs` to the backend's auto-lock timer, and never throws.
 */
export function throttled(send: () => Promise<unknown>, intervalMs: number, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    send().catch(() => {
      // A failed ping only means the timer was not reset; the lock event tells us the rest.
    });
  };
}

export const TOUCH_INTERVAL_MS = 20_000;
export const touchActivity = throttled(() => commands.touch(), TOUCH_INTERVAL_MS);

export type DropState = 'over' | 'leave' | 'drop';

/**
 * Files dragged onto the window. The webview's own events move the highlight; the
 * files themselves come from the backend as handles (`files-dropped`), since no
 * command takes the paths the webview sees. Needs only event listening.
 */
export function onFileDrop(
  handler: (state: DropState) => void,
  dropped: (files: PickedFile[]) => void,
): Promise<UnlistenFn> {
  const webview = getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === 'over' || p.type === 'enter') handler('over');
    else if (p.type === 'leave') handler('leave');
    else if (p.type === 'drop') handler('drop');
  });
  const files = events.filesDropped.listen((e) => dropped(e.payload.files));
  return Promise.all([webview, files]).then(([a, b]) => () => {
    a();
    b();
  });
}
