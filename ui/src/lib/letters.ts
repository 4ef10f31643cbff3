// The letter screen's logic (F12): which letters to show, which questions come first,
// the request sent to the backend, reordering grounds, and the words for the choices.
// The letter itself is always Dutch; only the explanations follow the UI language.

import type { BlankDto, EnclosureOptionDto, Language, LetterOptionDto, LetterRequestDto, MissingDto, ProfileDto } from './bindings';

/** The blanks the user's own details answer; asked once and remembered (the profile). */
export const PROFILE_KEYS = ['naam', 'adres', 'email'] as const;

/** How a letter can go out; the wire names `mark_letter_sent` takes. */
export const HOW_SENT = ['post', 'aangetekend', 'e-mail', 'webformulier', 'afgegeven'] as const;
export type HowSent = (typeof HOW_SENT)[number];

export const FORMATS = ['pdf', 'txt', 'docx'] as const;
export type LetterFormat = (typeof FORMATS)[number];

/**
 * The letters to offer, in core's order. The objection period is set by law, so a
 * letter asking to extend it ("uitstel") is never shown, whatever arrives.
 */
export function offeredLetters(options: readonly LetterOptionDto[]): LetterOptionDto[] {
  return options.filter((o) => !/uitstel/i.test(o.letterType) && !/uitstel/i.test(o.titleNl));
}

/** Title and explanation in the UI's language, and the Dutch title beside an English one. */
export function describe(o: LetterOptionDto, lang: Language): { title: string; explain: string; dutchTitle: string | null } {
  return lang === 'en'
    ? { title: o.titleEn, explain: o.explainEn, dutchTitle: o.titleNl }
    : { title: o.titleNl, explain: o.explainNl, dutchTitle: null };
}

/** Whether the profile still lacks what a letter is signed with (name and address). */
export function profileIncomplete(p: ProfileDto): boolean {
  return p.name.trim() === '' || p.address.every((l) => l.trim() === '');
}

/** Address lines from what the user typed: one a line, empty ones dropped. */
export function addressLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * The questions of the blanks step: not the profile's (asked before) and not the
 * grounds when the grounds editor asks them; what is missing first, the rest in
 * core's order.
 */
export function blankQuestions(blanks: readonly BlankDto[], withGroundsEditor: boolean): BlankDto[] {
  const shown = blanks.filter(
    (b) => !(PROFILE_KEYS as readonly string[]).includes(b.key) && !(withGroundsEditor && b.key === 'gronden'),
  );
  return [...shown.filter((b) => b.missing), ...shown.filter((b) => !b.missing)];
}

/** The first answers of the blanks: what the dossier suggests. */
export function initialFills(blanks: readonly BlankDto[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of blanks) out[b.key] = b.suggested ?? '';
  return out;
}

/** The request for the backend: filled blanks only, grounds and enclosures in their order. */
export function buildRequest(fills: Record<string, string>, grounds: readonly string[], enclosures: readonly string[] = []): LetterRequestDto {
  return {
    fills: Object.entries(fills)
      .filter(([, v]) => v.trim() !== '')
      .map(([key, value]) => ({ key, value: value.trim() })),
    grounds: grounds.map((g) => g.trim()).filter((g) => g !== ''),
    enclosures: enclosures.filter((e) => e.trim() !== ''),
  };
}

/** The enclosures ticked, in the bundle's order (the order the options come in). */
export function pickedEnclosures(options: readonly EnclosureOptionDto[], ticked: ReadonlySet<string>): string[] {
  return options.filter((o) => ticked.has(o.label)).map((o) => o.text);
}

/**
 * The address field after the recipient changed: the address remembered for the new
 * recipient, unless the user typed an address of their own. `auto` is what the app put
 * there last (remembered, never typed); an address that belonged to the old recipient
 * is not kept for the new one.
 */
export function addressForRecipient(current: string, auto: string | null, remembered: readonly string[]): { value: string; auto: string | null } {
  const typedByUser = current.trim() !== '' && current !== auto;
  if (typedByUser) return { value: current, auto };
  const next = remembered.join('\n');
  return next === '' ? { value: '', auto: null } : { value: next, auto: next };
}

/** Required blanks the user emptied and the dossier cannot fill (checked before the preview). */
export function unanswered(questions: readonly BlankDto[], fills: Record<string, string>): BlankDto[] {
  return questions.filter((b) => b.required && (fills[b.key] ?? '').trim() === '');
}

/** The list with item `i` moved by `delta` places (kept inside the list). */
export function move<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = Math.max(0, Math.min(list.length - 1, i + delta));
  if (i < 0 || i >= list.length || i === j) return [...list];
  const out = [...list];
  const [item] = out.splice(i, 1);
  out.splice(j, 0, item as T);
  return out;
}

/** The hint under a blank's question, in the UI's language (Dutch first). */
export function blankHint(b: Pick<BlankDto, 'hintNl' | 'hintEn'>, lang: Language): string {
  return lang === 'en' ? b.hintEn : b.hintNl;
}

/** What a letter still needs, each named in the UI's language. */
export function missingWords(missing: readonly MissingDto[], lang: Language): string[] {
  return missing.map((m) => (lang === 'en' ? m.en : m.nl));
}

/** Whether an entry is a letter of the user's own that has not been marked sent yet. */
export function isDraftLetter(kind: string, tags: readonly string[], sentOn: string | null): boolean {
  return kind === 'letter-out' && (tags.includes('concept') || !sentOn);
}

/** Core's reason as a sentence of its own: a capital first, a full stop last. */
export function reasonSentence(reason: string): string {
  const r = reason.trim();
  if (r === '') return r;
  const first = r.charAt(0).toUpperCase() + r.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
