// Runs a command and always gives back a Result: a rejected promise (the backend
// panicked, or we are not inside Tauri) becomes an `internal` error instead of an
// exception that would leave a screen half-way.

import type { IpcError } from './bindings';

/** The shape tauri-specta gives every fallible command. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };
import { errorCodeOf } from './errors';

export async function call<T>(command: () => Promise<Result<T, IpcError>>): Promise<Result<T, IpcError>> {
  try {
    return await command();
  } catch (e) {
    return { status: 'error', error: { code: errorCodeOf(e), message: String(e) } };
  }
}
