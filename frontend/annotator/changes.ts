/**
 * The optimistic change queue of fs-text-annotator (pure: no DOM, no lit; erasable TypeScript only, for Node's
 * type stripping).
 *
 * The editor paints every change in the frame of the key press and lets the server confirm it in the background.
 * This module keeps the three things that makes safe:
 *   - `confirmed`: the spans and links as the server last said they are (its answers and pushed changes, in order);
 *   - `pending`: the changes sent but not answered yet, each with the effect it was painted with (`predicted`);
 *   - the undo and redo stacks, mirroring the server's, so that Ctrl+Z and Ctrl+Y paint at once too.
 * What the user sees (`view`) is always `confirmed` with the pending changes applied on top, in order. An answer
 * replaces a prediction by the server's truth (a new span's temporary id "t3" becomes its real id everywhere); a
 * refusal drops the change and its undo entry, and the view falls back to the truth; a change pushed by the server
 * (another window, a curator, a script) goes into `confirmed` and the pending changes are laid over it again. So
 * nothing the server acknowledged is ever shown twice or lost, and nothing it refused stays on screen.
 *
 * Ids are strings here (the server's numbers as text, or "t1", "t2"... for spans and links not confirmed yet).
 */

export type Id = string;

export interface SpanRec {
  id: Id;
  start: number;
  end: number;
  label: string;
}

export interface LinkRec {
  id: Id;
  source: Id | null;
  cue: Id | null;
  content: Id;
}

/**
 * A change of the spans and links. `spans` are added or replaced; `update` replaces only spans that are there (a
 * relabel of a span deleted meanwhile must not bring it back); removing a span removes the links that use it; a
 * link whose spans are not all there is not added.
 */
export interface Delta {
  spans?: SpanRec[];
  update?: SpanRec[];
  removeSpans?: Id[];
  links?: LinkRec[];
  removeLinks?: Id[];
}

/** An undo entry: what redo paints, and what undo paints. */
export interface Entry {
  forward: Delta;
  backward: Delta;
}

export interface State {
  spans: Map<Id, SpanRec>;
  links: Map<Id, LinkRec>;
}

export type OpKind = 'create' | 'delete' | 'relabel' | 'link' | 'accept' | 'reject' | 'undo' | 'redo' | 'select';

/** A change sent to the server. */
export interface Op {
  opId: number;
  kind: OpKind;
  /** Painted now; replaced by the server's answer. */
  predicted: Delta;
  /** The undo entry this op pushed (edits), or moved (undo, redo). */
  entry: Entry | null;
  /** When it was sent (performance.now() or Date.now()), to give up on it after a while. */
  sentAt: number;
}

/** What a transition changed in the view: ids of spans and links to redraw, and temporary ids now known. */
export interface Changed {
  spans: Set<Id>;
  links: Set<Id>;
  renamed: Map<Id, Id>;
  /** True when everything may have changed (a reset). */
  all: boolean;
}

export function emptyState(): State {
  return { spans: new Map(), links: new Map() };
}

export function copyState(s: State): State {
  return { spans: new Map(s.spans), links: new Map(s.links) };
}

/** The ids a delta touches. */
export function touched(d: Delta | null | undefined, into: Changed): Changed {
  if (!d) return into;
  for (const s of d.spans ?? []) into.spans.add(s.id);
  for (const s of d.update ?? []) into.spans.add(s.id);
  for (const id of d.removeSpans ?? []) into.spans.add(id);
  for (const l of d.links ?? []) into.links.add(l.id);
  for (const id of d.removeLinks ?? []) into.links.add(id);
  return into;
}

function newChanged(): Changed {
  return { spans: new Set(), links: new Set(), renamed: new Map(), all: false };
}

/**
 * Applies `d` to `state` in place. Removing a span removes the links using it; a link is added only when its spans
 * are there. Returns the ids of links removed because a span of theirs went (they need redrawing too).
 */
export function applyDelta(state: State, d: Delta | null | undefined): Id[] {
  const cascaded: Id[] = [];
  if (!d) return cascaded;
  for (const id of d.removeLinks ?? []) state.links.delete(id);
  if ((d.removeSpans ?? []).length > 0) {
    const gone = new Set(d.removeSpans);
    for (const id of gone) state.spans.delete(id);
    for (const [id, l] of state.links) {
      if (gone.has(l.content) || (l.source != null && gone.has(l.source)) || (l.cue != null && gone.has(l.cue))) {
        state.links.delete(id);
        cascaded.push(id);
      }
    }
  }
  for (const s of d.spans ?? []) state.spans.set(s.id, s);
  for (const s of d.update ?? []) if (state.spans.has(s.id)) state.spans.set(s.id, s);
  for (const l of d.links ?? []) {
    const ok =
      state.spans.has(l.content) && (l.source == null || state.spans.has(l.source)) && (l.cue == null || state.spans.has(l.cue));
    if (ok) state.links.set(l.id, l);
  }
  return cascaded;
}

