import { describe, expect, it } from 'vitest';
import { legacyWrap } from '../src/explain/legacy-wrap.js';
import { indentLines, wordWrap } from '../src/explain/wrap.js';

describe('wordWrap (kubectl plaintext layout)', () => {
  it('breaks before the word that would pass the limit and drops the space there', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('aaa bbb ccc', 6)).toBe('aaa\nbbb\nccc');
  });

  it('allows a line of exactly the limit', () => {
    expect(wordWrap('abcd efgh', 9)).toBe('abcd efgh');
    expect(wordWrap('abcd efghi', 9)).toBe('abcd\nefghi');
  });

  it('never splits a word longer than the limit, but moves it to its own line', () => {
    expect(wordWrap('in https://example.com/a/very/long/path', 10)).toBe('in\nhttps://example.com/a/very/long/path');
    expect(wordWrap('https://example.com/a/very/long/path next', 10)).toBe('https://example.com/a/very/long/path\nnext');
  });

  it('keeps line breaks, blank lines and runs of spaces inside a line', () => {
    expect(wordWrap('one\n\ntwo  three', 80)).toBe('one\n\ntwo  three');
    expect(wordWrap('  * item', 80)).toBe('  * item');
  });

  it('restarts counting after a line break', () => {
    expect(wordWrap('aaaa\nbbb ccc', 7)).toBe('aaaa\nbbb ccc');
  });

  it('keeps trailing spaces that fit and drops those that do not', () => {
    expect(wordWrap('ab  \ncd', 5)).toBe('ab  \ncd');
    expect(wordWrap('abcd  \ncd', 5)).toBe('abcd\ncd');
  });

  it('counts characters, not bytes, and treats a no-break space as part of a word', () => {
    expect(wordWrap('ééé ééé', 7)).toBe('ééé ééé');
    expect(wordWrap('a\u00a0b c', 3)).toBe('a\u00a0b\nc');
  });
});

describe('indentLines', () => {
  it('indents every line, empty ones included, like the template function', () => {
    expect(indentLines('a\n\nb\n', 2)).toBe('  a\n  \n  b\n  ');
  });
});

describe('legacyWrap (kubectl plaintext-openapiv2 layout)', () => {
  it('re-flows lines into paragraphs with single spaces', () => {
    expect(legacyWrap('one  two\nthree', 80)).toEqual(['one two three']);
    expect(legacyWrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });

  it('starts new lines for list items, after a colon and for indented code', () => {
    expect(legacyWrap('Valid values:\nAlways\n* one\n- two\n1. three\n    code  kept', 80)).toEqual([
      'Valid values:',
      'Always',
      '* one',
      '- two',
      '1. three',
      '    code  kept',
    ]);
  });

  it('keeps blank lines only once a line was emitted', () => {
    expect(legacyWrap('first\n\nsecond', 80)).toEqual(['first', 'second']);
    expect(legacyWrap('aaa bbb\n\nccc', 4)).toEqual(['aaa', 'bbb', '', 'ccc']);
  });

  it('measures widths in UTF-8 bytes', () => {
    expect(legacyWrap('éé éé', 5)).toEqual(['éé', 'éé']);
  });
});
