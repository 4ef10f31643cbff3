import { describe, expect, it } from 'vitest';
import { translate } from './i18n/translate';
import { LINK_KINDS, isLinkKind, linkKindOptionKey, linkWordingKey } from './links';

describe('linkWordingKey', () => {
  const cases: Array<[string, string, string, string]> = [
    ['reply-to', 'outgoing', 'Dit is een antwoord op', 'This is a reply to'],
    ['objection-against', 'outgoing', 'Dit is het bezwaar tegen', 'This is the objection against'],
    ['same-decision', 'outgoing', 'Gaat over hetzelfde besluit als', 'About the same decision as'],
    ['reply-to', 'incoming', 'Hierop is geantwoord met', 'Replied to with'],
    ['objection-against', 'incoming', 'Bezwaar hiertegen:', 'Objection against this:'],
    ['same-decision', 'incoming', 'Gaat over hetzelfde besluit als', 'About the same decision as'],
  ];
  it.each(cases)('%s %s reads plainly in Dutch and English', (kind, direction, nl, en) => {
    const key = linkWordingKey(kind, direction);
    expect(translate('nl', key)).toBe(nl);
    expect(translate('en', key)).toBe(en);
  });
  it('falls back for an unknown kind', () => {
    expect(translate('nl', linkWordingKey('other', 'outgoing'))).toBe('Gekoppeld aan');
    expect(translate('en', linkWordingKey('other', 'incoming'))).toBe('Linked to');
  });
});

describe('link kinds', () => {
  it('has three kinds, each with an option text in both languages', () => {
    expect(LINK_KINDS).toHaveLength(3);
    for (const k of LINK_KINDS) {
      expect(isLinkKind(k)).toBe(true);
      expect(translate('nl', linkKindOptionKey(k))).not.toBe(linkKindOptionKey(k));
      expect(translate('en', linkKindOptionKey(k))).not.toBe(linkKindOptionKey(k));
    }
    expect(isLinkKind('reply')).toBe(false);
  });
});
