/** The HTML pages the fake sign-in shows: account picker, consent, and the non-redirectable error page. */
import { escapeHtml } from '../http';
import type { SeedPerson } from '../seed';

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; }
  main { background: #fff; max-width: 440px; margin: 48px auto; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
  .account { display: block; width: 100%; text-align: left; padding: 12px; margin: 4px 0; border: 1px solid #ccc; background: #fff; cursor: pointer; font: inherit; }
  .account:hover, .account:focus { background: #e6e6e6; }
  .upn { display: block; color: #555; font-size: 13px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 24px; }
  .actions button { padding: 6px 20px; font: inherit; }
  .primary { background: #0067b8; color: #fff; border: 1px solid #0067b8; }
  .error { color: #a80000; }
`;

function page(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main><div aria-hidden="true"><strong>Microsoft</strong></div>${content}</main></body></html>`;
}

export function accountPickerPage(args: {
  action: string;
  ctx: string;
  accounts: SeedPerson[];
  preselectedId: string | null;
}): string {
  const ordered = [...args.accounts].sort((a, b) => Number(b.id === args.preselectedId) - Number(a.id === args.preselectedId));
  const buttons = ordered
    .map(
      (account) =>
        `<button type="submit" class="account" name="userId" value="${escapeHtml(account.id)}" aria-label="${escapeHtml(account.displayName)}"` +
        `${account.id === args.preselectedId ? ' autofocus data-preselected="true"' : ''} data-upn="${escapeHtml(account.userPrincipalName)}">` +
        `${escapeHtml(account.displayName)}<span class="upn">${escapeHtml(account.userPrincipalName)}</span></button>`,
    )
    .join('');
  return page(
    'Sign in to your account',
    `<h1>Pick an account</h1><form method="post" action="${escapeHtml(args.action)}">
<input type="hidden" name="ctx" value="${escapeHtml(args.ctx)}">${buttons}</form>`,
  );
}

/**
 * The consent page. `mode`: 'grant' (an Accept button; an admin's Accept grants for the whole organization), 'approval'
 * ("Need admin approval": entra-docs configure-user-consent.md, the user can only go back, AADSTS90094) or 'request'
 * (admin consent workflow on: "Approval required" with a justification, AADSTS90095; configure-admin-consent-workflow.md).
 */
export function consentPage(args: {
  action: string;
  ctx: string;
  appName: string;
  account: SeedPerson;
  scopes: string[];
  mode: 'grant' | 'approval' | 'request';
  onBehalfOfOrganization?: boolean;
}): string {
  const list = args.scopes.map((scope) => `<li data-scope="${escapeHtml(scope)}">${escapeHtml(scope)}</li>`).join('');
  const app = escapeHtml(args.appName);
  const hidden = `<input type="hidden" name="ctx" value="${escapeHtml(args.ctx)}">`;
  const form = (inner: string) => `<form method="post" action="${escapeHtml(args.action)}">${hidden}${inner}</form>`;
  let body: string;
  if (args.mode === 'grant') {
    const org = args.onBehalfOfOrganization
      ? '<p id="on-behalf">Accepting grants these permissions for everyone in your organization.</p>'
      : '';
    body = `<p>${app} needs permission to access resources in your organization. This app would like to:</p>
<ul id="requested-permissions">${list}</ul>${org}${form(
      '<div class="actions"><button type="submit" name="action" value="cancel">Cancel</button><button type="submit" name="action" value="accept" class="primary">Accept</button></div>',
    )}`;
  } else if (args.mode === 'approval') {
    body = `<h2>Need admin approval</h2><p>${app} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<ul id="requested-permissions">${list}</ul>${form(
      '<div class="actions"><button type="submit" name="action" value="return">Return to the application without granting consent</button></div>',
    )}`;
  } else {
    body = `<h2>Approval required</h2><p>${app} needs permission to access resources in your organization that only an admin can grant. Request approval from an admin to use this app.</p>
<ul id="requested-permissions">${list}</ul>${form(
      '<label for="justification">Justification</label><textarea id="justification" name="justification"></textarea><div class="actions"><button type="submit" name="action" value="return">Back to the application</button><button type="submit" name="action" value="request" class="primary">Request approval</button></div>',
    )}`;
  }
  return page(
    'Permissions requested',
    `<h1>Permissions requested</h1><p>${escapeHtml(args.account.userPrincipalName)}</p>${body}`,
  );
}

/** A Conditional Access interrupt the user can satisfy here: approve an MFA prompt, or register security info first. */
export function mfaPage(args: { action: string; ctx: string; registration: boolean }): string {
  const heading = args.registration ? 'More information required' : 'Approve sign in request';
  const text = args.registration
    ? 'Your organization needs more information to keep your account secure. Set up a second way to sign in.'
    : 'Open your Authenticator app, and enter the number shown to sign in.';
  const label = args.registration ? 'Next' : 'Approve';
  return page(
    heading,
    `<h1>${heading}</h1><p>${text}</p><form method="post" action="${escapeHtml(args.action)}"><input type="hidden" name="ctx" value="${escapeHtml(args.ctx)}">
<div class="actions"><button type="submit" name="action" value="cancel">I can't use my Authenticator app right now</button><button type="submit" name="action" value="approve" class="primary">${label}</button></div></form>`,
  );
}

/** A Conditional Access block: nothing the user can do here; Continue returns the error to the app. [U] page layout. */
export function blockedPage(args: { action: string; ctx: string; heading: string; description: string }): string {
  return page(
    args.heading,
    `<h1>${escapeHtml(args.heading)}</h1><p class="error" role="alert">${escapeHtml(args.description)}</p>
<form method="post" action="${escapeHtml(args.action)}"><input type="hidden" name="ctx" value="${escapeHtml(args.ctx)}">
<div class="actions"><button type="submit" name="action" value="continue" class="primary">Continue</button></div></form>`,
  );
}

export function errorPage(description: string): string {
  return page(
    'Sign in to your account',
    `<h1>Sorry, but we’re having trouble signing you in.</h1><p class="error" role="alert">${escapeHtml(description)}</p>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p>');
}
