// Pure lookup, so that it can be tested without Svelte.

import type { Language } from '../bindings';
import { stripMarks } from '../glossary';
import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Language, Messages> = { nl, en };
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

/** The text as plain words: glossary marks (`[[bezwaar]]`) are taken out. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  // Marks go before the placeholders are filled, so a user's own "[[" stays as typed.
  return fill(stripMarks(raw(lang, key)), params);
}

/** The text with its glossary marks kept, for `Explained` to turn into buttons. */
export function translateMarked(lang: Language, key: MessageKey, params?: Params): string {
  return fill(raw(lang, key), params);
}

function raw(lang: Language, key: MessageKey): string {
  return DICTIONARIES[lang][key] ?? DICTIONARIES.nl[key] ?? key;
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
