import { describe, expect, it } from 'vitest';
import { kazakhAblative } from './format';

describe('kazakhAblative', () => {
  it.each([
    [0, 'ден'],
    [2, 'ден'],
    [5, 'тен'],
    [6, 'дан'],
    [9, 'дан'],
    [10, 'нан'],
    [15, 'тен'],
    [40, 'тан'],
    [50, 'ден'],
    [80, 'нен'],
    [100, 'ден'],
    [110, 'нан'],
    [1000, 'нан'],
  ])('%i takes -%s, as the number sounds', (value, suffix) => {
    expect(kazakhAblative(value)).toBe(suffix);
  });
});
