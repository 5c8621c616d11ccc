import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arcEnds, arrowHead, facingBoxes, layoutArcs, triplesOf, triplesToDraw, type Box, type Triple } from './arcs.ts';

const box = (left: number, top: number, right: number): Box => ({ left, top, right, bottom: top + 20 });

test('a triple is drawn source → cue → claim, or source → claim without a cue', () => {
  assert.deepEqual(arcEnds({ id: '1', source: 's', cue: 'c', content: 'x' }).map((e) => `${e.from}>${e.to}`), ['s>c', 'c>x']);
  assert.deepEqual(arcEnds({ id: '1', source: 's', cue: null, content: 'x' }).map((e) => `${e.from}>${e.to}`), ['s>x']);
  assert.deepEqual(arcEnds({ id: '1', source: null, cue: null, content: 'x' }), []);
});

test('only the focused triples, or all when asked, and only near the visible text', () => {
  const spans = new Map([
    ['s', { start: 0, end: 5 }],
    ['c', { start: 6, end: 10 }],
    ['x', { start: 11, end: 30 }],
    ['s2', { start: 5000, end: 5005 }],
    ['x2', { start: 5010, end: 5020 }],
  ]);
  const triples: Triple[] = [
    { id: 'a', source: 's', cue: 'c', content: 'x' },
    { id: 'b', source: 's2', cue: null, content: 'x2' },
    { id: 'gone', source: 'nope', cue: null, content: 'x' },
  ];
  assert.deepEqual(triplesToDraw(triples, spans, new Set(['c']), false, 0, 1000).map((t) => t.id), ['a']);
  assert.deepEqual(triplesToDraw(triples, spans, new Set(), true, 0, 1000).map((t) => t.id), ['a']);
  assert.deepEqual(triplesToDraw(triples, spans, new Set(), true, 0, 9000).map((t) => t.id), ['a', 'b']);
  // a focused triple far from the visible part is still drawn (its span is selected)
  assert.deepEqual(triplesToDraw(triples, spans, new Set(['x2']), false, 0, 100).map((t) => t.id), ['b']);
});

test('arcs go from the facing ends of wrapped spans and rise above the line, longer ones higher', () => {
  const spans = new Map([
    ['s', { start: 0, end: 5 }],
    ['c', { start: 6, end: 10 }],
    ['x', { start: 11, end: 80 }],
  ]);
  const boxes: Record<string, Box[]> = {
    s: [box(0, 100, 50)],
    c: [box(60, 100, 90)],
    x: [box(100, 100, 400), box(0, 130, 200)], // wraps onto the next line
  };
  const arcs = layoutArcs([{ id: 't', source: 's', cue: 'c', content: 'x' }], spans, (id) => boxes[id], new Set(['t']));
  assert.equal(arcs.length, 2);
  const toClaim = arcs.find((a) => a.to === 'x')!;
  assert.match(toClaim.d, /^M 75 100 C 75 /, 'starts at the top middle of the cue');
  assert.ok(toClaim.d.endsWith('250 100'), 'ends on the first line of the claim');
  assert.ok(toClaim.hot);
  const rise = (d: string) => 100 - Number(d.split(' ')[5].replace(',', ''));
  const toCue = arcs.find((a) => a.to === 'c')!;
  assert.ok(rise(toClaim.d) > rise(toCue.d), 'the longer arc is higher');
  assert.ok(rise(toCue.d) >= 12);
});

test('arcs that cannot be measured (spans not on screen) are skipped', () => {
  const spans = new Map([
    ['s', { start: 0, end: 5 }],
    ['x', { start: 11, end: 30 }],
  ]);
  assert.deepEqual(layoutArcs([{ id: 't', source: 's', cue: null, content: 'x' }], spans, () => [], new Set()), []);
});

test('overlapping arcs on a line are stacked in lanes', () => {
  const spans = new Map([
    ['a', { start: 0, end: 1 }],
    ['b', { start: 2, end: 3 }],
    ['c', { start: 4, end: 5 }],
  ]);
  const boxes: Record<string, Box[]> = { a: [box(0, 50, 10)], b: [box(100, 50, 110)], c: [box(200, 50, 210)] };
  const arcs = layoutArcs(
    [
      { id: '1', source: 'a', cue: null, content: 'b' },
      { id: '2', source: 'a', cue: null, content: 'c' },
    ],
    spans,
    (id) => boxes[id],
    new Set(),
  );
  const top = (d: string) => Number(d.split(' ')[5].replace(',', ''));
  assert.ok(top(arcs[1].d) < top(arcs[0].d));
});

test('facing boxes, arrow heads and triples of spans', () => {
  const a = [box(0, 0, 10), box(0, 20, 10)];
  const b = [box(50, 40, 60)];
  assert.deepEqual(facingBoxes(a, b, true), [a[1], b[0]]);
  assert.deepEqual(facingBoxes(a, b, false), [a[0], b[0]]);
  assert.equal(facingBoxes([], b, true), null);
  assert.match(arrowHead({ x: 10, y: 10, angle: Math.PI / 2 }), /^M 10 10 L .* Z$/);
  assert.deepEqual([...triplesOf([{ id: '1', source: 's', cue: null, content: 'x' }, { id: '2', source: null, cue: null, content: 'y' }], new Set(['s']))], ['1']);
});
