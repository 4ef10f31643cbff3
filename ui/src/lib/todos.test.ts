import { describe, expect, it } from 'vitest';
import { actionsFor, daysLeftText, entriesWithOpenTodos, groupTodos, notNeededKey, openEntryKey, sentenceOf, shownDate, urgency, whenText, type Todo } from './todos';

function todo(over: Partial<Todo>): Todo {
  return {
    entryId: 1,
    kind: 'objection',
    entryKind: 'decision',
    entryTitle: 'Besluit opschorting',
    entryDate: '2026-03-03',
    kenmerk: '',
    medical: false,
    dueOn: '2026-04-14',
    dueTime: null,
    actBy: '2026-04-07',
    countedFrom: null,
    onDayOff: false,
    state: 'open',
    doneBy: null,
    byLink: false,
    daysLeft: 10,
    daysToDue: 17,
    sentenceNl: 'Bezwaar maken tegen het besluit van 3 maart: uiterlijk dinsdag 14 april.',
    sentenceEn: 'Object to the decision of 3 March: by Tuesday 14 April at the latest.',
    ...over,
  };
}

describe('groupTodos', () => {
  it("keeps core's order inside each group and sorts nothing itself", () => {
    const list = [
      todo({ entryId: 3, state: 'missed', actBy: '2026-02-01', daysLeft: -5 }),
      todo({ entryId: 7, kind: 'reply', state: 'missed', actBy: '2026-03-01', daysLeft: -2 }),
      todo({ entryId: 2, actBy: '2026-04-01' }),
      todo({ entryId: 6, kind: 'appointment', actBy: '2026-04-01', dueTime: '09:00' }),
      todo({ entryId: 1, actBy: '2026-05-01' }),
      todo({ entryId: 5, state: 'not-needed', actBy: '2026-03-01' }),
      todo({ entryId: 4, state: 'done', actBy: '2026-01-01' }),
    ];
    const g = groupTodos(list);
    expect(g.missed.map((t) => t.entryId)).toEqual([3, 7]);
    expect(g.open.map((t) => t.entryId)).toEqual([2, 6, 1]);
    expect(g.done.map((t) => t.entryId)).toEqual([5, 4]);
    expect(g.nothingToDo).toBe(false);
  });

  it('never says "nothing to do" while something is missed', () => {
    const g = groupTodos([todo({ state: 'missed', daysLeft: -1 }), todo({ entryId: 2, state: 'done' })]);
    expect(g.open).toEqual([]);
    expect(g.nothingToDo).toBe(false);
  });

  it('says "nothing to do" only with nothing open or missed', () => {
    expect(groupTodos([])).toEqual({ open: [], missed: [], done: [], nothingToDo: true });
    expect(groupTodos([todo({ state: 'done' })]).nothingToDo).toBe(true);
  });
});

describe('days left in words', () => {
  it('speaks Dutch', () => {
    expect(daysLeftText(5, 'nl')).toBe('nog 5 dagen');
    expect(daysLeftText(1, 'nl')).toBe('morgen');
    expect(daysLeftText(0, 'nl')).toBe('vandaag');
    expect(daysLeftText(-2, 'nl')).toBe('te laat');
  });
  it('speaks English', () => {
    expect(daysLeftText(5, 'en')).toBe('5 days left');
    expect(daysLeftText(1, 'en')).toBe('tomorrow');
    expect(daysLeftText(0, 'en')).toBe('today');
    expect(daysLeftText(-1, 'en')).toBe('too late');
  });
});

describe('urgency', () => {
  it('is calm until a week before, then soon, today, late', () => {
    expect(urgency({ daysLeft: 30, state: 'open' })).toBe('later');
    expect(urgency({ daysLeft: 7, state: 'open' })).toBe('soon');
    expect(urgency({ daysLeft: 0, state: 'open' })).toBe('today');
    expect(urgency({ daysLeft: -1, state: 'open' })).toBe('late');
    expect(urgency({ daysLeft: 3, state: 'missed' })).toBe('late');
  });
  it('is "act now", not late, past the advised date but before the last day', () => {
    expect(urgency({ daysLeft: -2, daysToDue: 5, state: 'open' })).toBe('today');
    expect(urgency({ daysLeft: -2, daysToDue: -1, state: 'open' })).toBe('late');
  });
});

