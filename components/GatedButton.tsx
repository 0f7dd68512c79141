import { type ButtonHTMLAttributes, createContext, type Ref } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Whether the panel's actions may run: false while a portal frame hasn't been visible and unobscured long enough
 * (utils/ui/visibility-gate.ts). Pages other than the panel never provide it, so their buttons are always armed.
 */
export const ArmedContext = createContext(true);

export interface GatedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'ref'> {
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A button for an action that issues, replaces, revokes or copies: inert (aria-disabled, clicks ignored) until armed. */
export function GatedButton({ onClick, buttonRef, type = 'button', ...rest }: GatedButtonProps) {
  const armed = useContext(ArmedContext);
  return (
    <button
      {...rest}
      type={type}
      ref={buttonRef}
      aria-disabled={armed ? rest['aria-disabled'] : true}
      data-armed={armed ? undefined : 'false'}
      onClick={() => {
        if (armed) onClick();
      }}
    />
  );
}
