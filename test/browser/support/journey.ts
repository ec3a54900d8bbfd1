// Steps a person takes through the web app, counted so the journey test can report pages and fields.
import type { Page } from 'playwright-core';
import { settle } from './audit.ts';

export class Counter {
  pages = 0;
  fields = 0;
  readonly visited: string[] = [];
  page(page: Page): void {
    this.pages += 1;
    this.visited.push(new URL(page.url()).pathname);
  }
}

/** On the demo identity provider's page: sign in as the first listed person matching the description. */
export async function signInOnProviderPage(page: Page, description?: RegExp): Promise<string> {
  await page.waitForSelector('button[name="account"]');
  const cards = page.locator('li.nhsuk-card');
  const card = description ? cards.filter({ hasText: description }).first() : cards.first();
  const name = (await card.locator('h3').innerText()).trim();
  await card.getByRole('button').click();
  return name;
}

export async function continueOn(page: Page, name = 'Continue'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Answer each adaptive safety question with `answer` until the flow leaves the questions page. */
export async function answerSafetyQuestions(page: Page, answer: RegExp, count: Counter, onPage?: () => Promise<void>): Promise<number> {
  let asked = 0;
  for (;;) {
    await settle(page);
    if (!new URL(page.url()).pathname.endsWith('/request/questions')) return asked;
    count.page(page);
    await onPage?.();
    await page.getByRole('radio', { name: answer }).check();
    count.fields += 1;
    asked += 1;
    await continueOn(page);
    await page.waitForTimeout(100);
  }
}

/** The patient's first practice patient, as the demo sign-in page lists them (first practice, first patient). */
export async function appointmentIdFromUrl(page: Page): Promise<string> {
  const match = /\/appointments\/([^/?]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on an appointment page: ${page.url()}`);
  return match[1];
}
