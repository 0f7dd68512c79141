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
import type { CloudName } from '../clouds';
import { GRAPH_DELEGATED_PERMISSION_IDS } from './graph-permissions';
import { graphV1Url, MANAGED_CONFIG_KEYS, requestUrl, type SetupPlan } from './plan';
import { shQuote } from './quote';

const stepOf = (plan: SetupPlan, id: SetupPlan['steps'][number]['id']) => {
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`The plan has no ${id} step.`);
  return step;
};

/**
 * `az cloud set --name` for each cloud, before `az login`: the clouds `az cloud list` shows (learn.microsoft.com
 * cli/azure/manage-clouds-azure-cli, "Azure cloud management with the Azure CLI": AzureCloud, AzureChinaCloud,
 * AzureUSGovernment). Worldwide is AzureCloud, the default: nothing to set.
 *
 * Azure CLI has no cloud for US Government DoD. Its tenants sign in at login.microsoftonline.us like GCC High, so the DoD
 * script sets AzureUSGovernment, but that cloud's Microsoft Graph endpoint is graph.microsoft.us, not DoD's
 * dod-graph.microsoft.us. So in DoD every Graph request is an explicit az rest to dod-graph.microsoft.us (az ad app
 * create and az ad sp create would call the cloud's endpoint), each with --resource: az rest derives the token's
 * resource from --url only for endpoints `az cloud show --query endpoints` lists, and takes --resource for any other
 * (learn.microsoft.com cli/azure/use-azure-cli-rest-command, "Tips for using az rest").
 */
export const AZ_CLOUDS: Readonly<Record<CloudName, string | null>> = {
  global: null,
  usGovL4: 'AzureUSGovernment',
  usGovL5: 'AzureUSGovernment',
  china: 'AzureChinaCloud',
};

/** The clouds whose Graph host isn't their az cloud's Microsoft Graph endpoint: every Graph request names it. */
const explicitGraph = (cloud: CloudName) => cloud === 'usGovL5';

