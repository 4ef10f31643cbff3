import { describe, expect, it } from 'vitest';
import type { MailMessageDto } from './bindings';
import { declinedPeople, isMbox, messageSubject, onlyMissingDates, personKey, problemKey, suggestedPeople, typedDates, undatedSources } from './mail';

function message(people: MailMessageDto['people'], duplicate: string | null = null): MailMessageDto {
  return {
    source: 'brief.eml',
    kind: 'email-in',
    date: '2026-03-02',
    time: '10:15',
    title: 'Uitnodiging',
    organisation: 'gemeente.nl',
    people,
    attachments: ['brief.eml'],
    entryId: null,
    duplicate,
  };
}

const ana = { name: 'Ana de Vries', email: 'A.deVries@gemeente.nl', role: 'afzender' };
const bob = { name: 'Bob', email: '', role: 'cc' };

describe('mail import helpers', () => {
  it('knows an mbox by its name', () => {
    expect(isMbox('Inbox.MBOX')).toBe(true);
    expect(isMbox('brief.eml')).toBe(false);
  });

  it('lists each suggested person once, and none from a message already there', () => {
    const carl = { name: 'Carl', email: 'carl@x.nl', role: 'ontvanger' };
    const people = suggestedPeople([message([ana, bob]), message([{ ...ana, role: 'cc' }]), message([carl], 'sameFile')]);
    expect(people.map((p) => p.name)).toEqual(['Ana de Vries', 'Bob']);
    expect(personKey(ana)).toBe('a.devries@gemeente.nl');
    expect(personKey(bob)).toBe('bob');
  });

  it('sends back the people that were not ticked', () => {
    expect(declinedPeople([ana, bob], new Set(['bob']))).toEqual(['a.devries@gemeente.nl']);
  });

  it('asks for a date only when that is all that is missing', () => {
    const noDate = { source: 'x.eml', kind: 'noDate', detail: '' };
    const bad = { source: 'y.eml', kind: 'unreadable', detail: 'not a mail' };
    expect(onlyMissingDates([noDate])).toBe(true);
    expect(onlyMissingDates([noDate, bad])).toBe(false);
    expect(onlyMissingDates([])).toBe(false);
    expect(problemKey(bad)).toBe('mail.problemUnreadable');
  });
});

describe('messages without a date', () => {
  const files = [
    { name: 'brief.eml', messages: null },
    { name: 'oud #2.mbox', messages: [{ index: 1, from: 'a', subject: 'Eerste', date: null }, { index: 2, from: 'a', subject: ' Tweede ', date: null }] },
  ];
  it('are named by their subject when the mbox lists it, else by the file', () => {
    expect(messageSubject('oud #2.mbox #2', files)).toBe('Tweede');
    expect(messageSubject('oud #2.mbox #9', files)).toBeNull();
    expect(messageSubject('brief.eml', files)).toBeNull();
  });
  it('each get their own day; a day that cannot be read is named', () => {
    const r = typedDates(['oud.mbox #1', 'oud.mbox #2', 'brief.eml'], { 'oud.mbox #1': '2-3-2026', 'oud.mbox #2': '31-2-2026' });
    expect(r.dates).toEqual([{ source: 'oud.mbox #1', date: '2026-03-02' }]);
    expect(r.bad).toEqual(['oud.mbox #2', 'brief.eml']);
  });
  it('keep being asked about in the order they were first named', () => {
    const p = (source: string, kind = 'noDate') => ({ source, kind, detail: '' });
    expect(undatedSources([], [p('a #1'), p('b.eml', 'unreadable'), p('a #3')])).toEqual(['a #1', 'a #3']);
    expect(undatedSources(['a #1'], [p('a #3'), p('a #1')])).toEqual(['a #1', 'a #3']);
  });
});
