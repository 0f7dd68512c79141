import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/bulk/csv';
import { passCell, resultsCsv } from '@/utils/bulk/results-csv';
import { issuedTap } from '../components/fixtures';

const user = { id: '22222222-0000-4000-8000-000000000001', displayName: 'Adele Vance', userPrincipalName: 'AdeleV@contoso.com' };

describe('resultsCsv', () => {
  it('writes the pass exactly, quoted and unprefixed, even when it starts like a formula', () => {
    for (const pass of ['+drkzqAD', '=1+1', '-x"y', '@SUM(A1)']) {
      expect(passCell(pass)).toBe(`"${pass.replaceAll('"', '""')}"`);
      const read = readCsv(resultsCsv([{ line: 2, user, pass: issuedTap({ temporaryAccessPass: pass }) }]));
      expect(read.ok && read.records[1]?.cells[4]).toBe(pass);
    }
  });

  it('guards every other cell against formulas, with CRLF line ends', () => {
    const start = '2030-06-03T09:00:00.000Z';
    const csv = resultsCsv([
      {
        line: 7,
        user: { ...user, displayName: '=HYPERLINK("http://evil")' },
        pass: issuedTap({ temporaryAccessPass: 'Ab3dEf7h', startDateTime: start, lifetimeInMinutes: 60, isUsableOnce: true }),
      },
    ]);
    expect(csv).toBe(
      'line,display name,user principal name,user id,temporary access pass,valid from,valid until,one-time\r\n' +
        `7,"'=HYPERLINK(""http://evil"")",AdeleV@contoso.com,${user.id},"Ab3dEf7h",${start},2030-06-03T10:00:00.000Z,yes\r\n`,
    );
  });
});
