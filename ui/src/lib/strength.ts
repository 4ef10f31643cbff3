// A small, honest passphrase strength estimate for the hint under the field. It is a
// guide for people, not a security boundary: the backend enforces the minimum length.
// It counts roughly how many bits of guessing each part costs, with cheap credit for
// repeats, runs (abc, 123, qwerty), years and words found in leaked-password lists.

export const MIN_PASSPHRASE_LENGTH = 8;

export type StrengthLevel = 'empty' | 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** Rough guessing cost in bits. */
  bits: number;
  /** 0 (nothing) to 4 (strong), for a meter. */
  score: 0 | 1 | 2 | 3 | 4;
}

// Words (lower case, ≥ 4 letters) that show up in password lists, Dutch and English.
const COMMON_WORDS = [
  'wachtwoord', 'password', 'passwort', 'welkom', 'welcome', 'geheim', 'secret',
  'qwerty', 'azerty', 'asdf', 'letmein', 'iloveyou', 'ikhouvanjou', 'admin', 'login',
  'hallo', 'hello', 'test', 'zomer', 'winter', 'lente', 'herfst', 'summer', 'spring',
  'autumn', 'liefde', 'love', 'schat', 'schatje', 'prinses', 'princess', 'sunshine',
  'monkey', 'dragon', 'master', 'shadow', 'football', 'voetbal', 'ajax', 'feyenoord',
  'amsterdam', 'rotterdam', 'utrecht', 'nederland', 'holland', 'dossier', 'kluis',
  'dossierkluis', 'jezus', 'allah', 'mama', 'papa', 'familie', 'baby', 'poes', 'hond',
  'januari', 'februari', 'maart', 'april', 'juni', 'juli', 'augustus', 'september',
  'oktober', 'november', 'december', 'maandag', 'dinsdag', 'woensdag', 'donderdag',
  'vrijdag', 'zaterdag', 'zondag', 'computer', 'internet', 'gemeente', 'bijstand',
];

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];

function charClassPool(chars: string[]): number {
  let lower = false, upper = false, digit = false, symbol = false, other = false;
  for (const c of chars) {
    if (/[a-z]/.test(c)) lower = true;
    else if (/[A-Z]/.test(c)) upper = true;
    else if (/[0-9]/.test(c)) digit = true;
    else if (c === ' ') continue;
    else if (c.charCodeAt(0) < 128) symbol = true;
    else other = true;
  }
  return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0) || 1;
}

function isRun(prev: string, cur: string): boolean {
  const a = prev.toLowerCase(), b = cur.toLowerCase();
  if (/[a-z0-9]/.test(a) && /[a-z0-9]/.test(b) && Math.abs(a.charCodeAt(0) - b.charCodeAt(0)) === 1) {
    return true;
  }
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(a);
    if (i >= 0 && (row[i + 1] === b || (i > 0 && row[i - 1] === b))) return true;
  }
  return false;
}

function wordAt(lower: string[], i: number): number {
  let best = 0;
  for (const w of COMMON_WORDS) {
    if (w.length > best && lower.slice(i, i + w.length).join('') === w) best = w.length;
  }
  return best;
}

export function estimateStrength(passphrase: string): Strength {
  const chars = Array.from(passphrase);
  if (chars.length === 0) return { level: 'empty', bits: 0, score: 0 };

  const lower = chars.map((c) => c.toLowerCase());
  const perChar = Math.log2(charClassPool(chars));
  let bits = 0;
  let i = 0;
  while (i < chars.length) {
    const word = wordAt(lower, i);
    if (word >= 4) {
      bits += 10;
      i += word;
      continue;
    }
    const four = chars.slice(i, i + 4).join('');
    if (/^(19|20)\d\d$/.test(four)) {
      bits += 7;
      i += 4;
      continue;
    }
    const c = chars[i] as string;
    const prev = i > 0 ? (chars[i - 1] as string) : undefined;
    if (c === ' ') bits += 1;
    else if (prev !== undefined && prev.toLowerCase() === c.toLowerCase()) bits += 1;
    else if (prev !== undefined && isRun(prev, c)) bits += 1.5;
    else bits += perChar;
    i += 1;
  }

  // A whole passphrase that is a listed word with a few digits or signs stuck on.
  const core = lower.join('').replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (COMMON_WORDS.includes(core)) bits = Math.min(bits, 20);

  bits = Math.round(bits * 10) / 10;
  if (chars.length < MIN_PASSPHRASE_LENGTH) return { level: 'too-short', bits, score: 0 };
  if (bits < 40) return { level: 'weak', bits, score: 1 };
  if (bits < 60) return { level: 'fair', bits, score: 2 };
  if (bits < 80) return { level: 'good', bits, score: 3 };
  return { level: 'strong', bits, score: 4 };
}

/** The length rule the backend also enforces (code passphrase_too_short). */
export function isLongEnough(passphrase: string): boolean {
  return Array.from(passphrase).length >= MIN_PASSPHRASE_LENGTH;
}
