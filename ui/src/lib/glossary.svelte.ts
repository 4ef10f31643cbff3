// The glossary words of the current language (asked from core once per language) and
// which word's explanation is open. One dialog for the whole app (GlossaryDialog in
// App.svelte), so a word inside a sentence is only a button, never a dialog in a <p>.

import { commands, type Language } from './bindings';
import { call } from './call';
import type { GlossaryWord } from './glossary';

export const glossary = $state<{
  lang: Language | null;
  terms: GlossaryWord[];
  /** The open explanation, and the button focus goes back to when it closes. */
  open: { id: string; from: HTMLElement | null } | null;
}>({ lang: null, terms: [], open: null });

const cache = new Map<Language, GlossaryWord[]>();
const pending = new Map<Language, Promise<void>>();

/** Makes `glossary.terms` the words of `lang` (from core, once per language). */
export function ensureGlossary(lang: Language): Promise<void> {
  const known = cache.get(lang);
  if (known) {
    if (glossary.lang !== lang) {
      glossary.lang = lang;
      glossary.terms = known;
    }
    return Promise.resolve();
  }
  const running = pending.get(lang);
  if (running) return running;
  const load = call(() => commands.glossary(lang)).then((r) => {
    pending.delete(lang);
    if (r.status !== 'ok') return;
    cache.set(lang, r.data);
    glossary.lang = lang;
    glossary.terms = r.data;
  });
  pending.set(lang, load);
  return load;
}

export function openTerm(id: string, from: HTMLElement | null): void {
  glossary.open = { id, from };
}

/** Forgets the open word; gives back the element that opened it, for focus. */
export function closeTerm(): HTMLElement | null {
  const from = glossary.open?.from ?? null;
  glossary.open = null;
  return from;
}
