// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassDisplay } from '@/components/PassDisplay';
import { issuedTap } from './fixtures';

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
    render(<PassDisplay tap={issuedTap()} userPrincipalName="AdeleV@contoso.onmicrosoft.com" onDone={() => {}} />);
    const value = screen.getByTestId('pass-value');
    expect([...value.querySelectorAll('.pass-group')].map((g) => g.textContent)).toEqual(['Ab3d', 'Ef7h', 'Km9p']);
    expect(value.textContent).toBe('Ab3dEf7hKm9p');
  });

  it('copies the exact value and says Copied', async () => {
    render(<PassDisplay tap={issuedTap()} userPrincipalName="AdeleV@contoso.onmicrosoft.com" onDone={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy pass' }));
    expect(writeText).toHaveBeenCalledWith('Ab3dEf7hKm9p');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('copies instructions with the pass, one-time note and the sign-in address', () => {
    render(
      <PassDisplay
        tap={issuedTap({ isUsableOnce: true })}
        userPrincipalName="AdeleV@contoso.onmicrosoft.com"
        onDone={() => {}}
      />,
    );
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
    render(
      <PassDisplay
        tap={issuedTap({ startDateTime: start.toISOString(), lifetimeInMinutes: 60 })}
        userPrincipalName="a@b.c"
        onDone={() => {}}
      />,
    );
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
    render(<PassDisplay tap={issuedTap()} userPrincipalName="a@b.c" onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});
