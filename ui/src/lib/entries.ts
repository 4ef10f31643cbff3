// What an entry looks like on screen: the one-line summary and "who" of a timeline row,
// which fields the editor asks for each kind, and what changed between two versions.

import type { EntryFieldsDto_Serialize, EntryRowDto_Serialize } from './bindings';
import type { EntryKind } from './kinds';

export type Fields = EntryFieldsDto_Serialize;
export type Row = EntryRowDto_Serialize;

/** A new, empty entry of `kind` on `date` (medical assessments are private by default). */
export function emptyFields(kind: EntryKind, date: string): Fields {
  return {
    kind,
    occurredOn: date,
    occurredTime: null,
    title: '',
    notes: '',
    asked: '',
    promised: '',
    agreed: '',
    organisation: '',
    place: '',
    channel: '',
    kenmerk: '',
    companions: '',
    threat: false,
    threatText: '',
    followUpOn: null,
    medical: kind === 'medical-assessment',
    letterDated: null,
    sentOn: null,
    receivedOn: null,
    replyBy: null,
    repairBy: null,
    appointmentOn: null,
    appointmentTime: null,
    onObjection: false,
    contactRule: null,
    contactRuleUntil: null,
    tags: [],
    people: [],
  };
}

const SUMMARY_CHARS = 140;

/** The first line of the first free text there is, shortened with "…". */
export function rowSummary(row: Pick<Row, 'notes' | 'asked' | 'agreed' | 'promised'>): string {
  const text = [row.notes, row.asked, row.agreed, row.promised].map((s) => s.trim()).find((s) => s !== '') ?? '';
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (line.length <= SUMMARY_CHARS) return line;
  return line.slice(0, SUMMARY_CHARS - 1).trimEnd() + '…';
}

/** "Anja de Vries, Mark (WPI)" — people first, then the organisation. */
export function rowWho(row: Pick<Row, 'people' | 'organisation'>): string {
  const people = row.people.filter((p) => p.trim() !== '').join(', ');
  const org = row.organisation.trim();
  if (people && org) return `${people} (${org})`;
  return people || org;
}

/** Groups of fields the editor can show; each kind asks only what fits it. */
export type FieldGroup =
  | 'time'
  | 'who'
  | 'organisation'
  | 'place'
  | 'companions'
  | 'kenmerk'
  | 'letterDates'
  | 'sentOn'
  | 'asked'
  | 'promised'
  | 'agreed'
  | 'threat'
  | 'followUp'
  /** Dates written in the letter: reply by, repair by, an appointment (DeadlineFields). */
  | 'letterDeadlines'
  /** "Dit is de beslissing op mijn bezwaar" (decisions). */
  | 'onObjection'
  /** A rule for contact and until when (agreements). */
  | 'contactRule';

const CONTACT: FieldGroup[] = ['time', 'who', 'organisation', 'asked', 'promised', 'agreed', 'threat', 'followUp'];
const MEETING: FieldGroup[] = ['time', 'who', 'organisation', 'place', 'companions', 'asked', 'promised', 'agreed', 'threat', 'followUp'];
const MESSAGE: FieldGroup[] = ['time', 'who', 'organisation', 'asked', 'agreed', 'threat', 'followUp'];

const GROUPS: Record<EntryKind, FieldGroup[]> = {
  'letter-in': ['who', 'organisation', 'kenmerk', 'letterDates', 'letterDeadlines', 'threat', 'followUp'],
  'letter-out': ['who', 'organisation', 'kenmerk', 'letterDates', 'followUp'],
  'call-in': CONTACT,
  'call-out': CONTACT,
  meeting: MEETING,
  'home-visit': MEETING,
  'video-call': ['time', 'who', 'organisation', 'companions', 'asked', 'promised', 'agreed', 'threat', 'followUp'],
  'email-in': [...MESSAGE, 'letterDeadlines'],
  'email-out': MESSAGE,
  sms: MESSAGE,
  portal: [...MESSAGE, 'letterDeadlines'],
  // A decision is a letter: its own date, send date and day received all count for the
  // objection period, and it has a sender (switching a letter to "Besluit" keeps them).
  decision: ['who', 'organisation', 'kenmerk', 'letterDates', 'sentOn', 'letterDeadlines', 'onObjection', 'threat', 'followUp'],
  'medical-assessment': ['time', 'who', 'organisation', 'place', 'companions', 'asked', 'agreed', 'followUp'],
  agreement: ['who', 'organisation', 'agreed', 'contactRule', 'followUp'],
  signed: ['who', 'organisation', 'place', 'kenmerk'],
  'job-application': ['organisation', 'followUp'],
  note: [],
};

