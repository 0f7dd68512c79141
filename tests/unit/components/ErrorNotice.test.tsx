// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '@/components/ErrorNotice';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ErrorNotice', () => {
  it('shows the sentence as an alert and the support details', () => {
    render(
      <ErrorNotice
        error={{
          kind: 'forbidden',
          message: 'Your role cannot do this.',
          status: 403,
          code: 'Authorization_RequestDenied',
          requestId: 'req-1',
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Your role cannot do this.');
    expect(screen.getByText('Details')).toBeTruthy();
    expect(screen.getByText('req-1')).toBeTruthy();
    expect(screen.getByText('Authorization_RequestDenied')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('keeps Try again disabled until the throttling wait has passed', () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    render(
      <ErrorNotice
        error={{ kind: 'throttled', message: 'Microsoft Graph is busy.', status: 429, retryAfterSeconds: 3 }}
        onRetry={onRetry}
      />,
    );
    const retry = screen.getByRole('button', { name: 'Try again' }) as HTMLButtonElement;
    expect(retry.disabled).toBe(true);
    expect(screen.getByText('You can try again in 3 s.')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByText('You can try again in 2 s.')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(2100);
    });
    expect(retry.disabled).toBe(false);
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
