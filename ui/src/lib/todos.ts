// "Wat moet ik doen?": how the home view groups to-dos (open, missed, done), says the
// days left in words, shows urgency (text and icon, never colour alone) and which
// buttons each to-do gets. The sentences themselves come from core.

import type { Language, TodoDto_Serialize } from './bindings';
import { formatDateLong } from './dates';
import { translate, type MessageKey } from './i18n/translate';

export type Todo = TodoDto_Serialize;

export interface TodoGroups {
  /** Missed (the date passed, not settled), in core's order: lost legal periods first. */
  missed: Todo[];
  /** Open, in core's order: soonest act-by date first. */
  open: Todo[];
  /** Done or not needed, in core's order: newest first. */
  done: Todo[];
  /** Nothing open and nothing missed: the only time "niets te doen" may show. */
  nothingToDo: boolean;
}

/**
 * Splits the list into what was missed, what to do now and what is finished. The
 * order inside each group is core's (`sort_todos`), the same as `dossier deadlines`:
 * the UI never sorts to-dos itself, so the two can never disagree.
 */
export function groupTodos(todos: readonly Todo[]): TodoGroups {
  const missed = todos.filter((t) => t.state === 'missed');
  const open = todos.filter((t) => t.state === 'open');
  const done = todos.filter((t) => t.state === 'done' || t.state === 'not-needed');
  return { missed, open, done, nothingToDo: missed.length === 0 && open.length === 0 };
}

export type Urgency = 'late' | 'today' | 'soon' | 'later';

/** Within this many days a to-do counts as "soon". */
export const SOON_DAYS = 7;

/**
 * How urgent a to-do is. Past the advised date of an objection but not past its legal
 * last day counts as "today" (act now), not as late.
 */
export function urgency(todo: Pick<Todo, 'daysLeft' | 'state'> & Partial<Pick<Todo, 'daysToDue'>>): Urgency {
  if (todo.state === 'missed') return 'late';
  if (todo.daysLeft < 0) return (todo.daysToDue ?? -1) >= 0 ? 'today' : 'late';
  if (todo.daysLeft === 0) return 'today';
  if (todo.daysLeft <= SOON_DAYS) return 'soon';
  return 'later';
}

/** "nog 5 dagen", "morgen", "vandaag", "te laat" (and the English). */
export function daysLeftText(daysLeft: number, lang: Language): string {
  if (daysLeft < 0) return translate(lang, 'todo.late');
  if (daysLeft === 0) return translate(lang, 'todo.today');
  if (daysLeft === 1) return translate(lang, 'todo.tomorrow');
  return translate(lang, 'todo.daysLeft', { n: daysLeft });
}

/**
 * The time left as the list says it: days to the act-by date; once that passed but the
 * legal last day has not, days to the last day ("morgen is de laatste dag").
 */
export function whenText(todo: Pick<Todo, 'daysLeft' | 'daysToDue' | 'state'>, lang: Language): string {
  if (todo.state === 'missed') return translate(lang, 'todo.late');
  if (todo.daysLeft >= 0 || todo.daysToDue < 0) return daysLeftText(todo.daysLeft, lang);
  if (todo.daysToDue === 0) return translate(lang, 'todo.lastDayToday');
  if (todo.daysToDue === 1) return translate(lang, 'todo.lastDayTomorrow');
  return translate(lang, 'todo.lastDayIn', { n: todo.daysToDue });
}

/** The date next to it: the act-by date, or the last day once the act-by date passed. */
export function shownDate(todo: Pick<Todo, 'actBy' | 'dueOn' | 'daysLeft'>): string {
  return todo.daysLeft < 0 ? todo.dueOn : todo.actBy;
}

export type TodoAction = 'done' | 'not-needed' | 'open-entry' | 'reopen' | 'open-done-by';

/**
 * The buttons a to-do gets. Open or missed: "Gedaan" (not for the information-only
 * "decision due"), "not needed" ("Geen bezwaar nodig" for an objection) and open the
 * entry. Finished: open it again, and open the entry.
 */
export function actionsFor(todo: Pick<Todo, 'kind' | 'state' | 'byLink' | 'doneBy'>): TodoAction[] {
  // Done because a letter was linked: reopening would change nothing while the link
  // stays, so offer that letter (where the link can be removed) instead.
  if (todo.byLink) return todo.doneBy === null ? ['open-entry'] : ['open-done-by', 'open-entry'];
  if (todo.state === 'done' || todo.state === 'not-needed') return ['reopen', 'open-entry'];
  const list: TodoAction[] = [];
  if (todo.kind !== 'decision-due') list.push('done');
  list.push('not-needed', 'open-entry');
  return list;
}

/** The label of the "not needed" button for this kind of to-do. */
export function notNeededKey(kind: string): MessageKey {
  if (kind === 'objection') return 'todo.notNeededObjection';
  if (kind === 'appeal') return 'todo.notNeededAppeal';
  return 'todo.notNeeded';
}

/** "Open het besluit" for decisions, "Open de brief" for letters, else "Open het item". */
export function openEntryKey(entryKind: string): MessageKey {
  if (entryKind === 'decision') return 'todo.openDecision';
  if (entryKind === 'letter-in' || entryKind === 'letter-out') return 'todo.openLetter';
  return 'todo.openEntry';
}

/** What a finished to-do says about itself. */
export function stateKey(state: string): MessageKey {
  if (state === 'done') return 'todo.stateDone';
  if (state === 'not-needed') return 'todo.stateNotNeeded';
  if (state === 'missed') return 'todo.stateMissed';
  return 'todo.stateOpen';
}

/**
 * The core sentence in the user's language. Should core give none (it always does
 * once the engine is in), a plain fallback: what, which entry, by when.
 */
export function sentenceOf(todo: Todo, lang: Language): string {
  const s = (lang === 'en' ? todo.sentenceEn : todo.sentenceNl).trim();
  if (s !== '') return s;
  const what = translate(lang, `todoKind.${todo.kind}` as MessageKey);
  return translate(lang, 'todo.fallback', {
    what,
    title: todo.entryTitle,
    date: formatDateLong(todo.dueOn, lang),
  });
}

/** Entry ids with at least one open to-do (the timeline's "termijn" marker). */
export function entriesWithOpenTodos(todos: readonly Todo[]): Set<number> {
  return new Set(todos.filter((t) => t.state === 'open').map((t) => t.entryId));
}

/** Kinds of entries that can be "what I did" for a to-do (sent by the user). */
export const OUTGOING_KINDS = ['letter-out', 'email-out', 'portal', 'call-out', 'signed'] as const;

/** An entry the user sent, offered as "the one that did it". */
export interface OutgoingEntry {
  id: number;
  title: string;
  occurredOn: string;
}
