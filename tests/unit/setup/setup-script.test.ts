// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is bash parameter expansion in the script text, not a template.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { POLICY_WRITE_PERMISSION, SIGN_IN_PERMISSIONS, SIGN_IN_SCOPES } from '@/utils/auth/scopes';
import { CLOUDS, type CloudName, graphScope } from '@/utils/clouds';
import { AZ_CLOUDS, azureCliScript } from '@/utils/setup/azure-cli';
import { GRAPH_DELEGATED_PERMISSION_IDS, SETUP_PERMISSIONS } from '@/utils/setup/graph-permissions';
import { displayNameProblem, parseRedirectUris } from '@/utils/setup/input';
import { GRAPH_V1_URL, requestUrl, resolveValue, type SetupInput, setupPlan } from '@/utils/setup/plan';
import { MG_ENVIRONMENTS, powershellScript } from '@/utils/setup/powershell';
import { psQuote, shQuote } from '@/utils/setup/quote';
import { OPTIONAL_PERMISSIONS, REQUIRED_PERMISSIONS } from '@/utils/ui/permissions';
import { GRAPH_SCOPE_IDS } from '../../tenant/graph/graph-service-principal';
import { commandsOf, parametersOf, readPowerShell, variablesUsedBeforeAssigned } from './powershell-structure';

const REDIRECT = 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/';
const FIREFOX = 'https://0b0081845e5d554082f7467b0e71e1976fbfeb0d.extensions.allizom.org/';
/** Everything a shell or PowerShell might treat specially, in a display name an admin might type. */
const HOSTILE = `O'Brien's "TAP" $(rm -rf ~) \`whoami\` ; & | > ’quoted‘ ‚low‛ $env:PATH \\ %20 #not-a-comment`;

const input = (over: Partial<SetupInput> = {}): SetupInput => ({
  displayName: 'Entra TAP',
  redirectUris: [REDIRECT],
  tenant: 'contoso.onmicrosoft.com',
  ...over,
});

/** Reads the value of one PowerShell single-quoted literal assigned on a line `$name = '…'`. */
function psAssigned(script: string, name: string): string {
  const line = script.split('\n').find((l) => l.startsWith(`$${name} = `));
  if (!line) throw new Error(`no $${name}`);
  const reading = readPowerShell(line.slice(line.indexOf('=') + 1));
  expect(reading.problems).toEqual([]);
  expect(reading.tokens).toHaveLength(1);
  return reading.tokens[0]?.value ?? '';
}

