// Guided quick capture: right after a call, letter, talk or e-mail, a few plain
// questions one at a time, then one entry. The step order and the entry it makes are
// pure, so they are tested without a screen.

import { emptyFields, type Fields } from './entries';
import type { EntryKind } from './kinds';

export type CaptureType = 'call' | 'letter' | 'meeting' | 'email';
export const CAPTURE_TYPES: readonly CaptureType[] = ['call', 'letter', 'meeting', 'email'];

export type Step = 'who' | 'what' | 'agreed' | 'threat' | 'actBy' | 'check';

const STEPS: Record<CaptureType, Step[]> = {
  call: ['who', 'what', 'agreed', 'threat', 'actBy', 'check'],
  letter: ['who', 'what', 'threat', 'actBy', 'check'],
  meeting: ['who', 'what', 'agreed', 'threat', 'actBy', 'check'],
  email: ['who', 'what', 'agreed', 'threat', 'actBy', 'check'],
};

export const CAPTURE_KIND: Record<CaptureType, EntryKind> = {
  call: 'call-in',
  letter: 'letter-in',
  meeting: 'meeting',
  email: 'email-in',
};

export function isCaptureType(v: string): v is CaptureType {
  return (CAPTURE_TYPES as readonly string[]).includes(v);
}

export function steps(type: CaptureType): readonly Step[] {
  return STEPS[type];
}

export function nextStep(type: CaptureType, step: Step): Step | null {
  const list = STEPS[type];
  const i = list.indexOf(step);
  return i >= 0 && i + 1 < list.length ? (list[i + 1] ?? null) : null;
}

export function previousStep(type: CaptureType, step: Step): Step | null {
  const list = STEPS[type];
  const i = list.indexOf(step);
  return i > 0 ? (list[i - 1] ?? null) : null;
}

/** "Vraag 2 van 5": the check step is not counted as a question. */
export function questionNumber(type: CaptureType, step: Step): { n: number; of: number } {
  const questions: Step[] = STEPS[type].filter((s) => s !== 'check');
  return { n: questions.indexOf(step) + 1, of: questions.length };
}

export interface Answers {
  who: string;
  what: string;
  agreed: string;
  threat: 'yes' | 'no' | '';
  threatText: string;
  /** ISO date or '' */
  actBy: string;
  /** ISO date */
  date: string;
  /** HH:MM or '' */
  time: string;
}

export function emptyAnswers(date: string, time: string): Answers {
  return { who: '', what: '', agreed: '', threat: '', threatText: '', actBy: '', date, time };
}

/** Title templates per type, with {who}; the screen passes them in the user's language. */
export type TitleTexts = Record<CaptureType, { withWho: string; withoutWho: string }>;

/** The entry the answers make, and the name to look up or add as the person involved. */
export function buildEntry(type: CaptureType, a: Answers, titles: TitleTexts): { fields: Fields; who: string } {
  const who = a.who.trim();
  const f = emptyFields(CAPTURE_KIND[type], a.date);
  const tpl = titles[type];
  f.title = who ? tpl.withWho.replace('{who}', who) : tpl.withoutWho;
  f.occurredTime = type === 'letter' || a.time.trim() === '' ? null : a.time.trim();
  const what = a.what.trim();
  if (type === 'letter') {
    f.notes = what;
    f.receivedOn = a.date;
  } else {
    f.asked = what;
    f.agreed = a.agreed.trim();
  }
  f.threat = a.threat === 'yes';
  f.threatText = f.threat ? a.threatText.trim() : '';
  f.followUpOn = a.actBy.trim() === '' ? null : a.actBy.trim();
  return { fields: f, who };
}
