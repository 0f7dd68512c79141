import type { Frame, Page } from 'puppeteer-core';

/**
 * Clicks an element of the panel frame the way a hand does: the pointer moves there and rests before the click (a
 * portal panel ignores a click from a pointer that only just arrived, utils/ui/activation-guard.ts). Coordinates are
 * the panel host's box on the page plus the element's box in the frame.
 */
export async function restingClick(page: Page, frame: Frame, selector: string): Promise<void> {
  const inFrame = await frame.waitForSelector(selector, { visible: true });
  if (!inFrame) throw new Error(`No ${selector} in the panel.`);
  const box = await inFrame.evaluate((element) => {
    element.scrollIntoView({ block: 'nearest' });
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  });
  const host = await page.evaluate(() => {
    const rect = document.querySelector('entra-tap-panel')?.getBoundingClientRect();
    return rect ? { x: rect.x, y: rect.y } : null;
  });
  if (!host) throw new Error('The panel host has no box on the page.');
  const x = host.x + box.x + box.width / 2;
  const y = host.y + box.y + box.height / 2;
  await page.mouse.move(x - 20, y - 10);
  await page.mouse.move(x, y, { steps: 4 });
  await new Promise((resolve) => setTimeout(resolve, 250));
  await page.mouse.click(x, y);
}

/**
 * A button by its name: its aria-label or its text (an XPath; puppeteer's ARIA selector needs the DevTools protocol's
 * accessibility tree, which BiDi doesn't offer). `prefix` matches the start of the name.
 */
export function button(name: string, { prefix = false } = {}): string {
  const literal = JSON.stringify(name);
  const test = (of: string) => (prefix ? `starts-with(${of}, ${literal})` : `${of} = ${literal}`);
  return `::-p-xpath(//button[${test('normalize-space(.)')} or ${test('@aria-label')}])`;
}

/** Clicks a button on an extension page or the sign-in page (no activation guard there). */
export async function clickButton(target: Page | Frame, name: string): Promise<void> {
  await target.locator(button(name)).click();
}
