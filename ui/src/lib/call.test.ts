import { describe, expect, it } from 'vitest';
import { call } from './call';

describe('call', () => {
  it('turns a bare-string error (a command the ACL refused) into an internal error with that text', async () => {
    const refused = 'Command read_attachment_text not allowed by ACL';
    const result = await call(async () => ({ status: 'error' as const, error: refused as never }));
    expect(result).toEqual({ status: 'error', error: { code: 'internal', message: refused } });
  });

  it('keeps a backend error with a known code as it is', async () => {
    const result = await call(async () => ({
      status: 'error' as const,
      error: { code: 'ocr_unavailable' as const, message: 'no nld data' },
    }));
    expect(result).toEqual({ status: 'error', error: { code: 'ocr_unavailable', message: 'no nld data' } });
  });

  it('turns a rejected promise into an internal error', async () => {
    const result = await call(async () => {
      throw new Error('backend panicked');
    });
    expect(result.status).toBe('error');
    if (result.status === 'error') expect(result.error.code).toBe('internal');
  });

  it('passes data through', async () => {
    expect(await call(async () => ({ status: 'ok' as const, data: 7 }))).toEqual({ status: 'ok', data: 7 });
  });
});
