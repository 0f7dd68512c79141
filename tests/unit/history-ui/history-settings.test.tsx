// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeepHistoryToggle } from '@/components/history/KeepHistoryToggle';
import { RetentionForm } from '@/components/history/RetentionForm';
import type { HistorySettings } from '@/utils/history/types';
import { type ManagedReading, validateManaged } from '@/utils/managed-config';

afterEach(cleanup);

const managed = (raw: Record<string, unknown>) => signal<ManagedReading>(validateManaged(raw));
const SAVED: Partial<HistorySettings> = { enabled: true, retentionDays: 30, maxEntries: 500 };

function retention(props: { saved?: Partial<HistorySettings> | null; managed?: ReturnType<typeof managed> } = {}) {
  const save = vi.fn().mockResolvedValue(undefined);
  const announce = vi.fn();
  render(
    <RetentionForm
      load={async () => ('saved' in props ? (props.saved ?? null) : SAVED)}
      save={save}
      managed={props.managed}
      announce={announce}
    />,
  );
  return { save, announce };
}

describe('RetentionForm', () => {
  it('shows what was saved (defaults when nothing) and saves whole numbers within bounds', async () => {
    const { save, announce } = retention({ saved: null });
    const days = screen.getByLabelText('Keep entries for (days)') as HTMLInputElement;
    await waitFor(() => expect(days.value).toBe('90'));
    expect((screen.getByLabelText('Keep at most (entries)') as HTMLInputElement).value).toBe('1000');
    fireEvent.input(days, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save history settings' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ retentionDays: 7, maxEntries: 1000 }));
    expect(announce).toHaveBeenCalledWith('History settings saved.');
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('a problem: described by the field when it is left and said once then, never while typing', async () => {
    vi.useFakeTimers();
    try {
      const { announce } = retention();
      await vi.waitFor(() => expect((screen.getByLabelText('Keep entries for (days)') as HTMLInputElement).value).toBe('30'));
      const days = screen.getByLabelText('Keep entries for (days)');
      fireEvent.input(days, { target: { value: '0' } });
      fireEvent.input(days, { target: { value: '0.5' } });
      expect(days.getAttribute('aria-invalid')).toBe('false');
      fireEvent.blur(days);
      expect(days.getAttribute('aria-invalid')).toBe('true');
      const described = (days.getAttribute('aria-describedby') ?? '').split(' ');
      expect(document.getElementById(described[0] ?? '')?.textContent).toBe('Enter a whole number of days from 1 to 3,650.');
      expect(described).toContain('history-days-hint');
      expect(announce).not.toHaveBeenCalled();
      vi.advanceTimersByTime(300);
      expect(announce).toHaveBeenCalledExactlyOnceWith('Enter a whole number of days from 1 to 3,650.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('Save with problems saves nothing and takes the keyboard to the first one (which reads it: no second announcement)', async () => {
    vi.useFakeTimers();
    try {
      const { save, announce } = retention();
      await vi.waitFor(() => expect((screen.getByLabelText('Keep at most (entries)') as HTMLInputElement).value).toBe('500'));
      const max = screen.getByLabelText('Keep at most (entries)');
      fireEvent.input(max, { target: { value: '5' } });
      fireEvent.input(screen.getByLabelText('Keep entries for (days)'), { target: { value: '4000' } });
      // A click on Save leaves the field first.
      fireEvent.blur(max);
      fireEvent.click(screen.getByRole('button', { name: 'Save history settings' }));
      vi.advanceTimersByTime(300);
      expect(document.activeElement).toBe(screen.getByLabelText('Keep entries for (days)'));
      expect(max.getAttribute('aria-invalid')).toBe('true');
      expect(save).not.toHaveBeenCalled();
      expect(announce).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('Enter in the field with the problem says it (the keyboard is already there)', async () => {
    const { announce } = retention();
    const days = screen.getByLabelText('Keep entries for (days)') as HTMLInputElement;
    await waitFor(() => expect(days.value).toBe('30'));
    fireEvent.input(days, { target: { value: '' } });
    days.focus();
    fireEvent.submit(days.closest('form') as HTMLFormElement);
    expect(announce).toHaveBeenCalledExactlyOnceWith('Enter a whole number of days from 1 to 3,650.');
  });

  it('values the organisation sets: read-only (not disabled) with "Set by your organisation", not validated, not saved', async () => {
    const { save } = retention({ managed: managed({ historyRetentionDays: 14 }) });
    const days = screen.getByLabelText('Keep entries for (days)') as HTMLInputElement;
    expect(days.value).toBe('14');
    expect(days.readOnly).toBe(true);
    expect(days.disabled).toBe(false);
    expect(document.getElementById('history-days-managed')?.textContent).toMatch(/^Set by your organisation\./);
    expect(days.getAttribute('aria-describedby')).toContain('history-days-managed');
    await waitFor(() => expect((screen.getByLabelText('Keep at most (entries)') as HTMLInputElement).value).toBe('500'));
    fireEvent.click(screen.getByRole('button', { name: 'Save history settings' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ maxEntries: 500 }));
    cleanup();
    retention({ managed: managed({ historyRetentionDays: 14, historyMaxEntries: 100 }) });
    expect(screen.queryByRole('button', { name: 'Save history settings' })).toBeNull();
  });
});

function toggle(props: { kept?: number; saved?: Partial<HistorySettings>; managed?: ReturnType<typeof managed> } = {}) {
  const save = vi.fn().mockResolvedValue(undefined);
  const clear = vi.fn().mockResolvedValue(props.kept ?? 0);
  const announce = vi.fn();
  render(
    <KeepHistoryToggle
      load={async () => props.saved ?? SAVED}
      save={save}
      managed={props.managed}
      kept={() => props.kept ?? 0}
      clear={clear}
      announce={announce}
    />,
  );
  return { save, clear, announce, box: () => screen.getByLabelText('Keep a local history') as HTMLInputElement };
}

describe('KeepHistoryToggle', () => {
  it('turning off with entries kept asks first, starting on Cancel; Cancel and Escape keep it on and return to the box', async () => {
    const { save, box } = toggle({ kept: 3 });
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    expect(screen.getByTestId('history-turn-off').textContent).toMatch(/It keeps 3 entries/);
    expect(box().checked).toBe(true);
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(box()));
    fireEvent.click(box());
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(box()));
    expect(screen.queryByTestId('history-turn-off')).toBeNull();
    expect(box().checked).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('"Turn off, keep entries" saves it off and keeps them', async () => {
    const { save, clear, announce, box } = toggle({ kept: 3 });
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off, keep entries' }));
    await waitFor(() => expect(box().checked).toBe(false));
    expect(save).toHaveBeenCalledExactlyOnceWith({ enabled: false });
    expect(clear).not.toHaveBeenCalled();
    expect(announce).toHaveBeenCalledExactlyOnceWith('History turned off. Its 3 entries stay until you clear them.');
    await waitFor(() => expect(document.activeElement).toBe(box()));
  });

  it('"Turn off and clear" saves it off, then clears, said once', async () => {
    const { save, clear, announce, box } = toggle({ kept: 3 });
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off and clear' }));
    await waitFor(() => expect(announce).toHaveBeenCalledExactlyOnceWith('History turned off and cleared (3 entries).'));
    expect(save.mock.invocationCallOrder[0]).toBeLessThan(clear.mock.invocationCallOrder[0] ?? 0);
    expect(box().checked).toBe(false);
  });

  it('nothing kept: off at once; and on again', async () => {
    const { save, announce, box } = toggle({ kept: 0 });
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    await waitFor(() => expect(box().checked).toBe(false));
    expect(screen.queryByTestId('history-turn-off')).toBeNull();
    expect(announce).toHaveBeenLastCalledWith('History turned off. Nothing is recorded until you turn it on again.');
    fireEvent.click(box());
    await waitFor(() => expect(box().checked).toBe(true));
    expect(save.mock.calls).toEqual([[{ enabled: false }], [{ enabled: true }]]);
    expect(announce).toHaveBeenLastCalledWith('History turned on.');
  });

  it('set by the organisation: read-only (aria-readonly, still focusable), the note, a click changes nothing', async () => {
    const { save, box } = toggle({ kept: 3, managed: managed({ keepHistory: false }) });
    await waitFor(() => expect(box().getAttribute('aria-readonly')).toBe('true'));
    expect(box().checked).toBe(false);
    expect(box().disabled).toBe(false);
    expect(box().getAttribute('aria-describedby')).toContain('history-keep-managed');
    expect(document.getElementById('history-keep-managed')?.textContent).toMatch(/^Set by your organisation\./);
    fireEvent.click(box());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(box().checked).toBe(false);
    expect(screen.queryByTestId('history-turn-off')).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });
});
