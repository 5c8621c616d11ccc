import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkHint } from './hints.ts';

test('the link hint follows the span the user linked from', () => {
  // a claim selected: the claim is already chosen, so the hint asks for the source, not "then the claim"
  assert.equal(linkHint('CLAIM', 'CLAIM', 'SOURCE', 0), 'Link this claim: click its source (and cue), then press Enter');
  assert.doesNotMatch(linkHint('CLAIM', 'CLAIM', 'SOURCE', 0), /then the claim/);
  assert.equal(linkHint('SOURCE', 'CLAIM', 'SOURCE', 0), 'Link this source: click the cue if any, then the claim');
  assert.equal(linkHint('ATTRIBUTION', 'CLAIM', 'SOURCE', 0), 'Link this cue: click the source, then the claim');
});

test('the link hint counts the picks', () => {
  assert.match(linkHint('CLAIM', 'CLAIM', 'SOURCE', 1), /\(1 picked, Enter finishes\)$/);
});
