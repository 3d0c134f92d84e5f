import { useRef } from 'preact/hooks';

// A form's fields in their order with the element of each, so a refusal moves the focus to the first field in error,
// whose message its screen reader then reads. Five forms wrote these lines each (accounts, a booth registration, a
// capacity post, news, a meeting).

type Focusable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function useFieldFocus<F extends string>(order: readonly F[]) {
  const inputs = useRef<Partial<Record<F, Focusable | null>>>({});
  return {
    /** Each field's element, set by its ref. */
    inputs,
    /** Moves the focus to the first field of the order that `errors` names, and answers it; undefined when none. */
    focusFirst(errors: Partial<Record<F | 'form', unknown>>): F | undefined {
      const first = order.find((f) => errors[f]);
      if (first) inputs.current[first]?.focus();
      return first;
    },
  };
}
