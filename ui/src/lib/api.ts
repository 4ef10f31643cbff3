// A thin layer over the generated bindings: the lock event, the folder picker and the
// throttled activity ping. Screens import from here or from bindings, never `invoke`.

import type { UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open, save } from '@tauri-apps/plugin-dialog';
import { commands, events, type BackupProgress, type DossierLocked } from './bindings';

export { commands };

/** Calls `handler` whenever the backend locks the dossier by itself (idle, suspend). */
export function onDossierLocked(handler: (event: DossierLocked) => void): Promise<UnlistenFn> {
  return events.dossierLocked.listen((e) => handler(e.payload));
}

/** Calls `handler` as a backup, check or restore makes progress. */
export function onBackupProgress(handler: (event: BackupProgress) => void): Promise<UnlistenFn> {
  return events.backupProgress.listen((e) => handler(e.payload));
}

/** The native file picker for one file; null when the user cancels. */
export async function chooseFile(title: string): Promise<string | null> {
  const picked = await open({ directory: false, multiple: false, title });
  return typeof picked === 'string' ? picked : null;
}

/** The native folder picker; null when the user cancels. */
export async function chooseFolder(title: string, defaultPath?: string): Promise<string | null> {
  const picked = await open({
    directory: true,
    multiple: false,
    title,
    ...(defaultPath ? { defaultPath } : {}),
  });
  return typeof picked === 'string' ? picked : null;
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

/** The native file picker for attachments; [] when the user cancels. */
export async function chooseFiles(title: string): Promise<string[]> {
  const picked = await open({ directory: false, multiple: true, title });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** The native "save as" dialog; null when the user cancels. */
export async function chooseSavePath(title: string, defaultPath: string): Promise<string | null> {
  return save({ title, defaultPath });
}

export type DropState = 'over' | 'leave' | { paths: string[] };

/**
 * Files dragged onto the window. The webview reports paths (never contents); the
 * handler decides whether the drop landed on an entry. Needs only event listening.
 */
export function onFileDrop(handler: (state: DropState, position: { x: number; y: number } | null) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === 'over' || p.type === 'enter') handler('over', p.position);
    else if (p.type === 'leave') handler('leave', null);
    else if (p.type === 'drop') handler({ paths: p.paths }, p.position);
  });
}
