import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INVALID_SKIP_TOKEN, PAGE_SIZE_MESSAGE } from './graph/paging';
import { ROLE } from './roles';
import { GROUPS, MANY_GROUPS, MANY_GROUPS_ADMIN, projectGroupId, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { call, DEFAULT_SCOPES, GRAPH, graph, signIn } from './test-client';

interface Page {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

const JONI = TARGETS.joni.id;
const ids = (page: Page) => page.value.map((item) => String(item.id));

describe('simulated tenant: memberOf / transitiveMemberOf paging', () => {
  let tenant: Tenant;
  let megan: string;
  let grady: string;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    megan = (await signIn(tenant, '11111111-0000-4000-8000-000000000001')).accessToken;
    // RoleManagement.Read.Directory: role objects in full (not limited to type and id), so the role can be recognised.
    grady = (
      await signIn(tenant, MANY_GROUPS_ADMIN.id, [...DEFAULT_SCOPES, 'https://graph.microsoft.com/RoleManagement.Read.Directory'])
    ).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const get = async (token: string, path: string) => (await graph(tenant, token, path)).json<Page>();
  /** Follows nextLinks as a client must: the whole URL, as given. */
  const all = async (token: string, path: string) => {
    const pages: Page[] = [await get(token, path)];
    for (let link = pages[0]?.['@odata.nextLink']; link; link = pages.at(-1)?.['@odata.nextLink']) {
      const next = await call(tenant, link, { headers: { authorization: `Bearer ${token}` } });
      expect(next.status).toBe(200);
      pages.push(next.json<Page>());
    }
    return pages;
  };

  it('pages 100 objects by default with an absolute nextLink that keeps the other parameters and adds a $skiptoken', async () => {
    const pages = await all(megan, `/users/${JONI}/transitiveMemberOf?$select=id,displayName`);
    expect(pages.map((page) => page.value.length)).toEqual([100, MANY_GROUPS + 1 - 100]);
    const link = new URL(pages[0]?.['@odata.nextLink'] ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${GRAPH}/users/${JONI}/transitiveMemberOf`);
    expect(link.searchParams.get('$select')).toBe('id,displayName');
    const token = link.searchParams.get('$skiptoken') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/); // opaque: no offset or id in the clear
    expect(token).not.toContain(JONI);
    expect(pages[1]?.['@odata.nextLink']).toBeUndefined();
    // Every membership exactly once; the wave group (after the project groups) is on the second page.
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(MANY_GROUPS + 1);
    expect(ids(pages[0] as Page)).not.toContain(GROUPS.wave.id);
    expect(ids(pages[1] as Page)).toContain(GROUPS.wave.id);
    expect(pages[1]?.value.find((item) => item.id === GROUPS.wave.id)).toMatchObject({ displayName: GROUPS.wave.displayName });
  });

  it('honours $top up to 999 and keeps it in the nextLink', async () => {
    const whole = await get(megan, `/users/${JONI}/transitiveMemberOf?$select=id&$top=999`);
    expect(whole.value).toHaveLength(MANY_GROUPS + 1);
    expect(whole['@odata.nextLink']).toBeUndefined();
    const pages = await all(megan, `/users/${JONI}/memberOf?$top=50`);
    expect(pages.map((page) => page.value.length)).toEqual([50, 50, MANY_GROUPS + 1 - 100]);
    expect(new URL(pages[0]?.['@odata.nextLink'] ?? '').searchParams.get('$top')).toBe('50');
    expect(pages.flatMap(ids)).toEqual([...Array.from({ length: MANY_GROUPS }, (_, i) => projectGroupId(i + 1)), GROUPS.wave.id]);
    // A user in fewer objects than a page: one page, no nextLink (as before).
    const lynne = await get(megan, `/users/${TARGETS.lynne.id}/transitiveMemberOf`);
    expect(lynne['@odata.nextLink']).toBeUndefined();
  });

  it('refuses $top outside 1..999 with 400 Request_UnsupportedQuery', async () => {
    for (const top of ['1000', '0', 'many']) {
      const refused = await graph(tenant, megan, `/users/${JONI}/transitiveMemberOf?$top=${top}`);
      expect(refused.status).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'Request_UnsupportedQuery', message: PAGE_SIZE_MESSAGE(top) } });
    }
  });

  it('answers "Invalid Skip Token" for a token it did not issue for this list; its tokens outlive a reset', async () => {
    const first = await get(megan, `/users/${JONI}/transitiveMemberOf`);
    const link = first['@odata.nextLink'] ?? '';
    const forged = await graph(tenant, megan, `/users/${JONI}/transitiveMemberOf?$skiptoken=MTAw`);
    expect(forged.status).toBe(INVALID_SKIP_TOKEN.status);
    expect(forged.json()).toMatchObject({ error: { code: '', message: 'Invalid Skip Token' } });
    // The same token on another collection (direct memberOf) is not a cursor into it.
    const elsewhere = await call(tenant, link.replace('/transitiveMemberOf?', '/memberOf?'), {
      headers: { authorization: `Bearer ${megan}` },
    });
    expect(elsewhere.status).toBe(400);
    tenant.control.reset();
    const later = await call(tenant, link, { headers: { authorization: `Bearer ${megan}` } });
    expect(later.status).toBe(200);
  });

  it("an admin in many groups: the directory role comes on a later page of /me's memberships", async () => {
    const pages = await all(grady, '/me/transitiveMemberOf?$select=id,displayName,roleTemplateId');
    const isRole = (item: Record<string, unknown>) => item['@odata.type'] === '#microsoft.graph.directoryRole';
    expect(pages).toHaveLength(2);
    expect(new URL(pages[0]?.['@odata.nextLink'] ?? '').pathname).toBe('/v1.0/me/transitiveMemberOf');
    expect(pages[0]?.value.some(isRole)).toBe(false);
    expect(pages[1]?.value.filter(isRole)).toEqual([
      expect.objectContaining({ roleTemplateId: ROLE.globalAdministrator, displayName: 'Global Administrator' }),
    ]);
    // Cast to directoryRole: only the roles, one page.
    const roles = await get(grady, '/me/transitiveMemberOf/microsoft.graph.directoryRole');
    expect(roles.value.map((role) => role.roleTemplateId)).toEqual([ROLE.globalAdministrator]);
    expect(roles['@odata.nextLink']).toBeUndefined();
    // A cast to groups pages too, and its nextLink keeps the cast segment.
    const groups = await get(grady, '/me/transitiveMemberOf/microsoft.graph.group?$select=id');
    expect(groups.value).toHaveLength(100);
    expect(new URL(groups['@odata.nextLink'] ?? '').pathname).toBe('/v1.0/me/transitiveMemberOf/microsoft.graph.group');
  });

  it('inside $batch the nextLink is absolute too: sent back as is it is refused, made relative it serves the next page', async () => {
    const batch = async (url: string) =>
      (await graph(tenant, megan, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url }] } })).json<{
        responses: { status: number; body: Page }[];
      }>().responses[0];
    const first = await batch(`/users/${JONI}/transitiveMemberOf?$select=id`);
    const link = first?.body['@odata.nextLink'] ?? '';
    expect(link.startsWith(`${GRAPH}/users/${JONI}/transitiveMemberOf?`)).toBe(true);
    expect((await batch(link))?.status).toBe(400);
    const second = await batch(link.slice(GRAPH.length));
    expect(second?.status).toBe(200);
    expect(ids(second?.body as Page)).toContain(GROUPS.wave.id);
  });

  it('checkMemberGroups answers for a group on any page (transitive, not paged)', async () => {
    const check = await graph(tenant, megan, `/users/${JONI}/checkMemberGroups`, {
      method: 'POST',
      body: { groupIds: [GROUPS.wave.id, GROUPS.pilot.id, projectGroupId(1)] },
    });
    expect(check.json().value).toEqual([GROUPS.wave.id, projectGroupId(1)]);
  });

  it('test switch: directory pages hold at most N objects whatever $top asks, until reset (in-process and over HTTP)', async () => {
    tenant.control.setDirectoryPageSize(10);
    const capped = await get(megan, `/users/${JONI}/transitiveMemberOf?$top=999`);
    expect(capped.value).toHaveLength(10);
    expect(new URL(capped['@odata.nextLink'] ?? '').searchParams.get('$top')).toBe('999');
    tenant.control.reset();
    expect((await get(megan, `/users/${JONI}/transitiveMemberOf?$top=999`)).value).toHaveLength(MANY_GROUPS + 1);
    const set = await call(tenant, 'https://graph.microsoft.com/__control/page-size', { method: 'POST', body: { size: 100 } });
    expect(set.status).toBe(200);
    expect((await get(megan, `/users/${JONI}/transitiveMemberOf?$top=999`)).value).toHaveLength(100);
    await call(tenant, 'https://graph.microsoft.com/__control/page-size', { method: 'POST', body: { size: null } });
    expect((await get(megan, `/users/${JONI}/transitiveMemberOf?$top=999`)).value).toHaveLength(MANY_GROUPS + 1);
  });
});
