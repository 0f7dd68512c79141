// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassDisplay, type PassDisplayProps } from '@/components/PassDisplay';
import type { LoadMessages } from '@/utils/ui/instructions-language';
import { GERMAN_INSTRUCTIONS } from '../i18n/german-instructions';
import { issuedTap } from './fixtures';

/** Adele's new pass, with the props a test cares about over these. */
const renderPass = (props: Partial<PassDisplayProps> = {}) =>
  render(
    <PassDisplay
      tap={issuedTap()}
      userPrincipalName="AdeleV@contoso.onmicrosoft.com"
      displayName="Adele Vance"
      onDone={() => {}}
      {...props}
    />,
  );

describe('PassDisplay', () => {
  let writeText: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the pass in groups of four without adding characters', () => {
    renderPass();
    const value = screen.getByTestId('pass-value');
    expect([...value.querySelectorAll('.pass-group')].map((g) => g.textContent)).toEqual(['Ab3d', 'Ef7h', 'Km9p']);
    // Read once, whole, by a screen reader; the groups are for the eye only.
    expect(value.querySelector('.visually-hidden')?.textContent).toBe('Ab3dEf7hKm9p');
    expect(value.querySelector('.pass-groups')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('group', { name: 'Temporary Access Pass for Adele Vance' })).toBeTruthy();
  });

  it('tells digits, capitals, small letters and symbols apart, and spells the pass out on request', () => {
    renderPass({ tap: issuedTap({ temporaryAccessPass: 'm7%A' }) });
    const kinds = [...screen.getByTestId('pass-value').querySelectorAll('.pass-char')].map((c) => c.className);
    expect(kinds).toEqual(['pass-char pass-lower', 'pass-char pass-digit', 'pass-char pass-symbol', 'pass-char pass-upper']);
    const toggle = screen.getByRole('button', { name: 'Spell out' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByTestId('pass-spelled').textContent).toBe('mike – seven – percent – capital Alfa');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('copies the exact value and says Copied', async () => {
    renderPass();
    fireEvent.click(screen.getByRole('button', { name: 'Copy pass' }));
    expect(writeText).toHaveBeenCalledWith('Ab3dEf7hKm9p');
    // The label changes; the accessible name stays; one status says it.
    await screen.findAllByText('Copied');
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['Copied', '']);
    expect(screen.getByRole('button', { name: 'Copy pass' }).textContent).toBe('Copied');
  });

  it('copies instructions with the pass, one-time note and the sign-in address', () => {
    renderPass({ tap: issuedTap({ isUsableOnce: true }) });
    expect(screen.getByText('One-time')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy instructions' }));
    const text = writeText.mock.calls[0]?.[0] as string;
    expect(text).toContain('Ab3dEf7hKm9p');
    expect(text).toContain('one sign-in only');
    expect(text).toContain('https://aka.ms/mysecurityinfo');
    expect(text).toContain('AdeleV@contoso.onmicrosoft.com');
  });

  it('counts down live', () => {
    vi.useFakeTimers();
    const start = new Date();
    renderPass({ tap: issuedTap({ startDateTime: start.toISOString(), lifetimeInMinutes: 60 }) });
    expect(screen.getByTestId('pass-countdown').textContent).toBe('expires in 1 h');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('pass-countdown').textContent).toBe('expires in 59 min');
    act(() => {
      vi.advanceTimersByTime(30 * 60_000 - 1000);
    });
    expect(screen.getByTestId('pass-countdown').textContent).toBe('expires in 30 min');
    act(() => {
      vi.advanceTimersByTime(31 * 60_000);
    });
    expect(screen.getByTestId('pass-countdown').textContent).toBe('expired');
  });

  it('calls onDone', () => {
    const onDone = vi.fn();
    renderPass({ onDone });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});

describe('PassDisplay: the instructions in another language', () => {
  let writeText: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(cleanup);

  const renderWith = (loadMessages: LoadMessages) => renderPass({ tap: issuedTap({ isUsableOnce: true }), loadMessages });

  it("offers the shipped languages by their own names beside Copy instructions, the admin's first chosen", () => {
    const load = vi.fn<LoadMessages>();
    renderWith(load);
    const select = screen.getByRole('combobox', { name: 'Language of the instructions' }) as HTMLSelectElement;
    expect([...select.options].map((option) => [option.value, option.textContent, option.lang])).toEqual([
      ['en', 'English', 'en'],
      ['de', 'Deutsch', 'de'],
      ['es', 'Español', 'es'],
      ['fr', 'Français', 'fr'],
      ['ja', '日本語', 'ja'],
      ['pt_BR', 'Português (Brasil)', 'pt-BR'],
    ]);
    expect(select.value).toBe('en');
    expect(load).not.toHaveBeenCalled();
  });

  it("copies the chosen language's text", async () => {
    const load = vi.fn<LoadMessages>(async () => GERMAN_INSTRUCTIONS);
    renderWith(load);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of the instructions' }), { target: { value: 'de' } });
    expect(load).toHaveBeenCalledWith('de');
    fireEvent.click(screen.getByRole('button', { name: 'Copy instructions' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const text = writeText.mock.calls[0]?.[0] as string;
    expect(text.split('\n')[0]).toBe('Ihr befristeter Zugriffspass: Ab3dEf7hKm9p');
    expect(text).toContain('Er gilt nur für eine Anmeldung.');
    expect(text).toContain('AdeleV@contoso.onmicrosoft.com');
    expect(text).not.toContain('Valid from');
    expect(screen.getByTestId('instructions-language-note').textContent).toBe('');
  });

  it("falls back to the admin's language when the chosen one can't be read, and says so", async () => {
    renderWith(async () => {
      throw new Error('HTTP 404');
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of the instructions' }), { target: { value: 'ja' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy instructions' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const text = writeText.mock.calls[0]?.[0] as string;
    expect(text.split('\n')[0]).toBe('Your Temporary Access Pass: Ab3dEf7hKm9p');
    await vi.waitFor(() =>
      expect(screen.getByTestId('instructions-language-note').textContent).toBe(
        "The instructions in 日本語 couldn't be loaded, so they are copied in English.",
      ),
    );
  });
});
