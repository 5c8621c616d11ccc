/**
 * The key map of fs-text-annotator (pure: no DOM, no lit; erasable TypeScript only, for Node's type stripping).
 *
 * One function decides what a key press means, from the key and a description of the moment (where the key went,
 * what is selected, what is open). Keys belong to the focused thing: nothing happens while a modal dialog is open or
 * while typing in a field, Tab/Enter/[/] act only when the key went to the page or the text (not to a button of the
 * side panel), and a read-only document answers an editing key with a hint instead of silence.
 */
import { labelForKey, type LabelDef } from './render.ts';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  isComposing?: boolean;
}

/** Where the key went: the text or the bare page, a text field, or some other control (a button, a select). */
export type KeyTarget = 'text' | 'page' | 'editable' | 'control';

export interface KeyContext {
  target: KeyTarget;
  /** A modal dialog is open: its keys are its own. */
  modal: boolean;
  readonly: boolean;
  linking: boolean;
  /** A non-empty (snapped) selection inside the text. */
  textSelection: boolean;
  /** The selected span's label, or null when no span is selected. */
  selectedLabel: string | null;
  /** A suggestion has the focus. */
  ghostFocus: boolean;
  /** Suggestions shown (not hidden) and at least one there. */
  ghosts: boolean;
  spans: number;
  /** Something Escape would clear (popup, text selection, selected span, focused suggestion). */
  clearable: boolean;
  labels: readonly LabelDef[];
}

export type Command =
  | { type: 'create'; label: string }
  | { type: 'relabel'; label: string }
  | { type: 'delete' }
  | { type: 'link-start' }
  | { type: 'link-finish' }
  | { type: 'link-cancel' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'escape' }
  | { type: 'step-span'; dir: 1 | -1 }
  | { type: 'step-ghost'; dir: 1 | -1 }
  | { type: 'accept-ghost' }
  | { type: 'reject-ghost' }
  | { type: 'toggle-ghosts' }
  | { type: 'readonly-hint' }
  /** A key the editor takes but that does nothing now (a label key on a span that has that label already). */
  | { type: 'none' };

/** The key that hides and shows all suggestions (next to [ and ], which move between them). */
export const TOGGLE_GHOSTS_KEY = '\\';

/** What the key means now, or null when it is not the editor's (the browser or another control handles it). */
export function commandFor(e: KeyInput, c: KeyContext): Command | null {
  if (e.isComposing || c.modal || c.target === 'editable') return null;
  const key = e.key;
  const ours = c.target === 'text' || c.target === 'page';

  if (key === 'Escape') {
    if (c.linking) return { type: 'link-cancel' };
    return c.clearable ? { type: 'escape' } : null;
  }

  const mod = !!(e.ctrlKey || e.metaKey);
  if (mod && !e.altKey) {
    const k = key.toLowerCase();
    const undo = k === 'z' && !e.shiftKey;
    const redo = (k === 'z' && e.shiftKey) || k === 'y';
    if (!undo && !redo) return null;
    if (c.readonly) return { type: 'readonly-hint' };
    return undo ? { type: 'undo' } : { type: 'redo' };
  }
  if (mod || e.altKey) return null;

  if (key === 'Tab') {
    if (!ours || c.spans === 0 || c.linking) return null;
    return { type: 'step-span', dir: e.shiftKey ? -1 : 1 };
  }
  if (c.linking) {
    return key === 'Enter' ? { type: 'link-finish' } : null;
  }
  if (key === TOGGLE_GHOSTS_KEY && ours) return { type: 'toggle-ghosts' };

  const label = labelForKey(c.labels, key);
  const editing =
    key === 'Delete' ||
    key === 'Backspace' ||
    (label !== undefined && (c.textSelection || c.selectedLabel !== null)) ||
    ((key === 'l' || key === 'L') && c.selectedLabel !== null) ||
    ((key === 'x' || key === 'X' || key === 'Enter') && c.ghostFocus);
  if (c.readonly) {
    // a read-only document says so instead of ignoring the key
    return editing ? { type: 'readonly-hint' } : null;
  }

  if ((key === ']' || key === '[') && c.ghosts && ours) {
    return { type: 'step-ghost', dir: key === ']' ? 1 : -1 };
  }
  if (key === 'Enter' && c.ghostFocus && ours) return { type: 'accept-ghost' };
  if ((key === 'x' || key === 'X') && c.ghostFocus && !c.textSelection && !e.shiftKey) return { type: 'reject-ghost' };
  if ((key === 'Delete' || key === 'Backspace') && c.selectedLabel !== null && !c.textSelection) return { type: 'delete' };
  if ((key === 'l' || key === 'L') && c.selectedLabel !== null && !c.textSelection && !e.shiftKey) {
    return { type: 'link-start' };
  }
  if (!label) return null;
  if (c.textSelection) return { type: 'create', label: label.name };
  if (c.selectedLabel !== null) {
    return c.selectedLabel === label.name ? { type: 'none' } : { type: 'relabel', label: label.name };
  }
  return null;
}
