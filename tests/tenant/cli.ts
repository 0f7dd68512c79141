/** `npm run tenant`: run the simulated tenant alone until Ctrl-C (PORT env or a random port). */
import { ROLE_DISPLAY_NAMES } from './roles';
import { ADMINS, APP, TENANT } from './seed';
import { startTenant } from './server';

const tenant = await startTenant({ port: Number(process.env.PORT ?? 0), latencyMs: Number(process.env.LATENCY_MS ?? 0) });
const admins = Object.values(ADMINS).map((admin) => {
  const user = tenant.control.state.users.find((candidate) => candidate.id === admin.id);
  const roles = user?.roles.map((role) => ROLE_DISPLAY_NAMES[role] ?? role).join(', ') || 'no admin role';
  return `  ${admin.displayName.padEnd(16)} ${admin.userPrincipalName.padEnd(38)} ${roles}`;
});
const quoted = tenant.chromiumArgs.map((arg) => `'${arg}'`).join(' ');
console.log(`Simulated Entra tenant listening on ${tenant.origin}

Tenant      ${TENANT.displayName}  ${TENANT.id}  (${TENANT.domain})
Client id   ${APP.clientId}
Redirect    ${APP.redirectUri}

Chromium flags:
  ${quoted}
e.g. chromium ${quoted} https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers

Admins on the sign-in page (click to sign in, no password):
${admins.join('\n')}

Control: ${tenant.origin}/__control/{reset,latency,fault,log,state,policy,consent,revoke-sessions,tap-used,page-size,seed-users}
  curl -k -X POST ${tenant.origin}/__control/fault -d '{"host":"graph","status":429,"retryAfter":"3","times":1}'
  curl -k -X POST ${tenant.origin}/__control/seed-users -d '{"count":100,"prefix":"bulk"}'
Ctrl-C to stop.`);

const stop = async () => {
  await tenant.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
