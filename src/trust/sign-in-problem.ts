// The page shown when sign-in cannot finish (cancelled, expired, not linked to a practice…).
import { STYLESHEET_PATH } from './login-page.ts';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderSignInProblem(message: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in problem – Hamlet</title><link rel="stylesheet" href="${STYLESHEET_PATH}"></head>
<body><div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="main-content" role="main">
<h1 class="nhsuk-heading-l">You could not be signed in</h1>
<p class="nhsuk-body">${escape(message)}</p>
<p class="nhsuk-body"><a class="nhsuk-link" href="/">Go back to the start</a></p>
</main></div></body></html>`;
}
