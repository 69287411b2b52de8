import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The app's one combobox key behaviour (components/ui/use-listbox-keys.ts), asserted the same way on
 * every combobox (the pickers, the shell's search, the region search). `open` types into `box` so that
 * its listbox shows two options or more. Checked: ArrowUp from the start goes to the last option;
 * ArrowDown past the last wraps to the first; Enter on the active option (the second) chooses it and
 * closes the list (`chosen` gets its text, to check what choosing did: a hidden input, a navigation);
 * Escape closes the list and leaves no option active.
 */
export async function expectListboxKeys(box: Locator, open: () => Promise<void>, chosen: (text: string) => Promise<void>): Promise<void> {
  const listId = await box.getAttribute('aria-controls');
  expect(listId, 'a combobox names its listbox').toBeTruthy();
  const options = box.page().locator(`[id="${listId}"]`).getByRole('option');
  const idOf = async (o: Locator) => (await o.getAttribute('id'))!;

  // The pointer out of the way: an option under it becomes active as the list appears (hover is a choice too).
  await box.page().mouse.move(0, 0);
  await open();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(options.nth(1), 'the keys are checked on a list of two options or more').toBeVisible();
  const first = await idOf(options.first());
  const last = await idOf(options.last());

  // ArrowUp from the start (no option active, or the first) goes to the last; ArrowDown past the last wraps to the first.
  await box.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', last);
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', first);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(options.last()).toHaveAttribute('aria-selected', 'false');

  // Enter chooses the active option and closes the list.
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', await idOf(options.nth(1)));
  const text = (await options.nth(1).innerText()).trim();
  await box.press('Enter');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await chosen(text);

  // Escape closes the list; no option stays active.
  await open();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(options.first()).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).not.toHaveAttribute('aria-activedescendant');
}
