// A labelled <select> in a filter bar, with an optional first "any" choice whose value is empty;
// the <option>s of any <select>, and the usual ways to make its choices.
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
        <Options any={any} choices={choices} />
      </select>
    </div>
  );
}

/** The <option>s of a <select>; `any`: the text of a first choice whose value is empty. */
export function Options({ any, choices }: { any?: ReactNode; choices: readonly Choice[] }) {
  return (
    <>
      {any !== undefined ? <option value="">{any}</option> : null}
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

/** Values as choices, each labelled by the map (a value it lacks shows as itself). */
export function choicesOf(values: readonly string[], labels: Readonly<Record<string, string | undefined>>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

/** Named things (members, units) as choices by their id; the names are user data. */
export function nameChoices(items: ReadonlyArray<{ id: string; name: string }>): Choice[] {
  return items.map((i) => ({ value: i.id, label: i.name, userText: true }));
}

/** The years from `newest` back to `oldest`, newest first. */
export function yearChoices(newest: number, oldest: number): Choice[] {
  const years: Choice[] = [];
  for (let y = newest; y >= oldest; y--) years.push({ value: String(y), label: String(y) });
  return years;
}
