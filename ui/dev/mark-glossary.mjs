// Marks the glossary words in ui/src/lib/i18n/nl.ts and en.ts that are not marked yet:
// `bezwaar` → `[[bezwaar]]` inside each string, nothing else changed. Run it after
// adding texts (`node dev/mark-glossary.mjs`), then read the diff: a word that is not
// meant as the agency's term may be unmarked again by writing it another way.
// lib/glossary.test.ts fails while a glossary word in a sentence is unmarked.

import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { terms } = JSON.parse(readFileSync(new URL('../assets/glossary/terms.json', root), 'utf8'));

function matcher(lang) {
  const forms = terms.flatMap((t) => t[lang].forms).sort((a, b) => b.length - a.length);
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function mark(text, re) {
  // Only outside existing marks.
  return text
    .split(/(\[\[[^\]]+\]\])/)
    .map((part) => (part.startsWith('[[') ? part : part.replace(re, (w) => `[[${w}]]`)))
    .join('');
}

for (const lang of ['nl', 'en']) {
  const path = new URL(`src/lib/i18n/${lang}.ts`, root);
  const re = matcher(lang);
  let changed = 0;
  const out = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => {
      // A dictionary line: `  'key': 'text',` or with double quotes; the key is left alone.
      const m = /^(\s*'[^']+':\s*)(['"])(.*)\2(,?)$/.exec(line);
      if (!m) return line;
      const [, head, quote, body, comma] = m;
      const next = mark(body, re);
      if (next !== body) changed++;
      return `${head}${quote}${next}${quote}${comma}`;
    })
    .join('\n');
  writeFileSync(path, out);
  console.log(`${lang}.ts: ${changed} texts marked`);
}
