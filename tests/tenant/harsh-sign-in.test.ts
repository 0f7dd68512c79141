import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, APP, EXTENSION_SCOPES, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import type { ConditionalAccessPolicy } from './state';
import {
  authorizeUrl,
  call,
  claimsOf,
  ctxOf,
  DEFAULT_SCOPES,
  form,
  fragmentOf,
  GRAPH,
  graph,
  LOGIN,
  pkcePair,
  redeem,
  signIn,
} from './test-client';

const SCOPE = DEFAULT_SCOPES.join(' ');
const CP1 = JSON.stringify({ access_token: { xms_cc: { values: ['CP1'] } } });

describe('simulated tenant: consent, Conditional Access and CAE as harsh as Entra', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  /** Authorize → pick the account; returns the page or redirect that follows, with the session cookie. */
  const pick = async (userId: string, params: Record<string, string> = {}) => {
    const { verifier, challenge } = pkcePair();
    const picker = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge, scope: SCOPE, prompt: 'select_account', ...params }),
    );
    const answer = await form(tenant, `${LOGIN}/login`, { ctx: ctxOf(picker.text), userId });
    const cookie = (answer.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    return { answer, cookie, verifier };
  };
  const errorOf = (location: string | undefined) => {
    const fragment = fragmentOf(location);
    return { error: fragment.get('error'), description: fragment.get('error_description') ?? '' };
  };

  describe('consent', () => {
    beforeEach(() => tenant.control.revokeConsent([...EXTENSION_SCOPES]));

    it('a first sign-in before any consent: an Authentication Administrator meets "Need admin approval" → AADSTS90094', async () => {
      const { answer, cookie } = await pick(ADMINS.alex.id);
      expect(answer.text).toContain('Need admin approval');
      expect(answer.text).not.toContain('value="accept"');
      const back = await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(answer.text), action: 'return' }, { cookie });
      expect(errorOf(back.headers.location)).toMatchObject({
        error: 'access_denied',
        description: expect.stringMatching(/^AADSTS90094/),
      });
      // Posting accept anyway grants nothing.
      const again = await pick(ADMINS.alex.id);
      await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(again.answer.text), action: 'accept' }, { cookie: again.cookie });
      expect(tenant.control.state.consents[APP.clientId]).toEqual([]);
    });

    it('with the admin consent workflow on, a request for approval is recorded → AADSTS90095', async () => {
      tenant.control.setAdminConsentWorkflow(true);
      const { answer, cookie } = await pick(ADMINS.lee.id);
      expect(answer.text).toContain('Approval required');
      const sent = await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(answer.text), action: 'request' }, { cookie });
      expect(errorOf(sent.headers.location).description).toMatch(/^AADSTS90095/);
      expect(tenant.control.state.consentRequests).toEqual([expect.objectContaining({ userId: ADMINS.lee.id })]);
    });

    it('a Global Administrator consents for the organization; others then sign in without a consent page', async () => {
      const { answer } = await pick(ADMINS.megan.id);
      expect(answer.text).toContain('for everyone in your organization');
      await signIn(tenant, ADMINS.megan.id);
      expect(tenant.control.state.consents[APP.clientId]).toEqual(expect.arrayContaining([...EXTENSION_SCOPES]));
      const alex = await pick(ADMINS.alex.id);
      expect(alex.answer.status).toBe(302);
      expect(fragmentOf(alex.answer.headers.location).get('code')).toBeTruthy();
    });

    it('/adminconsent: an admin grants every configured permission; a non-admin gets AADSTS90094', async () => {
      const url = `${LOGIN}/adminconsent?client_id=${APP.clientId}&state=s1`;
      const picker = await call(tenant, url);
      const asAlex = await form(tenant, `${LOGIN}/login`, { ctx: ctxOf(picker.text), userId: ADMINS.alex.id });
      expect(asAlex.status).toBe(403);
      expect(asAlex.text).toContain('AADSTS90094');
      const picker2 = await call(tenant, url);
      const asMegan = await form(tenant, `${LOGIN}/login`, { ctx: ctxOf(picker2.text), userId: ADMINS.megan.id });
      expect(asMegan.text).toContain('Policy.ReadWrite.AuthenticationMethod');
      const cookie = (asMegan.headers['set-cookie'] ?? '').split(';')[0] ?? '';
      const done = await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(asMegan.text), action: 'accept' }, { cookie });
      expect(done.headers.location).toBe(`${APP.redirectUri}?admin_consent=True&tenant=${APP.tenantId}&state=s1`);
      expect(tenant.control.state.consents[APP.clientId]).toEqual(
        expect.arrayContaining([...EXTENSION_SCOPES, 'Policy.ReadWrite.AuthenticationMethod']),
      );
    });
  });

  it('a redirect URI registered under "Web": the code is issued, but browser redemption fails with AADSTS9002326', async () => {
    tenant.control.setRedirectPlatform('web');
    const { answer, verifier } = await pick(ADMINS.alex.id);
    const code = fragmentOf(answer.headers.location).get('code') ?? '';
    const token = await redeem(tenant, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: APP.redirectUri,
      code_verifier: verifier,
      scope: SCOPE,
    });
    expect(token.status).toBe(400);
    expect(token.json()).toMatchObject({ error: 'invalid_request', error_codes: [9002326] });
  });

  describe('Conditional Access', () => {
    const policy = (grant: ConditionalAccessPolicy['grant'], extra: Partial<ConditionalAccessPolicy> = {}) =>
      tenant.control.setConditionalAccess([{ id: 'ca-1', displayName: `Require ${grant}`, users: 'all', grant, ...extra }]);

    it('MFA added after sign-in: refresh → invalid_grant 50076 with claims, prompt=none → interaction_required, MFA page → code', async () => {
      const session = await signIn(tenant, ADMINS.alex.id);
      policy('mfa');
      const refresh = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope: SCOPE });
      expect(refresh.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50076], suberror: 'basic_action' });
      expect(JSON.parse(String(refresh.json().claims))).toEqual({
        access_token: { capolids: { essential: true, values: ['ca-1'] } },
      });
      const { challenge } = pkcePair();
      const silent = await call(tenant, authorizeUrl({ code_challenge: challenge, scope: SCOPE, prompt: 'none' }), {
        headers: { cookie: session.cookie },
      });
      expect(errorOf(silent.headers.location)).toMatchObject({
        error: 'interaction_required',
        description: expect.stringMatching(/^AADSTS50076/),
      });
      const interactive = await call(tenant, authorizeUrl({ code_challenge: challenge, scope: SCOPE }), {
        headers: { cookie: session.cookie },
      });
      expect(interactive.text).toContain('Approve sign in request');
      const approved = await form(
        tenant,
        `${LOGIN}/mfa`,
        { ctx: ctxOf(interactive.text), action: 'approve' },
        { cookie: session.cookie },
      );
      expect(fragmentOf(approved.headers.location).get('code')).toBeTruthy();
    });

    it('MFA registration required: 50079 silently, "More information required" interactively', async () => {
      policy('mfaRegistration');
      const { answer } = await pick(ADMINS.alex.id);
      expect(answer.text).toContain('More information required');
    });

    it.each([
      ['compliantDevice', 53000],
      ['blockLocation', 53003],
    ] as const)(
      '%s blocks every stage: interactive Continue → access_denied AADSTS%i, refresh → invalid_grant',
      async (grant, code) => {
        const session = await signIn(tenant, ADMINS.alex.id);
        policy(grant);
        const refresh = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope: SCOPE });
        expect(refresh.json()).toMatchObject({ error: 'invalid_grant', error_codes: [code] });
        const { answer, cookie } = await pick(ADMINS.alex.id);
        expect(answer.text).toContain(`AADSTS${code}`);
        const back = await form(tenant, `${LOGIN}/blocked`, { ctx: ctxOf(answer.text), action: 'continue' }, { cookie });
        expect(errorOf(back.headers.location)).toMatchObject({
          error: 'access_denied',
          description: expect.stringMatching(new RegExp(`^AADSTS${code}`)),
        });
      },
    );

    it('sign-in frequency: an older sign-in refreshes no more (AADSTS70043) and the picker asks again', async () => {
      const session = await signIn(tenant, ADMINS.alex.id);
      policy('signInFrequency', { frequencySeconds: 1 });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const refresh = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope: SCOPE });
      expect(refresh.json()).toMatchObject({ error: 'invalid_grant', error_codes: [70043] });
      const { challenge } = pkcePair();
      const interactive = await call(tenant, authorizeUrl({ code_challenge: challenge, scope: SCOPE }), {
        headers: { cookie: session.cookie },
      });
      expect(interactive.text).toContain('Pick an account');
    });
  });

  describe('continuous access evaluation', () => {
    const signInWith = async (claims: string | null) => {
      const { answer, verifier } = await pick(ADMINS.alex.id, claims ? { claims } : {});
      const code = fragmentOf(answer.headers.location).get('code') ?? '';
      const fields: Record<string, string> = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: APP.redirectUri,
        code_verifier: verifier,
        scope: SCOPE,
      };
      if (claims) fields.claims = claims;
      return (await redeem(tenant, fields)).json();
    };

    it('a CP1 token issued before a critical event gets a claims challenge; a token without CP1 lives on', async () => {
      const capable = await signInWith(CP1);
      const plain = await signInWith(null);
      expect(claimsOf(String(capable.access_token)).xms_cc).toEqual(['CP1']);
      tenant.control.raiseCaeEvent(ADMINS.alex.id);
      const challenged = await graph(tenant, String(capable.access_token), `/users/${TARGETS.adele.id}`);
      expect(challenged.status).toBe(401);
      const header = String(challenged.headers['www-authenticate']);
      expect(header).toContain('error="insufficient_claims"');
      const encoded = /claims="([^"]+)"/.exec(header)?.[1] ?? '';
      expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toMatchObject({
        access_token: { nbf: { essential: true } },
      });
      expect((await graph(tenant, String(plain.access_token), `/users/${TARGETS.adele.id}`)).status).toBe(200);
      // A new token (iat after the event) passes.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const fresh = await redeem(tenant, {
        grant_type: 'refresh_token',
        refresh_token: String(capable.refresh_token),
        scope: SCOPE,
        claims: CP1,
      });
      expect((await graph(tenant, String(fresh.json().access_token), `/users/${TARGETS.adele.id}`)).status).toBe(200);
      expect(GRAPH).toContain('graph.microsoft.com');
    });
  });
});
