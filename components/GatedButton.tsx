import { type ButtonHTMLAttributes, type ComponentChildren, createContext, type Ref } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { type ActivationGuard, ALWAYS } from '@/utils/ui/activation-guard-type';

export interface Gate {
  /** Visible and unobscured long enough (utils/ui/visibility-gate.ts). */
  armed: boolean;
  /** Whether one click or key press is the admin's own (utils/ui/activation-guard.ts). */
  guard: ActivationGuard;
  /** A click or key press was ignored: say so, once, so nobody is left wondering. */
  refused?: (why: 'notArmed' | 'tooSoon') => void;
}

/**
 * Whether the panel's actions may run. Pages other than the panel never provide it, so their buttons always act.
 */
export const GateContext = createContext<Gate>({ armed: true, guard: ALWAYS });

/** How long a button that just appeared (a confirmation) stays inert: two quick clicks can't chain into it. */
export const FRESH_BUTTON_MS = 500;

/**
 * Provides the gate to a subtree that has just appeared: inert for FRESH_BUTTON_MS, then as armed as its parent. Only
 * where a page could be timing clicks (a guarded portal frame); elsewhere it changes nothing.
 */
export function FreshGate({ children }: { children: ComponentChildren }) {
  const parent = useContext(GateContext);
  const [settled, setSettled] = useState(parent.guard === ALWAYS);
  useEffect(() => {
    if (settled) return;
    const id = setTimeout(() => setSettled(true), FRESH_BUTTON_MS);
    return () => clearTimeout(id);
  }, [settled]);
  // A fresh confirmation is not "covered": say it came too soon, so the admin isn't sent looking for an overlay.
  const refused = (why: 'notArmed' | 'tooSoon') => parent.refused?.(parent.armed && !settled ? 'tooSoon' : why);
  return <GateContext.Provider value={{ ...parent, armed: parent.armed && settled, refused }}>{children}</GateContext.Provider>;
}

export interface GatedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'ref'> {
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A button for an action that issues, replaces, revokes or copies: inert (aria-disabled, clicks ignored) until armed. */
export function GatedButton({ onClick, buttonRef, type = 'button', ...rest }: GatedButtonProps) {
  const { armed, guard, refused } = useContext(GateContext);
  return (
    <button
      {...rest}
      type={type}
      ref={buttonRef}
      aria-disabled={armed ? rest['aria-disabled'] : true}
      data-armed={armed ? undefined : 'false'}
      onClick={(event) => {
        if (!armed) refused?.('notArmed');
        else if (!guard.allows(event)) refused?.('tooSoon');
        else onClick();
      }}
    />
  );
}
