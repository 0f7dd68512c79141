import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/background/parse-request';

const USER = '22222222-0000-4000-8000-000000000001';
const OTHER = '22222222-0000-4000-8000-000000000002';
const ROW = 'c0ffee00-0000-4000-8000-000000000001';
const row = (over: Record<string, unknown> = {}) => ({ rowId: ROW, userId: USER, options: {}, ...over });
const refused = (msg: unknown, detail: RegExp) =>
  expect(parseRequest(msg)).toMatchObject({ ok: false, error: { kind: 'invalidInput', message: expect.stringMatching(detail) } });

describe('parseRequest: bulkCheck', () => {
  it('accepts 1 to 20 object ids and UPNs, kept as the list wrote them', () => {
    const refs = [USER.toUpperCase(), 'AdeleV@contoso.onmicrosoft.com'];
    expect(parseRequest({ type: 'bulkCheck', refs })).toEqual({ ok: true, request: { type: 'bulkCheck', refs } });
    const twenty = Array.from({ length: 20 }, (_, n) => `user${n}@contoso.onmicrosoft.com`);
    expect(parseRequest({ type: 'bulkCheck', refs: twenty })).toMatchObject({ ok: true });
  });

  it.each([
    ['no list', { type: 'bulkCheck' }, /refs must be a list of 1 to 20/],
    ['an empty list', { type: 'bulkCheck', refs: [] }, /refs must be a list of 1 to 20/],
    [
      'more than 20',
      { type: 'bulkCheck', refs: Array.from({ length: 21 }, (_, n) => `u${n}@contoso.onmicrosoft.com`) },
      /1 to 20/,
    ],
    ['a string instead of a list', { type: 'bulkCheck', refs: USER }, /refs must be a list/],
    ['a number in the list', { type: 'bulkCheck', refs: [USER, 7] }, /not an object id or user principal name/],
    ['a path in the list', { type: 'bulkCheck', refs: ['../../me'] }, /not an object id or user principal name/],
    ['a UPN with a query', { type: 'bulkCheck', refs: ['a@contoso.com?$select=x'] }, /not an object id/],
    ['the same id twice (case aside)', { type: 'bulkCheck', refs: [USER, USER.toUpperCase()] }, /appears twice/],
    ['the same UPN twice (case aside)', { type: 'bulkCheck', refs: ['A@contoso.com', 'a@CONTOSO.com'] }, /appears twice/],
    ['an unknown field', { type: 'bulkCheck', refs: [USER], all: true }, /unexpected fields/],
  ])('refuses %s', (_name, msg, detail) => refused(msg, detail));
});

describe('parseRequest: bulkIssue', () => {
  it('accepts rows with a random id, an object id (lower-cased) and issueTap’s options', () => {
    const options = { lifetimeInMinutes: 120, isUsableOnce: true, startDateTime: '2030-01-01T08:00:00.000Z' };
    expect(parseRequest({ type: 'bulkIssue', rows: [row({ userId: USER.toUpperCase(), options })] })).toEqual({
      ok: true,
      request: { type: 'bulkIssue', rows: [{ rowId: ROW, userId: USER, options }] },
    });
  });

  it.each([
    ['no rows', { type: 'bulkIssue', rows: [] }, /rows must be a list of 1 to 20/],
    [
      'more than 20 rows',
      {
        type: 'bulkIssue',
        rows: Array.from({ length: 21 }, (_, n) => row({ rowId: `row-${String(n).padStart(6, '0')}` })),
      },
      /1 to 20/,
    ],
    ['a short rowId', { type: 'bulkIssue', rows: [row({ rowId: 'abc' })] }, /rowId is missing or malformed/],
    ['a rowId with URL characters', { type: 'bulkIssue', rows: [row({ rowId: 'row/../../x?y' })] }, /rowId/],
    ['a UPN as userId', { type: 'bulkIssue', rows: [row({ userId: 'AdeleV@contoso.onmicrosoft.com' })] }, /object id/],
    [
      'a lifetime that is not a whole number',
      { type: 'bulkIssue', rows: [row({ options: { lifetimeInMinutes: 1.5 } })] },
      /options/,
    ],
    ['an unknown option', { type: 'bulkIssue', rows: [row({ options: { temporaryAccessPass: 'x' } })] }, /options/],
    ['an unknown row field', { type: 'bulkIssue', rows: [{ ...row(), pass: 'x' }] }, /unexpected fields/],
    ['a repeated rowId', { type: 'bulkIssue', rows: [row(), row({ userId: OTHER })] }, /appears twice/],
    [
      'one user twice',
      { type: 'bulkIssue', rows: [row(), row({ rowId: 'c0ffee00-0000-4000-8000-000000000002' })] },
      /appears twice/,
    ],
    ['an unknown field', { type: 'bulkIssue', rows: [row()], ticket: 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, /unexpected/],
  ])('refuses %s', (_name, msg, detail) => refused(msg, detail));
});
