import { describe, expect, it } from 'vitest';
import { inverse, stillLast, undoLabelKey, type UndoCommands, type UndoInput } from './undo';
import { translate } from './i18n/translate';

/** A fake command set that records which command an inverse called, with what. */
function fake(): { c: UndoCommands; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const ok = async () => ({ status: 'ok' as const, data: null });
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return ok();
    };
  const c = {
    undoChange: rec('undoChange'),
    unlinkEntries: rec('unlinkEntries'),
    linkEntries: rec('linkEntries'),
    deleteExemption: rec('deleteExemption'),
    updateExemption: rec('updateExemption'),
    addExemption: rec('addExemption'),
    deleteCase: rec('deleteCase'),
    updateCase: rec('updateCase'),
    removeFromCase: rec('removeFromCase'),
    addToCase: rec('addToCase'),
    updatePerson: rec('updatePerson'),
    removeUnusedPerson: rec('removeUnusedPerson'),
    undoLetterSent: rec('undoLetterSent'),
  } as unknown as UndoCommands;
  return { c, calls };
}

const before = { title: 'zoals het was' };
const cases: Array<[UndoInput, unknown[]]> = [
  [{ kind: 'entry-add', entryId: 4 }, ['undoChange', 4]],
  [{ kind: 'entry-edit', entryId: 4 }, ['undoChange', 4]],
  // A deletion goes back through core's undo too: a restore version, not a new entry.
  [{ kind: 'entry-delete', entryId: 4 }, ['undoChange', 4]],
  [{ kind: 'attach', entryId: 4 }, ['undoChange', 4]],
  [{ kind: 'link-add', fromId: 5, toId: 4, linkKind: 'reply-to' }, ['unlinkEntries', 5, 4, 'reply-to']],
  [{ kind: 'link-remove', fromId: 5, toId: 4, linkKind: 'reply-to' }, ['linkEntries', 5, 4, 'reply-to']],
  [{ kind: 'exemption-add', id: 2 }, ['deleteExemption', 2]],
  [{ kind: 'exemption-edit', id: 2, before }, ['updateExemption', 2, before]],
  [{ kind: 'exemption-delete', before }, ['addExemption', before]],
  [{ kind: 'case-add', id: 3 }, ['deleteCase', 3]],
  [{ kind: 'case-edit', id: 3, before }, ['updateCase', 3, before]],
  [{ kind: 'case-entry-add', caseId: 3, entryId: 4 }, ['removeFromCase', 3, 4]],
  [{ kind: 'case-entry-remove', caseId: 3, entryId: 4 }, ['addToCase', 3, 4]],
  [{ kind: 'person-edit', id: 7, before }, ['updatePerson', 7, before]],
  [{ kind: 'person-add', id: 7 }, ['removeUnusedPerson', 7]],
  [{ kind: 'letter-sent', entryId: 9 }, ['undoLetterSent', 9]],
];

describe('undo takes back exactly the action it names', () => {
  for (const [input, expected] of cases) {
    it(`${input.kind}: one call, the opposite one, on that object`, async () => {
      const { c, calls } = fake();
      const revert = inverse(input, c);
      expect(revert).not.toBeNull();
      await revert!();
      expect(calls).toEqual([expected]);
    });
  }
  it('every kind the issue names has an inverse (entry edit, delete, link, attachment, exemption, case, person)', () => {
    const kinds = new Set(cases.map(([i]) => i.kind));
    for (const k of ['entry-edit', 'entry-delete', 'link-add', 'attach', 'exemption-edit', 'case-edit', 'person-add', 'person-edit'] as const) {
      expect(kinds.has(k)).toBe(true);
    }
  });
  it('names every kind in both languages', () => {
    for (const [input] of cases) {
      const nl = translate('nl', undoLabelKey(input.kind));
      const en = translate('en', undoLabelKey(input.kind));
      expect(nl).not.toBe(undoLabelKey(input.kind));
      expect(en).not.toBe(nl);
    }
    expect(translate('nl', undoLabelKey('exemption-edit'))).toBe('ontheffing gewijzigd');
  });
});

describe('the bar goes away when its object changed since', () => {
  const action = { kind: 'exemption-edit' as const, object: 'x', target: { type: 'exemption' as const, id: 2 }, stamp: 'A', revert: async () => ({ status: 'ok' as const, data: null }) };
  it('stays while the object is as the action left it', () => {
    expect(stillLast(action, 'A')).toBe(true);
  });
  it('goes when the object changed, or is gone', () => {
    expect(stillLast(action, 'B')).toBe(false);
    expect(stillLast(action, null)).toBe(false);
  });
});
