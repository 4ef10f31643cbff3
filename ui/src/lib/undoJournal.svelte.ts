// The one place that knows the last change the user made (see undo.ts): screens record
// each change here right after it succeeded, the undo bar in App reads it. A module
// state instead of props through every screen, so no screen can forget to pass it on.

import { commands } from './bindings';
import { call } from './call';
import { inverse, stillLast, type Target, type UndoAction, type UndoInput } from './undo';

export const journal = $state<{ last: UndoAction | null }>({ last: null });

/** The object's version now (null when it is gone), compared with the recorded one. */
export async function stampOf(target: Target): Promise<string | null> {
  switch (target.type) {
    case 'entry': {
      const r = await call(() => commands.entryHistory(target.id));
      return r.status === 'ok' ? `v${r.data.length}` : null;
    }
    case 'exemption': {
      const r = await call(() => commands.getExemption(target.id));
      return r.status === 'ok' ? `${r.data.updatedAt ?? r.data.createdAt}|${r.data.deletedAt ?? ''}|${JSON.stringify(r.data.fields)}` : null;
    }
    case 'case': {
      const r = await call(() => commands.getCase(target.id));
      return r.status === 'ok' ? `${r.data.updatedAt ?? r.data.createdAt}|${r.data.deletedAt ?? ''}|${r.data.entryCount}|${JSON.stringify(r.data.fields)}` : null;
    }
    case 'person': {
      const r = await call(() => commands.listPeople());
      const p = r.status === 'ok' ? r.data.find((x) => x.id === target.id) : undefined;
      return p ? JSON.stringify(p.fields) : null;
    }
  }
}

/**
 * Records a change that just succeeded: it becomes the one the bar offers, replacing
 * any older one, so the bar never offers an older, unrelated action.
 */
export async function recordChange(input: UndoInput, target: Target, object: string): Promise<void> {
  const revert = inverse(input, commands);
  const stamp = await stampOf(target);
  journal.last = stamp === null ? null : { kind: input.kind, object, target, stamp, revert };
}

/** Drops the offer when its object changed since by another path. */
export async function recheck(): Promise<void> {
  const last = journal.last;
  if (!last) return;
  if (!stillLast(last, await stampOf(last.target)) && journal.last === last) journal.last = null;
}

export function forget(): void {
  journal.last = null;
}
