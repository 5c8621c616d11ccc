import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandFor, type KeyContext } from './keymap.ts';
import type { LabelDef } from './render.ts';

const labels: LabelDef[] = [
  { name: 'CLAIM', key: '1', letter: 'c', color: '#0072B2', title: 'Claim' },
  { name: 'SOURCE', key: '2', letter: 's', color: '#E69F00', title: 'Source' },
  { name: 'ATTRIBUTION', key: '3', letter: 'a', color: '#009E73', title: 'Attribution' },
];

function ctx(over: Partial<KeyContext> = {}): KeyContext {
  return {
    target: 'page',
    modal: false,
    readonly: false,
    linking: false,
    textSelection: false,
    selectedLabel: null,
    ghostFocus: false,
    ghosts: false,
    spans: 3,
    clearable: false,
    labels,
    ...over,
  };
}

test('a label key labels the selected text, or relabels the selected span', () => {
  assert.deepEqual(commandFor({ key: '3' }, ctx({ textSelection: true })), { type: 'create', label: 'ATTRIBUTION' });
  assert.deepEqual(commandFor({ key: 's' }, ctx({ textSelection: true })), { type: 'create', label: 'SOURCE' });
  assert.deepEqual(commandFor({ key: '1' }, ctx({ selectedLabel: 'SOURCE' })), { type: 'relabel', label: 'CLAIM' });
  assert.deepEqual(commandFor({ key: '2' }, ctx({ selectedLabel: 'SOURCE' })), { type: 'none' });
  assert.equal(commandFor({ key: '1' }, ctx()), null, 'nothing selected: not ours');
});

test('a modal dialog owns every key: no span, no undo underneath', () => {
  const modal = ctx({ modal: true, textSelection: true, selectedLabel: 'CLAIM' });
  for (const key of ['3', 'c', 'Delete', 'l', 'Enter', 'Escape', 'Tab', ']']) {
    assert.equal(commandFor({ key }, modal), null, key);
  }
  assert.equal(commandFor({ key: 'z', ctrlKey: true }, modal), null);
  assert.equal(commandFor({ key: 'y', ctrlKey: true }, modal), null);
});

test('typing in a field is never taken over', () => {
  const field = ctx({ target: 'editable', selectedLabel: 'CLAIM' });
  assert.equal(commandFor({ key: 'Backspace' }, field), null);
  assert.equal(commandFor({ key: 'z', ctrlKey: true }, field), null);
  assert.equal(commandFor({ key: 'c' }, field), null);
});

test('a read-only document answers editing keys with a hint and still lets one move around', () => {
  const ro = ctx({ readonly: true, selectedLabel: 'CLAIM', textSelection: false });
  assert.deepEqual(commandFor({ key: '2' }, ro), { type: 'readonly-hint' });
  assert.deepEqual(commandFor({ key: 'Delete' }, ro), { type: 'readonly-hint' });
  assert.deepEqual(commandFor({ key: 'z', ctrlKey: true }, ro), { type: 'readonly-hint' });
  assert.deepEqual(commandFor({ key: '1' }, ctx({ readonly: true, textSelection: true })), { type: 'readonly-hint' });
  assert.deepEqual(commandFor({ key: 'Tab' }, ro), { type: 'step-span', dir: 1 });
  assert.deepEqual(commandFor({ key: 'Escape' }, { ...ro, clearable: true }), { type: 'escape' });
  assert.equal(commandFor({ key: 'q' }, ro), null);
});

test('Tab, Enter and the suggestion keys act only when the key went to the page or the text', () => {
  const onButton = ctx({ target: 'control', ghostFocus: true, ghosts: true });
  assert.equal(commandFor({ key: 'Tab' }, onButton), null);
  assert.equal(commandFor({ key: 'Enter' }, onButton), null);
  assert.equal(commandFor({ key: ']' }, onButton), null);
  const onPage = ctx({ ghostFocus: true, ghosts: true });
  assert.deepEqual(commandFor({ key: 'Tab', shiftKey: true }, onPage), { type: 'step-span', dir: -1 });
  assert.deepEqual(commandFor({ key: 'Enter' }, onPage), { type: 'accept-ghost' });
  assert.deepEqual(commandFor({ key: '[' }, onPage), { type: 'step-ghost', dir: -1 });
  assert.deepEqual(commandFor({ key: 'x' }, onPage), { type: 'reject-ghost' });
  assert.equal(commandFor({ key: ']' }, ctx({ ghosts: false })), null, 'hidden suggestions are not stepped through');
});

test('one key hides and shows the suggestions', () => {
  assert.deepEqual(commandFor({ key: '\\' }, ctx()), { type: 'toggle-ghosts' });
  assert.deepEqual(commandFor({ key: '\\' }, ctx({ readonly: true })), { type: 'toggle-ghosts' });
  assert.equal(commandFor({ key: '\\' }, ctx({ target: 'editable' })), null);
});

test('link mode: l starts it on a selected span, Enter finishes, Escape cancels, other keys wait', () => {
  assert.deepEqual(commandFor({ key: 'l' }, ctx({ selectedLabel: 'ATTRIBUTION' })), { type: 'link-start' });
  assert.equal(commandFor({ key: 'l' }, ctx({ selectedLabel: 'ATTRIBUTION', textSelection: true })), null);
  const linking = ctx({ linking: true, selectedLabel: 'ATTRIBUTION' });
  assert.deepEqual(commandFor({ key: 'Enter' }, linking), { type: 'link-finish' });
  assert.deepEqual(commandFor({ key: 'Escape' }, linking), { type: 'link-cancel' });
  assert.equal(commandFor({ key: '1' }, linking), null);
});

test('undo and redo with Ctrl or Cmd; other shortcuts stay the browser\'s', () => {
  assert.deepEqual(commandFor({ key: 'z', ctrlKey: true }, ctx()), { type: 'undo' });
  assert.deepEqual(commandFor({ key: 'Z', metaKey: true, shiftKey: true }, ctx()), { type: 'redo' });
  assert.deepEqual(commandFor({ key: 'y', ctrlKey: true }, ctx()), { type: 'redo' });
  assert.equal(commandFor({ key: 'c', ctrlKey: true }, ctx({ textSelection: true })), null, 'copy');
  assert.equal(commandFor({ key: '1', altKey: true }, ctx({ textSelection: true })), null);
  assert.equal(commandFor({ key: '1', isComposing: true }, ctx({ textSelection: true })), null);
});

test('Delete deletes the selected span, not while text is selected', () => {
  assert.deepEqual(commandFor({ key: 'Backspace' }, ctx({ selectedLabel: 'CLAIM' })), { type: 'delete' });
  assert.equal(commandFor({ key: 'Delete' }, ctx({ selectedLabel: 'CLAIM', textSelection: true })), null);
  assert.equal(commandFor({ key: 'Delete' }, ctx()), null);
});
