import { describe, expect, it } from 'vitest';
import { baseName, joinPath } from './paths';

describe('joinPath', () => {
  it.each([
    ['/home/ana', 'Dossierkluis', '/home/ana/Dossierkluis'],
    ['/home/ana/', 'Dossierkluis', '/home/ana/Dossierkluis'],
    ['/media/ana/USB STICK', 'Dossierkluis', '/media/ana/USB STICK/Dossierkluis'],
    ['/', 'Dossierkluis', '/Dossierkluis'],
    ['E:\\', 'Dossierkluis', 'E:\\Dossierkluis'],
    ['E:', 'Dossierkluis', 'E:\\Dossierkluis'],
    ['C:\\Users\\Ana\\Documents', 'Dossierkluis', 'C:\\Users\\Ana\\Documents\\Dossierkluis'],
    ['', 'Dossierkluis', 'Dossierkluis'],
  ])('%s + %s → %s', (parent, name, expected) => {
    expect(joinPath(parent, name)).toBe(expected);
  });
});

describe('baseName', () => {
  it.each([
    ['/home/ana/Dossierkluis', 'Dossierkluis'],
    ['/home/ana/Dossierkluis/', 'Dossierkluis'],
    ['C:\\Users\\Ana\\Mijn dossier', 'Mijn dossier'],
    ['', ''],
  ])('%s → %s', (path, expected) => {
    expect(baseName(path)).toBe(expected);
  });
});
