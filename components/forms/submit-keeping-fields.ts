import { startTransition, type FormEvent } from "react";

/**
 * A form's submit handler that sends its data to `action` from a transition rather than through
 * the form's action: a form action resets the fields afterwards, and a refused form must keep
 * what was typed (its errors sit beside it).
 */
export function submitKeepingFields(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}
