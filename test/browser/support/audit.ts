// Every page a browser test reaches is checked with axe-core and recorded under the route it rendered
// (main[data-route]); tests assert no serious or critical violations and which routes were covered.
import type { Page } from 'playwright-core';
import { isSeriousOrCritical, runAxe, screenshot, writeArtefact, type AxeViolation } from './chromium.ts';

export interface PageCheck {
  route: string;
  url: string;
  title: string;
  violations: AxeViolation[];
}

/** Wait until the single-page app has rendered a page: its route id is set and nothing is still loading. */
export async function settle(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const main = document.querySelector('#maincontent');
    return Boolean(main?.getAttribute('data-route') && main.querySelector('h1') && !main.querySelector('[data-loading]'));
  });
  return (await page.locator('#maincontent').getAttribute('data-route')) ?? '';
}

export class Audit {
  readonly checks: PageCheck[] = [];
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }

  /** Check the current page: axe, a screenshot, and the route it is. Returns the serious or critical violations. */
  async check(page: Page, label: string): Promise<AxeViolation[]> {
    const route = await settle(page);
    const violations = await runAxe(page);
    this.checks.push({ route, url: new URL(page.url()).pathname, title: await page.title(), violations });
    await screenshot(page, `${this.name}-${String(this.checks.length).padStart(2, '0')}-${label}`);
    return violations.filter(isSeriousOrCritical);
  }

  routes(): Set<string> {
    return new Set(this.checks.map((check) => check.route));
  }

  save(): void {
    writeArtefact(`axe-${this.name}.json`, this.checks);
  }
}
