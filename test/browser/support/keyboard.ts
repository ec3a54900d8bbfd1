// Driving a page with the keyboard only: Tab until the wanted control has focus, and check the focus is visible.
import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  id: string;
  name: string;
  type: string;
  text: string;
  visible: boolean;
  classes: string;
}

/** What has focus, and whether a sighted keyboard user can see it (outline or the NHS focus shadow). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', id: '', name: '', type: '', text: '', visible: false, classes: '' };
    const input = el as HTMLInputElement;
    const styled = (target: Element, pseudo?: string) => {
      const style = getComputedStyle(target, pseudo);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    };
    const label = input.type === 'radio' || input.type === 'checkbox' ? document.querySelector(`label[for="${input.id}"]`) : null;
    const visible = label ? styled(label, '::before') || styled(label, '::after') : styled(el);
    const text = (label?.textContent ?? el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), id: el.id, name: input.name ?? '', type: input.type ?? '', text, visible, classes: el.className };
  });
}

/** Press Tab until `wanted` matches the focused element; fails if it never does or the focus is invisible. */
export async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, limit = 80): Promise<Focused> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) {
      if (!now.visible) throw new Error(`focus on ${what} is not visible`);
      return now;
    }
  }
  throw new Error(`could not reach ${what} with Tab in ${limit} presses`);
}

export const byText = (pattern: RegExp) => (f: Focused) => pattern.test(f.text);
export const byId = (id: string) => (f: Focused) => f.id === id;
export const byName = (name: string) => (f: Focused) => f.name === name;
