import { describe, expect, it } from 'vitest';
import { createGraphClient } from '@/utils/graph/client';
import { GraphError, parseClaimsChallenge } from '@/utils/graph/errors';
import { createFakeGraph, envelope, on } from './fake-graph';

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
const challengeHeader = (claims = CLAIMS) =>
  `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(claims)}"`;
const challenged = {
  status: 401,
  body: envelope('InvalidAuthenticationToken', 'Continuous access evaluation resulted in challenge'),
  headers: { 'WWW-Authenticate': challengeHeader() },
};

describe('claims challenges (entra-docs claims-challenge.md)', () => {
  it.each([
    [401, challengeHeader(), CLAIMS],
    [401, 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"', undefined],
    [403, challengeHeader(), undefined],
    [401, 'Bearer error="insufficient_claims", claims="not base64 json"', undefined],
  ])('status %i with %s → %s', (status, header, expected) => {
    expect(parseClaimsChallenge(status, header)).toBe(expected);
  });

  it('sends the request once more with a token for the claims, writes included, and only once', async () => {
    const asked: (string | undefined)[] = [];
    let posts = 0;
    const graph = createFakeGraph([
      on('POST', '/users/u/authentication/temporaryAccessPassMethods', () => {
        posts += 1;
        return posts === 1 ? challenged : { status: 201, body: { id: 'p1', temporaryAccessPass: 'x' } };
      }),
    ]);
    const client = createGraphClient({
      fetch: graph.fetch,
      defaultScopes: ['User.Read'],
      getToken: async (_scopes, _interactive, claims) => {
        asked.push(claims);
        return { accessToken: claims ? 'fresh' : 'old', scopes: [] };
      },
      sleep: async () => {},
    });
    await expect(
      client.request('POST', '/users/u/authentication/temporaryAccessPassMethods', { body: {} }),
    ).resolves.toMatchObject({
      id: 'p1',
    });
    expect(asked).toEqual([undefined, CLAIMS]);
    expect(graph.calls.map((call) => call.headers.Authorization)).toEqual(['Bearer old', 'Bearer fresh']);

    const always = createFakeGraph([on('GET', '/me', challenged)]);
    const stubborn = createGraphClient({
      fetch: always.fetch,
      defaultScopes: ['User.Read'],
      getToken: async () => ({ accessToken: 't', scopes: [] }),
      sleep: async () => {},
    });
    const error = await stubborn.request('GET', '/me').catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(always.calls).toHaveLength(2);
  });
});
