// Undo that undoes exactly the last thing you did. Every change the user makes (an entry
// added, changed or attached to; a link; an exemption; a case; a person) is recorded
// here as one action: what it was, on which object, and how to take exactly that back.
// The bar names the action and its object ("Ongedaan maken: ontheffing gewijzigd"); a
// change to anything else replaces it, and a change to the same object by another path
// (seen when the object's version no longer matches) makes it go away, so the button can
// never undo something other than what it names.

import type { Result } from './call';
import type { MessageKey } from './i18n/translate';

/** The kinds of action, each with its own words and its own inverse. */
export type UndoKind =
  | 'entry-add'
  | 'entry-edit'
  | 'entry-delete'
  | 'attach'
  | 'link-add'
  | 'link-remove'
  | 'exemption-add'
  | 'exemption-edit'
  | 'exemption-delete'
  | 'case-add'
  | 'case-edit'
  | 'case-entry-add'
  | 'case-entry-remove'
  | 'person-add'
  | 'person-edit'
  | 'letter-sent';

/** The object an action changed; two actions on the same target supersede each other. */
export interface Target {
  type: 'entry' | 'exemption' | 'case' | 'person';
  id: number;
}

export interface UndoAction {
  kind: UndoKind;
  /** The object's name as the user knows it (a title, a name). */
  object: string;
  target: Target;
  /**
   * The object's version right after this action (history length of an entry, the
   * updatedAt of an exemption or case, the fields of a person): when it differs now,
   * the object changed since and the action is no longer the last one on it.
   */
  stamp: string;
  /** Takes exactly this action back. */
  revert: () => Promise<Result<unknown, { code: string }>>;
}

/** "entry-edit" → "undo.kind.entry-edit" ("item gewijzigd"). */
export function undoLabelKey(kind: UndoKind): MessageKey {
  return `undo.kind.${kind}` as MessageKey;
}

/** Whether the bar may still offer `action`, given the object's stamp now. */
export function stillLast(action: UndoAction, stampNow: string | null): boolean {
  return stampNow !== null && stampNow === action.stamp;
}

/** The commands the inverses use (the generated bindings, or a fake in tests). */
export interface UndoCommands {
  undoChange: (id: number) => Promise<Result<unknown, { code: string }>>;
  unlinkEntries: (fromId: number, toId: number, kind: string) => Promise<Result<unknown, { code: string }>>;
  linkEntries: (fromId: number, toId: number, kind: string) => Promise<Result<unknown, { code: string }>>;
  deleteExemption: (id: number) => Promise<Result<unknown, { code: string }>>;
  updateExemption: (id: number, fields: never) => Promise<Result<unknown, { code: string }>>;
  addExemption: (fields: never) => Promise<Result<unknown, { code: string }>>;
  deleteCase: (id: number) => Promise<Result<unknown, { code: string }>>;
  updateCase: (id: number, fields: never) => Promise<Result<unknown, { code: string }>>;
  removeFromCase: (caseId: number, entryId: number) => Promise<Result<unknown, { code: string }>>;
  addToCase: (caseId: number, entryId: number) => Promise<Result<unknown, { code: string }>>;
  updatePerson: (id: number, fields: never) => Promise<Result<unknown, { code: string }>>;
  removeUnusedPerson: (id: number) => Promise<Result<unknown, { code: string }>>;
  undoLetterSent: (id: number) => Promise<Result<unknown, { code: string }>>;
}

/** What each kind needs to be taken back. */
export type UndoInput =
  | { kind: 'entry-add' | 'entry-edit' | 'entry-delete' | 'attach'; entryId: number }
  | { kind: 'link-add' | 'link-remove'; fromId: number; toId: number; linkKind: string }
  | { kind: 'exemption-add'; id: number }
  | { kind: 'exemption-edit'; id: number; before: unknown }
  | { kind: 'exemption-delete'; before: unknown }
  | { kind: 'case-add'; id: number }
  | { kind: 'case-edit'; id: number; before: unknown }
  | { kind: 'case-entry-add' | 'case-entry-remove'; caseId: number; entryId: number }
  | { kind: 'person-add'; id: number }
  | { kind: 'person-edit'; id: number; before: unknown }
  | { kind: 'letter-sent'; entryId: number };

/**
 * The inverse of one action: the single command that takes exactly it back. An entry's
 * add, edit, deletion or new files go back through core's own undo (a new version, so
 * the history stays honest: a deletion comes back as a "restore" version with its tags,
 * people, links and files); the others through the opposite command with what was there
 * before. A new person is removed again only while nothing names them (core refuses
 * otherwise, and the bar says so).
 */
export function inverse(input: UndoInput, c: UndoCommands): () => Promise<Result<unknown, { code: string }>> {
  switch (input.kind) {
    case 'entry-add':
    case 'entry-edit':
    case 'entry-delete':
    case 'attach':
      return () => c.undoChange(input.entryId);
    case 'link-add':
      return () => c.unlinkEntries(input.fromId, input.toId, input.linkKind);
    case 'link-remove':
      return () => c.linkEntries(input.fromId, input.toId, input.linkKind);
    case 'exemption-add':
      return () => c.deleteExemption(input.id);
    case 'exemption-edit':
      return () => c.updateExemption(input.id, input.before as never);
    case 'exemption-delete':
      return () => c.addExemption(input.before as never);
    case 'case-add':
      return () => c.deleteCase(input.id);
    case 'case-edit':
      return () => c.updateCase(input.id, input.before as never);
    case 'case-entry-add':
      return () => c.removeFromCase(input.caseId, input.entryId);
    case 'case-entry-remove':
      return () => c.addToCase(input.caseId, input.entryId);
    case 'person-edit':
      return () => c.updatePerson(input.id, input.before as never);
    case 'person-add':
      return () => c.removeUnusedPerson(input.id);
    case 'letter-sent':
      // One core call takes back the whole sending: fields, link and proof.
      return () => c.undoLetterSent(input.entryId);
  }
}
