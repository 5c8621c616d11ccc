import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from './offsets.ts';
import { computeBlocks, blockStarts, computeSegments, type AnnotationSpan } from './render.ts';
import { focusAfterRemoval, ghostTitle, overlayGhosts, sortGhosts, stepGhost, type Ghost } from './ghosts.ts';

const g = (key: string, start: number, end: number, label = 'SOURCE'): Ghost => ({ key, start, end, label });

/** [text, span ids, ghost keys] per piece. */
function view(text: string, spans: AnnotationSpan[], ghosts: Ghost[]): Array<[string, Array<number | string>, string[]]> {
  const map = new OffsetMap(text);
  return overlayGhosts(text, computeSegments(text, spans, map), ghosts, map).map((s) => [
    s.text,
    s.spans.map((x) => x.id),
    (s.ghosts ?? []).map((x) => x.key),
  ]);
}

test('no ghosts: the segments as they were', () => {
  assert.deepEqual(view('Police said so.', [], []), [['Police said so.', [], []]]);
  assert.deepEqual(view('Police said so.', [{ id: 1, start: 0, end: 6, label: 'SOURCE' }], []), [
    ['Police', [1], []],
    [' said so.', [], []],
  ]);
});

test('ghosts split plain text without adding characters', () => {
  const text = 'Police said so.';
  const pieces = view(text, [], [g('s', 0, 6), g('c', 7, 11, 'ATTRIBUTION')]);
  assert.deepEqual(pieces, [
    ['Police', [], ['s']],
    [' ', [], []],
    ['said', [], ['c']],
    [' so.', [], []],
  ]);
  assert.equal(pieces.map((p) => p[0]).join(''), text);
});

test('a ghost over part of a real span splits it and keeps the span on both pieces', () => {
  assert.deepEqual(view('The minister said', [{ id: 7, start: 0, end: 12, label: 'CLAIM' }], [g('m', 4, 17)]), [
    ['The ', [7], []],
    ['minister', [7], ['m']],
    [' said', [], ['m']],
  ]);
});

test('overlapping ghosts: shortest first; code points with an emoji', () => {
  const text = '📰 Tokayev said';
  // code points: 📰=0, space=1, Tokayev=2..9, space=9, said=10..14
  const pieces = view(text, [], [g('long', 2, 14), g('short', 2, 9)]);
  assert.deepEqual(pieces, [
    ['📰 ', [], []],
    ['Tokayev', [], ['short', 'long']],
    [' said', [], ['long']],
  ]);
});

test('ghosts are clamped to the text; empty, duplicate and broken ones are ignored', () => {
  const pieces = view('abc', [], [g('a', 2, 99), g('a', 0, 1), g('e', 1, 1), { key: 'n', start: NaN, end: 2, label: 'X' }]);
  assert.deepEqual(pieces, [
    ['ab', [], []],
    ['c', [], ['a']],
  ]);
});

test('ghosts change the block signature, so the block is drawn again', () => {
  const text = 'Police said so.';
  const map = new OffsetMap(text);
  const plain = computeBlocks(text, computeSegments(text, [], map), blockStarts(text), map);
  const ghosted = computeBlocks(text, overlayGhosts(text, computeSegments(text, [], map), [g('s', 0, 6)], map), blockStarts(text), map);
  assert.notEqual(plain[0].sig, ghosted[0].sig);
  assert.ok(ghosted[0].sig.includes('s'));
});

test('sortGhosts orders by start, end, key', () => {
  assert.deepEqual(
    sortGhosts([g('b', 5, 9), g('a', 5, 9), g('c', 1, 3), g('d', 5, 6)]).map((x) => x.key),
    ['c', 'd', 'a', 'b'],
  );
});

test('stepGhost walks in document order and wraps', () => {
  const ordered = sortGhosts([g('a', 0, 1), g('b', 2, 3), g('c', 4, 5)]);
  assert.equal(stepGhost(ordered, null, 1)?.key, 'a');
  assert.equal(stepGhost(ordered, null, -1)?.key, 'c');
  assert.equal(stepGhost(ordered, 'a', 1)?.key, 'b');
  assert.equal(stepGhost(ordered, 'c', 1)?.key, 'a');
  assert.equal(stepGhost(ordered, 'a', -1)?.key, 'c');
  assert.equal(stepGhost(ordered, 'gone', 1)?.key, 'a');
  assert.equal(stepGhost([], 'a', 1), undefined);
});

test('focusAfterRemoval moves on to the next suggestion', () => {
  const ordered = sortGhosts([g('a', 0, 1), g('b', 2, 3), g('c', 4, 5)]);
  assert.equal(focusAfterRemoval(ordered, 'a'), 'b');
  assert.equal(focusAfterRemoval(ordered, 'b'), 'c');
  assert.equal(focusAfterRemoval(ordered, 'c'), 'a');
  assert.equal(focusAfterRemoval([g('a', 0, 1)], 'a'), null);
});

test('ghostTitle says what, from where and how to act', () => {
  assert.equal(
    ghostTitle({ key: 'k', start: 0, end: 1, label: 'SOURCE', recommender: 'patterns', score: 0.8, reason: 'who said' }, 'Source'),
    'Suggested Source (patterns, 0.80): who said. Click or Enter accepts, x rejects.',
  );
  assert.equal(ghostTitle(g('k', 0, 1), 'Source'), 'Suggested Source. Click or Enter accepts, x rejects.');
});
