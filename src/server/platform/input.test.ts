import { describe, expect, it } from 'vitest';
import { findForbiddenText, printablePath } from './input.ts';

describe('findForbiddenText', () => {
  it('finds a NUL character anywhere in a body and names its path', () => {
    expect(findForbiddenText({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toBe('/b/0/c');
    expect(findForbiddenText('\u0000')).toBe('/');
  });

  it('finds lone surrogate halves but accepts real pairs (emoji)', () => {
    expect(findForbiddenText({ name: 'Anna \uD83D\uDE00' })).toBeNull();
    expect(findForbiddenText({ name: 'Anna \uD83D' })).toBe('/name');
    expect(findForbiddenText({ name: '\uDE00 Anna' })).toBe('/name');
  });

  it('checks object keys too', () => {
    expect(findForbiddenText({ ['k\u0000']: 1 })).toBe('/k\u0000');
    expect(printablePath('/k\u0000')).toBe('/k\\u0000');
  });

  it('accepts ordinary Dutch text, numbers and nulls', () => {
    expect(findForbiddenText({ naam: 'Zoë van ’t Hof', n: 3, x: null, y: [true] })).toBeNull();
  });
});
