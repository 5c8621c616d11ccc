import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeSegments,
  innermostSpan,
  labelFor,
  labelForKey,
  safeColor,
  segmentIndexAtUtf16,
  truncate,
  type AnnotationSpan,
  type Segment,
} from './render.ts';

/** Compact view: [text, ids of covering spans innermost first]. */
function view(segments: Segment[]): Array<[string, Array<number | string>]> {
  return segments.map((s) => [s.text, s.spans.map((sp) => sp.id)]);
}

function assertCoversText(text: string, segments: Segment[]): void {
  assert.equal(segments.map((s) => s.text).join(''), text);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    assert.ok(s.end > s.start, 'segments are never empty');
    assert.equal(text.slice(s.startU16, s.endU16), s.text);
    if (i > 0) {
      assert.equal(s.start, segments[i - 1].end);
      assert.equal(s.startU16, segments[i - 1].endU16);
    }
  }
}

test('no spans: one plain segment; empty text: no segments', () => {
  assert.deepEqual(view(computeSegments('hello', [])), [['hello', []]]);
  assert.deepEqual(view(computeSegments('hello', undefined)), [['hello', []]]);
  assert.deepEqual(computeSegments('', [{ id: 1, start: 0, end: 3, label: 'X' }]), []);
});

test('single span in the middle', () => {
  const text = 'The sky is blue.';
  const segs = computeSegments(text, [{ id: 7, start: 4, end: 7, label: 'CLAIM' }]);
  assert.deepEqual(view(segs), [['The ', []], ['sky', [7]], [' is blue.', []]]);
  assertCoversText(text, segs);
});

test('spans at 0 and at the end', () => {
  const text = 'abcdef';
  const segs = computeSegments(text, [
    { id: 1, start: 0, end: 2, label: 'A' },
    { id: 2, start: 4, end: 6, label: 'B' },
  ]);
  assert.deepEqual(view(segs), [['ab', [1]], ['cd', []], ['ef', [2]]]);
  assert.deepEqual(view(computeSegments(text, [{ id: 'w', start: 0, end: 6, label: 'A' }])), [['abcdef', ['w']]]);
});

test('adjacent spans stay separate segments', () => {
  const text = 'abcdef';
  const segs = computeSegments(text, [
    { id: 1, start: 0, end: 3, label: 'A' },
    { id: 2, start: 3, end: 6, label: 'B' },
  ]);
  assert.deepEqual(view(segs), [['abc', [1]], ['def', [2]]]);
});

test('overlapping spans: shared part lists both, shortest first', () => {
  const text = '0123456789';
  const segs = computeSegments(text, [
    { id: 'long', start: 1, end: 7, label: 'A' },
    { id: 'short', start: 5, end: 9, label: 'B' },
  ]);
  assert.deepEqual(view(segs), [
    ['0', []],
    ['1234', ['long']],
    ['56', ['short', 'long']],
    ['78', ['short']],
    ['9', []],
  ]);
  assertCoversText(text, segs);
});

test('nested spans: innermost first regardless of input order', () => {
  const text = 'Alice said that Bob lied.';
  const spans: AnnotationSpan[] = [
    { id: 3, start: 16, end: 19, label: 'SOURCE' }, // Bob
    { id: 1, start: 0, end: 25, label: 'CLAIM' }, // whole sentence
    { id: 2, start: 16, end: 24, label: 'CLAIM' }, // Bob lied
  ];
  const segs = computeSegments(text, spans);
  assert.deepEqual(view(segs), [
    ['Alice said that ', [1]],
    ['Bob', [3, 2, 1]],
    [' lied', [2, 1]],
    ['.', [1]],
  ]);
  assertCoversText(text, segs);
});

test('identical spans both listed', () => {
  const segs = computeSegments('abc', [
    { id: 1, start: 0, end: 3, label: 'A' },
    { id: 2, start: 0, end: 3, label: 'B' },
  ]);
  assert.deepEqual(view(segs), [['abc', [1, 2]]]);
});

test('emoji and other non-BMP characters: offsets are code points', () => {
  const text = 'I 😀 love 🇩🇪 beer';
  // code points: I(0) ' '(1) 😀(2) ' '(3) l(4)o(5)v(6)e(7) ' '(8) 🇩(9) 🇪(10) ' '(11) b(12)...
  const segs = computeSegments(text, [
    { id: 1, start: 2, end: 3, label: 'A' },
    { id: 2, start: 9, end: 11, label: 'B' },
  ]);
  assert.deepEqual(view(segs), [['I ', []], ['😀', [1]], [' love ', []], ['🇩🇪', [2]], [' beer', []]]);
  assert.equal(segs[1].start, 2);
  assert.equal(segs[1].startU16, 2);
  assert.equal(segs[1].endU16, 4);
  assert.equal(segs[3].startU16, 10);
  assert.equal(segs[3].endU16, 14);
  assertCoversText(text, segs);
});

