/**
 * The setup plan as Microsoft Graph PowerShell. Each Graph step is one cmdlet on its own line; what each sends:
 *   Get-MgServicePrincipal -Filter -Property          GET  /servicePrincipals?$filter=…&$select=…   (findGraph)
 *   Get-MgApplication -Filter -Property               GET  /applications?$filter=…&$select=…        (findExisting)
 *   New-MgApplication -DisplayName -SignInAudience -Spa -RequiredResourceAccess
 *                                                     POST /applications                           (createApplication)
 *   New-MgServicePrincipal -AppId                     POST /servicePrincipals                      (createServicePrincipal)
 *   New-MgOauth2PermissionGrant -ClientId -ConsentType -ResourceId -Scope
 *                                                     POST /oauth2PermissionGrants                 (grantConsent)
 * (learn.microsoft.com/powershell/module/microsoft.graph.applications and microsoft.graph.identity.signins: each
 * cmdlet's parameters are the request body's properties.) The whole script is one script block, `& { … }`: pasted into a
 * console it runs as a unit, and with ErrorActionPreference Stop the first failure ends it.
 */
import type { CloudName } from '../clouds';
import { GRAPH_DELEGATED_PERMISSION_IDS, SETUP_CONNECT_SCOPES } from './graph-permissions';
import { MANAGED_CONFIG_KEYS, type SetupPlan } from './plan';
import { psArray, psQuote } from './quote';

const stepOf = (plan: SetupPlan, id: SetupPlan['steps'][number]['id']) => {
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`The plan has no ${id} step.`);
  return step;
};

/**
 * Connect-MgGraph -Environment for each cloud: the built-in environments Get-MgEnvironment lists (learn.microsoft.com
 * powershell/module/microsoft.graph.authentication/get-mgenvironment: Global, USGov, USGovDoD, China, with the same
 * sign-in and Graph hosts as utils/clouds.ts). Worldwide needs none: "By default, Connect-MgGraph targets the global
 * public cloud." Connect-MgGraph takes it as -Environment <string> (…/microsoft.graph.authentication/connect-mggraph,
 * Syntax). The scopes stay short names, as worldwide; the environment decides the Graph resource they are asked for.
 */
export const MG_ENVIRONMENTS: Readonly<Record<CloudName, string | null>> = {
  global: null,
  usGovL4: 'USGov',
  usGovL5: 'USGovDoD',
  china: 'China',
};

export function powershellScript(plan: SetupPlan): string {
  if (plan.variant !== 'powershell') throw new Error('A PowerShell script needs the PowerShell plan.');
  const { input, permissions } = plan;
  const graphFilter = stepOf(plan, 'findGraph').query?.$filter ?? '';
  const nameFilter = stepOf(plan, 'findExisting').query?.$filter ?? '';
  const grant = stepOf(plan, 'grantConsent').body as { scope: string; consentType: string };
  const tenant = input.tenant ? ` -TenantId ${psQuote(input.tenant)}` : '';
  const environmentName = MG_ENVIRONMENTS[plan.cloud.name];
  const environment = environmentName ? ` -Environment ${environmentName}` : '';
  const cloudNote = environmentName
    ? [
        `# Microsoft cloud: ${plan.cloud.label}. Connect-MgGraph -Environment ${environmentName} signs in at ${plan.cloud.loginHost}`,
        `# and sends every request to ${plan.cloud.graphHost} (Get-MgEnvironment lists the environments).`,
      ]
    : [];
  // The managed configuration names the cloud only when it isn't worldwide (absent means worldwide).
  const cloudKey = environmentName ? `; ${MANAGED_CONFIG_KEYS.cloud} = ${psQuote(plan.cloud.name)}` : '';
  const lines = [
    '# Entra TAP: creates the app registration (single-page application), its service principal and admin consent.',
    '# Needs the Microsoft Graph PowerShell modules: Install-Module Microsoft.Graph.Applications, Microsoft.Graph.Identity.SignIns',
    '# Run it as a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application',
    '# Administrator. Paste it whole: it runs as one block and stops at the first error.',
    ...cloudNote,
    '& {',
    "$ErrorActionPreference = 'Stop'",
    `Connect-MgGraph${environment}${tenant} -Scopes ${SETUP_CONNECT_SCOPES.map(psQuote).join(', ')} -NoWelcome`,
    `$displayName = ${psQuote(input.displayName)}`,
    `$redirectUris = ${psArray(input.redirectUris)}`,
    "$graphAppId = '00000003-0000-0000-c000-000000000000'",
    '# The delegated permissions Entra TAP signs in with. Their ids are the same in every tenant; the script looks each one',
    "# up by name in your tenant's Microsoft Graph service principal rather than trusting these:",
    ...permissions.map((p) => `#   ${p} = ${GRAPH_DELEGATED_PERMISSION_IDS[p as keyof typeof GRAPH_DELEGATED_PERMISSION_IDS]}`),
    `$permissions = ${psArray(permissions)}`,
    `$graphFilter = ${psQuote(graphFilter)}`,
    "$graphSp = Get-MgServicePrincipal -Filter $graphFilter -Property 'id', 'appId', 'oauth2PermissionScopes' | Select-Object -First 1",
    "if (-not $graphSp) { throw 'Microsoft Graph''s service principal was not found in this tenant.' }",
    '$resourceAccess = @()',
    'foreach ($permission in $permissions) {',
    '  $scope = $graphSp.Oauth2PermissionScopes | Where-Object { $_.Value -eq $permission } | Select-Object -First 1',
    "  if (-not $scope) { throw ('Microsoft Graph has no delegated permission named ' + $permission + '.') }",
    "  $resourceAccess += @{ Id = $scope.Id; Type = 'Scope' }",
    '}',
    `$nameFilter = ${psQuote(nameFilter)}`,
    "$existing = Get-MgApplication -Filter $nameFilter -Property 'id', 'appId' | Select-Object -First 1",
    "if ($existing) { throw ('An app registration named ' + $displayName + ' exists already (application ID ' + $existing.AppId + '). Choose another name, or remove it first.') }",
    "$app = New-MgApplication -DisplayName $displayName -SignInAudience 'AzureADMyOrg' -Spa @{ RedirectUris = $redirectUris } -RequiredResourceAccess @(@{ ResourceAppId = $graphAppId; ResourceAccess = $resourceAccess })",
    '$sp = New-MgServicePrincipal -AppId $app.AppId',
    `$null = New-MgOauth2PermissionGrant -ClientId $sp.Id -ConsentType ${psQuote(grant.consentType)} -ResourceId $graphSp.Id -Scope ${psQuote(grant.scope)}`,
    '$tenantId = (Get-MgContext).TenantId',
    "Write-Output ''",
    "Write-Output ('Application (client) ID: ' + $app.AppId)",
    "Write-Output ('Directory (tenant) ID:   ' + $tenantId)",
    "Write-Output ''",
    "Write-Output 'Managed configuration (JSON):'",
    `[ordered]@{ ${MANAGED_CONFIG_KEYS.clientId} = $app.AppId; ${MANAGED_CONFIG_KEYS.tenantId} = $tenantId${cloudKey} } | ConvertTo-Json`,
    // The session held Application.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All: not left signed in.
    '$null = Disconnect-MgGraph',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
