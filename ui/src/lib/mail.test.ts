import { describe, expect, it } from 'vitest';
import type { MailMessageDto } from './bindings';
import { declinedPeople, isMbox, onlyMissingDates, personKey, problemKey, suggestedPeople } from './mail';

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
