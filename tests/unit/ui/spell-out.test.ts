import { describe, expect, it } from 'vitest';
import { charClass, spellOut } from '@/utils/ui/spell-out';

describe('spellOut', () => {
  it('reads letters by the spelling alphabet with their case, digits as words, symbols by name', () => {
    expect(spellOut('m7%A')).toBe('mike – seven – percent – capital Alfa');
    expect(spellOut('+drkzqAD')).toBe('plus – delta – romeo – kilo – zulu – quebec – capital Alfa – capital Delta');
    expect(spellOut('0O1lI')).toBe('zero – capital Oscar – one – lima – capital India');
  });

  it('has a word for every character a pass can hold', () => {
    for (let code = 33; code < 127; code++) expect(spellOut(String.fromCharCode(code))).not.toMatch(/^symbol /);
    expect(charClass('x')).toBe('lower');
  });
});
