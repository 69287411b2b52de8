'use client';

import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * The option the arrow keys move to in a listbox of `count` options from `active` (-1: none).
 * It wraps, as the WAI-ARIA APG combobox with list autocomplete does: ArrowDown on the last option
 * goes to the first, ArrowUp on the first (or with none active) to the last; with no options, none.
 */
export function nextActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count <= 0) return -1;
  if (key === 'ArrowDown') return active < 0 || active >= count - 1 ? 0 : active + 1;
  return active <= 0 || active >= count ? count - 1 : active - 1;
}

/**
 * The keyboard and ARIA wiring of an editable combobox with a listbox popup (WAI-ARIA 1.2), the one copy
 * every combobox in the app uses (the pickers, the shell's search, the region search):
 * - ArrowDown / ArrowUp open the popup and move the active option, wrapping at the ends (`nextActive`);
 * - Enter chooses the active option; with none active it calls `onEnterWithout` when given, and otherwise
 *   does nothing while the popup is open (it never submits the form under an open list); with the popup
 *   closed Enter is the form's;
 * - Escape closes the popup (`onClose`), as does focus leaving the box (`rootProps`);
 * - Home / End stay the text field's (they move the caret), as in the APG example.
 * Options are active descendants (`aria-activedescendant`); focus stays in the input. The component
 * sets the first active option itself when results come (`setActive(0)`, or -1 to leave none active).
 */
export function useListboxKeys<T>({
  id,
  items,
  expanded,
  optionKey,
  onOpen,
  onChoose,
  onClose,
  onEnterWithout,
}: {
  /** The input's id; the listbox is `${id}-listbox`, each option `${id}-opt-${optionKey(item)}`. */
  id: string;
  items: readonly T[];
  /** The popup is shown. */
  expanded: boolean;
  optionKey: (item: T) => string | number;
  onOpen: () => void;
  onChoose: (item: T) => void;
  onClose: () => void;
  onEnterWithout?: () => void;
}) {
  const [active, setActive] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const current = expanded && active >= 0 && active < items.length ? active : -1;
  const listId = `${id}-listbox`;
  const optionId = (item: T) => `${id}-opt-${optionKey(item)}`;
  const close = () => {
    setActive(-1);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onOpen();
      setActive(nextActive(current, items.length, e.key));
    } else if (e.key === 'Escape') {
      if (expanded) e.preventDefault();
      close();
    } else if (e.key === 'Enter') {
      const item = current >= 0 ? items[current] : undefined;
      if (item !== undefined) {
        e.preventDefault();
        onChoose(item);
      } else if (onEnterWithout) {
        e.preventDefault();
        onEnterWithout();
      } else if (expanded) {
        e.preventDefault();
      }
    }
  };

  return {
    active: current,
    setActive,
    listId,
    /** On the element around the input and the popup: focus leaving it closes the popup. */
    rootProps: {
      ref: root,
      onBlur: (e: FocusEvent<HTMLDivElement>) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) close();
      },
    },
    inputProps: {
      id,
      role: 'combobox' as const,
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-autocomplete': 'list' as const,
      'aria-activedescendant': current >= 0 ? optionId(items[current]!) : undefined,
      autoComplete: 'off',
      onKeyDown,
    },
    listProps: { id: listId, role: 'listbox' as const },
    optionProps: (item: T, i: number) => ({
      id: optionId(item),
      role: 'option' as const,
      'aria-selected': i === current,
      // Keep focus in the input: a click chooses without blurring it first.
      onMouseDown: (e: { preventDefault: () => void }) => e.preventDefault(),
      onMouseEnter: () => setActive(i),
      onClick: () => onChoose(item),
    }),
  };
}
