import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from './offsets.ts';
import {
  blockIndexAtUtf16,
  blockStarts,
  computeBlocks,
  computeSegments,
  compareDocOrder,
  keyHint,
  labelForKey,
  linkAdjacency,
  nextCovering,
  segmentDecoration,
  sortSpans,
  stepSpan,
  type AnnotationSpan,
  type Block,
} from './render.ts';

function blocksOf(text: string, spans: AnnotationSpan[], maxU16?: number): Block[] {
  const map = new OffsetMap(text);
  return computeBlocks(text, computeSegments(text, spans, map), blockStarts(text, maxU16), map);
}

function assertBlocksCoverText(text: string, blocks: Block[]): void {
  assert.equal(blocks.map((b) => b.segments.map((s) => s.text).join('')).join(''), text);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    assert.equal(b.segments[0].startU16, b.startU16);
    assert.equal(b.segments[b.segments.length - 1].endU16, b.endU16);
    for (const s of b.segments) {
      assert.ok(s.endU16 > s.startU16);
      assert.equal(text.slice(s.startU16, s.endU16), s.text);
    }
    if (i > 0) assert.equal(b.startU16, blocks[i - 1].endU16);
  }
}

test('blockStarts splits after line break runs (LF, CRLF, CR) and keeps them in the block', () => {
  assert.deepEqual(blockStarts(''), []);
  assert.deepEqual(blockStarts('abc'), [0]);
  assert.deepEqual(blockStarts('ab\ncd'), [0, 3]);
  assert.deepEqual(blockStarts('ab\r\n\r\ncd\rx\n'), [0, 4, 6, 9]);
  assert.deepEqual(blockStarts('\n\nab'), [0, 2]);
});

test('blockStarts splits long lines after white space', () => {
  const text = 'word '.repeat(100); // 500 units
  const starts = blockStarts(text, 50);
  assert.ok(starts.length >= 9);
  for (const s of starts.slice(1)) assert.equal(text[s - 1], ' ');
});

test('blocks cover the text exactly; a span crossing a line break is split into both blocks', () => {
  const text = 'Alice said\r\nthat 😀 Bob\nlied.';
  const spans = [
    { id: 1, start: 6, end: 16, label: 'A' }, // "said\r\nthat"
    { id: 2, start: 19, end: 22, label: 'B' }, // "Bob"
  ];
  const blocks = blocksOf(text, spans);
  assert.equal(blocks.length, 3);
  assertBlocksCoverText(text, blocks);
  assert.deepEqual(
    blocks.map((b) => b.segments.map((s) => [s.text, s.spans.map((x) => x.id)])),
    [
      [['Alice ', []], ['said\r\n', [1]]],
      [['that', [1]], [' 😀 ', []], ['Bob', [2]], ['\n', []]],
      [['lied.', []]],
    ],
  );
  // code point offsets stay right after the split
  assert.equal(blocks[1].segments[0].start, 12);
  assert.equal(blocks[1].segments[2].start, 19);
  assert.equal(blockIndexAtUtf16(blocks, 0), 0);
  assert.equal(blockIndexAtUtf16(blocks, 12), 1);
  assert.equal(blockIndexAtUtf16(blocks, text.length - 1), 2);
  assert.equal(blockIndexAtUtf16(blocks, text.length), -1);
});

test('changing one span only changes the signatures of the blocks it touches', () => {
  const para = 'Lorem ipsum dolor sit amet, consectetur.\n';
  const text = para.repeat(10);
  const len = para.length; // all ASCII: code points = UTF-16
  const spans: AnnotationSpan[] = [];
  for (let p = 0; p < 10; p++) spans.push({ id: p, start: p * len + 6, end: p * len + 11, label: 'A' });
  const before = blocksOf(text, spans).map((b) => b.sig);
  assert.equal(before.length, 10);

  const relabel = spans.map((s) => (s.id === 4 ? { ...s, label: 'B' } : s));
  const changed = (after: string[]) => after.map((sig, i) => (sig !== before[i] ? i : -1)).filter((i) => i >= 0);
  assert.deepEqual(changed(blocksOf(text, relabel).map((b) => b.sig)), [4]);

  const deleted = spans.filter((s) => s.id !== 7);
  assert.deepEqual(changed(blocksOf(text, deleted).map((b) => b.sig)), [7]);

  const created = [...spans, { id: 99, start: 2 * len + 30, end: 3 * len + 5, label: 'C' }]; // crosses 2 -> 3
  assert.deepEqual(changed(blocksOf(text, created).map((b) => b.sig)), [2, 3]);

  const moved = spans.map((s) => (s.id === 0 ? { ...s, end: s.end + 1 } : s));
  assert.deepEqual(changed(blocksOf(text, moved).map((b) => b.sig)), [0]);

  // same spans again: identical signatures
  assert.deepEqual(blocksOf(text, spans.slice().reverse()).map((b) => b.sig), before);
});

