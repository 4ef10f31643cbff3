import { describe, expect, it } from 'vitest';
import { selectKey, spaceIndex, TYPE_AHEAD_MS } from './selectKeys';

const kinds = ['Brief gekregen', 'Brief verstuurd', 'Ik ben gebeld', 'Ik heb gebeld', 'Besluit', 'Gesprek', 'Notitie'];
const none = kinds.map(() => false);
const fresh = { typed: '', at: 0 };

describe('a select by keyboard', () => {
  it('moves with arrows, Home and End, and stops at the ends', () => {
    expect(selectKey('ArrowDown', kinds, none, 0, fresh, 5000).index).toBe(1);
    expect(selectKey('ArrowUp', kinds, none, 0, fresh, 5000).index).toBeNull();
    expect(selectKey('ArrowDown', kinds, none, 6, fresh, 5000).index).toBeNull();
    expect(selectKey('End', kinds, none, 0, fresh, 5000).index).toBe(6);
    expect(selectKey('Home', kinds, none, 4, fresh, 5000).index).toBe(0);
  });
  it('skips disabled options', () => {
    const dis = kinds.map((_, i) => i === 1);
    expect(selectKey('ArrowDown', kinds, dis, 0, fresh, 5000).index).toBe(2);
  });
  it('jumps to what is typed, and on to the next match with the same letter', () => {
    const b = selectKey('b', kinds, none, 2, fresh, 5000);
    expect(b.index).toBe(4); // after "Ik ben gebeld": "Besluit"
    const again = selectKey('b', kinds, none, 4, b.state, 5000 + TYPE_AHEAD_MS + 1);
    expect(again.index).toBe(0);
  });
  it('reads quickly typed letters as one word', () => {
    const b = selectKey('b', kinds, none, 0, fresh, 5000);
    expect(b.index).toBe(1);
    const be = selectKey('e', kinds, none, b.index ?? 0, b.state, 5100);
    expect(be.index).toBe(4); // "be": Besluit
    // Typed too slowly, the second letter starts a new search.
    const late = selectKey('g', kinds, none, 4, be.state, 5100 + TYPE_AHEAD_MS + 1);
    expect(late.index).toBe(5);
  });
  it('leaves Tab and Space to others', () => {
    expect(selectKey('Tab', kinds, none, 0, fresh, 5000).handled).toBe(false);
    expect(selectKey(' ', kinds, none, 0, fresh, 5000).handled).toBe(false);
  });
  it('Space steps round, Shift+Space back', () => {
    expect(spaceIndex(none, 0, false)).toBe(1);
    expect(spaceIndex(none, 6, false)).toBe(0);
    expect(spaceIndex(none, 0, true)).toBe(6);
    expect(spaceIndex([true, true], 0, false)).toBeNull();
  });
});
