import { describe, expect, it, vi } from 'vitest';
import { throttled, TOUCH_INTERVAL_MS } from './api';

describe('touch throttling', () => {
  it('pings the auto-lock timer at most once every 20 seconds', () => {
    let now = 1_000_000;
    const send = vi.fn(() => Promise.resolve(null));
    const ping = throttled(send, TOUCH_INTERVAL_MS, () => now);
    ping();
    ping();
    now += 19_999;
    ping();
    expect(send).toHaveBeenCalledTimes(1);
    now += 1;
    ping();
    expect(send).toHaveBeenCalledTimes(2);
    expect(TOUCH_INTERVAL_MS).toBe(20_000);
  });

  it('never throws when the ping fails', async () => {
    const send = vi.fn(() => Promise.reject(new Error('no backend')));
    const ping = throttled(send, 1000, () => 0);
    expect(() => ping()).not.toThrow();
    await Promise.resolve();
  });
});
