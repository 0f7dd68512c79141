// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is bash parameter expansion in the script text, not a template.
/**
 * The setup plan as Azure CLI in bash. Each Graph step is one command on its own line; what each sends:
 *   az rest GET  …/servicePrincipals?$filter=appId eq '…'&$select=…   findGraph (once for the id, once per permission)
 *   az rest GET  …/applications?$filter=displayName eq '…'&$select=… findExisting
 *   az ad app create --display-name --sign-in-audience --required-resource-accesses
 *                    --enable-access-token-issuance false --enable-id-token-issuance false
 *                                                                     POST /applications (createApplication)
 *   az rest PATCH …/applications(appId='…') {spa: {redirectUris}}    setSpaRedirectUris: az has no SPA option
 *   az ad sp create --id <appId>                                      POST /servicePrincipals {appId}
 *   az rest POST …/oauth2PermissionGrants {…AllPrincipals…}           grantConsent, the same body PowerShell sends
 * (learn.microsoft.com/cli/azure/ad/app, /ad/sp, /reference-index#az-rest.) az ad app create first looks for an app of
 * the same display name and would change it; the findExisting step stops before that can happen. The grant is an
 * explicit az rest so its body is exactly the plan's: `az ad app permission grant` makes the same kind of grant, but its
 * request isn't documented.
 *
 * The script runs in a subshell, `( … )`, with `set -euo pipefail`: pasted into a terminal it stops at the first error
 * without closing the terminal.
 */
import { GRAPH_DELEGATED_PERMISSION_IDS } from './graph-permissions';
import { GRAPH_V1_URL, MANAGED_CONFIG_KEYS, requestUrl, type SetupPlan } from './plan';
import { shQuote } from './quote';

const stepOf = (plan: SetupPlan, id: SetupPlan['steps'][number]['id']) => {
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`The plan has no ${id} step.`);
  return step;
};

export function azureCliScript(plan: SetupPlan): string {
  if (plan.variant !== 'azureCli') throw new Error('An Azure CLI script needs the Azure CLI plan.');
  const { input, permissions } = plan;
  const graphUri = requestUrl(stepOf(plan, 'findGraph'));
  const existingUri = requestUrl(stepOf(plan, 'findExisting'));
  const spaBody = JSON.stringify(stepOf(plan, 'setSpaRedirectUris').body);
  const grant = stepOf(plan, 'grantConsent').body as { scope: string; consentType: string };
  const login = input.tenant
    ? `az login --tenant ${shQuote(input.tenant)} --allow-no-subscriptions --output none`
    : 'az account show --output none || az login --allow-no-subscriptions --output none';
  const lines = [
    '# Entra TAP: creates the app registration (single-page application), its service principal and admin consent.',
    '# Azure CLI 2.37 or later, in bash (Azure Cloud Shell works). Run it as a Global Administrator, Privileged Role',
    '# Administrator, Cloud Application Administrator or Application Administrator. Paste it whole: it stops at the first',
    '# error.',
    '(',
    'set -euo pipefail',
    login,
    `DISPLAY_NAME=${shQuote(input.displayName)}`,
    "GRAPH_APP_ID='00000003-0000-0000-c000-000000000000'",
    `GRAPH_SP_URI=${shQuote(graphUri)}`,
    `EXISTING_URI=${shQuote(existingUri)}`,
    `SPA_BODY=${shQuote(spaBody)}`,
    '# The delegated permissions Entra TAP signs in with. Their ids are the same in every tenant; the script looks each one',
    "# up by name in your tenant's Microsoft Graph service principal rather than trusting these:",
    ...permissions.map((p) => `#   ${p} = ${GRAPH_DELEGATED_PERMISSION_IDS[p as keyof typeof GRAPH_DELEGATED_PERMISSION_IDS]}`),
    `PERMISSIONS=(${permissions.map(shQuote).join(' ')})`,
    `SCOPE=${shQuote(grant.scope)}`,
    'GRAPH_SP_ID=$(az rest --method GET --uri "$GRAPH_SP_URI" --query \'value[0].id\' --output tsv)',
    'if [ -z "$GRAPH_SP_ID" ]; then echo "Microsoft Graph\'s service principal was not found in this tenant." >&2; exit 1; fi',
    "RESOURCE_ACCESS=''",
    'for PERMISSION in "${PERMISSIONS[@]}"; do',
    '  PERMISSION_ID=$(az rest --method GET --uri "$GRAPH_SP_URI" --query "value[0].oauth2PermissionScopes[?value==\'${PERMISSION}\'].id | [0]" --output tsv)',
    '  if [ -z "$PERMISSION_ID" ]; then echo "Microsoft Graph has no delegated permission named ${PERMISSION}." >&2; exit 1; fi',
    '  RESOURCE_ACCESS="${RESOURCE_ACCESS:+${RESOURCE_ACCESS},}{\\"id\\":\\"${PERMISSION_ID}\\",\\"type\\":\\"Scope\\"}"',
    'done',
    'EXISTING=$(az rest --method GET --uri "$EXISTING_URI" --query \'value[0].appId\' --output tsv)',
    'if [ -n "$EXISTING" ]; then echo "An app registration named ${DISPLAY_NAME} exists already (application ID ${EXISTING}). Choose another name, or remove it first." >&2; exit 1; fi',
    'APP_ID=$(az ad app create --display-name "$DISPLAY_NAME" --sign-in-audience AzureADMyOrg --enable-access-token-issuance false --enable-id-token-issuance false --required-resource-accesses "[{\\"resourceAppId\\":\\"${GRAPH_APP_ID}\\",\\"resourceAccess\\":[${RESOURCE_ACCESS}]}]" --query appId --output tsv)',
    `az rest --method PATCH --uri "${GRAPH_V1_URL}/applications(appId='\${APP_ID}')" --headers 'Content-Type=application/json' --body "$SPA_BODY" --output none`,
    'SP_ID=$(az ad sp create --id "$APP_ID" --query id --output tsv)',
    `az rest --method POST --uri '${GRAPH_V1_URL}/oauth2PermissionGrants' --headers 'Content-Type=application/json' --body "{\\"clientId\\":\\"\${SP_ID}\\",\\"consentType\\":\\"${grant.consentType}\\",\\"resourceId\\":\\"\${GRAPH_SP_ID}\\",\\"scope\\":\\"\${SCOPE}\\"}" --output none`,
    'TENANT_ID=$(az account show --query tenantId --output tsv)',
    'echo',
    'echo "Application (client) ID: ${APP_ID}"',
    'echo "Directory (tenant) ID:   ${TENANT_ID}"',
    'echo',
    "echo 'Managed configuration (JSON):'",
    `printf '{\\n  "${MANAGED_CONFIG_KEYS.clientId}": "%s",\\n  "${MANAGED_CONFIG_KEYS.tenantId}": "%s"\\n}\\n' "$APP_ID" "$TENANT_ID"`,
    ')',
  ];
  return `${lines.join('\n')}\n`;
}
