import { describe, expect, it } from 'vitest';
import { checkCode, firstBadCharacter, formatCode, groupAt, groupMatches, groupsOf, normalizeCode, pickConfirmGroups } from './recovery';

const CODE = '7K2M-9QXD-4HWT-B1ZR-0NCF-6PJE-3VAS-8GYT';

describe('normalizeCode', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normalizeCode('7k2m 9qxd-4hwt b1zr\t0ncf-6pje 3vas-8gyt')).toBe('7K2M9QXD4HWTB1ZR0NCF6PJE3VAS8GYT');
  });

  it('reads the Crockford look-alikes as the digits they stand for', () => {
    expect(normalizeCode('oOiIlL')).toBe('001111');
  });
});

describe('checkCode', () => {
  it('accepts the code however it is written', () => {
    expect(checkCode(CODE)).toBeNull();
    expect(checkCode(CODE.toLowerCase().replace(/-/g, ' '))).toBeNull();
    expect(checkCode(CODE.replace(/-/g, ''))).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkCode('')).toBe('empty');
    expect(checkCode(' - ')).toBe('empty');
    expect(checkCode('7K2M-9QXD')).toBe('too-short');
    expect(checkCode(CODE + '-AAAA')).toBe('too-long');
    expect(checkCode(CODE.replace('7', 'U'))).toBe('bad-character');
    expect(checkCode(CODE.replace('7', '#'))).toBe('bad-character');
  });
});

describe('firstBadCharacter', () => {
  it('names the character as it was typed', () => {
    expect(firstBadCharacter('7K2M-9QXD-u')).toBe('u');
    expect(firstBadCharacter('7K2M #')).toBe('#');
    expect(firstBadCharacter('7k2m-oil0 ')).toBeNull();
  });
});

describe('groups', () => {
  it('splits into eight groups of four', () => {
    expect(groupsOf(CODE)).toEqual(['7K2M', '9QXD', '4HWT', 'B1ZR', '0NCF', '6PJE', '3VAS', '8GYT']);
    expect(formatCode(CODE.toLowerCase().replace(/-/g, ''))).toBe(CODE);
  });

  it('numbers groups from 1, as the user sees them', () => {
    expect(groupAt(CODE, 1)).toBe('7K2M');
    expect(groupAt(CODE, 3)).toBe('4HWT');
    expect(groupAt(CODE, 8)).toBe('8GYT');
    expect(groupAt(CODE, 9)).toBe('');
    expect(groupAt(CODE, 0)).toBe('');
  });

  it('matches a typed group loosely but exactly', () => {
    expect(groupMatches(CODE, 3, '4hwt')).toBe(true);
    expect(groupMatches(CODE, 3, ' 4H-WT ')).toBe(true);
    expect(groupMatches(CODE, 5, 'oncf')).toBe(true); // O typed for 0
    expect(groupMatches(CODE, 3, '4HW')).toBe(false);
    expect(groupMatches(CODE, 3, '9QXD')).toBe(false);
    expect(groupMatches(CODE, 9, '')).toBe(false);
  });
});

describe('pickConfirmGroups', () => {
  it('always gives two different groups in 1..8, smallest first', () => {
    for (let i = 0; i < 64; i++) {
      const r1 = (i % 8) / 8;
      const r2 = Math.floor(i / 8) / 8;
      let calls = 0;
      const [a, b] = pickConfirmGroups(() => (calls++ === 0 ? r1 : r2));
      expect(a).toBeGreaterThanOrEqual(1);
      expect(b).toBeLessThanOrEqual(8);
      expect(a).toBeLessThan(b);
    }
  });

  it('can ask for every pair', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 7; j++) {
        let calls = 0;
        seen.add(pickConfirmGroups(() => (calls++ === 0 ? i / 8 : j / 7)).join(','));
      }
    }
    expect(seen.size).toBe(28);
  });
});