export function fieldGroups(kind: EntryKind): ReadonlySet<FieldGroup> {
  return new Set(GROUPS[kind]);
}

/** The name the editor shows for each group of fields (for "kan niet bewaren"). */
export const GROUP_LABEL: Record<FieldGroup, string> = {
  time: 'field.time',
  who: 'editor.peopleTitle',
  organisation: 'field.organisation',
  place: 'field.place',
  companions: 'field.companions',
  kenmerk: 'field.kenmerk',
  letterDates: 'editor.lettersTitle',
  sentOn: 'field.sentOn',
  asked: 'field.asked',
  promised: 'field.promised',
  agreed: 'field.agreed',
  threat: 'field.threat',
  followUp: 'field.followUpOn',
  letterDeadlines: 'editor.deadlinesTitle',
  onObjection: 'field.onObjection',
  contactRule: 'field.contactRule',
};

/**
 * The groups that hold something (`filled`) but that `kind` cannot hold: what a kind
 * change would drop on save. The editor says so before saving, never silently. A group
 * the new kind holds under another name (a decision's send date in its letter dates)
 * is kept.
 */
export function lostOnKindChange(filled: Iterable<FieldGroup>, kind: EntryKind): FieldGroup[] {
  const holds = fieldGroups(kind);
  const kept = (g: FieldGroup) => holds.has(g) || (g === 'sentOn' && holds.has('letterDates'));
  return [...filled].filter((g) => !kept(g));
}

/** The fields the user can see change in the history, in form order. */
export const COMPARED_FIELDS = [
  'kind',
  'occurredOn',
  'occurredTime',
  'title',
  'notes',
  'asked',
  'promised',
  'agreed',
  'organisation',
  'place',
  'kenmerk',
  'companions',
  'threat',
  'threatText',
  'followUpOn',
  'medical',
  'letterDated',
  'sentOn',
  'receivedOn',
  'replyBy',
  'repairBy',
  'appointmentOn',
  'appointmentTime',
  'onObjection',
  'contactRule',
  'contactRuleUntil',
  'tags',
  'people',
] as const satisfies ReadonlyArray<keyof Fields>;

export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Which fields differ between an earlier and a later version. */
export function changedFields(before: Fields, after: Fields): ComparedField[] {
  return COMPARED_FIELDS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/** Is `target` a place where Ctrl+Z belongs to the text, not to the app's undo? */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(type);
  }
  return el.isContentEditable === true;
}

/** "12 kB", "3,4 MB" — sizes people can read. */
export function formatSize(bytes: number, lang: 'nl' | 'en'): string {
  const dec = (n: number) => (lang === 'nl' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${dec(bytes / (1024 * 1024))} MB`;
}

/**
 * The people of a version as the history shows them, each with their role in that
 * contact: "Mark (klantmanager), Anja". A role change then reads "Mark (klantmanager) →
 * Mark (jobhunter)", never "Mark → Mark".
 */
export function peopleText(people: ReadonlyArray<{ personId: number; role: string }>, names: ReadonlyMap<number, string>): string {
  return people
    .map((p) => {
      const name = names.get(p.personId) ?? `#${p.personId}`;
      return p.role.trim() ? `${name} (${p.role.trim()})` : name;
    })
    .join(', ');
}
