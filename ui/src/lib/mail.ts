// E-mail in (F13), the parts of the screen that are plain logic: which chosen file is
// an mbox (its messages are listed to pick from), the people suggested across all
// messages (each confirmed once), and what to send back for the ones declined.

import type { MailMessageDto, MailProblemDto, SuggestedPersonDto } from './bindings';

/** An mbox holds many messages; the screen lists them to pick from. */
export function isMbox(name: string): boolean {
  return name.toLowerCase().endsWith('.mbox');
}

/** How core knows a suggested person: the address, or the name when there is none. */
export function personKey(p: SuggestedPersonDto): string {
  return (p.email.trim() || p.name.trim()).toLowerCase();
}

/**
 * Everyone the new messages name, once each (a duplicate message adds nobody), in the
 * order they first appear.
 */
export function suggestedPeople(messages: MailMessageDto[]): SuggestedPersonDto[] {
  const seen = new Set<string>();
  const out: SuggestedPersonDto[] = [];
  for (const m of messages) {
    if (m.duplicate) continue;
    for (const p of m.people) {
      const key = personKey(p);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** The keys of the suggested people the user did not tick. */
export function declinedPeople(people: SuggestedPersonDto[], keep: ReadonlySet<string>): string[] {
  return people.map(personKey).filter((k) => !keep.has(k));
}

/** Only messages without a date: the screen asks for the day instead of refusing. */
export function onlyMissingDates(problems: MailProblemDto[]): boolean {
  return problems.length > 0 && problems.every((p) => p.kind === 'noDate');
}

/** The i18n key that says in plain words what is wrong with one file or message. */
export function problemKey(p: MailProblemDto): 'mail.problemUnreadable' | 'mail.problemNoDate' | 'mail.problemRefused' {
  if (p.kind === 'noDate') return 'mail.problemNoDate';
  if (p.kind === 'refused') return 'mail.problemRefused';
  return 'mail.problemUnreadable';
}
