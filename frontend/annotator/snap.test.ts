import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapRange } from './snap.ts';

/** Snaps the code point range and returns the covered text (or null). */
function snapText(text: string, start: number, end: number): string | null {
  const r = snapRange(text, start, end);
  if (!r) return null;
  return Array.from(text).slice(r.start, r.end).join('');
}

/** Code point index of the first occurrence of `needle`. */
function cpIndex(text: string, needle: string): number {
  const u = text.indexOf(needle);
  assert.ok(u >= 0, needle);
  return Array.from(text.slice(0, u)).length;
}

test('start and end inside words grow to whole words', () => {
  const t = 'Alice said that Bob lied.';
  assert.equal(snapText(t, 2, 8), 'Alice said'); // "ice sa"
  assert.equal(snapText(t, 1, 2), 'Alice');
  assert.equal(snapText(t, 17, 22), 'Bob lied'); // "ob li"
  assert.deepEqual(snapRange(t, 2, 8), { start: 0, end: 10 });
});

test('ranges already on word boundaries are unchanged', () => {
  const t = 'Alice said that Bob lied.';
  assert.deepEqual(snapRange(t, 0, 5), { start: 0, end: 5 });
  assert.deepEqual(snapRange(t, 16, 24), { start: 16, end: 24 });
  assert.deepEqual(snapRange(t, 16, 25), { start: 16, end: 25 }); // explicit '.' is kept
  assert.deepEqual(snapRange(t, 0, 25), { start: 0, end: 25 });
});

test('white space is trimmed; white space only gives null', () => {
  const t = 'Alice  said   that';
  assert.equal(snapText(t, 5, 12), 'said');
  assert.equal(snapText(t, 4, 13), 'Alice  said');
  assert.equal(snapRange(t, 5, 7), null);
  assert.equal(snapRange(t, 3, 3), null);
  assert.equal(snapRange('', 0, 0), null);
  assert.equal(snapRange(' \t\n', 0, 3), null);
});

test('punctuation at the edges is not absorbed ("said," keeps the comma out)', () => {
  const t = 'He said, "Bob (the mayor) lied."';
  assert.equal(snapText(t, 4, 6), 'said');
  assert.equal(snapText(t, cpIndex(t, 'ob'), cpIndex(t, 'ob') + 1), 'Bob');
  assert.equal(snapText(t, cpIndex(t, 'he m'), cpIndex(t, 'yor') + 1), 'the mayor');
  assert.equal(snapText(t, cpIndex(t, 'ied'), cpIndex(t, 'ied') + 2), 'lied');
  // explicitly selected punctuation stays
  assert.equal(snapText(t, 3, 8), 'said,');
});

test('word-internal apostrophes and hyphens belong to the word', () => {
  const t = "The ex-Soviet state: Kazakhstan's and Kazakhstan’s, 'quoted' - dash";
  assert.equal(snapText(t, cpIndex(t, 'Sov'), cpIndex(t, 'Sov') + 2), 'ex-Soviet');
  assert.equal(snapText(t, cpIndex(t, 'x-'), cpIndex(t, 'x-') + 1), 'ex-Soviet');
  assert.equal(snapText(t, cpIndex(t, 'Kaz'), cpIndex(t, 'Kaz') + 3), "Kazakhstan's");
  assert.equal(snapText(t, cpIndex(t, 'stan’'), cpIndex(t, 'stan’') + 1), 'Kazakhstan’s');
  assert.equal(snapText(t, cpIndex(t, 'uot'), cpIndex(t, 'uot') + 1), 'quoted'); // quotes not internal
  assert.equal(snapText(t, cpIndex(t, 'ash'), cpIndex(t, 'ash') + 1), 'dash'); // spaced dash is no joiner
});

test('emoji: code point offsets, emoji are not word characters, sequences are not split', () => {
  const t = 'I 😀 love 🇩🇪 beer 👍🏽 ok 👨‍👩‍👧 fam';
  assert.equal(snapText(t, 2, 3), '😀');
  assert.equal(snapText(t, 4, 6), 'love'); // "lo"
  assert.equal(snapText(t, 1, 5), '😀 love');
  const thumb = cpIndex(t, '👍');
  assert.equal(snapText(t, thumb, thumb + 1), '👍🏽'); // skin tone modifier kept
  assert.equal(snapText(t, thumb + 1, thumb + 2), '👍🏽'); // start on the modifier moves back
  const fam = cpIndex(t, '👨');
  assert.equal(snapText(t, fam, fam + 1), '👨‍👩‍👧');
  assert.equal(snapText(t, fam + 2, fam + 3), '👨‍👩‍👧');
  // offsets count code points
  assert.deepEqual(snapRange(t, 5, 5 + 1), { start: 4, end: 8 });
});

test('combining marks are part of words and never split off', () => {
  const t = 'un cafe\u0301 noir e\u0301te\u0301';
  // code points: u n ' ' c a f e U+0301 ' ' n o i r ' ' e U+0301 t e U+0301
  assert.equal(snapText(t, 4, 5), 'cafe\u0301');
  assert.deepEqual(snapRange(t, 3, 7), { start: 3, end: 8 }); // mark after the end is kept
  assert.equal(snapText(t, 15, 16), 'e\u0301te\u0301'); // start on a mark
});

test('CRLF: line breaks are trimmed, kept inside, and never grown into', () => {
  const t = 'first line\r\nsecond line\r\n';
  assert.equal(snapText(t, 6, 12), 'line'); // "line\r\n"
  assert.equal(snapText(t, 8, 14), 'line\r\nsecond'); // "ne\r\nse"
  assert.equal(snapRange(t, 10, 12), null); // "\r\n" only
  assert.equal(snapRange(t, 11, 12), null); // "\n" only
  assert.equal(snapText(t, 11, 15), 'second');
  assert.equal(snapText(t, 12, 100), 'second line'); // clamped
});

test('reversed and out-of-range input', () => {
  const t = 'abc def';
  assert.deepEqual(snapRange(t, 5, 1), { start: 0, end: 7 });
  assert.deepEqual(snapRange(t, -4, 2), { start: 0, end: 3 });
  assert.deepEqual(snapRange(t, Number.NaN, 2), { start: 0, end: 3 });
});
