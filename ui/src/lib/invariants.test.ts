// Architecture invariant: only bindings.ts calls `invoke`; every other file goes
// through the typed bindings, so the generated file can replace it safely.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('IPC boundary', () => {
  it('calls invoke only in lib/bindings.ts', () => {
    const offenders = files(SRC).filter((path) => {
      if (path.endsWith(join('lib', 'bindings.ts'))) return false;
      const text = readFileSync(path, 'utf8');
      return /@tauri-apps\/api\/core|\binvoke\s*\(|__TAURI_INTERNALS__/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('never opens a file dialog itself: the backend does, and hands out handles', () => {
    const offenders = files(SRC).filter((path) => {
      if (path.endsWith(join('lib', 'bindings.ts'))) return false;
      return /@tauri-apps\/plugin-dialog|plugin:dialog/.test(readFileSync(path, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('never loads anything from the network', () => {
    for (const path of files(SRC)) {
      const text = readFileSync(path, 'utf8');
      expect(/\b(fetch|XMLHttpRequest|WebSocket)\s*\(/.test(text), path).toBe(false);
    }
  });
});

describe('keyboard', () => {
  it('gives every <select> the keys WebKitGTK lacks (Space, arrows, type-ahead)', () => {
    const bare = files(SRC).filter((p) => p.endsWith(".svelte")).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(/<select(?![\w-])([^>]*)>/g)].filter((m) => !/use:selectKeys/.test(m[1] ?? '')).map(() => path);
    });
    expect(bare).toEqual([]);
  });
});
