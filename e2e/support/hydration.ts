import type { Locator } from "@playwright/test";

/**
 * Waits until React has taken over the element (hydrated it). Text typed into a field before that
 * can be merged with the server's value as React attaches, on a busy machine.
 */
export async function untilHydrated(element: Locator): Promise<void> {
  await element.evaluate(
    (node) =>
      new Promise<void>((resolve) => {
        const hydrated = () => Object.keys(node).some((key) => key.startsWith("__reactProps$"));
        const check = () => (hydrated() ? resolve() : requestAnimationFrame(check));
        check();
      }),
  );
}
