// The one piece of shared language state. Components call t() (plain text; tm() keeps
// the glossary marks for Explained); because t() reads
// `locale.lang`, which is reactive state, every text updates when the language changes.

import type { Language } from '../bindings';
import { translate, translateMarked, type MessageKey, type Params } from './translate';

export type { MessageKey, Params };

export const locale = $state<{ lang: Language }>({ lang: 'nl' });

export function t(key: MessageKey, params?: Params): string {
  return translate(locale.lang, key, params);
}

/** Like t(), but keeps the glossary marks: only for `<Explained text={tm(...)} />`. */
export function tm(key: MessageKey, params?: Params): string {
  return translateMarked(locale.lang, key, params);
}

export function setLanguage(lang: Language): void {
  locale.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
