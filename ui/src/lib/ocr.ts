// Suggestions from text read out of a photo or scan (issue 15): what accepting them
// fills in the editor. Nothing is filled in unless the user accepts it.
import type { Language, SuggestionDto } from './bindings';
import { formatDate } from './dates';

/** Values the editor starts with instead of the entry's own, only those accepted. */
export interface EditorFill {
  kind?: 'decision';
  kenmerk?: string;
  letterDated?: string;
  replyBy?: string;
  threat?: boolean;
  threatText?: string;
}

/** The editor fill for the accepted suggestions (later ones win per field). */
export function fillFrom(accepted: SuggestionDto[]): EditorFill {
  const f: EditorFill = {};
  for (const s of accepted) {
    if (s.kind === 'letter_date') f.letterDated = s.value;
    else if (s.kind === 'kenmerk') f.kenmerk = s.value;
    else if (s.kind === 'reply_by') f.replyBy = s.value;
    else if (s.kind === 'decision') f.kind = 'decision';
    else if (s.kind === 'threat') {
      f.threat = true;
      f.threatText = s.value;
    }
  }
  return f;
}

/** A stable key for one suggestion (kind and value), for the accept toggles. */
export function suggestionKey(s: SuggestionDto): string {
  return `${s.kind}:${s.value}`;
}

/** Only pictures and PDFs can be read; the rest has text of its own or none. */
export function canRead(mediaType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'image/gif', 'application/pdf'].includes(mediaType);
}

/** How a suggestion reads: "Datum van de brief: do 2 april 2026" (`name` gives the kind's text). */
export function suggestionLabel(s: SuggestionDto, name: (kind: string) => string, lang: Language): string {
  if (s.kind === 'letter_date' || s.kind === 'reply_by') return `${name(s.kind)}: ${formatDate(s.value, lang)}`;
  if (s.kind === 'kenmerk') return `${name(s.kind)}: ${s.value}`;
  return name(s.kind);
}
