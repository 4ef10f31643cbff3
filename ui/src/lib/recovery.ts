// The recovery code: eight groups of four Crockford base32 characters,
// e.g. 7K2M-9QXD-4HWT-B1ZR-0NCF-6PJE-3VAS-8GYT. People copy it from paper, so input
// ignores case, spaces and dashes, and the look-alike letters Crockford allows
// (O → 0, I and L → 1), which never occur in a code.

export const GROUP_COUNT = 8;
export const GROUP_LENGTH = 4;
export const CODE_LENGTH = GROUP_COUNT * GROUP_LENGTH;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper-case, drop separators, map look-alikes. Does not check length or alphabet. */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export type CodeProblem = 'empty' | 'bad-character' | 'too-short' | 'too-long';

/** What is wrong with a typed code before we ask the backend, or null if it looks fine. */
export function checkCode(input: string): CodeProblem | null {
  const code = normalizeCode(input);
  if (code.length === 0) return 'empty';
  for (const ch of code) {
    if (!ALPHABET.includes(ch)) return 'bad-character';
  }
  if (code.length < CODE_LENGTH) return 'too-short';
  if (code.length > CODE_LENGTH) return 'too-long';
  return null;
}

/** The first character that can never be part of a code, as the user typed it, or null. */
export function firstBadCharacter(input: string): string | null {
  for (const ch of Array.from(input)) {
    if (/[\s\-_.]/.test(ch)) continue;
    if (!ALPHABET.includes(normalizeCode(ch))) return ch;
  }
  return null;
}

/** Split a code into its groups of four (the last one may be shorter for partial input). */
export function groupsOf(input: string): string[] {
  const code = normalizeCode(input);
  const out: string[] = [];
  for (let i = 0; i < code.length; i += GROUP_LENGTH) out.push(code.slice(i, i + GROUP_LENGTH));
  return out;
}

/** The canonical written form: groups joined by dashes. */
export function formatCode(input: string): string {
  return groupsOf(input).join('-');
}

/** Group `n` (1-based, as shown to the user) of a code, or '' if it has no such group. */
export function groupAt(input: string, n: number): string {
  return groupsOf(input)[n - 1] ?? '';
}

/** Does what the user typed match group `n` of the code? */
export function groupMatches(code: string, n: number, typed: string): boolean {
  const want = groupAt(code, n);
  return want.length === GROUP_LENGTH && normalizeCode(typed) === want;
}

/**
 * Two different group numbers (1-based, ascending) to ask back. `random` returns a
 * number in [0, 1) and is passed in so tests are deterministic.
 */
export function pickConfirmGroups(random: () => number = Math.random): [number, number] {
  const a = 1 + Math.floor(random() * GROUP_COUNT);
  let b = 1 + Math.floor(random() * (GROUP_COUNT - 1));
  if (b >= a) b += 1;
  return a < b ? [a, b] : [b, a];
}
