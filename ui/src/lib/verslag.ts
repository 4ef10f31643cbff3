// "Their record against mine" (issue 14 part 3): the logic of the Verslag screen.
// Positions are counted in characters (Unicode code points) as core counts them, so
// text is split with Array.from, never indexed by UTF-16 units.

import type { SentenceDto, StatementDto } from './bindings';
import type { MessageKey } from './i18n/index.svelte';

/** Core's status names (a contract), in the order the screen offers them. */
export const STATUSES = ['correct', 'incorrect', 'incomplete', 'not-said', 'not-discussed', 'unsure'] as const;
export type Status = (typeof STATUSES)[number];

export function statusKey(s: string): MessageKey {
  return (`verslag.status.${s}` as MessageKey);
}

/** A status that asks the agency to correct its file: a point of the correction letter. */
export function asksCorrection(s: string): boolean {
  return s === 'incorrect' || s === 'incomplete' || s === 'not-said' || s === 'not-discussed';
}

/** The kinds of entry that can have a verslag (core's `takes_verslag`). */
export const VERSLAG_KINDS: ReadonlySet<string> = new Set(['call-in', 'call-out', 'meeting', 'home-visit', 'video-call', 'medical-assessment']);

/** The characters of `text` from sentence `from` to sentence `to` (inclusive, in
 * either order): the quote and where it starts, exactly as the verslag has it. */
export function quoteOf(text: string, sentences: readonly SentenceDto[], from: number, to: number): { start: number; quote: string } {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const first = sentences[a];
  const last = sentences[b];
  if (!first || !last) return { start: 0, quote: '' };
  const chars = Array.from(text);
  const end = last.start + Array.from(last.text).length;
  return { start: first.start, quote: chars.slice(first.start, end).join('') };
}

/** The sentences a statement covers (by position), for marking them in the text. */
export function coveredBy(s: Pick<StatementDto, 'start' | 'quote'>, sentences: readonly SentenceDto[]): number[] {
  const end = s.start + Array.from(s.quote).length;
  const out: number[] = [];
  sentences.forEach((x, i) => {
    const xEnd = x.start + Array.from(x.text).length;
    if (x.start < end && xEnd > s.start) out.push(i);
  });
  return out;
}

/** Where the cursor goes on a key in the sentence list; null: not a moving key. */
export function moveCursor(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(at + 1, count - 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(at - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** A selection range of sentence indices from the indices the mouse touched. */
export function snapped(touched: readonly number[]): { from: number; to: number } | null {
  if (touched.length === 0) return null;
  return { from: Math.min(...touched), to: Math.max(...touched) };
}

/** The statement as the backend takes it; `id` is the statement's number when it is changed (0 for a new one: the backend numbers it). */
export function statementInput(
  id: number,
  at: { start: number; quote: string },
  status: string,
  important: boolean,
  myVersion: string,
  supportEntries: readonly number[],
  supportAttachments: readonly number[],
): StatementDto {
  return {
    id,
    start: at.start,
    quote: at.quote,
    status,
    important,
    myVersion: myVersion.trim(),
    supportEntries: [...supportEntries],
    supportAttachments: [...supportAttachments],
  };
}

/** How many statements would become points of the correction letter. */
export function correctionPoints(statements: readonly StatementDto[]): number {
  return statements.filter((s) => asksCorrection(s.status)).length;
}
