import type { FieldControlProps } from "@/components/ui/field";

export interface SelectChoice {
  value: string;
  label: string;
}

/** A select of fixed choices, as a Field's control (it takes the props that tie it to its label). */
export function SelectChoices({ choices, ...select }: FieldControlProps & { name: string; defaultValue: string; choices: readonly SelectChoice[] }) {
  return (
    <select {...select}>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
