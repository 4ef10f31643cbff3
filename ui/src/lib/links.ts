// Links between entries in plain words: "Dit is het bezwaar tegen …". Pure, so it can
// be tested without Svelte.

import type { MessageKey } from './i18n/translate';

export const LINK_KINDS = ['reply-to', 'objection-against', 'same-decision'] as const;
export type LinkKindName = (typeof LINK_KINDS)[number];
export type LinkDirection = 'outgoing' | 'incoming';

export function isLinkKind(value: string): value is LinkKindName {
  return (LINK_KINDS as readonly string[]).includes(value);
}

const OUTGOING: Record<LinkKindName, MessageKey> = {
  'reply-to': 'links.out.reply-to',
  'objection-against': 'links.out.objection-against',
  'same-decision': 'links.out.same-decision',
};

const INCOMING: Record<LinkKindName, MessageKey> = {
  'reply-to': 'links.in.reply-to',
  'objection-against': 'links.in.objection-against',
  'same-decision': 'links.in.same-decision',
};

/** The sentence start for a link, seen from the entry on screen ("{title}" follows). */
export function linkWordingKey(kind: string, direction: string): MessageKey {
  if (!isLinkKind(kind)) return 'links.unknown';
  return direction === 'incoming' ? INCOMING[kind] : OUTGOING[kind];
}

/** The option text in the "kind of link" select of the form. */
export function linkKindOptionKey(kind: LinkKindName): MessageKey {
  return `links.kind.${kind}`;
}
