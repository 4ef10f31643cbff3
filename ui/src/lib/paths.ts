// Folder paths as plain strings: the UI never touches the file system itself, it only
// builds the text it sends to the backend.

function separatorOf(path: string): '/' | '\\' {
  if (/^[A-Za-z]:/.test(path)) return path.includes('/') && !path.includes('\\') ? '/' : '\\';
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function isRoot(path: string): boolean {
  return path === '/' || /^[A-Za-z]:[\\/]?$/.test(path) || path === '\\\\';
}

/** The last part of a path: "/home/ana/Dossierkluis" → "Dossierkluis". */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** Put `name` inside the folder `parent`, with the separator the parent already uses. */
export function joinPath(parent: string, name: string): string {
  const p = parent.trim();
  if (p === '') return name;
  const sep = separatorOf(p);
  if (isRoot(p)) return p.endsWith(sep) ? p + name : p + sep + name;
  return p.replace(/[\\/]+$/, '') + sep + name;
}
