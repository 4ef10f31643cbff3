import { describe, expect, it } from 'vitest';
import type { SentenceDto } from './bindings';
import { asksCorrection, correctionPoints, coveredBy, moveCursor, quoteOf, snapped, STATUSES } from './verslag';

const text = 'Eén zin. Klant gaat akkoord 😊 met alles.\n\nNiet besproken: cv.';
const sentences: SentenceDto[] = [
  { start: 0, text: 'Eén zin.', paragraphStart: true },
  { start: 9, text: 'Klant gaat akkoord 😊 met alles.', paragraphStart: false },
  { start: 42, text: 'Niet besproken: cv.', paragraphStart: true },
];

describe('the verslag screen', () => {
  it('quotes whole sentences exactly, counted in characters as core counts', () => {
    expect(Array.from(text).slice(42).join('')).toBe('Niet besproken: cv.');
    expect(quoteOf(text, sentences, 1, 1)).toEqual({ start: 9, quote: 'Klant gaat akkoord 😊 met alles.' });
    // Two sentences with what stands between them (here a blank line), in either order.
    expect(quoteOf(text, sentences, 2, 1)).toEqual({ start: 9, quote: 'Klant gaat akkoord 😊 met alles.\n\nNiet besproken: cv.' });
  });

  it('marks the sentences a statement covers', () => {
    expect(coveredBy({ start: 9, quote: 'Klant gaat akkoord 😊 met alles.' }, sentences)).toEqual([1]);
    expect(coveredBy(quoteOf(text, sentences, 0, 2), sentences)).toEqual([0, 1, 2]);
  });

  it('moves between sentences with the arrow keys and snaps a mouse selection', () => {
    expect(moveCursor('ArrowDown', 0, 3)).toBe(1);
    expect(moveCursor('ArrowRight', 2, 3)).toBe(2);
    expect(moveCursor('ArrowUp', 0, 3)).toBe(0);
    expect(moveCursor('End', 0, 3)).toBe(2);
    expect(moveCursor('Enter', 0, 3)).toBeNull();
    expect(snapped([2, 1])).toEqual({ from: 1, to: 2 });
    expect(snapped([])).toBeNull();
  });

  it('knows which statuses ask for a correction', () => {
    expect(STATUSES.filter(asksCorrection)).toEqual(['incorrect', 'incomplete', 'not-said', 'not-discussed']);
    const s = (status: string) => ({ id: 1, start: 0, quote: 'x', status, important: false, myVersion: '', supportEntries: [], supportAttachments: [] });
    expect(correctionPoints([s('correct'), s('not-said'), s('unsure'), s('incomplete')])).toBe(2);
  });
});
