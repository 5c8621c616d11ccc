import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeQueue, applyDelta, emptyState, invert, type SpanRec, type LinkRec } from './changes.ts';

const S = (id: string, start: number, end: number, label = 'CLAIM'): SpanRec => ({ id, start, end, label });
const L = (id: string, source: string | null, cue: string | null, content: string): LinkRec => ({ id, source, cue, content });

function ids(q: ChangeQueue): string[] {
  return [...q.view.spans.keys()].sort();
}

test('a created span is painted at once and keeps its place when the server confirms it under its real id', () => {
  const q = new ChangeQueue();
  q.reset([S('1', 0, 4)], []);
  const tmp = q.tmpId();
  const { op, changed } = q.issue('create', { spans: [S(tmp, 10, 14, 'SOURCE')] });
  assert.deepEqual(ids(q), ['1', tmp]);
  assert.ok(changed.spans.has(tmp));
  const after = q.confirm(op.opId, { spans: [S('57', 10, 14, 'SOURCE')] }, { [tmp]: 57 });
  assert.deepEqual(ids(q), ['1', '57'], 'shown once, under its real id');
  assert.equal(after.renamed.get(tmp), '57');
  assert.equal(q.pending.length, 0);
});

test('a refused create is rolled back and its undo entry goes with it', () => {
  const q = new ChangeQueue();
  q.reset([S('1', 0, 4)], []);
  const { op } = q.issue('create', { spans: [S(q.tmpId(), 2, 6)] });
  assert.equal(q.view.spans.size, 2);
  assert.equal(q.depth.undo, 1);
  q.refuse(op.opId);
  assert.deepEqual(ids(q), ['1']);
  assert.equal(q.depth.undo, 0);
});

test('undo paints at once from the mirrored stack, also before the edit it undoes is confirmed', () => {
  const q = new ChangeQueue();
  q.reset([], []);
  const tmp = q.tmpId();
  const create = q.issue('create', { spans: [S(tmp, 0, 4)] }).op;
  const undo = q.issue('undo', {}).op;
  assert.equal(q.view.spans.size, 0, 'undo painted before any answer');
  assert.equal(q.depth.redo, 1);
  q.confirm(create.opId, { spans: [S('9', 0, 4)] }, { [tmp]: 9 });
  assert.equal(q.view.spans.size, 0, 'the pending undo still hides it, now under its real id');
  q.confirm(undo.opId, { removeSpans: ['9'] }, null);
  assert.equal(q.view.spans.size, 0);
  assert.equal(q.confirmed.spans.size, 0);
  // redo brings it back under the same id (the server keeps ids stable)
  const redo = q.issue('redo', {}).op;
  assert.deepEqual(ids(q), ['9']);
  q.confirm(redo.opId, { spans: [S('9', 0, 4)] }, null);
  assert.deepEqual(ids(q), ['9']);
  assert.equal(q.depth.undo, 1);
});

test('a refused undo puts the entry back where it was', () => {
  const q = new ChangeQueue();
  q.reset([S('3', 0, 4)], []);
  const del = q.issue('delete', { removeSpans: ['3'] }).op;
  q.confirm(del.opId, { removeSpans: ['3'] }, null);
  const undo = q.issue('undo', {}).op;
  assert.deepEqual(ids(q), ['3']);
  q.refuse(undo.opId);
  assert.deepEqual(ids(q), []);
  assert.deepEqual(q.depth, { undo: 1, redo: 0 });
});

test('deleting a span takes its links along, and undoing the delete brings both back', () => {
  const q = new ChangeQueue();
  q.reset([S('1', 0, 4, 'SOURCE'), S('2', 10, 20)], [L('5', '1', null, '2')]);
  q.issue('delete', { removeSpans: ['1'] });
  assert.equal(q.view.links.size, 0);
  q.issue('undo', {});
  assert.deepEqual(ids(q), ['1', '2']);
  assert.deepEqual([...q.view.links.keys()], ['5']);
});

test('a change pushed by the server is laid under the pending ones; a relabel of a span deleted elsewhere does not resurrect it', () => {
  const q = new ChangeQueue();
  q.reset([S('1', 0, 4), S('2', 6, 9)], []);
  q.issue('relabel', { update: [S('2', 6, 9, 'SOURCE')] });
  q.issue('create', { spans: [S(q.tmpId(), 12, 15)] });
  // another window deleted span 2 and created span 8
  const changed = q.external({ removeSpans: ['2'], spans: [S('8', 30, 33)] });
  assert.deepEqual(ids(q), ['1', '8', 't1']);
  assert.ok(changed.spans.has('2') && changed.spans.has('8'));
});

test('an answer for an op given up on still applies its truth, so nothing acknowledged is lost', () => {
  const q = new ChangeQueue();
  q.reset([], []);
  const tmp = q.tmpId();
  const { op } = q.issue('create', { spans: [S(tmp, 0, 4)] }, 100);
  assert.deepEqual(q.stale(200).map((o) => o.opId), [op.opId]);
  q.refuse(op.opId); // gave up: rolled back
  assert.equal(q.view.spans.size, 0);
  q.confirm(op.opId, { spans: [S('4', 0, 4)] }, { [tmp]: 4 }); // the late answer
  assert.deepEqual(ids(q), ['4']);
});

test('a link is painted only when its spans are there', () => {
  const state = emptyState();
  applyDelta(state, { spans: [S('1', 0, 2)], links: [L('l', '1', null, '2')] });
  assert.equal(state.links.size, 0);
  applyDelta(state, { spans: [S('2', 5, 7)], links: [L('l', '1', null, '2')] });
  assert.equal(state.links.size, 1);
});

test('invert gives what undoes a delta', () => {
  const before = emptyState();
  applyDelta(before, { spans: [S('1', 0, 2), S('2', 4, 6)], links: [L('7', '1', null, '2')] });
  const d = { removeSpans: ['1'], update: [S('2', 4, 6, 'SOURCE')], spans: [S('3', 8, 9)] };
  const back = invert(before, d);
  const state = { spans: new Map(before.spans), links: new Map(before.links) };
  applyDelta(state, d);
  applyDelta(state, back);
  assert.deepEqual([...state.spans.values()].sort((a, b) => a.start - b.start), [...before.spans.values()]);
  assert.deepEqual([...state.links.keys()], ['7']);
});

test('the server\'s exact undo entry replaces the predicted one on confirmation', () => {
  const q = new ChangeQueue();
  q.reset([S('1', 0, 4)], []);
  const { op } = q.issue('relabel', { update: [S('1', 0, 4, 'SOURCE')] });
  // the server also dropped an attribute: its entry is the one to keep (same paint here)
  q.confirm(op.opId, { spans: [S('1', 0, 4, 'SOURCE')] }, null, {
    forward: { spans: [S('1', 0, 4, 'SOURCE')] },
    backward: { spans: [S('1', 0, 4, 'CLAIM')] },
  });
  q.issue('undo', {});
  assert.equal(q.view.spans.get('1')?.label, 'CLAIM');
});

test('an undo made through the server moves the mirrored entry too', () => {
  const q = new ChangeQueue();
  q.reset([], []);
  const { op } = q.issue('create', { spans: [S('t1', 0, 4)] });
  q.confirm(op.opId, { spans: [S('5', 0, 4)] }, { t1: 5 });
  q.shift('undo');
  q.external({ removeSpans: ['5'] });
  assert.deepEqual(q.depth, { undo: 0, redo: 1 });
  q.issue('redo', {});
  assert.deepEqual(ids(q), ['5']);
});
