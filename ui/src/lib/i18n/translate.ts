// Pure lookup, so that it can be tested without Svelte.

import type { Language } from '../bindings';
import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Language, Messages> = { nl, en };
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[lang][key] ?? DICTIONARIES.nl[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
