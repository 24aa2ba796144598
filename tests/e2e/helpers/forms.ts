// Filling a form the way a user does: each field found by its visible label.
import type { Locator } from '@playwright/test';

/** Types each value into the field labelled with its key, in the order given. */
export async function fillFields(scope: Locator, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await scope.getByLabel(label).fill(value);
}