describe('whenText and shownDate', () => {
  it('counts to the advised date, then to the legal last day', () => {
    expect(whenText(todo({ daysLeft: 4, daysToDue: 11 }), 'nl')).toBe('nog 4 dagen');
    expect(whenText(todo({ daysLeft: -2, daysToDue: 5 }), 'nl')).toBe('nog 5 dagen tot de laatste dag');
    expect(whenText(todo({ daysLeft: -6, daysToDue: 1 }), 'nl')).toBe('morgen is de laatste dag');
    expect(whenText(todo({ daysLeft: -7, daysToDue: 0 }), 'en')).toBe('today is the last day');
    expect(whenText(todo({ daysLeft: -9, daysToDue: -2, state: 'missed' }), 'nl')).toBe('te laat');
  });
  it('shows the act-by date, or the last day once the act-by date passed', () => {
    expect(shownDate(todo({}))).toBe('2026-04-07');
    expect(shownDate(todo({ daysLeft: -1 }))).toBe('2026-04-14');
  });
});

describe('actionsFor', () => {
  it('gives an open objection done, no objection needed and open the decision', () => {
    expect(actionsFor(todo({}))).toEqual(['done', 'not-needed', 'open-entry']);
    expect(notNeededKey('objection')).toBe('todo.notNeededObjection');
    expect(openEntryKey('decision')).toBe('todo.openDecision');
    expect(openEntryKey('letter-in')).toBe('todo.openLetter');
    expect(openEntryKey('email-in')).toBe('todo.openEntry');
  });
  it('gives missed items the same choices', () => {
    expect(actionsFor(todo({ state: 'missed' }))).toEqual(['done', 'not-needed', 'open-entry']);
  });
  it('never offers "done" for the information-only decision due', () => {
    expect(actionsFor(todo({ kind: 'decision-due' }))).toEqual(['not-needed', 'open-entry']);
    expect(notNeededKey('reply')).toBe('todo.notNeeded');
  });
  it('lets a finished item be opened again', () => {
    expect(actionsFor(todo({ state: 'done' }))).toEqual(['reopen', 'open-entry']);
    expect(actionsFor(todo({ state: 'not-needed' }))).toEqual(['reopen', 'open-entry']);
    // Done by a linked letter: reopening would do nothing while the link stays.
    expect(actionsFor(todo({ state: 'done', byLink: true, doneBy: 7 }))).toEqual(['open-done-by', 'open-entry']);
  });
});

describe('sentenceOf', () => {
  it('takes the sentence from core in the current language', () => {
    expect(sentenceOf(todo({}), 'nl')).toMatch(/^Bezwaar maken tegen het besluit van 3 maart/);
    expect(sentenceOf(todo({}), 'en')).toMatch(/^Object to the decision/);
  });
  it('falls back to a plain sentence when core gives none', () => {
    const t = todo({ sentenceNl: '', sentenceEn: '' });
    expect(sentenceOf(t, 'nl')).toBe('Bezwaar maken: Besluit opschorting. Uiterlijk dinsdag 14 april 2026.');
    expect(sentenceOf(t, 'en')).toBe('Object: Besluit opschorting. By Tuesday 14 April 2026 at the latest.');
  });
});

describe('entriesWithOpenTodos', () => {
  it('marks only entries with an open to-do', () => {
    const ids = entriesWithOpenTodos([todo({ entryId: 1 }), todo({ entryId: 2, state: 'done' }), todo({ entryId: 3, state: 'missed' })]);
    expect([...ids]).toEqual([1]);
  });
});
