import { describe, expect, it, vi } from 'vitest';
import { type FirstRunApi, openSetupOnFirstInstall } from '@/utils/background/first-run';

function fakeRuntime() {
  let listener: ((details: { reason: string }) => void) | undefined;
  const runtime: FirstRunApi = {
    onInstalled: {
      addListener: (callback) => {
        listener = callback;
      },
    },
    openOptionsPage: vi.fn(async () => {}),
  };
  return { runtime, fire: (reason: string) => listener?.({ reason }) };
}

describe('openSetupOnFirstInstall', () => {
  it.each([
    ['install', false, 1],
    ['install', true, 0],
    ['update', false, 0],
    ['browser_update', false, 0],
  ])('reason %s, configured %s → opens the options page %i times', async (reason, configured, times) => {
    const { runtime, fire } = fakeRuntime();
    openSetupOnFirstInstall(runtime, async () => configured);
    fire(reason);
    await vi.waitFor(() => expect(runtime.openOptionsPage).toHaveBeenCalledTimes(times));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runtime.openOptionsPage).toHaveBeenCalledTimes(times);
  });
});
