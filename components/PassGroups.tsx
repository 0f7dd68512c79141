import { groupForReading } from '@/utils/ui/format-pass';
import { charClass } from '@/utils/ui/spell-out';
import './pass.css';

export interface PassGroupsProps {
  value: string;
}

/**
 * A pass for the eye: groups of four, digits, capitals, small letters and symbols told apart. Hidden from screen readers,
 * who hear the value once, whole, from the text the caller puts beside it.
 */
export function PassGroups({ value }: PassGroupsProps) {
  return (
    <span class="pass-groups" aria-hidden="true">
      {groupForReading(value).map((group, index) => (
        <span key={index} class="pass-group">
          {[...group].map((char, at) => (
            <span key={at} class={`pass-char pass-${charClass(char)}`}>
              {char}
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}