/** The inverse of `d` applied to `before` (the state before `d`): what undoes it. */
export function invert(before: State, d: Delta): Delta {
  const spans: SpanRec[] = [];
  const removeSpans: Id[] = [];
  const links: LinkRec[] = [];
  const removeLinks: Id[] = [];
  const upserts = [...(d.spans ?? []), ...(d.update ?? []).filter((s) => before.spans.has(s.id))];
  for (const s of upserts) {
    const old = before.spans.get(s.id);
    if (old) spans.push(old);
    else removeSpans.push(s.id);
  }
  const gone = new Set(d.removeSpans ?? []);
  for (const id of gone) {
    const old = before.spans.get(id);
    if (old) spans.push(old);
  }
  for (const l of d.links ?? []) {
    const old = before.links.get(l.id);
    if (old) links.push(old);
    else removeLinks.push(l.id);
  }
  const removedLinks = new Set(d.removeLinks ?? []);
  for (const [id, l] of before.links) {
    if (gone.has(l.content) || (l.source != null && gone.has(l.source)) || (l.cue != null && gone.has(l.cue))) {
      removedLinks.add(id);
    }
  }
  for (const id of removedLinks) {
    const old = before.links.get(id);
    if (old) links.push(old);
  }
  return { spans, removeSpans, links, removeLinks };
}

function renameId(id: Id | null, map: Map<Id, Id>): Id | null {
  return id == null ? id : (map.get(id) ?? id);
}

/** `d` with temporary ids replaced (in place). */
export function renameDelta(d: Delta | null | undefined, map: Map<Id, Id>): void {
  if (!d || map.size === 0) return;
  const span = (s: SpanRec): SpanRec => (map.has(s.id) ? { ...s, id: map.get(s.id) as Id } : s);
  const link = (l: LinkRec): LinkRec => {
    const id = map.get(l.id) ?? l.id;
    const source = renameId(l.source, map);
    const cue = renameId(l.cue, map);
    const content = renameId(l.content, map) as Id;
    return id === l.id && source === l.source && cue === l.cue && content === l.content ? l : { id, source, cue, content };
  };
  if (d.spans) d.spans = d.spans.map(span);
  if (d.update) d.update = d.update.map(span);
  if (d.removeSpans) d.removeSpans = d.removeSpans.map((id) => map.get(id) ?? id);
  if (d.links) d.links = d.links.map(link);
  if (d.removeLinks) d.removeLinks = d.removeLinks.map((id) => map.get(id) ?? id);
}

/** See the module comment. */
export class ChangeQueue {
  private confirmedState: State = emptyState();
  private viewState: State = emptyState();
  private pendingOps: Op[] = [];
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private nextOpId = 1;
  private nextTmp = 1;

  get view(): State {
    return this.viewState;
  }

  get confirmed(): State {
    return this.confirmedState;
  }

  get pending(): readonly Op[] {
    return this.pendingOps;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Depth of the undo and redo stacks (tests). */
  get depth(): { undo: number; redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length };
  }

  /** A new temporary id for a span or link made here. */
  tmpId(): Id {
    return `t${this.nextTmp++}`;
  }

  /**
   * The server's whole state (a document opened): what was pending belonged to what was open before (the server
   * answered it before this), so it goes, and so does the undo history.
   */
  reset(spans: readonly SpanRec[], links: readonly LinkRec[]): Changed {
    this.confirmedState = { spans: new Map(spans.map((s) => [s.id, s])), links: new Map(links.map((l) => [l.id, l])) };
    this.pendingOps = [];
    this.undoStack = [];
    this.redoStack = [];
    this.rebuildView();
    const changed = newChanged();
    changed.all = true;
    return changed;
  }

  /**
   * Paints a change now and returns the op to send. `entry`: the undo entry of an edit (computed from the view when
   * omitted for create, delete, relabel, link and accept); undo and redo move the top entry between the stacks and
   * paint it (an empty stack paints nothing and still asks the server, which may know more).
   */
  issue(kind: OpKind, predicted: Delta, now = 0): { op: Op; changed: Changed } {
    let entry: Entry | null = null;
    let paint: Delta = predicted;
    if (kind === 'undo') {
      entry = this.undoStack.pop() ?? null;
      if (entry) this.redoStack.push(entry);
      paint = entry ? entry.backward : {};
    } else if (kind === 'redo') {
      entry = this.redoStack.pop() ?? null;
      if (entry) this.undoStack.push(entry);
      paint = entry ? entry.forward : {};
    } else if (kind !== 'select' && kind !== 'reject') {
      entry = { forward: predicted, backward: invert(this.viewState, predicted) };
      this.undoStack.push(entry);
      this.redoStack = [];
    }
    const op: Op = { opId: this.nextOpId++, kind, predicted: paint, entry, sentAt: now };
    this.pendingOps.push(op);
    const changed = touched(paint, newChanged());
    for (const id of applyDelta(this.viewState, paint)) changed.links.add(id);
    return { op, changed };
  }

