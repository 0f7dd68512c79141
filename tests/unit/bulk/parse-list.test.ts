import { describe, expect, it } from 'vitest';
import { MAX_LIST_USERS, parseList } from '@/utils/bulk/parse-list';

const ID = '22222222-0000-4000-8000-00000000000A';

describe('parseList: one per line', () => {
  it('takes user principal names and object ids (lower-cased), skipping blank lines, with their line numbers', () => {
    const list = parseList(`AdeleV@contoso.com\n\n  ${ID}  \r\nmailto:alex@contoso.com\n`);
    expect(list.error).toBeNull();
    expect(list.rows).toEqual([
      { line: 1, ref: 'AdeleV@contoso.com', options: {} },
      { line: 3, ref: ID.toLowerCase(), options: {} },
      { line: 4, ref: 'alex@contoso.com', options: {} },
    ]);
    expect(list.problems).toEqual([]);
  });

  it('lists invalid lines and duplicates (case-insensitive) with their line and why; they are not rows', () => {
    const list = parseList(
      'adele@contoso.com\nnot a user\nADELE@CONTOSO.COM\nmeg@contoso.com, alex@contoso.com\nbad+tag@contoso.com',
    );
    expect(list.rows.map((row) => row.ref)).toEqual(['adele@contoso.com']);
    expect(list.problems).toEqual([
      {
        line: 2,
        text: 'not a user',
        kind: 'invalid',
        why: '“not a user” isn’t a user principal name (name@domain) or an object id.',
      },
      { line: 3, text: 'ADELE@CONTOSO.COM', kind: 'duplicate', why: 'The same user as line 1.' },
      expect.objectContaining({ line: 4, kind: 'invalid' }),
      expect.objectContaining({ line: 5, kind: 'invalid' }),
    ]);
  });

  it('refuses invisible characters, like the context menu', () => {
    expect(parseList('adele\u200B@contoso.com').problems[0]?.kind).toBe('invalid');
  });

  it('keeps a stray quote a problem of its own line, not of the whole list', () => {
    const list = parseList('"adele@contoso.com\nmeg@contoso.com');
    expect(list.error).toBeNull();
    expect(list.rows.map((row) => row.ref)).toEqual(['adele@contoso.com', 'meg@contoso.com']);
  });

  it(`stops at ${MAX_LIST_USERS} users and lists the rest`, () => {
    const lines = Array.from({ length: MAX_LIST_USERS + 2 }, (_, i) => `user${i}@contoso.com`);
    const list = parseList(lines.join('\n'));
    expect(list.rows).toHaveLength(MAX_LIST_USERS);
    expect(list.problems.map((problem) => [problem.line, problem.kind])).toEqual([
      [MAX_LIST_USERS + 1, 'tooMany'],
      [MAX_LIST_USERS + 2, 'tooMany'],
    ]);
  });
});

describe('parseList: CSV with a header', () => {
  it('reads the user column and the options, with a BOM, CRLF and quoted fields', () => {
    const list = parseList(
      '\uFEFFdisplayName,UPN,Start,Lifetime,One-time\r\n' +
        '"Vance, Adele",adele@contoso.com,2030-06-03T09:00Z,120,yes\r\n' +
        '"Wilber, Alex",alex@contoso.com,,,\r\n' +
        'Megan,meg@contoso.com,2030-06-03 09:00+0200,60,FALSE\r\n',
    );
    expect(list.error).toBeNull();
    expect(list.ignoredColumns).toEqual(['displayName']);
    expect(list.rows).toEqual([
      {
        line: 2,
        ref: 'adele@contoso.com',
        options: { startDateTime: '2030-06-03T09:00:00.000Z', lifetimeInMinutes: 120, isUsableOnce: true },
      },
      { line: 3, ref: 'alex@contoso.com', options: {} },
      {
        line: 4,
        ref: 'meg@contoso.com',
        options: { startDateTime: '2030-06-03T07:00:00.000Z', lifetimeInMinutes: 60, isUsableOnce: false },
      },
    ]);
  });

  it('reads a local start without a zone as the admin’s local time', () => {
    const list = parseList('upn,start\nadele@contoso.com,2030-06-03T09:00');
    expect(list.rows[0]?.options.startDateTime).toBe(new Date(2030, 5, 3, 9, 0).toISOString());
  });

  it('falls back to the id column when a row has no UPN, and takes semicolons', () => {
    const list = parseList(`upn;id;lifetime\n;${ID};30\n`);
    expect(list.rows).toEqual([{ line: 2, ref: ID.toLowerCase(), options: { lifetimeInMinutes: 30 } }]);
  });

  it('lists bad options with the line and every reason; shape only (the policy is the background’s)', () => {
    const list = parseList(
      'user,start,lifetime,one-time\n' +
        'a@contoso.com,tomorrow,5,maybe\n' +
        'b@contoso.com,2030-02-30T09:00,1.5,\n' +
        'c@contoso.com,,43201,\n' +
        'd@contoso.com,,480,no\n',
    );
    expect(list.rows.map((row) => row.line)).toEqual([5]);
    expect(list.problems.map((problem) => [problem.line, problem.why])).toEqual([
      [
        2,
        'The start “tomorrow” isn’t a date and time like 2025-06-03T09:00 (local time) or 2025-06-03T09:00Z. The lifetime “5” isn’t a whole number of minutes from 10 to 43200 (30 days). One-time must be true, false, yes or no, not “maybe”.',
      ],
      [3, expect.stringMatching(/^The start “2030-02-30T09:00” isn’t .* The lifetime “1\.5” isn’t/)],
      [4, expect.stringMatching(/^The lifetime “43201” isn’t/)],
    ]);
  });

  it('lists a line with more fields than the header, an empty user and a duplicate across UPN case', () => {
    const list = parseList('upn,lifetime\na@contoso.com,60,extra\n,60\nA@Contoso.com,60\nA@contoso.COM,90');
    expect(list.problems.map((problem) => [problem.line, problem.kind, problem.why])).toEqual([
      [2, 'invalid', 'This line has 3 fields and the header 2: put a field with a comma in quotes.'],
      [3, 'invalid', 'No user on this line.'],
      [5, 'duplicate', 'The same user as line 4.'],
    ]);
  });

  it('numbers rows by the line they start on when a quoted field spans lines', () => {
    const list = parseList('note,upn\n"two\nlines",a@contoso.com\nx,b@contoso.com');
    expect(list.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('says so when the header names no user column, or a quote never closes', () => {
    expect(parseList('name,lifetime\nAdele,60').error).toBe(
      'The header on line 1 names no user column: add one named upn (or user) or id.',
    );
    expect(parseList('upn,lifetime\n"a@contoso.com,60').error).toBe('A quoted field that starts on line 2 never ends.');
  });
});