test('large document: 50,000 words, 5,000 spans', () => {
  const words: string[] = [];
  for (let i = 0; i < 50_000; i++) words.push(i % 40 === 39 ? 'word.\n\n' : 'word ');
  const text = words.join('');
  const spans: AnnotationSpan[] = [];
  for (let i = 0; i < 5000; i++) spans.push({ id: i, start: i * 50, end: i * 50 + 4 + (i % 3) * 10, label: 'A' });
  // Correctness only: speed is measured in the benchmark, not asserted here.
  const blocks = blocksOf(text, spans);
  assertBlocksCoverText(text, blocks);
  assert.ok(blocks.length >= 1000);
});

test('segmentDecoration stacks one underline per covering span, innermost first, up to 3', () => {
  const labels = [
    { name: 'A', key: '1', color: '#111111', title: 'A' },
    { name: 'B', key: '2', color: '#222222', title: 'B' },
    { name: 'C', key: '3', color: 'red; x', title: 'C' },
  ];
  const s = (id: number, label: string) => ({ id, start: 0, end: id, label });
  assert.deepEqual(segmentDecoration([], labels), { style: '', more: 0 });
  const one = segmentDecoration([s(1, 'A')], labels);
  assert.equal(one.more, 0);
  assert.match(one.style, /^--fs-color: #111111; box-shadow: inset 0 -2px 0 #111111; /);
  const three = segmentDecoration([s(1, 'B'), s(2, 'A'), s(3, 'C')], labels);
  assert.match(three.style, /--fs-color: #222222;/);
  assert.match(three.style, /box-shadow: inset 0 -2px 0 #222222, inset 0 -4px 0 #111111, inset 0 -6px 0 #888888;/);
  const five = segmentDecoration([s(1, 'A'), s(2, 'A'), s(3, 'B'), s(4, 'B'), s(5, 'X')], labels);
  assert.equal(five.more, 2);
  assert.equal((five.style.match(/inset/g) ?? []).length, 3);
});

test('labelForKey: digit keys and letters; keyHint', () => {
  const labels = [
    { name: 'CLAIM', key: '1', letter: 'c', color: '#0072B2', title: 'Claim' },
    { name: 'SOURCE', key: '2', letter: 's', color: '#E69F00', title: 'Source' },
    { name: 'CUE', key: '', letter: null, color: '#000', title: 'Cue' },
  ];
  assert.equal(labelForKey(labels, '1')?.name, 'CLAIM');
  assert.equal(labelForKey(labels, 'c')?.name, 'CLAIM');
  assert.equal(labelForKey(labels, 'S')?.name, 'SOURCE');
  assert.equal(labelForKey(labels, 'x'), undefined);
  assert.equal(labelForKey(labels, 'Enter'), undefined);
  assert.equal(keyHint(labels[0]), '1/c');
  assert.equal(keyHint(labels[2]), '');
});

test('nextCovering cycles through covering spans, shortest first', () => {
  const inner = { id: 3, start: 4, end: 6, label: 'A' };
  const mid = { id: 2, start: 2, end: 8, label: 'A' };
  const outer = { id: '1', start: 0, end: 10, label: 'B' };
  const cov = [inner, mid, outer];
  assert.equal(nextCovering(cov, null), inner);
  assert.equal(nextCovering(cov, 99), inner);
  assert.equal(nextCovering(cov, 3), mid);
  assert.equal(nextCovering(cov, '2'), outer);
  assert.equal(nextCovering(cov, 1), inner);
  assert.equal(nextCovering([], 1), undefined);
});

test('stepSpan walks document order (start, end, id) with wrap-around', () => {
  const spans = [
    { id: 5, start: 10, end: 12, label: 'A' },
    { id: 2, start: 0, end: 4, label: 'A' },
    { id: 3, start: 0, end: 4, label: 'A' },
    { id: 1, start: 0, end: 9, label: 'A' },
    { id: 9, start: 3, end: 3, label: 'A' }, // empty: skipped
  ];
  const ordered = sortSpans(spans);
  assert.deepEqual(ordered.map((s) => s.id), [2, 3, 1, 5]);
  assert.equal(stepSpan(ordered, null, 1)?.id, 2);
  assert.equal(stepSpan(ordered, null, -1)?.id, 5);
  assert.equal(stepSpan(ordered, ordered[0], 1)?.id, 3);
  assert.equal(stepSpan(ordered, ordered[3], 1)?.id, 2); // wraps
  assert.equal(stepSpan(ordered, ordered[0], -1)?.id, 5); // wraps
  assert.equal(stepSpan(ordered, ordered[2], -1)?.id, 3);
  // a span no longer in the list (deleted) keeps its place
  const gone = { id: 4, start: 1, end: 2, label: 'A' };
  assert.equal(stepSpan(ordered, gone, 1)?.id, 5);
  assert.equal(stepSpan(ordered, gone, -1)?.id, 1);
  assert.equal(stepSpan([], null, 1), undefined);
  assert.ok(compareDocOrder({ id: 'a', start: 0, end: 1, label: '' }, { id: 'b', start: 0, end: 1, label: '' }) < 0);
});

test('linkAdjacency connects all members of each link', () => {
  const adj = linkAdjacency([
    { id: 1, source: 10, cue: 11, content: 12 },
    { id: 2, source: null, cue: null, content: 12 },
    { id: 3, source: 10, cue: null, content: 13 },
  ]);
  assert.deepEqual([...(adj.get('10') ?? [])].sort(), ['11', '12', '13']);
  assert.deepEqual([...(adj.get('12') ?? [])].sort(), ['10', '11']);
  assert.deepEqual([...(adj.get('13') ?? [])].sort(), ['10']);
  assert.equal(adj.get('99'), undefined);
  assert.equal(linkAdjacency(undefined).size, 0);
});

test('blank lines between paragraphs are a gap block of their own, drawn short (not one line per break)', () => {
  const text = '\n\nTitle\n\n\n\nBy AFP\nBody\r\n\r\nEnd';
  assert.deepEqual(blockStarts(text), [0, 2, 8, 11, 18, 24, 26]);
  const blocks = blocksOf(text, []);
  assertBlocksCoverText(text, blocks);
  assert.deepEqual(
    blocks.map((b) => [text.slice(b.startU16, b.endU16), b.gap]),
    [
      ['\n\n', true],
      ['Title\n', false],
      ['\n\n\n', true],
      ['By AFP\n', false],
      ['Body\r\n', false],
      ['\r\n', true],
      ['End', false],
    ],
  );
  // one break between two lines is no gap
  assert.deepEqual(blocksOf('a\nb', []).map((b) => b.gap), [false, false]);
});

test('whole paragraphs are marked para; the pieces of a paragraph split for length are not', () => {
  // "one\n" and "two\r\n" are whole paragraphs; the long third paragraph is split in two pieces.
  const text = 'one\ntwo\r\n' + 'aaaa bbbb cccc dddd';
  const blocks = blocksOf(text, [], 5);
  assertBlocksCoverText(text, blocks);
  assert.deepEqual(
    blocks.map((b) => [text.slice(b.startU16, b.endU16), b.para]),
    [
      ['one\n', true],
      ['two\r\n', true],
      ['aaaa bbbb ', false],
      ['cccc dddd', false],
    ],
  );
  // a text without line breaks that fits in one block is one paragraph
  assert.deepEqual(blocksOf('short text', []).map((b) => b.para), [true]);
});

test('the block index gives the same segments as the whole-text computation, and recomputes only touched blocks', async () => {
  const { BlockIndex } = await import('./render.ts');
  const { overlayGhosts } = await import('./ghosts.ts');
  const text = 'Alice said 😀 that\nBob lied.\n\nThen Carol said nothing at all.\nEnd 😀 here.';
  const map = new OffsetMap(text);
  const spans: AnnotationSpan[] = [
    { id: 1, start: 0, end: 10, label: 'A' },
    { id: 2, start: 6, end: 22, label: 'B' }, // crosses a line break
    { id: 3, start: 30, end: 40, label: 'C' },
  ];
  const index = new BlockIndex(text, map, overlayGhosts as never);
  for (const s of spans) index.addSpan(s);
  assert.equal(index.refresh(), 3, 'the blocks the three spans reach');
  const whole = blocksOf(text, spans);
  assert.deepEqual(
    index.blocks.map((b) => b.segments.map((s) => [s.start, s.end, s.spans.map((x) => x.id)])),
    whole.map((b) => b.segments.map((s) => [s.start, s.end, s.spans.map((x) => x.id)])),
  );
  assertBlocksCoverText(text, index.blocks);
  const before = index.blocks.slice();
  index.removeSpan(spans[2]);
  index.addSpan({ id: 't1', start: 31, end: 35, label: 'A' });
  assert.equal(index.refresh(), 1);
  const changed = index.blocks.map((b, i) => b !== before[i]);
  assert.deepEqual(changed, index.blocks.map((b) => b.start <= 31 && 31 < b.end));
  index.addGhost({ key: 'g', start: 1, end: 3, label: 'B' });
  index.refresh();
  assert.deepEqual(index.blocks[0].segments.filter((s) => s.ghosts).map((s) => s.text), ['li']);
  assertBlocksCoverText(text, index.blocks);
});