export function azureCliScript(plan: SetupPlan): string {
  if (plan.variant !== 'azureCli') throw new Error('An Azure CLI script needs the Azure CLI plan.');
  const { input, permissions, cloud } = plan;
  const graphV1 = graphV1Url(cloud);
  const graphUri = requestUrl(stepOf(plan, 'findGraph'), undefined, cloud);
  const existingUri = requestUrl(stepOf(plan, 'findExisting'), undefined, cloud);
  const azCloud = AZ_CLOUDS[cloud.name];
  const explicit = explicitGraph(cloud.name);
  // az rest's --resource, where the URL alone doesn't tell az which token to get.
  const resource = explicit ? ` --resource ${shQuote(`https://${cloud.graphHost}`)}` : '';
  const cloudLines = azCloud
    ? [
        `# Microsoft cloud: ${cloud.label}. az cloud set points Azure CLI at ${azCloud}, sign-in at ${cloud.loginHost}.`,
        '# It stays the active cloud for later az commands too (az cloud set --name AzureCloud switches back).',
        ...(explicit
          ? [
              "# Azure CLI has no DoD cloud, and AzureUSGovernment's Microsoft Graph endpoint is graph.microsoft.us: every Graph",
              `# request below is an az rest to ${cloud.graphHost}, --resource naming it (az rest derives the token's resource`,
              '# only for the endpoints `az cloud show --query endpoints` lists).',
            ]
          : []),
        `az cloud set --name ${azCloud}`,
      ]
    : [];
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
    ...cloudLines,
    login,
    `DISPLAY_NAME=${shQuote(input.displayName)}`,
    ...(explicit ? [`DISPLAY_NAME_JSON=${shQuote(JSON.stringify(input.displayName))}`] : []),
    "GRAPH_APP_ID='00000003-0000-0000-c000-000000000000'",
    `GRAPH_SP_URI=${shQuote(graphUri)}`,
    `EXISTING_URI=${shQuote(existingUri)}`,
    `SPA_BODY=${shQuote(spaBody)}`,
    '# The delegated permissions Entra TAP signs in with. Their ids are the same in every tenant; the script looks each one',
    "# up by name in your tenant's Microsoft Graph service principal rather than trusting these:",
    ...permissions.map((p) => `#   ${p} = ${GRAPH_DELEGATED_PERMISSION_IDS[p as keyof typeof GRAPH_DELEGATED_PERMISSION_IDS]}`),
    `PERMISSIONS=(${permissions.map(shQuote).join(' ')})`,
    `SCOPE=${shQuote(grant.scope)}`,
    `GRAPH_SP_ID=$(az rest --method GET --uri "$GRAPH_SP_URI"${resource} --query 'value[0].id' --output tsv)`,
    'if [ -z "$GRAPH_SP_ID" ]; then echo "Microsoft Graph\'s service principal was not found in this tenant." >&2; exit 1; fi',
    "RESOURCE_ACCESS=''",
    'for PERMISSION in "${PERMISSIONS[@]}"; do',
    `  PERMISSION_ID=$(az rest --method GET --uri "$GRAPH_SP_URI"${resource} --query "value[0].oauth2PermissionScopes[?value=='\${PERMISSION}'].id | [0]" --output tsv)`,
    '  if [ -z "$PERMISSION_ID" ]; then echo "Microsoft Graph has no delegated permission named ${PERMISSION}." >&2; exit 1; fi',
    '  RESOURCE_ACCESS="${RESOURCE_ACCESS:+${RESOURCE_ACCESS},}{\\"id\\":\\"${PERMISSION_ID}\\",\\"type\\":\\"Scope\\"}"',
    'done',
    `EXISTING=$(az rest --method GET --uri "$EXISTING_URI"${resource} --query 'value[0].appId' --output tsv)`,
    'if [ -n "$EXISTING" ]; then echo "An app registration named ${DISPLAY_NAME} exists already (application ID ${EXISTING}). Choose another name, or remove it first." >&2; exit 1; fi',
    ...(explicit
      ? [
          // The POST az ad app create sends (its flags are the plan's createApplication body), as az rest.
          'APP_BODY="{\\"displayName\\":${DISPLAY_NAME_JSON},\\"signInAudience\\":\\"AzureADMyOrg\\",\\"requiredResourceAccess\\":[{\\"resourceAppId\\":\\"${GRAPH_APP_ID}\\",\\"resourceAccess\\":[${RESOURCE_ACCESS}]}],\\"web\\":{\\"implicitGrantSettings\\":{\\"enableAccessTokenIssuance\\":false,\\"enableIdTokenIssuance\\":false}}}"',
          `APP_ID=$(az rest --method POST --uri '${graphV1}/applications'${resource} --headers 'Content-Type=application/json' --body "$APP_BODY" --query appId --output tsv)`,
        ]
      : [
          'APP_ID=$(az ad app create --display-name "$DISPLAY_NAME" --sign-in-audience AzureADMyOrg --enable-access-token-issuance false --enable-id-token-issuance false --required-resource-accesses "[{\\"resourceAppId\\":\\"${GRAPH_APP_ID}\\",\\"resourceAccess\\":[${RESOURCE_ACCESS}]}]" --query appId --output tsv)',
        ]),
    `az rest --method PATCH --uri "${graphV1}/applications(appId='\${APP_ID}')"${resource} --headers 'Content-Type=application/json' --body "$SPA_BODY" --output none`,
    explicit
      ? `SP_ID=$(az rest --method POST --uri '${graphV1}/servicePrincipals'${resource} --headers 'Content-Type=application/json' --body "{\\"appId\\":\\"\${APP_ID}\\"}" --query id --output tsv)`
      : 'SP_ID=$(az ad sp create --id "$APP_ID" --query id --output tsv)',
    `az rest --method POST --uri '${graphV1}/oauth2PermissionGrants'${resource} --headers 'Content-Type=application/json' --body "{\\"clientId\\":\\"\${SP_ID}\\",\\"consentType\\":\\"${grant.consentType}\\",\\"resourceId\\":\\"\${GRAPH_SP_ID}\\",\\"scope\\":\\"\${SCOPE}\\"}" --output none`,
    'TENANT_ID=$(az account show --query tenantId --output tsv)',
    'echo',
    'echo "Application (client) ID: ${APP_ID}"',
    'echo "Directory (tenant) ID:   ${TENANT_ID}"',
    'echo',
    "echo 'Managed configuration (JSON):'",
    // The managed configuration names the cloud only when it isn't worldwide (absent means worldwide).
    `printf '{\\n  "${MANAGED_CONFIG_KEYS.clientId}": "%s",\\n  "${MANAGED_CONFIG_KEYS.tenantId}": "%s"${azCloud ? `,\\n  "${MANAGED_CONFIG_KEYS.cloud}": "${cloud.name}"` : ''}\\n}\\n' "$APP_ID" "$TENANT_ID"`,
    ')',
  ];
  return `${lines.join('\n')}\n`;
}
