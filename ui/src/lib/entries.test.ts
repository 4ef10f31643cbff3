import { describe, expect, it } from 'vitest';
import { changedFields, emptyFields, fieldGroups, lostOnKindChange, formatSize, isTextTarget, peopleText, rowSummary, rowWho } from './entries';

describe('rowSummary', () => {
  const base = { notes: '', asked: '', agreed: '', promised: '' };
  it('takes the first line of the first text there is', () => {
    expect(rowSummary({ ...base, asked: 'Of ik een cv wil sturen\nen meer' })).toBe('Of ik een cv wil sturen');
    expect(rowSummary({ ...base, notes: '  ', agreed: 'Alleen per e-mail' })).toBe('Alleen per e-mail');
    expect(rowSummary(base)).toBe('');
  });
  it('shortens long text with an ellipsis', () => {
    const s = rowSummary({ ...base, notes: 'a'.repeat(300) });
    expect(s.length).toBe(140);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('rowWho', () => {
  it('names people, then the organisation', () => {
    expect(rowWho({ people: ['Anja', 'Mark'], organisation: 'WPI' })).toBe('Anja, Mark (WPI)');
    expect(rowWho({ people: [], organisation: 'UWV' })).toBe('UWV');
    expect(rowWho({ people: ['Anja'], organisation: '' })).toBe('Anja');
  });
});

describe('fieldGroups', () => {
  it('asks each kind only what fits it', () => {
    const letter = fieldGroups('letter-in');
    expect(letter.has('letterDates')).toBe(true);
    expect(letter.has('kenmerk')).toBe(true);
    expect(letter.has('promised')).toBe(false);
    const call = fieldGroups('call-in');
    expect(call.has('asked') && call.has('agreed') && call.has('threat')).toBe(true);
    expect(call.has('letterDates')).toBe(false);
    expect(fieldGroups('meeting').has('companions')).toBe(true);
    expect(fieldGroups('decision').has('sentOn')).toBe(true);
  });
  it('keeps the letter dates and the sender when a letter becomes a decision', () => {
    const filled = ['who', 'organisation', 'kenmerk', 'letterDates', 'letterDeadlines', 'threat'] as const;
    expect(lostOnKindChange(filled, 'decision')).toEqual([]);
  });
  it('says what a kind change cannot keep, and nothing more', () => {
    expect(lostOnKindChange(['who', 'asked', 'agreed', 'followUp'], 'letter-in')).toEqual(['asked', 'agreed']);
    expect(lostOnKindChange(['letterDates', 'kenmerk'], 'call-in')).toEqual(['letterDates', 'kenmerk']);
    expect(lostOnKindChange(['sentOn'], 'letter-out')).toEqual([]);
    expect(lostOnKindChange(['who', 'threat'], 'note')).toEqual(['who', 'threat']);
    // Every kind keeps everything it can hold itself.
    for (const k of ['letter-in', 'call-in', 'meeting', 'decision', 'agreement'] as const) {
      expect(lostOnKindChange(fieldGroups(k), k)).toEqual([]);
    }
  });
  it('marks medical assessments private by default', () => {
    expect(emptyFields('medical-assessment', '2026-03-03').medical).toBe(true);
    expect(emptyFields('call-in', '2026-03-03').medical).toBe(false);
  });
});

describe('changedFields', () => {
  it('lists what differs, in form order', () => {
    const a = emptyFields('call-in', '2026-03-03');
    const b = { ...a, title: 'Nieuw', threat: true, people: [{ personId: 1, role: '' }] };
    expect(changedFields(a, b)).toEqual(['title', 'threat', 'people']);
    expect(changedFields(a, { ...a })).toEqual([]);
  });
});

describe('isTextTarget', () => {
  it('leaves Ctrl+Z to text fields only', () => {
    const el = (tagName: string, type?: string) => ({ tagName, type, isContentEditable: false }) as unknown as EventTarget;
    expect(isTextTarget(el('TEXTAREA'))).toBe(true);
    expect(isTextTarget(el('INPUT', 'text'))).toBe(true);
    expect(isTextTarget(el('INPUT', 'checkbox'))).toBe(false);
    expect(isTextTarget(el('BUTTON'))).toBe(false);
    expect(isTextTarget(null)).toBe(false);
  });
});

describe('formatSize', () => {
  it('reads like people write sizes', () => {
    expect(formatSize(500, 'nl')).toBe('500 B');
    expect(formatSize(12 * 1024, 'nl')).toBe('12 kB');
    expect(formatSize(3.4 * 1024 * 1024, 'nl')).toBe('3,4 MB');
    expect(formatSize(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
  });
});

describe('people in the history', () => {
  it('shows the role, so a role change is visible', () => {
    const names = new Map([[1, 'Mark'], [2, 'Anja']]);
    const before = peopleText([{ personId: 1, role: 'klantmanager' }, { personId: 2, role: '' }], names);
    const after = peopleText([{ personId: 1, role: 'jobhunter' }, { personId: 2, role: '' }], names);
    expect(before).toBe('Mark (klantmanager), Anja');
    expect(after).toBe('Mark (jobhunter), Anja');
    expect(before).not.toBe(after);
    expect(peopleText([{ personId: 9, role: '' }], names)).toBe('#9');
  });
});
