// The embedded identity provider's sign-in page (demo only): lists synthetic people to sign in as, one
// button each. Plain server-rendered HTML in the NHS design system's styles, no scripts, so it works
// under the strict content security policy and with any assistive technology.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Audience } from './domain/identity.ts';
import type { SyntheticUser } from './synthetic-users.ts';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

let stylesheet: string | null = null;
/** The NHS design system's stylesheet (nhsuk-frontend), read once. */
export function nhsStylesheet(): string {
  stylesheet ??= readFileSync(createRequire(import.meta.url).resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'), 'utf8');
  return stylesheet;
}
export const STYLESHEET_PATH = '/auth/styles.css';

export interface LoginPageOptions {
  audience: Audience;
  users: readonly SyntheticUser[];
  formAction: string;
  hidden?: Record<string, string>;
  error?: string;
}

function userCard(user: SyntheticUser): string {
  return `<li class="nhsuk-card nhsuk-u-margin-bottom-3"><div class="nhsuk-card__content">
  <h3 class="nhsuk-card__heading nhsuk-heading-s">${escape(user.name)}</h3>
  <p class="nhsuk-body-s">${escape(user.description)}</p>
  <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit" name="account" value="${escape(user.accountId)}">Sign in as ${escape(user.name)}</button>
</div></li>`;
}

export function renderLoginPage({ audience, users, formAction, hidden = {}, error }: LoginPageOptions): string {
  const service = audience === 'patient' ? 'NHS login (demo)' : 'NHS Care Identity (demo)';
  const heading = audience === 'patient' ? 'Choose a synthetic patient' : 'Choose a synthetic member of staff';
  const shown = users.filter((u) => u.audience === audience);
  const inputs = Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(heading)} – ${service} – Hamlet</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="nhsuk-skip-link" href="#main-content">Skip to main content</a>
<header class="nhsuk-header" role="banner"><div class="nhsuk-header__container nhsuk-width-container">
<span class="nhsuk-header__service-name">${service}</span></div></header>
<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="main-content" role="main">
<h1 class="nhsuk-heading-l">${escape(heading)}</h1>
<div class="nhsuk-inset-text"><p>This is a demonstration identity provider. Everyone listed here is synthetic: no real person or record.
Real deployments sign in through ${audience === 'patient' ? 'NHS login' : 'NHS CIS2 (smartcard or authenticator)'}.</p></div>
${error ? `<div class="nhsuk-error-summary" role="alert" tabindex="-1"><h2 class="nhsuk-error-summary__title">There is a problem</h2><div class="nhsuk-error-summary__body"><p>${escape(error)}</p></div></div>` : ''}
<form method="post" action="${escape(formAction)}">${inputs}
<ul class="nhsuk-list" aria-label="${escape(heading)}">
${shown.map(userCard).join('\n')}
</ul>
</form>
</main></div>
</body>
</html>`;
}
