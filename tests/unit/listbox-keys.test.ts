import { describe, expect, it } from 'vitest';
import { nextActive } from '@/components/ui/use-listbox-keys';

describe('nextActive: the arrow keys of every combobox wrap at the ends', () => {
  it('ArrowDown goes from none to the first, on to the next, and from the last back to the first', () => {
    expect(nextActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextActive(0, 3, 'ArrowDown')).toBe(1);
    expect(nextActive(2, 3, 'ArrowDown')).toBe(0);
  });
  it('ArrowUp goes from none or the first to the last, else to the previous', () => {
    expect(nextActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(nextActive(0, 3, 'ArrowUp')).toBe(2);
    expect(nextActive(2, 3, 'ArrowUp')).toBe(1);
  });
  it('an index left over from a longer list starts again at an end; no options, none active', () => {
    expect(nextActive(7, 3, 'ArrowDown')).toBe(0);
    expect(nextActive(7, 3, 'ArrowUp')).toBe(2);
    expect(nextActive(0, 0, 'ArrowDown')).toBe(-1);
    expect(nextActive(-1, 0, 'ArrowUp')).toBe(-1);
  });
});