  /**
   * The server's answer to op `opId`: what it did (`delta`, real ids), the real ids of temporary ones, and for an
   * edit its exact undo entry. An answer to an op this queue no longer knows (given up on) still applies its delta.
   */
  confirm(opId: number, delta: Delta | null, ids: Record<string, string | number> | null, entry?: Entry | null): Changed {
    const changed = newChanged();
    const index = this.pendingOps.findIndex((o) => o.opId === opId);
    const op = index >= 0 ? this.pendingOps[index] : null;
    if (op) {
      this.pendingOps.splice(index, 1);
      touched(op.predicted, changed);
    }
    const renamed = new Map<Id, Id>();
    for (const [tmp, real] of Object.entries(ids ?? {})) renamed.set(tmp, String(real));
    if (renamed.size > 0) this.rename(renamed, changed);
    if (op && op.entry && entry && op.kind !== 'undo' && op.kind !== 'redo') {
      op.entry.forward = entry.forward;
      op.entry.backward = entry.backward;
    }
    applyDelta(this.confirmedState, delta);
    touched(delta, changed);
    this.rebuildView(changed);
    return changed;
  }

  /** The server refused op `opId`: it and its undo entry go, and the view shows the truth again. */
  refuse(opId: number): Changed {
    const changed = newChanged();
    const index = this.pendingOps.findIndex((o) => o.opId === opId);
    if (index < 0) return changed;
    const op = this.pendingOps[index];
    this.pendingOps.splice(index, 1);
    touched(op.predicted, changed);
    if (op.entry) {
      if (op.kind === 'undo') {
        this.moveBack(this.redoStack, this.undoStack, op.entry);
      } else if (op.kind === 'redo') {
        this.moveBack(this.undoStack, this.redoStack, op.entry);
      } else {
        this.undoStack = this.undoStack.filter((e) => e !== op.entry);
      }
    }
    this.rebuildView(changed);
    return changed;
  }

  /** A change pushed by the server (not an answer): applied to the truth, pending changes laid over it again. */
  external(delta: Delta): Changed {
    applyDelta(this.confirmedState, delta);
    const changed = touched(delta, newChanged());
    this.rebuildView(changed);
    return changed;
  }

  /** An edit made through the server (the side panel): its undo entry joins the stack. */
  recorded(entry: Entry): void {
    this.undoStack.push(entry);
    this.redoStack = [];
  }

  /**
   * An undo or redo made through the server (the toolbar's buttons): the top entry moves between the stacks, as the
   * server's did; its effect arrives as a change of the truth.
   */
  shift(kind: 'undo' | 'redo'): void {
    const from = kind === 'undo' ? this.undoStack : this.redoStack;
    const to = kind === 'undo' ? this.redoStack : this.undoStack;
    const entry = from.pop();
    if (entry) to.push(entry);
  }

  /** Pending ops sent before `before` (to give up on: the server never answered). */
  stale(before: number): Op[] {
    return this.pendingOps.filter((o) => o.sentAt < before);
  }

  private moveBack(from: Entry[], to: Entry[], entry: Entry): void {
    const k = from.lastIndexOf(entry);
    if (k >= 0) from.splice(k, 1);
    to.push(entry);
  }

  private rename(map: Map<Id, Id>, changed: Changed): void {
    for (const [tmp, real] of map) {
      changed.renamed.set(tmp, real);
      changed.spans.add(tmp);
      changed.spans.add(real);
      changed.links.add(tmp);
      changed.links.add(real);
    }
    for (const op of this.pendingOps) renameDelta(op.predicted, map);
    for (const e of [...this.undoStack, ...this.redoStack]) {
      renameDelta(e.forward, map);
      renameDelta(e.backward, map);
    }
  }

  /** view = confirmed + pending, in order; `changed` gets the ids the pending ops touch (they may paint differently). */
  private rebuildView(changed?: Changed): void {
    const view = copyState(this.confirmedState);
    for (const op of this.pendingOps) {
      const cascaded = applyDelta(view, op.predicted);
      if (changed) {
        touched(op.predicted, changed);
        for (const id of cascaded) changed.links.add(id);
      }
    }
    if (changed) {
      // links that went with a span (in the old view or the new one) need redrawing too
      for (const [id, l] of this.viewState.links) {
        if (!view.links.has(id) || view.links.get(id) !== l) changed.links.add(id);
      }
    }
    this.viewState = view;
  }
}