/** Runs only the script's plain assignments (NAME='…' / NAME=(…)) in a clean bash and prints each value back. */
function bashValues(script: string, names: string[]): Record<string, string[]> {
  const assignments = script.split('\n').filter((l) => names.some((n) => l.startsWith(`${n}=`)));
  for (const line of assignments) expect(line).toMatch(/^[A-Z_]+=('([^']|'\\'')*'|\(('[^']*' ?)+\))$/);
  const program = [...assignments, ...names.map((n) => `printf '%s\\0' "${n}" "\${${n}[@]}" '--'`)].join('\n');
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', env: {} });
  const result: Record<string, string[]> = {};
  let current: string | null = null;
  for (const part of out.split('\0').slice(0, -1)) {
    if (current === null) {
      current = part;
      result[current] = [];
    } else if (part === '--') current = null;
    else result[current]?.push(part);
  }
  return result;
}

describe('setup script: one permission list', () => {
  it('registers exactly the permissions the extension signs in with, and the options page lists the same', () => {
    expect([...SETUP_PERMISSIONS]).toEqual([...SIGN_IN_PERMISSIONS]);
    expect(SIGN_IN_SCOPES).toEqual(SIGN_IN_PERMISSIONS.map((p) => graphScope(p)));
    expect(REQUIRED_PERMISSIONS.map((p) => p.scope)).toEqual([...SIGN_IN_PERMISSIONS]);
    expect(OPTIONAL_PERMISSIONS.map((p) => p.scope)).toEqual([POLICY_WRITE_PERMISSION]);
    for (const variant of ['powershell', 'azureCli'] as const) {
      const plan = setupPlan(input(), variant);
      expect(plan.permissions).toEqual([...SIGN_IN_PERMISSIONS]);
      const grant = plan.steps.find((s) => s.id === 'grantConsent')?.body as { scope: string };
      expect(grant.scope.split(' ')).toEqual([...SIGN_IN_PERMISSIONS]);
    }
  });

  it('puts that list, and nothing else, into both scripts', () => {
    const ps = powershellScript(setupPlan(input(), 'powershell'));
    const reading = readPowerShell(
      ps
        .split('\n')
        .find((l) => l.startsWith('$permissions = '))
        ?.slice(15) ?? '',
    );
    expect(reading.tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual([...SIGN_IN_PERMISSIONS]);
    const grantLine = ps.split('\n').find((l) => l.includes('New-MgOauth2PermissionGrant')) ?? '';
    expect(grantLine).toContain(`-Scope ${psQuote(SIGN_IN_PERMISSIONS.join(' '))}`);
    const cli = azureCliScript(setupPlan(input(), 'azureCli'));
    const values = bashValues(cli, ['PERMISSIONS', 'SCOPE']);
    expect(values.PERMISSIONS).toEqual([...SIGN_IN_PERMISSIONS]);
    expect(values.SCOPE).toEqual([SIGN_IN_PERMISSIONS.join(' ')]);
    // The optional write permission is asked for only when someone turns the policy on.
    expect(ps).not.toContain(POLICY_WRITE_PERMISSION);
    expect(cli).not.toContain(POLICY_WRITE_PERMISSION);
  });

  it('keeps the permission ids the simulated tenant publishes (two copies of Microsoft’s table agree)', () => {
    for (const [name, id] of Object.entries(GRAPH_DELEGATED_PERMISSION_IDS)) {
      expect(GRAPH_SCOPE_IDS[name as keyof typeof GRAPH_SCOPE_IDS]?.id, name).toBe(id);
    }
    expect(GRAPH_DELEGATED_PERMISSION_IDS['User.Read']).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
  });
});

describe('setup script: redirect URIs', () => {
  it('registers the running browser’s redirect URI, and the other stores’ when listed, under SPA only', () => {
    const plan = setupPlan(input({ redirectUris: [REDIRECT, FIREFOX, REDIRECT] }), 'powershell');
    const create = plan.steps.find((s) => s.id === 'createApplication')?.body as Record<string, unknown>;
    expect(create.spa).toEqual({ redirectUris: [REDIRECT, FIREFOX] });
    expect(create.web).toBeUndefined();
    const ps = powershellScript(plan);
    expect(ps).toContain(`$redirectUris = @('${REDIRECT}', '${FIREFOX}')`);
    const cliPlan = setupPlan(input({ redirectUris: [REDIRECT, FIREFOX] }), 'azureCli');
    const cli = azureCliScript(cliPlan);
    const { SPA_BODY } = bashValues(cli, ['SPA_BODY']);
    expect(JSON.parse(SPA_BODY?.[0] ?? '')).toEqual({ spa: { redirectUris: [REDIRECT, FIREFOX] } });
    expect(JSON.parse(SPA_BODY?.[0] ?? '')).toEqual(cliPlan.steps.find((s) => s.id === 'setSpaRedirectUris')?.body);
  });

  it('takes other stores’ URIs one per line, and names each it refuses', () => {
    expect(parseRedirectUris(`\n ${FIREFOX} \n${FIREFOX}\nhttp://x.example/\nnot a uri\nhttps://a.example/*\n`)).toEqual({
      uris: [FIREFOX],
      problems: [
        '“http://x.example/” must start with https://.',
        '“not a uri” has spaces or control characters.',
        '“https://a.example/*” has a wildcard, which a single-page application can’t use.',
      ],
    });
    expect(displayNameProblem('  ')).toBe('Enter a name for the app registration.');
    expect(displayNameProblem('a\nb')).toBe('The name must be on one line, without control characters.');
    expect(displayNameProblem(HOSTILE)).toBeNull();
  });
});

describe('setup script: PowerShell structure (Microsoft Graph PowerShell)', () => {
  const script = powershellScript(setupPlan(input({ displayName: HOSTILE, redirectUris: [REDIRECT, FIREFOX] }), 'powershell'));
  const reading = readPowerShell(script);

  it('has balanced brackets and closed strings, and is one script block', () => {
    expect(reading.problems).toEqual([]);
    const code = script.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(code[0]).toBe('& {');
    expect(code.at(-1)).toBe('}');
  });

  it('defines every variable before it is used', () => {
    expect(variablesUsedBeforeAssigned(reading)).toEqual([]);
  });

  it('puts each Microsoft Graph cmdlet first on its own line, with the parameters its request needs', () => {
    const commands = commandsOf(reading);
    expect(commands.map((c) => c.name)).toEqual([
      'Connect-MgGraph',
      'Get-MgServicePrincipal',
      'Select-Object',
      'Where-Object',
      'Select-Object',
      'Get-MgApplication',
      'Select-Object',
      'New-MgApplication',
      'New-MgServicePrincipal',
      'New-MgOauth2PermissionGrant',
      'Get-MgContext',
      'Write-Output',
      'Write-Output',
      'Write-Output',
      'Write-Output',
      'Write-Output',
      'ConvertTo-Json',
      'Disconnect-MgGraph',
    ]);
    const lines = script.split('\n');
    for (const { name, line } of commands.filter((c) => /-Mg/.test(c.name))) {
      expect(lines[line - 1], name).toMatch(new RegExp(`^(\\$\\w+ = \\(?)?${name}\\b`));
      expect(commands.filter((c) => c.line === line && /-Mg/.test(c.name))).toHaveLength(1);
    }
    // The cmdlets' parameters are the request bodies' properties (the plan's), in PascalCase.
    const camel = (names: string[]) => names.map((n) => n.charAt(0).toLowerCase() + n.slice(1));
    const plan = setupPlan(input(), 'powershell');
    const body = (id: string) => Object.keys(plan.steps.find((s) => s.id === id)?.body as object);
    expect(camel(parametersOf(script, 'New-MgApplication'))).toEqual(body('createApplication'));
    expect(camel(parametersOf(script, 'New-MgServicePrincipal'))).toEqual(body('createServicePrincipal'));
    expect(camel(parametersOf(script, 'New-MgOauth2PermissionGrant'))).toEqual(body('grantConsent'));
    expect(parametersOf(script, 'Get-MgServicePrincipal')).toEqual(['Filter', 'Property']);
    expect(parametersOf(script, 'Connect-MgGraph')).toEqual(['TenantId', 'Scopes', 'NoWelcome']);
  });

  it('carries the display name, URIs and filters as verbatim strings, whatever they contain', () => {
    expect(psAssigned(script, 'displayName')).toBe(HOSTILE);
    const plan = setupPlan(input({ displayName: HOSTILE }), 'powershell');
    expect(psAssigned(script, 'nameFilter')).toBe(plan.steps.find((s) => s.id === 'findExisting')?.query?.$filter);
    expect(psAssigned(script, 'graphFilter')).toBe("appId eq '00000003-0000-0000-c000-000000000000'");
    for (const value of [HOSTILE, "''", '’', 'a‘b’c‚d‛e', '', '$x', '`']) {
      const read = readPowerShell(psQuote(value));
      expect(read.problems).toEqual([]);
      expect(read.tokens).toEqual([{ kind: 'string', text: 'single', value, line: 1 }]);
    }
  });

  it('leaves out -TenantId when the options don’t know the tenant yet', () => {
    const bare = powershellScript(setupPlan(input({ tenant: null }), 'powershell'));
    expect(bare).toContain(
      "Connect-MgGraph -Scopes 'Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All' -NoWelcome",
    );
  });
});

describe('setup script: Azure CLI (bash)', () => {
  const plan = setupPlan(input({ displayName: HOSTILE, redirectUris: [REDIRECT, FIREFOX] }), 'azureCli');
  const script = azureCliScript(plan);

  it('parses as bash (bash -n) and runs in a subshell with errexit', () => {
    execFileSync('bash', ['-n'], { input: script });
    const code = script.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(code[0]).toBe('(');
    expect(code[1]).toBe('set -euo pipefail');
    expect(code.at(-1)).toBe(')');
  });

  it('carries every interpolated value intact through bash quoting', () => {
    const values = bashValues(script, ['DISPLAY_NAME', 'GRAPH_SP_URI', 'EXISTING_URI', 'SPA_BODY']);
    expect(values.DISPLAY_NAME).toEqual([HOSTILE]);
    expect(values.GRAPH_SP_URI).toEqual([requestUrl(plan.steps[0] as never)]);
    expect(values.EXISTING_URI).toEqual([requestUrl(plan.steps.find((s) => s.id === 'findExisting') as never)]);
    expect(new URL(values.EXISTING_URI?.[0] ?? '').searchParams.get('$filter')).toBe(
      `displayName eq '${HOSTILE.replace(/'/g, "''")}'`,
    );
    for (const value of [HOSTILE, "'", "''", '\\', '$(x)']) {
      const out = execFileSync('bash', ['--norc', '-c', `V=${shQuote(value)}; printf %s "$V"`], { encoding: 'utf8', env: {} });
      expect(out).toBe(value);
    }
  });

  it('defines every variable before it is used', () => {
    const assigned = new Set<string>();
    const early: string[] = [];
    script.split('\n').forEach((line, index) => {
      if (line.trim().startsWith('#')) return;
      // Uses on the right-hand side come before the assignment takes effect.
      const uses = [...line.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] as string);
      for (const name of uses) if (!assigned.has(name)) early.push(`${name} (line ${index + 1})`);
      for (const m of line.matchAll(/(?:^|\s)([A-Z_][A-Z0-9_]*)=/g)) assigned.add(m[1] as string);
      for (const m of line.matchAll(/\bfor ([A-Z_][A-Z0-9_]*) in\b/g)) assigned.add(m[1] as string);
    });
    expect(early).toEqual([]);
  });

  it('sends what the plan says: az ad app create’s flags are the POST body, az rest the PATCH and the grant', () => {
    const create = plan.steps.find((s) => s.id === 'createApplication')?.body as Record<string, unknown>;
    expect(Object.keys(create)).toEqual(['displayName', 'signInAudience', 'requiredResourceAccess', 'web']);
    const line = script.split('\n').find((l) => l.includes('az ad app create')) ?? '';
    expect(line).toContain('--display-name "$DISPLAY_NAME"');
    expect(line).toContain(`--sign-in-audience ${create.signInAudience}`);
    expect(line).toContain('--enable-access-token-issuance false --enable-id-token-issuance false');
    expect(line).toContain(
      '--required-resource-accesses "[{\\"resourceAppId\\":\\"${GRAPH_APP_ID}\\",\\"resourceAccess\\":[${RESOURCE_ACCESS}]}]"',
    );
    expect(script).toContain(`az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications(appId='\${APP_ID}')"`);
    expect(script).toContain('SP_ID=$(az ad sp create --id "$APP_ID" --query id --output tsv)');
    expect(script).toContain(
      '--body "{\\"clientId\\":\\"${SP_ID}\\",\\"consentType\\":\\"AllPrincipals\\",\\"resourceId\\":\\"${GRAPH_SP_ID}\\",\\"scope\\":\\"${SCOPE}\\"}"',
    );
  });

  it('prints the two ids and the managed-configuration JSON', () => {
    expect(script).toContain('echo "Application (client) ID: ${APP_ID}"');
    expect(script).toContain('echo "Directory (tenant) ID:   ${TENANT_ID}"');
    const printf = script.split('\n').find((l) => l.startsWith('printf')) ?? '';
    const out = execFileSync('bash', ['--norc', '-c', `APP_ID=a; TENANT_ID=t; ${printf}`], { encoding: 'utf8', env: {} });
    expect(JSON.parse(out)).toEqual({ clientId: 'a', tenantId: 't' });
  });
});

describe('setup script: national clouds', () => {
  const NATIONAL: { cloud: CloudName; environment: string; azCloud: string }[] = [
    { cloud: 'usGovL4', environment: 'USGov', azCloud: 'AzureUSGovernment' },
    { cloud: 'usGovL5', environment: 'USGovDoD', azCloud: 'AzureUSGovernment' },
    { cloud: 'china', environment: 'China', azCloud: 'AzureChinaCloud' },
  ];
  /** Every https URL in a script that isn't one of the redirect URIs it registers. */
  const urlsIn = (script: string) =>
    [...script.matchAll(/https:\/\/[^\s'"\\)]+/g)].map((m) => m[0]).filter((url) => ![REDIRECT, FIREFOX].includes(url));

  it('names the documented environment and az cloud for each cloud, and none worldwide', () => {
    expect(MG_ENVIRONMENTS).toEqual({ global: null, usGovL4: 'USGov', usGovL5: 'USGovDoD', china: 'China' });
    expect(AZ_CLOUDS).toEqual({
      global: null,
      usGovL4: 'AzureUSGovernment',
      usGovL5: 'AzureUSGovernment',
      china: 'AzureChinaCloud',
    });
    for (const cloud of ['global', undefined] as const) {
      expect(powershellScript(setupPlan(input({ cloud }), 'powershell'))).not.toContain('-Environment');
      expect(azureCliScript(setupPlan(input({ cloud }), 'azureCli'))).not.toContain('az cloud set');
    }
    expect(requestUrl({ id: 'findExisting', method: 'GET', path: '/applications' })).toBe(`${GRAPH_V1_URL}/applications`);
  });

  describe.each(NATIONAL)('$cloud', ({ cloud, environment, azCloud }) => {
    const { graphHost } = CLOUDS[cloud];
    const psPlan = setupPlan(input({ displayName: HOSTILE, redirectUris: [REDIRECT, FIREFOX], cloud }), 'powershell');
    const ps = powershellScript(psPlan);
    const azPlan = setupPlan(input({ displayName: HOSTILE, redirectUris: [REDIRECT, FIREFOX], cloud }), 'azureCli');
    const az = azureCliScript(azPlan);

    it('PowerShell: Connect-MgGraph -Environment, still one well-formed block, no worldwide host left', () => {
      expect(ps).toContain(
        `Connect-MgGraph -Environment ${environment} -TenantId 'contoso.onmicrosoft.com' -Scopes 'Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All' -NoWelcome`,
      );
      expect(ps.split('\n').filter((l) => l.startsWith('Connect-MgGraph'))).toHaveLength(1);
      const bare = powershellScript(setupPlan(input({ tenant: null, cloud }), 'powershell'));
      expect(bare).toContain(`Connect-MgGraph -Environment ${environment} -Scopes 'Application.ReadWrite.All'`);
      const reading = readPowerShell(ps);
      expect(reading.problems).toEqual([]);
      expect(variablesUsedBeforeAssigned(reading)).toEqual([]);
      const code = ps
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n');
      expect(parametersOf(code, 'Connect-MgGraph')).toEqual(['Environment', 'TenantId', 'Scopes', 'NoWelcome']);
      expect(ps).not.toContain('graph.microsoft.com');
      for (const url of urlsIn(ps)) expect(new URL(url).host).toBe(graphHost);
    });

    it('PowerShell: the managed configuration names the cloud', () => {
      expect(ps).toContain(`[ordered]@{ clientId = $app.AppId; tenantId = $tenantId; cloud = '${cloud}' } | ConvertTo-Json`);
    });

    it('Azure CLI: az cloud set before az login, every Graph URL on the cloud’s host, no worldwide host left', () => {
      execFileSync('bash', ['-n'], { input: az });
      const lines = az.split('\n');
      const set = lines.indexOf(`az cloud set --name ${azCloud}`);
      expect(set).toBeGreaterThan(lines.indexOf('set -euo pipefail'));
      expect(set).toBeLessThan(lines.findIndex((l) => l.startsWith('az login')));
      const bare = azureCliScript(setupPlan(input({ tenant: null, cloud }), 'azureCli')).split('\n');
      expect(bare.indexOf(`az cloud set --name ${azCloud}`)).toBeLessThan(bare.findIndex((l) => l.includes('az login')));
      expect(az).not.toContain('graph.microsoft.com');
      const urls = urlsIn(az);
      expect(urls.length).toBeGreaterThanOrEqual(4);
      for (const url of urls) expect(new URL(url).host).toBe(graphHost);
      for (const line of lines.filter((l) => l.includes('az rest') && !l.startsWith('#'))) expect(line).toMatch(/--uri ["'$]/);
      const values = bashValues(az, ['GRAPH_SP_URI', 'EXISTING_URI']);
      expect(values.GRAPH_SP_URI).toEqual([requestUrl(azPlan.steps[0] as never, undefined, CLOUDS[cloud])]);
      expect(values.GRAPH_SP_URI?.[0]).toMatch(
        new RegExp(`^https://${graphHost.replace(/\./g, '\\.')}/v1\\.0/servicePrincipals\\?`),
      );
      expect(values.EXISTING_URI?.[0]).toMatch(new RegExp(`^https://${graphHost.replace(/\./g, '\\.')}/v1\\.0/applications\\?`));
    });

    it('Azure CLI: the managed configuration names the cloud', () => {
      const printf = az.split('\n').find((l) => l.startsWith('printf')) ?? '';
      const out = execFileSync('bash', ['--norc', '-c', `APP_ID=a; TENANT_ID=t; ${printf}`], { encoding: 'utf8', env: {} });
      expect(JSON.parse(out)).toEqual({ clientId: 'a', tenantId: 't', cloud });
    });

    if (cloud === 'usGovL5') {
      it('Azure CLI, DoD: every Graph request is az rest with --resource for the DoD Graph host, none az ad', () => {
        const lines = az.split('\n').filter((l) => !l.trim().startsWith('#'));
        expect(lines.filter((l) => /\baz ad\b/.test(l))).toEqual([]);
        const rest = lines.filter((l) => l.includes('az rest'));
        expect(rest).toHaveLength(7);
        for (const line of rest) expect(line).toContain("--resource 'https://dod-graph.microsoft.us'");
        // The application POST carries the plan's createApplication body, byte for byte once bash has expanded it.
        const program = [
          ...az.split('\n').filter((l) => /^(DISPLAY_NAME_JSON|GRAPH_APP_ID)=/.test(l)),
          'RESOURCE_ACCESS=\'{"id":"p1","type":"Scope"}\'',
          az.split('\n').find((l) => l.startsWith('APP_BODY=')) ?? '',
          'printf %s "$APP_BODY"',
        ].join('\n');
        const body = JSON.parse(execFileSync('bash', ['--norc', '-c', program], { encoding: 'utf8', env: {} }));
        const planned = azPlan.steps.find((s) => s.id === 'createApplication')?.body ?? null;
        const resolved = resolveValue(planned, () => 'p1') as { requiredResourceAccess: { resourceAccess: unknown[] }[] };
        resolved.requiredResourceAccess[0]?.resourceAccess.splice(1);
        expect(body).toEqual(resolved);
        expect(body.displayName).toBe(HOSTILE);
        expect(az).toContain('--body "{\\"appId\\":\\"${APP_ID}\\"}" --query id --output tsv)');
      });
    } else {
      it('Azure CLI: az derives the token from the URL (the az cloud’s own Graph endpoint), so no --resource', () => {
        expect(az).not.toContain('--resource');
        expect(az).toContain('az ad app create');
        expect(az).toContain('SP_ID=$(az ad sp create --id "$APP_ID" --query id --output tsv)');
      });
    }
  });
});

describe('the PowerShell reader itself', () => {
  it('catches what it is there to catch', () => {
    expect(readPowerShell("& {\n$a = 'x'\n").problems).toEqual(["line 1: '{' never closed"]);
    expect(readPowerShell("$a = 'it's'").problems).toEqual(['line 1: single-quoted string never closed']);
    expect(readPowerShell('$a = @(1, 2}').problems).toEqual(["line 1: '}' closes '(' of line 1"]);
    expect(readPowerShell('Write-Output "$($a)"').problems).toEqual(['line 1: subexpression in a double-quoted string']);
    expect(variablesUsedBeforeAssigned(readPowerShell("Write-Output $b\n$b = 'x'"))).toEqual(['b (line 1)']);
    expect(variablesUsedBeforeAssigned(readPowerShell('foreach ($p in $list) { $p }\n$list = @()'))).toEqual(['list (line 1)']);
    // A typographic quote ends a verbatim string too, so one left undoubled breaks it.
    expect(readPowerShell("$a = 'O’Brien'").problems).toEqual(['line 1: single-quoted string never closed']);
  });
});

describe('the managed-config JSON the script prints', () => {
  it('uses keys the managed schema declares', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const { MANAGED_CONFIG_KEYS } = await import('@/utils/setup/plan');
    for (const key of Object.values(MANAGED_CONFIG_KEYS)) expect(Object.keys(schema.properties)).toContain(key);
  });
});
