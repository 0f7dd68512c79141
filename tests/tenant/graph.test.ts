import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, EXTENSION_SCOPES, GROUPS, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { call, DEFAULT_SCOPES, EXTENSION_ORIGIN, GRAPH, graph, signIn } from './test-client';

describe('simulated tenant: graph.microsoft.com directory reads', () => {
  let tenant: Tenant;
  let alex: string;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    alex = (await signIn(tenant, ADMINS.alex.id)).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.clearLog());

  it('rejects a missing or forged token with 401 InvalidAuthenticationToken and WWW-Authenticate', async () => {
    const none = await call(tenant, `${GRAPH}/me`, { headers: { 'client-request-id': 'abc-123' } });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toContain('authorization_uri=');
    expect(none.json()).toMatchObject({
      error: { code: 'InvalidAuthenticationToken', innerError: { 'client-request-id': 'abc-123' } },
    });
    expect(none.headers['request-id']).toBeTruthy();
    const [head, body] = alex.split('.');
    const forged = await graph(tenant, `${head}.${body}.AAAA`, '/me');
    expect(forged.status).toBe(401);
  });

  it('gets users by id or UPN (case-insensitive, guests with %23) with $select and its @odata.context', async () => {
    const byUpn = await graph(
      tenant,
      alex,
      `/users/${TARGETS.adele.userPrincipalName.toUpperCase()}?$select=id,displayName,accountEnabled,userType`,
    );
    expect(byUpn.json()).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,accountEnabled,userType)/$entity',
      id: TARGETS.adele.id,
      displayName: TARGETS.adele.displayName,
      accountEnabled: true,
      userType: 'Member',
    });
    const guest = await graph(
      tenant,
      alex,
      `/users/${TARGETS.chris.userPrincipalName.replace(/#/g, '%23')}?$select=creationType`,
    );
    expect(guest.json().creationType).toBe('Invitation');
    const missing = await graph(tenant, alex, '/users/99999999-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message:
        "Resource '99999999-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present.",
    });
  });

  it('lists memberships: direct vs transitive, groups and directory roles', async () => {
    const direct = await graph(tenant, alex, `/users/${TARGETS.lynne.id}/memberOf`);
    expect(direct.json<{ value: { id: string }[] }>().value.map((item) => item.id)).toEqual([GROUPS.helpdesk.id]);
    const transitive = await graph(tenant, alex, `/users/${TARGETS.lynne.id}/transitiveMemberOf?$select=id,displayName`);
    expect(
      transitive
        .json<{ value: { id: string }[] }>()
        .value.map((item) => item.id)
        .sort(),
    ).toEqual([GROUPS.pilot.id, GROUPS.helpdesk.id].sort());
    // RoleManagement.Read.Directory needs an admin's consent: a Global Administrator grants it, then Alex signs in.
    await signIn(tenant, ADMINS.megan.id, [...DEFAULT_SCOPES, 'https://graph.microsoft.com/RoleManagement.Read.Directory']);
    const roleReader = await signIn(tenant, ADMINS.alex.id, [
      ...DEFAULT_SCOPES,
      'https://graph.microsoft.com/RoleManagement.Read.Directory',
    ]);
    const roles = await graph(tenant, roleReader.accessToken, '/me/transitiveMemberOf');
    expect(roles.json<{ value: Record<string, unknown>[] }>().value).toContainEqual(
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.directoryRole',
        roleTemplateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
        displayName: 'Authentication Administrator',
      }),
    );
    tenant.control.revokeConsent(['RoleManagement.Read.Directory']);
    const check = await graph(tenant, alex, `/users/${TARGETS.lynne.id}/checkMemberGroups`, {
      method: 'POST',
      body: { groupIds: [GROUPS.pilot.id, GROUPS.tapExcluded.id] },
    });
    expect(check.json().value).toEqual([GROUPS.pilot.id]);
    const tooMany = await graph(tenant, alex, `/users/${TARGETS.lynne.id}/checkMemberGroups`, {
      method: 'POST',
      body: { groupIds: Array.from({ length: 21 }, () => GROUPS.pilot.id) },
    });
    expect(tooMany.status).toBe(400);
    const group = await graph(tenant, alex, `/groups/${GROUPS.tapExcluded.id}?$select=id,displayName`);
    expect(group.json().displayName).toBe('TAP Excluded');
  });

  it('limits inaccessible member objects to @odata.type and id (memberOf "Important" note)', async () => {
    type Item = Record<string, unknown>;
    const isRole = (item: Item) => item['@odata.type'] === '#microsoft.graph.directoryRole';
    const isGroup = (item: Item) => item['@odata.type'] === '#microsoft.graph.group';
    const onlyTypeAndId = (item: Item) =>
      Object.entries(item).every(([key, value]) => key === '@odata.type' || key === 'id' || value === null);
    // The extension's scopes: GroupMember.Read.All reads groups, nothing reads directoryRole objects.
    const extension = (await graph(tenant, alex, '/me/transitiveMemberOf')).json<{ value: Item[] }>().value;
    const role = extension.find(isRole);
    expect(role).toMatchObject({ '@odata.type': '#microsoft.graph.directoryRole', displayName: null, roleTemplateId: null });
    expect(typeof role?.id).toBe('string');
    expect(extension.filter(isRole).every(onlyTypeAndId)).toBe(true);
    const selected = (await graph(tenant, alex, '/me/transitiveMemberOf?$select=id,displayName')).json<{ value: Item[] }>();
    expect(selected.value.find(isRole)).toEqual({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: role?.id,
      displayName: null,
    });
    const groups = (await graph(tenant, alex, `/users/${TARGETS.lynne.id}/memberOf`)).json<{ value: Item[] }>().value;
    expect(groups.find(isGroup)?.displayName).toBeTruthy();
    // User.Read alone (enough for /me/memberOf): groups limited too.
    // Tokens carry every consented scope, so a narrow token needs a narrow consent.
    tenant.control.revokeConsent(EXTENSION_SCOPES.filter((scope) => scope !== 'User.Read'));
    const narrow = await signIn(tenant, ADMINS.alex.id, ['https://graph.microsoft.com/User.Read', 'openid', 'offline_access']);
    const mine = (await graph(tenant, narrow.accessToken, '/me/memberOf')).json<{ value: Item[] }>().value;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((item) => !onlyTypeAndId(item))).toEqual([]);
    expect(mine.every((item) => typeof item.id === 'string')).toBe(true);
  });

  it('refuses a POST body that is not application/json with 415 (charset ignored)', async () => {
    const path = `/users/${TARGETS.lynne.id}/checkMemberGroups`;
    const body = JSON.stringify({ groupIds: [GROUPS.pilot.id] });
    const text = await graph(tenant, alex, path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(text.status).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'UnsupportedMediaType' } });
    const charset = await graph(tenant, alex, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(charset.status).toBe(200);
  });

  it('refuses a token without the directory scope: 403 Authorization_RequestDenied', async () => {
    tenant.control.revokeConsent(EXTENSION_SCOPES.filter((scope) => scope !== 'User.Read'));
    const narrow = await signIn(tenant, ADMINS.alex.id, ['https://graph.microsoft.com/User.Read', 'openid', 'offline_access']);
    const denied = await graph(tenant, narrow.accessToken, `/users/${TARGETS.adele.id}`);
    expect(denied.status).toBe(403);
    expect(denied.json()).toMatchObject({
      error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    });
    expect((await graph(tenant, narrow.accessToken, '/me')).status).toBe(200);
  });

  it('handles CORS preflights with the requested headers echoed and exposes request-id', async () => {
    const preflight = await call(tenant, `${GRAPH}/users/x/authentication/temporaryAccessPassMethods`, {
      method: 'OPTIONS',
      headers: {
        origin: EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,client-request-id,sdkversion',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization,content-type,client-request-id,sdkversion');
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    const real = await graph(tenant, alex, '/me', { headers: { origin: EXTENSION_ORIGIN } });
    expect(real.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(real.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(tenant.control.requestLog().map((entry) => entry.isPreflight)).toEqual([true, false]);
  });

  it('serves the portal on both hosts and any tenant path, and nothing on unknown hosts', async () => {
    const entra = await call(tenant, 'https://entra.microsoft.com/contoso.onmicrosoft.com/');
    expect(entra.text).toContain(TARGETS.adele.displayName);
    expect(entra.text).toContain("'Comic Sans MS'");
    const azure = await call(tenant, 'https://portal.azure.com/');
    expect(azure.text).toContain('portal-seed');
    const other = await call(tenant, 'https://127.0.0.1/', { headers: { host: 'example.com' } });
    expect(other.status).toBe(421);
  });
});
