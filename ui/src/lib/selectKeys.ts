// Every <select> by keyboard, also in WebKitGTK, where a closed native select ignores
// Space and opens a GTK menu that arrow keys and type-ahead cannot always reach. The
// action keeps the native element (screen readers know it, and the value binding stays)
// and gives it the keys people expect: arrows and Home/End move the choice, a typed
// letter (or a few, typed quickly) jumps to the next option starting with them, and
// Space (or Enter outside a form) steps to the next option, wrapping round.
// The key logic is pure, so it is tested without a webview.

/** How long typed letters count as one search ("ja" for "januari"). */
export const TYPE_AHEAD_MS = 800;

export interface KeyState {
  /** Letters typed so far and when the last one came. */
  typed: string;
  at: number;
}

export interface KeyResult {
  /** The option to choose, or null to leave the choice alone. */
  index: number | null;
  /** Whether the key was handled here (the webview must not act on it too). */
  handled: boolean;
  state: KeyState;
}

function enabledIndex(labels: readonly string[], disabled: readonly boolean[], from: number, step: 1 | -1): number | null {
  for (let i = from; i >= 0 && i < labels.length; i += step) if (!disabled[i]) return i;
  return null;
}

/**
 * What `key` does to a select showing `labels` with `current` chosen. Space and Enter
 * are left to the caller (it knows whether a picker can open).
 */
export function selectKey(
  key: string,
  labels: readonly string[],
  disabled: readonly boolean[],
  current: number,
  state: KeyState,
  now: number,
): KeyResult {
  const keep = { typed: '', at: now };
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return { index: enabledIndex(labels, disabled, current + 1, 1), handled: true, state: keep };
    case 'ArrowUp':
    case 'ArrowLeft':
      return { index: enabledIndex(labels, disabled, current - 1, -1), handled: true, state: keep };
    case 'Home':
      return { index: enabledIndex(labels, disabled, 0, 1), handled: true, state: keep };
    case 'End':
      return { index: enabledIndex(labels, disabled, labels.length - 1, -1), handled: true, state: keep };
  }
  if (key.length !== 1 || key === ' ') return { index: null, handled: false, state };
  const fresh = now - state.at > TYPE_AHEAD_MS;
  const typed = (fresh ? '' : state.typed) + key.toLowerCase();
  const starts = (i: number) => !disabled[i] && (labels[i] ?? '').trim().toLowerCase().startsWith(typed);
  // One letter again: go on to the next match; several: refine from the current one.
  const first = typed.length === 1 ? current + 1 : current;
  for (let n = 0; n < labels.length; n++) {
    const i = (first + n) % labels.length;
    if (starts(i)) return { index: i, handled: true, state: { typed, at: now } };
  }
  return { index: null, handled: true, state: { typed, at: now } };
}

/** Space: the next enabled option, wrapping round (with Shift: the previous). */
export function spaceIndex(disabled: readonly boolean[], current: number, back: boolean): number | null {
  const n = disabled.length;
  for (let step = 1; step <= n; step++) {
    const i = (((current + (back ? -step : step)) % n) + n) % n;
    if (!disabled[i]) return i;
  }
  return null;
}

/** Svelte action: `<select use:selectKeys>`. */
export function selectKeys(select: HTMLSelectElement): { destroy: () => void } {
  let state: KeyState = { typed: '', at: 0 };
  const choose = (index: number | null) => {
    if (index === null || index === select.selectedIndex) return;
    select.selectedIndex = index;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const options = [...select.options];
    if (e.key === ' ' || (e.key === 'Enter' && !select.form)) {
      // A GTK pop-up menu under a webview is where keyboard users got stuck: Space
      // steps through the options in place instead (Shift+Space back), wrapping round,
      // and a screen reader reads each new value.
      e.preventDefault();
      choose(spaceIndex(options.map((o) => o.disabled), select.selectedIndex, e.shiftKey));
      return;
    }
    const r = selectKey(e.key, options.map((o) => o.text), options.map((o) => o.disabled), select.selectedIndex, state, e.timeStamp);
    state = r.state;
    if (!r.handled) return;
    e.preventDefault();
    choose(r.index);
  };
  select.addEventListener('keydown', onKey);
  return { destroy: () => select.removeEventListener('keydown', onKey) };
}
