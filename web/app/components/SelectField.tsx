// A labelled <select> in a filter bar, with an optional first "any" choice whose value is empty.
import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  label: ReactNode;
  /** The label is user data (a unit's name): an <option> cannot hold <bdi>, so it is marked translate="no". */
  userText?: boolean;
}

export function SelectField({
  id,
  name,
  label,
  defaultValue,
  any,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  /** The text of the empty choice; none when absent. */
  any?: string;
  choices: readonly Choice[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {any !== undefined ? <option value="">{any}</option> : null}
        <Options choices={choices} />
      </select>
    </div>
  );
}

/** The <option>s of a <select>. */
export function Options({ choices }: { choices: readonly Choice[] }) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value} {...(c.userText ? { translate: 'no' as const } : {})}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/** Units as choices, indented by depth so the tree shows in a flat list; `kindOf` adds each one's kind. */
export function unitChoices<U extends { id: string; name: string; depth: number }>(units: readonly U[], kindOf?: (unit: U) => string): Choice[] {
  return units.map((u) => ({ value: u.id, label: `${'\u3000'.repeat(u.depth)}${u.name}${kindOf ? ` · ${kindOf(u)}` : ''}`, userText: true }));
}
