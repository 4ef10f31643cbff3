// The glossary's text logic, pure so it is tested without Svelte: marks in the
// dictionaries (`[[bezwaar]]`, `[[bezwaar maken]]`, `[[shown text|term]]`), finding
// glossary words in a plain sentence (the to-dos come from core unmarked), and the
// Woordenlijst's accent-insensitive search.

/** One glossary word in one language (the shape of the `glossary` command's answer). */
export interface GlossaryWord {
  id: string;
  term: string;
  /** Lower-case spellings that count as this word in a sentence. */
  forms: string[];
  explanation: string;
  source: string;
  url: string;
  checkedOn: string;
}

/** A piece of marked text: plain, or a word that names a glossary term. */
export type Segment = { text: string; ref?: undefined } | { text: string; ref: string };

const MARK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/** The text as plain words: `[[shown|term]]` → `shown`. */
export function stripMarks(text: string): string {
  return text.replace(MARK, (_whole, shown: string) => shown);
}

/** Splits marked text into plain pieces and marked words (with what they name). */
export function parseMarks(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    const shown = m[1] as string;
    out.push({ text: shown, ref: (m[2] ?? shown).trim() });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The term a mark names: by id, or by one of the term's forms (case-insensitive). */
export function resolve(ref: string, terms: readonly GlossaryWord[]): GlossaryWord | undefined {
  const key = ref.trim().toLowerCase();
  return (
    terms.find((t) => t.id === key) ??
    terms.find((t) => t.forms.includes(key)) ??
    terms.find((t) => t.term.toLowerCase() === key)
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression per word list: longest forms first, whole words only. */
const matchers = new WeakMap<readonly GlossaryWord[], RegExp | null>();

function matcher(terms: readonly GlossaryWord[]): RegExp | null {
  if (matchers.has(terms)) return matchers.get(terms) ?? null;
  const forms = terms.flatMap((t) => t.forms).sort((a, b) => b.length - a.length);
  // A word boundary that knows letters with accents (\b does not).
  const re = forms.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  matchers.set(terms, re);
  return re;
}

/** Glossary words in plain text (no marks), as [start, end) ranges, left to right. */
export function findTerms(text: string, terms: readonly GlossaryWord[]): { start: number; end: number; id: string }[] {
  const re = matcher(terms);
  if (!re) return [];
  const out: { start: number; end: number; id: string }[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const word = m[0];
    const term = resolve(word, terms);
    if (term) out.push({ start, end: start + word.length, id: term.id });
  }
  return out;
}

/** Marks every glossary word in a plain sentence (as the dictionaries do by hand). */
export function autoMark(text: string, terms: readonly GlossaryWord[]): string {
  return parseMarks(text)
    .map((seg) => {
      if (seg.ref !== undefined) return `[[${seg.text}|${seg.ref}]]`;
      let out = '';
      let last = 0;
      for (const hit of findTerms(seg.text, terms)) {
        out += seg.text.slice(last, hit.start) + `[[${seg.text.slice(hit.start, hit.end)}]]`;
        last = hit.end;
      }
      return out + seg.text.slice(last);
    })
    .join('');
}

/** Glossary words in `text` that are not inside a mark (the dictionary test). */
export function unmarkedTerms(text: string, terms: readonly GlossaryWord[]): string[] {
  return parseMarks(text)
    .filter((seg) => seg.ref === undefined)
    .flatMap((seg) => findTerms(seg.text, terms).map((hit) => seg.text.slice(hit.start, hit.end)));
}

/** Lower case without accents, so "reintegratie" finds "re-integratie"-like spellings and "ë" matches "e". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The terms whose word, forms or explanation contain the query (accents ignored). */
export function filterTerms(terms: readonly GlossaryWord[], query: string): GlossaryWord[] {
  const q = fold(query.trim());
  if (q === '') return [...terms];
  const hit = (s: string) => fold(s).includes(q) || fold(s).replace(/-/g, '').includes(q.replace(/-/g, ''));
  // The word itself first, then terms that only mention it in the explanation.
  const byWord = terms.filter((t) => hit(t.term) || t.forms.some(hit));
  const byText = terms.filter((t) => !byWord.includes(t) && hit(t.explanation));
  return [...byWord, ...byText];
}
