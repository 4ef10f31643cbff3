// The kinds of contact a person can log (F2). The labels live in the i18n files as
// `kind.<name>`; this list fixes their order in the form.

export const ENTRY_KINDS = [
  'letter-in',
  'letter-out',
  'call-in',
  'call-out',
  'meeting',
  'home-visit',
  'video-call',
  'email-in',
  'email-out',
  'sms',
  'portal',
  'decision',
  'medical-assessment',
  'agreement',
  'signed',
  'job-application',
  'note',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];

export function isEntryKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}