test('CRLF and combining marks are kept exactly', () => {
  const text = 'line one\r\nline two e\u0301\n';
  const segs = computeSegments(text, [{ id: 1, start: 8, end: 10, label: 'A' }]);
  assert.deepEqual(view(segs), [['line one', []], ['\r\n', [1]], ['line two e\u0301\n', []]]);
  assertCoversText(text, segs);
});

test('invalid spans are ignored, out-of-range spans clamped', () => {
  const text = 'abcdef';
  const segs = computeSegments(text, [
    { id: 1, start: 3, end: 3, label: 'A' }, // empty
    { id: 2, start: 5, end: 2, label: 'A' }, // inverted
    { id: 3, start: 4, end: 99, label: 'A' }, // clamped to 6
    { id: 4, start: Number.NaN, end: 2, label: 'A' },
    { id: 5, start: -3, end: 1, label: 'A' }, // clamped to 0
  ]);
  assert.deepEqual(view(segs), [['a', [5]], ['bcd', []], ['ef', [3]]]);
});

test('many spans: covers text and stays consistent', () => {
  const text = 'x😀y\r\n'.repeat(200);
  const spans: AnnotationSpan[] = [];
  for (let i = 0; i < 300; i++) {
    const start = (i * 7) % 900;
    spans.push({ id: i, start, end: start + 1 + (i % 13), label: 'A' });
  }
  const segs = computeSegments(text, spans);
  assertCoversText(text, segs);
  for (const seg of segs) {
    const expected = spans.filter((s) => s.start <= seg.start && s.end >= seg.end);
    assert.deepEqual(new Set(seg.spans), new Set(expected));
    for (let i = 1; i < seg.spans.length; i++) {
      const a = seg.spans[i - 1];
      const b = seg.spans[i];
      assert.ok(a.end - a.start <= b.end - b.start);
    }
  }
});

test('innermostSpan picks the shortest span', () => {
  const a = { id: 1, start: 0, end: 10, label: 'A' };
  const b = { id: 2, start: 2, end: 5, label: 'A' };
  assert.equal(innermostSpan([a, b]), b);
  assert.equal(innermostSpan([b, a]), b);
  assert.equal(innermostSpan([]), undefined);
});

test('segmentIndexAtUtf16 finds the segment containing an offset', () => {
  const segs = computeSegments('ab😀cd', [{ id: 1, start: 2, end: 3, label: 'A' }]);
  // segments: 'ab' [0,2), '😀' [2,4), 'cd' [4,6) in UTF-16
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((u) => segmentIndexAtUtf16(segs, u)), [0, 0, 1, 1, 2, 2, -1]);
  assert.equal(segmentIndexAtUtf16([], 0), -1);
});

test('safeColor accepts plain colours and rejects injections', () => {
  assert.equal(safeColor('#0072B2'), '#0072B2');
  assert.equal(safeColor('teal'), 'teal');
  assert.equal(safeColor('rgb(1, 2, 3)'), 'rgb(1, 2, 3)');
  assert.equal(safeColor('oklch(70% 0.1 200 / 50%)'), 'oklch(70% 0.1 200 / 50%)');
  assert.equal(safeColor('red; background: url(x)'), '#888888');
  assert.equal(safeColor('url(javascript:x)'), '#888888');
  assert.equal(safeColor(undefined), '#888888');
});

test('labelFor / labelForKey', () => {
  const labels = [
    { name: 'CLAIM', key: '1', color: '#0072B2', title: 'Claim' },
    { name: 'SOURCE', key: 's', color: '#E69F00', title: 'Source' },
  ];
  assert.equal(labelFor(labels, 'CLAIM').title, 'Claim');
  assert.deepEqual(labelFor(labels, 'OTHER'), { name: 'OTHER', key: '', color: '#888888', title: 'OTHER' });
  assert.equal(labelForKey(labels, '1')?.name, 'CLAIM');
  assert.equal(labelForKey(labels, 'S')?.name, 'SOURCE');
  assert.equal(labelForKey(labels, '9'), undefined);
  assert.equal(labelForKey(labels, ''), undefined);
  assert.equal(labelForKey(undefined, '1'), undefined);
});

test('truncate does not split surrogate pairs', () => {
  assert.equal(truncate('abc', 5), 'abc');
  assert.equal(truncate('abcdef', 3), 'abc…');
  assert.equal(truncate('ab😀cd', 3), 'ab…');
});
