import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

/**
 * The panel frame of a portal page, as a FrameLocator look-alike. The frame lives in a closed shadow root, which
 * Playwright's selectors (like the page's own scripts) can't enter, so it is found among the page's frames by its URL,
 * again for every action: the content script makes a new frame per user, and a locator must follow it.
 */
export type PanelFrame = Pick<FrameLocator, 'getByRole' | 'getByText' | 'getByTestId' | 'getByLabel' | 'locator'>;

const LAZY = Symbol('lazy-locator');
const CHAINED = new Set([
  'getByRole',
  'getByText',
  'getByTestId',
  'getByLabel',
  'getByPlaceholder',
  'getByTitle',
  'locator',
  'first',
  'last',
  'nth',
  'filter',
  'or',
  'and',
]);
/**
 * Pointer actions. Playwright can't resolve a frame's owner element inside a closed shadow root, so it can't place a
 * click there. These wait for visible and enabled (aria-disabled counts) as Playwright would, then click for real with
 * the mouse at the element's centre in page coordinates (the host's box plus the element's box in the frame): the
 * click goes through the page's own hit testing, as an admin's would. The pointer rests there a moment first, as a
 * hand does: a portal panel ignores a click from a pointer that only just arrived (utils/ui/activation-guard.ts).
 */
const POINTER_REST_MS = 200;
const POINTER = new Set(['click', 'dblclick', 'check', 'uncheck', 'hover']);
const GONE = /detached|has been closed|Execution context was destroyed|Target closed/i;
const DEFAULT_TIMEOUT_MS = 30_000;

interface Step {
  name: string;
  args: unknown[];
}

/** The newest live panel frame directly under the page's top frame, waiting for one until the deadline. */
export async function currentPanelFrame(page: Page, deadline = Date.now() + DEFAULT_TIMEOUT_MS): Promise<Frame> {
  for (;;) {
    const frames = page
      .frames()
      .filter(
        (frame) =>
          frame.parentFrame() === page.mainFrame() &&
          !frame.isDetached() &&
          /^chrome-extension:\/\/[a-p]{32}\/panel\.html/.test(frame.url()),
      );
    const newest = frames.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error('No Entra TAP panel frame appeared on the page.');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function isLazy(value: unknown): value is { [LAZY]: Step[] } {
  return typeof value === 'function' && LAZY in (value as object);
}

function build(frame: Frame, steps: Step[]): Locator {
  let current: unknown = frame;
  for (const { name, args } of steps) {
    const resolved = args.map((arg) => (isLazy(arg) ? build(frame, arg[LAZY]) : arg));
    current = (current as Record<string, (...a: unknown[]) => unknown>)[name]?.(...resolved);
  }
  return current as Locator;
}

function timeoutOf(args: unknown[]): number {
  const options = args.find((arg) => typeof arg === 'object' && arg !== null && 'timeout' in arg) as { timeout?: number };
  return options?.timeout ?? DEFAULT_TIMEOUT_MS;
}

async function pointerAction(page: Page, locator: Locator, action: string, args: unknown[], deadline: number): Promise<void> {
  const options = (args[0] ?? {}) as { force?: boolean };
  const left = () => Math.max(1, deadline - Date.now());
  await locator.waitFor({ state: 'visible', timeout: left() });
  if (action === 'check' || action === 'uncheck') {
    if ((await locator.isChecked()) === (action === 'check')) return;
  }
  while (!options.force && action !== 'hover' && !(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${locator} to be enabled.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const box = await pageBox(page, locator, deadline, true);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  if (action === 'hover') return;
  await new Promise((resolve) => setTimeout(resolve, POINTER_REST_MS));
  if (action === 'dblclick') await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

/** The element's box in page coordinates: the host's box (the frame fills it) plus the element's box in the frame. */
async function pageBox(page: Page, locator: Locator, deadline: number, scroll = false) {
  const inFrame = await locator.evaluate((element, scrollIntoView) => {
    if (scrollIntoView) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  }, scroll);
  const host = await page.locator('entra-tap-panel').boundingBox({ timeout: Math.max(1, deadline - Date.now()) });
  if (!host) throw new Error('The panel host has no box on the page.');
  return { ...inFrame, x: host.x + inFrame.x, y: host.y + inFrame.y };
}

function lazy(page: Page, steps: Step[]): unknown {
  const target = Object.assign(() => undefined, { [LAZY]: steps });
  return new Proxy(target, {
    get(_target, property) {
      if (property === LAZY) return steps;
      if (property === 'then' || typeof property === 'symbol') return undefined;
      if (CHAINED.has(property)) return (...args: unknown[]) => lazy(page, [...steps, { name: property, args }]);
      return async (...args: unknown[]) => {
        const deadline = Date.now() + timeoutOf(args);
        for (;;) {
          const frame = await currentPanelFrame(page, deadline);
          const locator = build(frame, steps) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
          try {
            const resolved = args.map((arg) => (isLazy(arg) ? build(frame, arg[LAZY]) : arg));
            if (POINTER.has(property))
              return await pointerAction(page, locator as unknown as Locator, property, resolved, deadline);
            if (property === 'boundingBox') return await pageBox(page, locator as unknown as Locator, deadline);
            return await locator[property]?.(...resolved);
          } catch (error) {
            // The frame was replaced (another user, or the panel closed and came back): act on the new one.
            if (GONE.test((error as Error).message) && Date.now() < deadline && !page.isClosed()) continue;
            throw error;
          }
        }
      };
    },
  });
}

export function panel(page: Page): PanelFrame {
  return lazy(page, []) as PanelFrame;
}
