// Runs a command and always gives back a Result whose error has a known `code`: a
// rejected promise (the backend panicked, or we are not inside Tauri) and an error
// that is not `{code, message}` (Tauri's ACL refuses a command with a bare string)
// become an `internal` error, so a screen never stays silent or half-way.

import type { IpcError } from './bindings';

/** The shape tauri-specta gives every fallible command. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };
import { errorCodeOf, isErrorCode } from './errors';

/** `{code, message}` as the backend sends it, or `internal` with what came instead. */
export function asIpcError(e: unknown): IpcError {
  if (typeof e === 'object' && e !== null && isErrorCode((e as { code?: unknown }).code)) {
    const message = (e as { message?: unknown }).message;
    return { code: (e as IpcError).code, message: typeof message === 'string' ? message : '' };
  }
  return { code: errorCodeOf(e), message: typeof e === 'string' ? e : String(e) };
}

export async function call<T>(command: () => Promise<Result<T, IpcError>>): Promise<Result<T, IpcError>> {
  try {
    const result = await command();
    if (result.status === 'error') return { status: 'error', error: asIpcError(result.error) };
    return result;
  } catch (e) {
    return { status: 'error', error: asIpcError(e) };
  }
}
