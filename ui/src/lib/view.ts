// What the timeline shows: the filter and the order. Kept by App while the dossier is
// open (so it survives opening an entry and coming back) and dropped on lock.

import type { TimelineFilterDto_Serialize } from './bindings';

export type Filter = TimelineFilterDto_Serialize;

export interface TimelineView {
  filter: Filter;
  newestFirst: boolean;
  /** Where the list was scrolled to, so coming back from an entry lands there again. */
  scrollTop: number;
}

export function emptyFilter(): Filter {
  return {
    text: null,
    kinds: [],
    personId: null,
    organisation: null,
    from: null,
    to: null,
    tag: null,
    medical: null,
    includeDeleted: false,
  };
}

export function defaultView(): TimelineView {
  return { filter: emptyFilter(), newestFirst: true, scrollTop: 0 };
}

/** Is any filter set (so an empty list means "nothing matches", not "nothing yet")? */
export function isFiltered(f: Filter): boolean {
  return (
    f.kinds.length > 0 ||
    f.personId !== null ||
    !!f.organisation ||
    !!f.from ||
    !!f.to ||
    !!f.tag ||
    !!f.text ||
    f.medical !== null ||
    f.includeDeleted
  );
}
