// E-mail in (F13), the parts of the screen that are plain logic: which chosen file is
// an mbox (its messages are listed to pick from), the people suggested across all
// messages (each confirmed once), what to send back for the ones declined, and the
// day asked for each message that has none.

import type { MailDateDto, MailMessageDto, MailProblemDto, MboxMessageDto, SuggestedPersonDto } from './bindings';
import { parseInputDate } from './dates';

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

/** A chosen file as the screen holds it: its name, and an mbox's messages. */
export interface ChosenMail {
  name: string;
  messages: MboxMessageDto[] | null;
}

/**
 * The subject of the message a problem names (`NAME #N` for message N of an mbox),
 * from the mbox's own list; null for a single file (its name says which it is) or an
 * unknown one.
 */
export function messageSubject(source: string, files: readonly ChosenMail[]): string | null {
  const at = source.lastIndexOf(' #');
  if (at < 0) return null;
  const name = source.slice(0, at);
  const n = Number(source.slice(at + 2));
  const file = files.find((f) => f.name === name && f.messages);
  const subject = file?.messages?.find((m) => m.index === n)?.subject.trim();
  return subject ? subject : null;
}

/** The days typed for the messages without a date: the command's list, and those that cannot be read. */
export function typedDates(sources: readonly string[], typed: Readonly<Record<string, string>>): { dates: MailDateDto[]; bad: string[] } {
  const dates: MailDateDto[] = [];
  const bad: string[] = [];
  for (const source of sources) {
    const iso = parseInputDate(typed[source] ?? '');
    if (iso) dates.push({ source, date: iso });
    else bad.push(source);
  }
  return { dates, bad };
}

/**
 * The messages asked for a day: those asked before (their day is sent again with every
 * plan and the import), then those newly named as having no date.
 */
export function undatedSources(asked: readonly string[], problems: readonly MailProblemDto[]): string[] {
  const named = problems.filter((p) => p.kind === 'noDate').map((p) => p.source);
  return [...asked, ...named.filter((s) => !asked.includes(s))];
}

/** Whether `source` is file `name` itself or one of its messages (`NAME #N`). */
export function fromFile(source: string, name: string): boolean {
  return source === name || source.startsWith(`${name} #`);
}
