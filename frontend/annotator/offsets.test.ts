import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from './offsets.ts';

/** Reference: code point offsets computed with Array.from (iterates by code point). */
function reference(text: string): number[] {
  const starts: number[] = [];
  let u = 0;
  for (const ch of text) {
    starts.push(u);
    u += ch.length;
  }
  starts.push(u);
  return starts;
}

function checkAgainstReference(text: string): void {
  const map = new OffsetMap(text);
  const starts = reference(text);
  assert.equal(map.length, starts.length - 1);
  assert.equal(map.utf16Length, text.length);
  for (let cp = 0; cp < starts.length; cp++) {
    assert.equal(map.toUtf16(cp), starts[cp], `toUtf16(${cp})`);
    assert.equal(map.toCodePoint(starts[cp]), cp, `toCodePoint(${starts[cp]})`);
    assert.equal(map.toCodePoint(starts[cp], 'end'), cp, `toCodePoint(${starts[cp]}, end)`);
  }
}

test('ASCII: identity mapping', () => {
  const map = new OffsetMap('hello');
  assert.equal(map.length, 5);
  for (let i = 0; i <= 5; i++) {
    assert.equal(map.toUtf16(i), i);
    assert.equal(map.toCodePoint(i), i);
    assert.equal(map.toCodePoint(i, 'end'), i);
  }
});

test('empty text', () => {
  const map = new OffsetMap('');
  assert.equal(map.length, 0);
  assert.equal(map.utf16Length, 0);
  assert.equal(map.toUtf16(0), 0);
  assert.equal(map.toCodePoint(0), 0);
  assert.equal(map.toCodePoint(0, 'end'), 0);
  assert.equal(map.toUtf16(3), 0);
  assert.equal(map.toCodePoint(3, 'end'), 0);
});

test('emoji is one code point, two code units', () => {
  const text = 'a😀b';
  assert.equal(text.length, 4);
  const map = new OffsetMap(text);
  assert.equal(map.length, 3);
  assert.deepEqual([0, 1, 2, 3].map((cp) => map.toUtf16(cp)), [0, 1, 3, 4]);
  assert.equal(map.toCodePoint(0), 0);
  assert.equal(map.toCodePoint(1), 1);
  // Offset 2 is between the surrogates of 😀.
  assert.equal(map.toCodePoint(2), 1);
  assert.equal(map.toCodePoint(2, 'start'), 1);
  assert.equal(map.toCodePoint(2, 'end'), 2);
  assert.equal(map.toCodePoint(3), 2);
  assert.equal(map.toCodePoint(4), 3);
});

test('flags and ZWJ sequences stay separate code points', () => {
  const flag = '🇩🇪'; // two regional indicators, 4 code units
  const family = '👨‍👩‍👧'; // man ZWJ woman ZWJ girl: 5 code points, 8 code units
  const text = `x${flag}y${family}z`;
  const map = new OffsetMap(text);
  assert.equal(map.length, 1 + 2 + 1 + 5 + 1);
  assert.equal(map.toUtf16(2), 3); // second regional indicator
  assert.equal(map.toUtf16(3), 5); // 'y'
  assert.equal(map.toCodePoint(2), 1); // inside first regional indicator
  assert.equal(map.toCodePoint(2, 'end'), 2);
  checkAgainstReference(text);
});

test('combining marks are not merged', () => {
  const text = 'cafe\u0301!';
  const map = new OffsetMap(text);
  assert.equal(map.length, 6);
  assert.equal(map.toUtf16(4), 4);
  assert.equal(map.toUtf16(5), 5);
  assert.equal(map.toCodePoint(5), 5);
  checkAgainstReference(text);
});

test('CJK (BMP) and supplementary CJK', () => {
  const text = '中文𠀀字'; // 𠀀 U+20000 is a surrogate pair
  const map = new OffsetMap(text);
  assert.equal(map.length, 4);
  assert.deepEqual([0, 1, 2, 3, 4].map((cp) => map.toUtf16(cp)), [0, 1, 2, 4, 5]);
  assert.equal(map.toCodePoint(3), 2);
  assert.equal(map.toCodePoint(3, 'end'), 3);
  checkAgainstReference(text);
});

test('CRLF is two code points', () => {
  const text = 'a\r\nb\nc';
  const map = new OffsetMap(text);
  assert.equal(map.length, 6);
  assert.equal(map.toUtf16(3), 3);
  assert.equal(map.toCodePoint(2), 2);
  checkAgainstReference(text);
});

test('lone surrogates count as one code point each (like Java)', () => {
  const text = 'a\ud800b\udc00';
  const map = new OffsetMap(text);
  assert.equal(map.length, 4);
  checkAgainstReference(text);
});

test('out-of-range and fractional inputs are clamped', () => {
  const map = new OffsetMap('a😀');
  assert.equal(map.toUtf16(-1), 0);
  assert.equal(map.toUtf16(99), 3);
  assert.equal(map.toUtf16(Number.NaN), 0);
  assert.equal(map.toCodePoint(-5), 0);
  assert.equal(map.toCodePoint(99), 2);
  assert.equal(map.toCodePoint(99, 'end'), 2);
});

test('round trips on mixed text, every UTF-16 offset', () => {
  const text = 'Héllo 😀 wörld\r\n🇫🇷 中文 e\u0301 👩‍💻 end';
  const map = new OffsetMap(text);
  checkAgainstReference(text);
  for (let cp = 0; cp <= map.length; cp++) {
    assert.equal(map.toCodePoint(map.toUtf16(cp)), cp);
    assert.equal(map.toCodePoint(map.toUtf16(cp), 'end'), cp);
  }
  for (let u = 0; u <= text.length; u++) {
    const down = map.toUtf16(map.toCodePoint(u, 'start'));
    const up = map.toUtf16(map.toCodePoint(u, 'end'));
    assert.ok(down <= u && u <= up, `rounding at ${u}`);
    assert.ok(u - down <= 1 && up - u <= 1);
  }
});

test('large text (300k code units) maps correctly', () => {
  const text = 'abc😀\n'.repeat(50_000); // 300k code units, 250k code points
  const map = new OffsetMap(text);
  assert.equal(map.length, 250_000);
  assert.equal(map.toUtf16(249_999), text.length - 1);
  // text.length - 2 is the low surrogate of the last emoji (code point 249_998).
  assert.equal(map.toCodePoint(text.length - 2, 'start'), 249_998);
  assert.equal(map.toCodePoint(text.length - 2, 'end'), 249_999);
});
