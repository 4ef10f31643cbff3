// The colour pairs the stylesheet uses, checked against WCAG 2.2: text ≥ 4.5:1,
// borders and focus rings (non-text) ≥ 3:1. Reads the real variables from global.css.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(fileURLToPath(new URL('../styles/global.css', import.meta.url)), 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
const vars = Object.fromEntries(
  [...root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1] as string, m[2] as string]),
);

function color(name: string): string {
  if (name.startsWith('#')) return name;
  const value = vars[name];
  if (!value) throw new Error(`no colour variable --${name} in global.css`);
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a: string, b: string): number {
  const [l1, l2] = [luminance(color(a)), luminance(color(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

const TEXT_PAIRS: Array<[string, string]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-soft'],
  ['text', 'accent-soft'],
  ['text', 'error-bg'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['muted', 'surface-soft'],
  ['accent', 'surface'],
  ['accent', 'bg'],
  ['accent-strong', 'accent-soft'],
  ['#ffffff', 'accent'],
  ['#ffffff', 'accent-strong'],
  ['#ffffff', 'text'],
  ['#ffffff', 'error'],
  ['error', 'surface'],
  ['error', 'bg'],
  ['ok', 'surface'],
  ['ok', 'bg'],
];

const NON_TEXT_PAIRS: Array<[string, string]> = [
  ['border', 'surface'],
  ['border', 'bg'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['accent', 'bg'],
  ['error', 'surface'],
];

describe('colour contrast', () => {
  it('finds the colour variables', () => {
    expect(Object.keys(vars).length).toBeGreaterThan(10);
  });

  it.each(TEXT_PAIRS)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT_PAIRS)('%s against %s is at least 3:1', (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(3);
  });
});
