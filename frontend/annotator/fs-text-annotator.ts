/**
 * <fs-text-annotator>: shows a text with labelled spans, draws attribution triples as arcs, and lets the user label
 * selections, select/relabel/delete spans, link them, undo and redo, and take or leave suggestions.
 *
 * Every edit is painted in the frame of the key press and confirmed by the server in the background (changes.ts):
 * the server answers each change with what it did, pushes what others did (another window, a curator), and a refused
 * change is rolled back. Which key does what is keymap.ts; where the arcs go is arcs.ts; which blocks of the text to
 * render again is render.ts's BlockIndex. This file is the element that ties them to the DOM.
 *
 * Renders into the LIGHT DOM so that window.getSelection() sees the text nodes. Every text node inside `.fs-text`
 * holds exactly a slice of `text` (no added characters; the "+N" overflow marker is CSS generated content), so a DOM
 * position maps back to a UTF-16 offset (via data-u16), which OffsetMap converts to code points. All offsets crossing
 * the boundary are Unicode code points, end exclusive.
 *
 * Properties (set from Java):
 *   text, labels [{name, key, letter?, color, title, kind: 'SPAN'|'CUE'}], snap (default true),
 *   contentLabel ('CLAIM'), sourceLabel ('SOURCE'), readonly, readonlyReason (the hint a key gets when read-only),
 *   ghosts [{key, start, end, label, recommender?, score?, reason?}] (suggestions: dashed, no fill),
 *   ghostsHidden (also toggled with \ and remembered in the browser), arcMode 'selected' | 'all',
 *   stickyTop (CSS selector of what covers the top of the page when scrolled: '.fs-toolbar').
 * Spans and links arrive through receive(message) (see the Java binding, EditorBinding):
 *   {kind: 'reset', spans, links, undo, redo} | {kind: 'answer', opId, ok, delta?, ids?, entry?, deferred?}
 *   | {kind: 'external', delta, move?: 'undo'|'redo'} | {kind: 'recorded', delta, entry} | {kind: 'select', id}
 * Changes go to the server as ops through $server.edit(op) (or an 'fs-op' event outside Vaadin):
 *   {opId, kind: 'create', tmp, start, end, label} | {opId, kind: 'delete', id, linked} | {opId, kind: 'relabel', id,
 *   label} | {opId, kind: 'link', tmp, ids} | {opId, kind: 'accept', tmp, key} | {opId, kind: 'reject', key}
 *   | {opId, kind: 'undo'} | {opId, kind: 'redo'} | {kind: 'select', id}
 * Events: fs-ghosts-toggle {hidden}; fs-confirmed {opId, ok} (after each answer; the benchmark listens).
 * Methods: selectRange(start, end), revealRange(start, end), revealSpan(id), selectSpan(id), focusGhost(key, scroll).
 * DOM: host[data-ready] once the text is drawn, [data-linking] in link mode, [data-pending="n"] changes awaiting
 *   the server; .fs-text > span.fs-block[data-u16] > (span.fs-seg | mark.fs-span)[data-u16];
 *   mark.fs-span[data-label][data-span-id][data-span-ids][data-more]; classes fs-selected, fs-hovered, fs-linked,
 *   fs-link-anchor, fs-link-pick, fs-ghost-focus; svg.fs-arcs > path.fs-arc[data-triple] (.fs-arc-hot);
 *   .fs-popup, .fs-link-hint, .fs-ghost-hint, .fs-hint (read-only and other short hints).
 */
import { LitElement, html, nothing, render as litRender, svg, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { OffsetMap } from './offsets.ts';
import {
  BlockIndex,
  blockIndexAtUtf16,
  keyHint,
  labelFor,
  linkAdjacency,
  nextCovering,
  safeColor,
  segmentDecoration,
  segmentIndexAtUtf16,
  sortSpans,
  stepSpan,
  truncate,
  type AnnotationSpan,
  type Block,
  type LabelDef,
  type Segment,
} from './render.ts';
import { snapRange } from './snap.ts';
import { linkHint } from './hints.ts';
import { focusAfterRemoval, ghostTitle, overlayGhosts, sortGhosts, stepGhost, type Ghost } from './ghosts.ts';
import { commandFor, type Command, type KeyContext, type KeyTarget } from './keymap.ts';
import { ChangeQueue, type Changed, type Delta, type Id, type LinkRec, type OpKind, type SpanRec } from './changes.ts';
import { arrowHead, layoutArcs, triplesOf, triplesToDraw, type Arc, type Box } from './arcs.ts';

type LabelWithKind = LabelDef & { kind?: string };

const STYLE_ID = 'fs-text-annotator-style';

/** Light DOM cannot use static styles: one shared <style> goes into document.head. */
const STYLE_TEXT = `
fs-text-annotator { display: block; position: relative; max-width: 100%; }
fs-text-annotator .fs-text {
  white-space: pre-wrap;
  overflow-wrap: break-word;
  font-size: 1.05rem;
  line-height: 2;
  max-width: 75ch;
}
fs-text-annotator .fs-para {
  display: block;
  content-visibility: auto;
}
fs-text-annotator .fs-gap {
  height: 0.9em;
  overflow: hidden;
  content-visibility: visible;
}
fs-text-annotator .fs-span {
  color: inherit;
  background: color-mix(in srgb, var(--fs-color, #888) 30%, transparent);
  border-radius: 2px;
  cursor: pointer;
}
fs-text-annotator .fs-span[data-more]::after {
  content: '+' attr(data-more);
  font-size: 0.6em;
  vertical-align: super;
  color: var(--fs-color, #888);
  user-select: none;
}
fs-text-annotator .fs-ghost,
fs-text-annotator .fs-span.fs-ghosted {
  outline: 1.5px dashed var(--fs-ghost-color, #888);
  outline-offset: 1px;
  border-radius: 3px;
  cursor: pointer;
}
fs-text-annotator .fs-ghost { background: none; }
fs-text-annotator .fs-ghost.fs-ghost-focus,
fs-text-annotator .fs-span.fs-ghosted.fs-ghost-focus {
  outline: 2px solid var(--fs-ghost-color, #888);
  background: color-mix(in srgb, var(--fs-ghost-color, #888) 14%, transparent);
}
fs-text-annotator .fs-span.fs-linked {
  outline: 2px dashed var(--fs-color, #888);
  outline-offset: 1px;
  background: color-mix(in srgb, var(--fs-color, #888) 45%, transparent);
}
fs-text-annotator .fs-span.fs-hovered {
  outline: 2px solid var(--fs-color, #888);
  outline-offset: 1px;
}
fs-text-annotator .fs-span.fs-selected {
  outline: 3px solid var(--lumo-primary-color, #1a73e8);
  outline-offset: 1px;
  background: color-mix(in srgb, var(--fs-color, #888) 55%, transparent);
}
fs-text-annotator .fs-span.fs-link-pick { outline: 3px dotted var(--lumo-primary-color, #1a73e8); outline-offset: 1px; }
fs-text-annotator .fs-span.fs-link-anchor { outline: 3px double var(--lumo-error-color, #d33); outline-offset: 1px; }
fs-text-annotator[data-linking] .fs-text { cursor: crosshair; }
fs-text-annotator .fs-arc-layer { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 1; }
fs-text-annotator svg.fs-arcs { position: absolute; left: 0; top: 0; overflow: visible; pointer-events: none; }
fs-text-annotator .fs-arc {
  fill: none;
  stroke: var(--lumo-contrast-50pct, #777);
  stroke-width: 1.4;
  pointer-events: visibleStroke;
  cursor: pointer;
}
fs-text-annotator .fs-arc-head { fill: var(--lumo-contrast-50pct, #777); stroke: none; }
fs-text-annotator .fs-arc.fs-arc-hot { stroke: var(--lumo-primary-color, #1a73e8); stroke-width: 2.2; }
fs-text-annotator .fs-arc-head.fs-arc-hot { fill: var(--lumo-primary-color, #1a73e8); }
fs-text-annotator .fs-popup, fs-text-annotator .fs-link-hint, fs-text-annotator .fs-ghost-hint {
  position: absolute;
  z-index: 100;
  padding: 4px;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-20pct, #ccc);
  border-radius: 6px;
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.18);
  font-size: 0.9rem;
}
fs-text-annotator .fs-popup { display: flex; flex-direction: column; gap: 2px; }
fs-text-annotator .fs-link-hint { padding: 4px 8px; white-space: nowrap; pointer-events: none; }
fs-text-annotator .fs-ghost-hint {
  padding: 3px 8px;
  white-space: nowrap;
  pointer-events: none;
  font-size: 0.8rem;
  border-left: 4px solid var(--fs-ghost-color, #888);
}
fs-text-annotator .fs-ghost-hint kbd {
  font: inherit;
  font-weight: 600;
  padding: 0 3px;
  border: 1px solid var(--lumo-contrast-20pct, #ccc);
  border-radius: 3px;
}
fs-text-annotator .fs-hint {
  position: fixed;
  left: 50%;
  bottom: 2rem;
  transform: translateX(-50%);
  z-index: 1000;
  padding: 8px 14px;
  border-radius: 8px;
  background: var(--lumo-contrast-90pct, #222);
  color: var(--lumo-base-color, #fff);
  font-size: 0.95rem;
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.25);
  pointer-events: none;
}
fs-text-annotator .fs-popup button {
  all: unset;
  box-sizing: border-box;
  cursor: pointer;
  padding: 3px 8px;
  border-radius: 4px;
  border-left: 4px solid var(--fs-color, #888);
  color: var(--lumo-body-text-color, #222);
  white-space: nowrap;
}
fs-text-annotator .fs-popup button:hover,
fs-text-annotator .fs-popup button:focus-visible {
  background: color-mix(in srgb, var(--fs-color, #888) 25%, transparent);
}
fs-text-annotator .fs-popup .fs-key { font-weight: 600; color: var(--fs-color, #888); }
`;

function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = STYLE_TEXT;
  document.head.appendChild(style);
}

/** True if keyboard input to `el` is text entry that we must not hijack. */
function isEditable(el: EventTarget | null | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** A modal dialog is open (Vaadin's dialogs and confirm dialogs, or any open aria-modal element). */
function modalOpen(): boolean {
  return (
    document.querySelector(
      'vaadin-dialog[opened]:not([modeless]), vaadin-confirm-dialog[opened], vaadin-dialog-overlay[opened]:not([modeless]), [aria-modal="true"][opened]',
    ) !== null
  );
}

const DECORATION_CLASSES = ['fs-selected', 'fs-hovered', 'fs-linked', 'fs-link-anchor', 'fs-link-pick', 'fs-ghost-focus'];
const GHOSTS_HIDDEN_KEY = 'fs-ghosts-hidden';
/** A change the server has not answered after this long is rolled back. */
const GIVE_UP_MS = 30_000;

interface PopupState {
  x: number;
  y: number;
  start: number;
  end: number;
}

interface LinkState {
  anchor: Id;
  picks: Id[];
  x: number;
  y: number;
}

/** A server message (see the class comment). */
interface ServerMessage {
  kind: 'reset' | 'answer' | 'external' | 'recorded' | 'select';
  seq?: number;
  opId?: number;
  ok?: boolean;
  deferred?: boolean;
  spans?: Array<{ id: number | string; start: number; end: number; label: string }>;
  links?: Array<{ id: number | string; source: number | string | null; cue: number | string | null; content: number | string }>;
  delta?: WireDelta | null;
  ids?: Record<string, number | string> | null;
  entry?: { forward: WireDelta; backward: WireDelta } | null;
  undo?: boolean;
  redo?: boolean;
  /** An undo or redo made through the server: the mirrored undo entry moves too. */
  move?: 'undo' | 'redo';
  id?: number | string | null;
}

interface WireDelta {
  spans?: ServerMessage['spans'];
  update?: ServerMessage['spans'];
  removeSpans?: Array<number | string>;
  links?: ServerMessage['links'];
  removeLinks?: Array<number | string>;
}

function spanRec(s: { id: number | string; start: number; end: number; label: string }): SpanRec {
  return { id: String(s.id), start: Number(s.start), end: Number(s.end), label: String(s.label) };
}

function linkRec(l: { id: number | string; source: number | string | null; cue: number | string | null; content: number | string }): LinkRec {
  return {
    id: String(l.id),
    source: l.source == null ? null : String(l.source),
    cue: l.cue == null ? null : String(l.cue),
    content: String(l.content),
  };
}

function delta(w: WireDelta | null | undefined): Delta {
  if (!w) return {};
  return {
    spans: (w.spans ?? []).map(spanRec),
    update: (w.update ?? []).map(spanRec),
    removeSpans: (w.removeSpans ?? []).map(String),
    links: (w.links ?? []).map(linkRec),
    removeLinks: (w.removeLinks ?? []).map(String),
  };
}

export class FsTextAnnotator extends LitElement {
  static properties = {
    text: { type: String },
    labels: { attribute: false },
    selected: { attribute: false },
    readonly: { type: Boolean },
    readonlyReason: { attribute: false },
    snap: { type: Boolean },
    contentLabel: { attribute: false },
    sourceLabel: { attribute: false },
    ghosts: { attribute: false },
    ghostsHidden: { attribute: false },
    arcMode: { attribute: false },
    stickyTop: { attribute: false },
    _popup: { state: true },
    _ghostFocus: { state: true },
    _link: { state: true },
  };

  declare text: string;
  declare labels: LabelWithKind[];
  declare selected: Id | null;
  declare readonly: boolean;
  declare readonlyReason: string;
  declare snap: boolean;
  declare contentLabel: string;
  declare sourceLabel: string;
  declare ghosts: Ghost[];
  declare ghostsHidden: boolean;
  declare arcMode: 'selected' | 'all';
  declare stickyTop: string;
  declare _popup: PopupState | null;
  declare _ghostFocus: string | null;
  declare _link: LinkState | null;

  private readonly _queue = new ChangeQueue();
  private _map: OffsetMap = new OffsetMap('');
  private _index: BlockIndex | null = null;
  /** What the block index holds: the spans and suggestions painted. */
  private _painted = new Map<Id, SpanRec>();
  private _paintedGhosts = new Map<string, Ghost>();
  private _ordered: SpanRec[] | null = null;
  private _adjacency = new Map<string, Set<string>>();
  private _ghostOrdered: Ghost[] = [];
  private _ghostByKey = new Map<string, Ghost>();
  private _ghostFocusByHover = false;
  private _ghostsDeferred = false;
  private _mouseDown = false;
  private _renderEpoch = 0;
  private _lastSelected: SpanRec | null = null;
  private _hovered: string | null = null;
  private _hoveredTriple: string | null = null;
  private _decorated: Element[] = [];
  private _arcFrame = 0;
  private _readyFrame = 0;
  private _arcs: Arc[] = [];
  private _resize: ResizeObserver | null = null;
  private _hintTimer = 0;
  private _giveUpTimer = 0;
  private _serverUndo = false;
  private _serverRedo = false;

  constructor() {
    super();
    this.text = '';
    this.labels = [];
    this.selected = null;
    this.readonly = false;
    this.readonlyReason = '';
    this.snap = true;
    this.contentLabel = 'CLAIM';
    this.sourceLabel = 'SOURCE';
    this.ghosts = [];
    this.ghostsHidden = readHiddenPreference();
    this.arcMode = 'selected';
    this.stickyTop = '.fs-toolbar';
    this._ghostFocus = null;
    this._popup = null;
    this._link = null;
  }

  protected createRenderRoot(): HTMLElement {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    ensureStyle();
    document.addEventListener('keydown', this._onKeyDown);
    document.addEventListener('mousedown', this._onDocMouseDown);
    document.addEventListener('mouseup', this._onDocMouseUp);
    document.addEventListener('selectionchange', this._onSelectionChange);
    document.addEventListener('scroll', this._onScroll, { capture: true, passive: true });
    this._giveUpTimer = window.setInterval(this._giveUp, 5000);
    if (this.ghostsHidden) {
      // the browser remembers the choice: tell the server (its switch)
      queueMicrotask(() => this._fire('fs-ghosts-toggle', { hidden: true }));
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this._onKeyDown);
    document.removeEventListener('mousedown', this._onDocMouseDown);
    document.removeEventListener('mouseup', this._onDocMouseUp);
    document.removeEventListener('selectionchange', this._onSelectionChange);
    document.removeEventListener('scroll', this._onScroll, { capture: true });
    window.clearInterval(this._giveUpTimer);
    this._resize?.disconnect();
    this._resize = null;
    this._popup = null;
    this._link = null;
    super.disconnectedCallback();
  }

  // ---------------------------------------------------------------- state from the server

  /** A message of the server (see the class comment). */
  receive(message: ServerMessage): void {
    const m = message ?? ({} as ServerMessage);
    let changed: Changed | null = null;
    switch (m.kind) {
      case 'reset':
        changed = this._queue.reset((m.spans ?? []).map(spanRec), (m.links ?? []).map(linkRec));
        break;
      case 'answer': {
        const opId = Number(m.opId);
        if (m.ok === false || m.deferred) {
          changed = this._queue.refuse(opId);
          if (m.delta) this._merge(changed, this._queue.external(delta(m.delta)));
        } else {
          const entry = m.entry ? { forward: delta(m.entry.forward), backward: delta(m.entry.backward) } : null;
          changed = this._queue.confirm(opId, delta(m.delta), m.ids ?? null, entry);
        }
        this._fire('fs-confirmed', { opId, ok: m.ok !== false && !m.deferred });
        break;
      }
      case 'external':
        if (m.move === 'undo' || m.move === 'redo') this._queue.shift(m.move);
        changed = this._queue.external(delta(m.delta));
        break;
      case 'recorded':
        changed = this._queue.external(delta(m.delta));
        if (m.entry) this._queue.recorded({ forward: delta(m.entry.forward), backward: delta(m.entry.backward) });
        break;
      case 'select':
        this.selectSpan(m.id ?? null);
        break;
      default:
        break;
    }
    if (typeof m.undo === 'boolean') this._serverUndo = m.undo;
    if (typeof m.redo === 'boolean') this._serverRedo = m.redo;
    if (changed) this._paint(changed);
  }

  /** Spans as painted now (what the user sees). */
  get spans(): AnnotationSpan[] {
    return Array.from(this._queue.view.spans.values());
  }

  /** Links as painted now. */
  get links(): LinkRec[] {
    return Array.from(this._queue.view.links.values());
  }

  private _merge(into: Changed, more: Changed): void {
    more.spans.forEach((id) => into.spans.add(id));
    more.links.forEach((id) => into.links.add(id));
    more.renamed.forEach((v, k) => into.renamed.set(k, v));
    into.all = into.all || more.all;
  }

  /** Brings the block index, selection and links in line with the queue's view, and asks for a render. */
  private _paint(changed: Changed): void {
    const view = this._queue.view.spans;
    for (const [tmp, real] of changed.renamed) {
      if (this.selected === tmp) this.selected = real;
      if (this._hovered === tmp) this._hovered = real;
      if (this._link) {
        const l = this._link;
        this._link = {
          ...l,
          anchor: l.anchor === tmp ? real : l.anchor,
          picks: l.picks.map((p) => (p === tmp ? real : p)),
        };
      }
    }
    const index = this._index;
    const ids = changed.all ? new Set([...this._painted.keys(), ...view.keys()]) : changed.spans;
    let spansChanged = false;
    for (const id of ids) {
      const before = this._painted.get(id);
      const after = view.get(id);
      if (before === after) continue;
      spansChanged = true;
      if (before) {
        index?.removeSpan(before);
        this._painted.delete(id);
      }
      if (after) {
        index?.addSpan(after);
        this._painted.set(id, after);
      }
    }
    if (spansChanged) this._ordered = null;
    if (changed.all || changed.links.size > 0) {
      this._adjacency = linkAdjacency(Array.from(this._queue.view.links.values()));
    }
    if (this.selected != null && !view.has(this.selected)) {
      this.selected = null;
      this._lastSelected = this._lastSelected ?? null;
    }
    this.setAttribute('data-pending', String(this._queue.pending.length));
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- lifecycle

  protected willUpdate(changed: PropertyValues): void {
    const text = typeof this.text === 'string' ? this.text : '';
    if (changed.has('text')) {
      this._map = new OffsetMap(text);
      this._index = new BlockIndex(text, this._map, overlayGhosts as never);
      for (const s of this._painted.values()) this._index.addSpan(s);
      for (const g of this._paintedGhosts.values()) this._index.addGhost(g);
      this._popup = null;
      this._link = null;
      this._renderEpoch++;
      // a new text (Next document reuses the component) is ready again once it is drawn
      this.removeAttribute('data-ready');
    }
    if (changed.has('labels')) {
      this._renderEpoch++;
      this._index?.touchAll();
    }
    let ghostsChanged = changed.has('ghosts') || changed.has('ghostsHidden');
    if (ghostsChanged && !changed.has('text') && !changed.has('ghostsHidden') && this._selectionBusy()) {
      this._ghostsDeferred = true;
      ghostsChanged = false;
    }
    if (ghostsChanged || changed.has('text')) {
      this._ghostsDeferred = false;
      const list = this.ghostsHidden ? [] : sortGhosts(Array.isArray(this.ghosts) ? this.ghosts : []);
      this._ghostOrdered = list;
      this._ghostByKey = new Map(list.map((g) => [g.key, g]));
      if (this._ghostFocus != null && !this._ghostByKey.has(this._ghostFocus)) this._ghostFocus = null;
      // only the suggestions that changed touch their blocks
      for (const [key, g] of this._paintedGhosts) {
        const now = this._ghostByKey.get(key);
        if (!now || now.start !== g.start || now.end !== g.end || now.label !== g.label) {
          this._index?.removeGhost(g);
          this._paintedGhosts.delete(key);
        }
      }
      for (const g of list) {
        if (!this._paintedGhosts.has(g.key)) {
          this._index?.addGhost(g);
          this._paintedGhosts.set(g.key, g);
        }
      }
    }
    this._index?.refresh();
    if (changed.has('selected')) {
      const span = this.selected == null ? undefined : this._queue.view.spans.get(this.selected);
      if (span) this._lastSelected = span;
    }
    if (changed.has('readonly') && this.readonly) {
      this._popup = null;
      this._link = null;
    }
  }

  protected firstUpdated(): void {
    const textEl = this._textEl();
    if (textEl && typeof ResizeObserver !== 'undefined') {
      this._resize = new ResizeObserver(() => this._scheduleArcs());
      this._resize.observe(textEl);
    }
  }

  protected updated(): void {
    if (this._map.length > 0 && !this.hasAttribute('data-ready') && !this._readyFrame) {
      // ready once the text is on screen and laid out for good: paragraphs off screen are laid out lazily
      // (content-visibility), and which ones are on screen is settled by the next frame
      const text = this.text;
      this._readyFrame = requestAnimationFrame(() => {
        this._readyFrame = requestAnimationFrame(() => {
          this._readyFrame = 0;
          if (this.text === text && this._map.length > 0) this.setAttribute('data-ready', 'true');
          else this.requestUpdate();
        });
      });
    }
    this.toggleAttribute('data-linking', this._link !== null);
    this._applyDecorations();
    this._scheduleArcs();
  }

  // ---------------------------------------------------------------- rendering

  protected render(): TemplateResult {
    // No whitespace inside .fs-text or the blocks: it is pre-wrap and must contain exactly the text.
    const epoch = this._renderEpoch;
    const blocks = this._index ? this._index.blocks : [];
    return html`<div class="fs-arc-layer"></div><div
      class="fs-text"
      part="text"
      @click=${this._onTextClick}
      @mouseover=${this._onTextMouseOver}
      @mouseleave=${this._onTextMouseLeave}
    >${repeat(
      blocks,
      (b) => b.key,
      (b) => guard([b, epoch], () => this._renderBlock(b)),
    )}</div>${this._renderPopup()}${this._renderLinkHint()}${this._renderGhostHint()}`;
  }

  private _renderBlock(block: Block): TemplateResult {
    const style = block.gap
      ? nothing
      : block.para
      ? `contain-intrinsic-block-size: auto ${Math.max(1, Math.ceil((block.endU16 - block.startU16) / 80)) * 2}em`
      : nothing;
    const cls = block.gap ? 'fs-block fs-para fs-gap' : block.para ? 'fs-block fs-para' : 'fs-block';
    return html`<span class=${cls} data-u16=${block.startU16} style=${style}
      >${block.segments.map((seg) => this._renderSegment(seg))}</span
    >`;
  }

  private _renderSegment(seg: Segment): TemplateResult {
    const ghosts = (seg.ghosts ?? []) as Ghost[];
    const ghostKeys = ghosts.length > 0 ? ghosts.map((g) => g.key).join(' ') : nothing;
    const ghostColor = ghosts.length > 0 ? `--fs-ghost-color: ${safeColor(labelFor(this.labels, ghosts[0].label).color)}` : '';
    if (seg.spans.length === 0) {
      if (ghosts.length > 0) {
        const title = ghosts.map((g) => ghostTitle(g, labelFor(this.labels, g.label).title)).join('\n');
        return html`<span
          class="fs-seg fs-ghost"
          data-u16=${seg.startU16}
          data-ghost-keys=${ghostKeys}
          data-ghost-label=${ghosts[0].label}
          title=${title}
          style=${ghostColor}
        >${seg.text}</span>`;
      }
      return html`<span class="fs-seg" data-u16=${seg.startU16}>${seg.text}</span>`;
    }
    const top = seg.spans[0];
    const title = seg.spans
      .map((s) => {
        const covered = this.text.slice(this._map.toUtf16(s.start), this._map.toUtf16(s.end));
        return `${labelFor(this.labels, s.label).title}: “${truncate(covered, 200)}”`;
      })
      .join('\n');
    const deco = segmentDecoration(seg.spans, this.labels);
    const ghostTitles = ghosts.map((g) => '\n' + ghostTitle(g, labelFor(this.labels, g.label).title)).join('');
    return html`<mark
      class=${(seg.spans.length > 1 ? 'fs-span fs-multi' : 'fs-span') + (ghosts.length > 0 ? ' fs-ghosted' : '')}
      data-ghost-keys=${ghostKeys}
      data-u16=${seg.startU16}
      data-span-id=${String(top.id)}
      data-span-ids=${seg.spans.map((s) => String(s.id)).join(' ')}
      data-label=${top.label}
      data-more=${deco.more > 0 ? String(deco.more) : nothing}
      title=${title + ghostTitles}
      style=${ghosts.length > 0 ? `${deco.style}; ${ghostColor}` : deco.style}
    >${seg.text}</mark>`;
  }

  private _renderPopup(): TemplateResult | typeof nothing {
    const popup = this._popup;
    if (!popup || this.readonly || this._link) return nothing;
    const labels = (Array.isArray(this.labels) ? this.labels : []).filter((l) => l != null);
    return html`<div
      class="fs-popup"
      role="menu"
      style=${`left: ${popup.x}px; top: ${popup.y}px`}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
    >
      ${labels.map((l) => {
        const hint = keyHint(l);
        return html`<button
          type="button"
          role="menuitem"
          data-label=${l.name}
          style=${`--fs-color: ${safeColor(l.color)}`}
          @click=${(e: MouseEvent) => {
            e.stopPropagation();
            this._create(popup.start, popup.end, l.name);
          }}
        >${hint ? html`<span class="fs-key">[${hint}]</span> ` : nothing}${l.title}</button>`;
      })}
    </div>`;
  }

  private _renderGhostHint(): TemplateResult | typeof nothing {
    const key = this._ghostFocus;
    const ghost = key == null ? undefined : this._ghostByKey.get(key);
    if (!ghost || this._link || this._popup || this.readonly) return nothing;
    const pieces = Array.from(this._ghostPieces(ghost.key));
    const last = pieces[pieces.length - 1];
    if (!last) return nothing;
    const pos = this._popupPosition(last.getBoundingClientRect());
    const label = labelFor(this.labels, ghost.label);
    return html`<div
      class="fs-ghost-hint"
      role="status"
      style=${`left: ${pos.x}px; top: ${pos.y}px; --fs-ghost-color: ${safeColor(label.color)}`}
    >
      Suggested <b>${label.title}</b> · <kbd>Enter</kbd> accept · <kbd>x</kbd> reject · <kbd>]</kbd> next ·
      <kbd>\\</kbd> hide all
    </div>`;
  }

  private _renderLinkHint(): TemplateResult | typeof nothing {
    const link = this._link;
    if (!link) return nothing;
    const anchor = this._queue.view.spans.get(link.anchor);
    return html`<div class="fs-link-hint" role="status" style=${`left: ${link.x}px; top: ${link.y}px`}>
      ${linkHint(anchor?.label, this.contentLabel, this.sourceLabel, link.picks.length)} · Esc cancels
    </div>`;
  }

  // ---------------------------------------------------------------- arcs

  private _scheduleArcs(): void {
    if (this._arcFrame) return;
    this._arcFrame = requestAnimationFrame(() => {
      this._arcFrame = 0;
      this._drawArcs();
    });
  }

  private _onScroll = (): void => {
    if (this.arcMode === 'all' && this._queue.view.links.size > 0) this._scheduleArcs();
  };

  /** Draws the arcs of the selected/hovered span's triples (or all, near the visible text). */
  private _drawArcs(): void {
    const layer = this.querySelector<HTMLElement>(':scope > .fs-arc-layer');
    const textEl = this._textEl();
    if (!layer || !textEl) return;
    const links = Array.from(this._queue.view.links.values());
    const focus = new Set<string>();
    if (this.selected != null) focus.add(this.selected);
    if (this._hovered != null) focus.add(this._hovered);
    const all = this.arcMode === 'all';
    if (links.length === 0 || (!all && focus.size === 0 && this._hoveredTriple == null)) {
      if (this._arcs.length > 0) {
        this._arcs = [];
        litRender(nothing, layer);
      }
      return;
    }
    const range = this._visibleRange(textEl);
    const spans = this._queue.view.spans;
    const hotTriple = this._hoveredTriple;
    const draw = triplesToDraw(links, spans, focus, all, range.start, range.end);
    if (hotTriple != null && !draw.some((t) => t.id === hotTriple)) {
      const t = this._queue.view.links.get(hotTriple);
      if (t) draw.push(t);
    }
    const hot = triplesOf(draw, focus);
    if (hotTriple != null) hot.add(hotTriple);
    const origin = layer.getBoundingClientRect();
    const boxesOf = (id: string): Box[] => this._boxesOf(id, origin);
    this._arcs = layoutArcs(draw, spans, boxesOf, hot);
    const arcs = this._arcs;
    litRender(
      svg`<svg class="fs-arcs" width="1" height="1" aria-hidden="true">${arcs.map(
        (a) => svg`<path class=${a.hot ? 'fs-arc fs-arc-hot' : 'fs-arc'} data-triple=${a.triple} data-from=${a.from}
          data-to=${a.to} d=${a.d} @mouseenter=${() => this._hoverTriple(a.triple)}
          @mouseleave=${() => this._hoverTriple(null)}><title>${this._tripleTitle(a.triple)}</title></path><path
          class=${a.hot ? 'fs-arc-head fs-arc-hot' : 'fs-arc-head'} d=${arrowHead(a.head)}></path>`,
      )}</svg>`,
      layer,
    );
  }

  private _hoverTriple(id: string | null): void {
    if (this._hoveredTriple === id) return;
    this._hoveredTriple = id;
    this._applyDecorations();
    this._scheduleArcs();
  }

  /** "Tokayev → said → ‘he had submitted…’" for an arc's tooltip. */
  private _tripleTitle(id: string): string {
    const t = this._queue.view.links.get(id);
    if (!t) return '';
    const words = (sid: string | null, none: string): string => {
      const s = sid == null ? undefined : this._queue.view.spans.get(sid);
      if (!s) return none;
      return `‘${truncate(this.text.slice(this._map.toUtf16(s.start), this._map.toUtf16(s.end)), 40)}’`;
    };
    return `${words(t.source, 'no source')} → ${words(t.cue, 'no cue')} → ${words(t.content, '?')}`;
  }

  /** The boxes of span `id` on screen, one per line, relative to `origin`, in reading order. */
  private _boxesOf(id: string, origin: DOMRect): Box[] {
    const boxes: Box[] = [];
    for (const mark of Array.from(this._marksOf(id))) {
      for (const r of Array.from(mark.getClientRects())) {
        if (r.width === 0 && r.height === 0) continue;
        const top = r.top - origin.top;
        const last = boxes[boxes.length - 1];
        if (last && Math.abs(last.top - top) < 3) {
          last.left = Math.min(last.left, r.left - origin.left);
          last.right = Math.max(last.right, r.right - origin.left);
        } else {
          boxes.push({ left: r.left - origin.left, top, right: r.right - origin.left, bottom: r.bottom - origin.top });
        }
      }
    }
    return boxes;
  }

  /** The code point range of the blocks on screen, with a screen's margin above and below. */
  private _visibleRange(textEl: HTMLElement): { start: number; end: number } {
    const index = this._index;
    const children = textEl.children;
    if (!index || children.length === 0) return { start: 0, end: 0 };
    const h = window.innerHeight;
    const lowTop = -h;
    const highBottom = 2 * h;
    const first = this._firstBlockBelow(children, lowTop);
    let last = first;
    let lo = first;
    let hi = children.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (children[mid].getBoundingClientRect().top <= highBottom) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return index.cpRange(first, Math.max(first, last));
  }

  /** Index of the first block whose bottom is below `y` (binary search over the block elements). */
  private _firstBlockBelow(children: HTMLCollection, y: number): number {
    let lo = 0;
    let hi = children.length - 1;
    let found = children.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (children[mid].getBoundingClientRect().bottom >= y) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  // ---------------------------------------------------------------- decorations (no re-render)

  private _ghostPieces(key: string): NodeListOf<HTMLElement> | HTMLElement[] {
    const textEl = this._textEl();
    if (!textEl) return [];
    return textEl.querySelectorAll<HTMLElement>(`[data-ghost-keys~="${CSS.escape(key)}"]`);
  }

  private _marksOf(id: string): NodeListOf<HTMLElement> | HTMLElement[] {
    const textEl = this._textEl();
    if (!textEl) return [];
    return textEl.querySelectorAll<HTMLElement>(`mark.fs-span[data-span-ids~="${CSS.escape(id)}"]`);
  }

  private _applyDecorations(): void {
    for (const el of this._decorated) el.classList.remove(...DECORATION_CLASSES);
    const spans = this._queue.view.spans;
    const want = new Map<string, string[]>();
    const add = (id: string | null | undefined, cls: string) => {
      if (id == null || !spans.has(id)) return;
      const list = want.get(id);
      if (list) list.push(cls);
      else want.set(id, [cls]);
    };
    const focus: string[] = [];
    if (this.selected != null) {
      add(this.selected, 'fs-selected');
      focus.push(this.selected);
    }
    if (this._hovered != null) {
      add(this._hovered, 'fs-hovered');
      focus.push(this._hovered);
    }
    for (const id of focus) {
      for (const other of this._adjacency.get(id) ?? []) add(other, 'fs-linked');
    }
    if (this._hoveredTriple != null) {
      const t = this._queue.view.links.get(this._hoveredTriple);
      if (t) for (const id of [t.source, t.cue, t.content]) add(id, 'fs-linked');
    }
    if (this._link) {
      add(this._link.anchor, 'fs-link-anchor');
      for (const p of this._link.picks) add(p, 'fs-link-pick');
    }
    const decorated: Element[] = [];
    if (this._ghostFocus != null) {
      for (const el of Array.from(this._ghostPieces(this._ghostFocus))) {
        el.classList.add('fs-ghost-focus');
        decorated.push(el);
      }
    }
    for (const [id, classes] of want) {
      for (const el of Array.from(this._marksOf(id))) {
        el.classList.add(...classes);
        decorated.push(el);
      }
    }
    this._decorated = decorated;
  }

  // ---------------------------------------------------------------- offsets <-> DOM

  private _textEl(): HTMLElement | null {
    return this.querySelector<HTMLElement>(':scope > .fs-text');
  }

  private _domToUtf16(textEl: HTMLElement, node: Node, offset: number): number {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement?.closest<HTMLElement>('[data-u16]');
      if (seg && textEl.contains(seg)) {
        return Number(seg.dataset.u16) + offset;
      }
    }
    const range = document.createRange();
    range.setStart(textEl, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  private _utf16ToDom(u16: number): { node: Node; offset: number } | null {
    const blocks = this._index ? this._index.blocks : [];
    const textEl = this._textEl();
    if (!textEl || blocks.length === 0) return null;
    const total = blocks[blocks.length - 1].endU16;
    const u = Math.max(0, Math.min(total, u16));
    let bi = blockIndexAtUtf16(blocks, u);
    if (bi < 0) bi = blocks.length - 1;
    const block = blocks[bi];
    let si = segmentIndexAtUtf16(block.segments, u);
    if (si < 0) si = block.segments.length - 1;
    const seg = block.segments[si];
    let blockEl: Element | null = textEl.children[bi] ?? null;
    if (!blockEl || blockEl.getAttribute('data-u16') !== String(block.startU16)) {
      blockEl = textEl.querySelector(`:scope > .fs-block[data-u16="${block.startU16}"]`);
    }
    let el: Element | null = blockEl?.children[si] ?? null;
    if (!el || el.getAttribute('data-u16') !== String(seg.startU16)) {
      el = blockEl?.querySelector(`:scope > [data-u16="${seg.startU16}"]`) ?? null;
    }
    if (!el) return null;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        return { node: child, offset: u - seg.startU16 };
      }
    }
    return null;
  }

  private _rawSelectionRange(): { start: number; end: number } | null {
    const sel = window.getSelection();
    const textEl = this._textEl();
    if (!sel || !textEl || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!textEl.contains(range.startContainer) || !textEl.contains(range.endContainer)) return null;
    const startU16 = this._domToUtf16(textEl, range.startContainer, range.startOffset);
    const endU16 = this._domToUtf16(textEl, range.endContainer, range.endOffset);
    const start = this._map.toCodePoint(Math.min(startU16, endU16), 'start');
    const end = this._map.toCodePoint(Math.max(startU16, endU16), 'end');
    return end > start ? { start, end } : null;
  }

  private _selectionRange(): { start: number; end: number } | null {
    const raw = this._rawSelectionRange();
    if (!raw || !this.snap) return raw;
    return snapRange(typeof this.text === 'string' ? this.text : '', raw.start, raw.end, this._map);
  }

  // ---------------------------------------------------------------- public methods

  /** Scrolls to the code point range [start, end) and selects it (e.g. a search hit). */
  revealRange(start: number, end: number): boolean {
    const ok = end > start ? this.selectRange(start, end) : false;
    const at = this._utf16ToDom(this._map.toUtf16(Math.max(0, start)));
    const el = at?.node.parentElement;
    el?.scrollIntoView({ block: 'center' });
    return ok;
  }

  /** Selects span `id` and scrolls to it; false if there is no such span. */
  revealSpan(id: number | string): boolean {
    const span = this._queue.view.spans.get(String(id));
    if (!span) return false;
    this._select(span, false, false);
    const first = this._marksOf(span.id)[0];
    first?.scrollIntoView({ block: 'center' });
    return true;
  }

  /** Selects span `id` (null: none) as the server asks, without telling it back. */
  selectSpan(id: number | string | null): void {
    const span = id == null ? null : (this._queue.view.spans.get(String(id)) ?? null);
    this._select(span, true, false);
  }

  /** Focuses suggestion `key` (null: none) and scrolls to it when asked. */
  focusGhost(key: string | null, scroll = false): void {
    this._ghostFocus = key != null && this._ghostByKey.has(key) ? key : null;
    this._ghostFocusByHover = false;
    this._applyDecorations();
    if (scroll && this._ghostFocus != null) {
      const piece = this._ghostPieces(this._ghostFocus)[0];
      if (piece) this._scrollClear(piece);
    }
  }

  selectRange(start: number, end: number): boolean {
    const a = this._utf16ToDom(this._map.toUtf16(Math.min(start, end)));
    const b = this._utf16ToDom(this._map.toUtf16(Math.max(start, end)));
    const sel = window.getSelection();
    if (!a || !b || !sel) return false;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }

  /**
   * Scrolls `el` into view clear of what is stuck to the top of its scroll container (the toolbar), with a margin. The
   * container may be the window or an element below a navbar (Vaadin's layout), so the sticky parts are measured from
   * the container's top, not the window's.
   */
  private _scrollClear(el: HTMLElement): void {
    const portTop = this._scrollportTop(el);
    let covered = 0;
    if (this.stickyTop) {
      for (const s of Array.from(document.querySelectorAll<HTMLElement>(this.stickyTop))) {
        const r = s.getBoundingClientRect();
        // stuck at the top of the container (or under a fixed navbar): it covers down to its bottom
        const position = getComputedStyle(s).position;
        if (r.height > 0 && (position === 'sticky' || position === 'fixed') && r.top < window.innerHeight / 3) {
          covered = Math.max(covered, r.bottom - portTop);
        }
      }
    }
    el.style.scrollMarginTop = `${Math.round(Math.max(0, covered) + 48)}px`;
    el.style.scrollMarginBottom = '64px';
    el.scrollIntoView({ block: 'nearest' });
  }

  /** The top edge (in the viewport) of the nearest ancestor of `el` that scrolls, across shadow roots; 0: the window. */
  private _scrollportTop(el: HTMLElement): number {
    let n: Element | null = el.parentElement;
    while (n && n !== document.documentElement && n !== document.body) {
      const overflow = getComputedStyle(n).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && n.scrollHeight > n.clientHeight) {
        return Math.max(0, n.getBoundingClientRect().top);
      }
      const root = n.getRootNode();
      n = n.assignedSlot ?? n.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
    }
    return 0;
  }

  // ---------------------------------------------------------------- changes (painted now, sent to the server)

  private _fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private _post(op: Record<string, unknown>): void {
    const server = (this as unknown as { $server?: { edit?: (op: unknown) => void } }).$server;
    if (server && typeof server.edit === 'function') server.edit(op);
    else this._fire('fs-op', op);
  }

  /** Paints `predicted` now and sends the change. */
  private _issue(kind: OpKind, payload: Record<string, unknown>, predicted: Delta): void {
    const { op, changed } = this._queue.issue(kind, predicted, performance.now());
    this._paint(changed);
    this._post({ ...payload, opId: op.opId, kind });
  }

  private _giveUp = (): void => {
    const stale = this._queue.stale(performance.now() - GIVE_UP_MS);
    if (stale.length === 0) return;
    for (const op of stale) this._paint(this._queue.refuse(op.opId));
    this._hint('Not saved: the server did not answer. The editor shows what it knows.');
  };

  private _create(start: number, end: number, label: string): void {
    if (this.readonly) return;
    this._popup = null;
    window.getSelection()?.removeAllRanges();
    const tmp = this._queue.tmpId();
    const span: SpanRec = { id: tmp, start, end, label };
    this._issue('create', { tmp, start, end, label }, { spans: [span] });
    this._select(span, false, true);
  }

  private _delete(span: SpanRec): void {
    const linked = (this._adjacency.get(span.id)?.size ?? 0) > 0;
    // a span in a triple: the server asks first (its dialog), nothing is painted until then
    this._issue('delete', { id: span.id, linked }, linked ? {} : { removeSpans: [span.id] });
  }

  private _relabel(span: SpanRec, label: string): void {
    this._issue('relabel', { id: span.id, label }, { update: [{ ...span, label }] });
  }

  /** Accepts or rejects a suggestion: it goes at once here, focus moves on, and the server is told. */
  private _ghostAction(accept: boolean, key: string): void {
    if (this.readonly || !this._ghostByKey.has(key)) return;
    const ghost = this._ghostByKey.get(key) as Ghost;
    let next = this._ghostFocus;
    if (next === key) {
      next = this._ghostFocusByHover ? null : focusAfterRemoval(this._ghostOrdered, key);
      this._ghostFocusByHover = false;
    }
    this.ghosts = this._ghostOrdered.filter((g) => g.key !== key);
    this._ghostFocus = next;
    if (accept) {
      const tmp = this._queue.tmpId();
      this._issue('accept', { key, tmp }, { spans: [{ id: tmp, start: ghost.start, end: ghost.end, label: ghost.label }] });
    } else {
      this._post({ kind: 'reject', key, opId: 0 });
    }
  }

  /** The triple the picked spans make, by their labels (the server decides; this is what is painted meanwhile). */
  private _predictLink(ids: Id[], tmp: Id): LinkRec | null {
    let source: Id | null = null;
    let cue: Id | null = null;
    let content: Id | null = null;
    for (const id of ids) {
      const s = this._queue.view.spans.get(id);
      if (!s) return null;
      const kind = (this.labels ?? []).find((l) => l != null && l.name === s.label)?.kind;
      if (s.label === this.contentLabel && content == null) content = id;
      else if (s.label === this.sourceLabel && source == null) source = id;
      else if (kind === 'CUE' && cue == null) cue = id;
      else return null;
    }
    return content == null ? null : { id: tmp, source, cue, content };
  }

  private _selectedSpan(): SpanRec | undefined {
    return this.selected == null ? undefined : this._queue.view.spans.get(this.selected);
  }

  /** Selects `span` (or nothing); tells the server unless it asked for it. */
  private _select(span: SpanRec | null, quiet: boolean, scroll: boolean): void {
    const id = span ? span.id : null;
    const changed = this.selected !== id;
    if (span) this._lastSelected = span;
    this.selected = id;
    if (changed && !quiet) this._post({ kind: 'select', id, opId: 0 });
    if (changed) this._scheduleArcs();
    if (scroll && span) {
      const first = this._marksOf(span.id)[0];
      if (first) this._scrollClear(first);
    }
  }

  private _openPopup(): void {
    if (this.readonly || this._link) return;
    const raw = this._rawSelectionRange();
    const selected = this._selectionRange();
    const sel = window.getSelection();
    if (!selected || !raw || !sel || sel.rangeCount === 0) {
      this._popup = null;
      return;
    }
    if (selected.start !== raw.start || selected.end !== raw.end) this.selectRange(selected.start, selected.end);
    const range = sel.getRangeAt(0);
    const rects = range.getClientRects();
    const rect = rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
    const pos = this._popupPosition(rect);
    this._popup = { ...pos, start: selected.start, end: selected.end };
  }

  private _popupPosition(rect: DOMRect): { x: number; y: number } {
    const host = this.getBoundingClientRect();
    const maxX = Math.max(0, this.clientWidth - 180);
    return {
      x: Math.round(Math.max(0, Math.min(rect.right - host.left, maxX))),
      y: Math.round(rect.bottom - host.top + 4),
    };
  }

  private _enterLinkMode(anchor: SpanRec): void {
    const marks = Array.from(this._marksOf(anchor.id));
    const last = marks[marks.length - 1];
    const rect = last ? last.getBoundingClientRect() : this.getBoundingClientRect();
    window.getSelection()?.removeAllRanges();
    this._popup = null;
    this._link = { anchor: anchor.id, picks: [], ...this._popupPosition(rect) };
  }

  private _finishLink(): void {
    const link = this._link;
    if (!link) return;
    this._link = null;
    if (link.picks.length === 0) return;
    const ids = [link.anchor, ...link.picks];
    const tmp = this._queue.tmpId();
    const predicted = this._predictLink(ids, tmp);
    this._issue('link', { tmp, ids }, predicted ? { links: [predicted] } : {});
  }

  private _pickForLink(covering: SpanRec[]): void {
    const link = this._link;
    if (!link) return;
    const taken = new Set([link.anchor, ...link.picks]);
    const fresh = covering.find((s) => !taken.has(s.id));
    if (fresh) {
      this._link = { ...link, picks: [...link.picks, fresh.id] };
      if (fresh.label === this.contentLabel) this._finishLink();
      return;
    }
    const picked = covering.find((s) => s.id !== link.anchor);
    if (picked) this._link = { ...link, picks: link.picks.filter((p) => p !== picked.id) };
  }

  private _coveringOf(mark: HTMLElement): SpanRec[] {
    const ids = (mark.dataset.spanIds ?? '').split(' ').filter((x) => x !== '');
    const out: SpanRec[] = [];
    for (const id of ids) {
      const s = this._queue.view.spans.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  /** A short message at the bottom of the window (read-only, not saved...). */
  private _hint(text: string): void {
    let el = this.querySelector<HTMLElement>(':scope > .fs-hint');
    if (!el) {
      el = document.createElement('div');
      el.className = 'fs-hint';
      el.setAttribute('role', 'status');
      this.appendChild(el);
    }
    el.textContent = text;
    window.clearTimeout(this._hintTimer);
    this._hintTimer = window.setTimeout(() => el?.remove(), 2500);
  }

  private _toggleGhosts(): void {
    this.ghostsHidden = !this.ghostsHidden;
    try {
      window.localStorage.setItem(GHOSTS_HIDDEN_KEY, this.ghostsHidden ? 'true' : 'false');
    } catch {
      // private mode: not remembered
    }
    if (this.ghostsHidden) this._ghostFocus = null;
    this._hint(this.ghostsHidden ? 'Suggestions hidden (\\ shows them)' : 'Suggestions shown (\\ hides them)');
    this._fire('fs-ghosts-toggle', { hidden: this.ghostsHidden });
  }

  // ---------------------------------------------------------------- keys

  private _keyTarget(target: EventTarget | null | undefined): KeyTarget {
    if (isEditable(target)) return 'editable';
    if (target == null || target === document || target === document.body || target === document.documentElement) {
      return 'page';
    }
    return target instanceof Node && this.contains(target) ? 'text' : 'control';
  }

  private _onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    const target = e.composedPath()[0] ?? e.target;
    const span = this._selectedSpan();
    const textSel = this._selectionRange();
    const c: KeyContext = {
      target: this._keyTarget(target),
      modal: modalOpen(),
      readonly: this.readonly,
      linking: this._link !== null,
      textSelection: textSel !== null,
      selectedLabel: span ? span.label : null,
      ghostFocus: this._ghostFocus != null,
      ghosts: !this.ghostsHidden && this._ghostOrdered.length > 0,
      spans: this._queue.view.spans.size,
      clearable: this._ghostFocus != null || this._popup !== null || this._rawSelectionRange() !== null || this.selected != null,
      labels: this.labels ?? [],
    };
    const command = commandFor(e, c);
    if (!command) return;
    e.preventDefault();
    this._run(command, span, textSel);
  };

  private _run(command: Command, span: SpanRec | undefined, textSel: { start: number; end: number } | null): void {
    switch (command.type) {
      case 'create':
        if (textSel) this._create(textSel.start, textSel.end, command.label);
        break;
      case 'relabel':
        if (span) this._relabel(span, command.label);
        break;
      case 'delete':
        if (span) this._delete(span);
        break;
      case 'link-start':
        if (span) this._enterLinkMode(span);
        break;
      case 'link-finish':
        this._finishLink();
        break;
      case 'link-cancel':
        this._link = null;
        break;
      case 'undo':
      case 'redo':
        if (command.type === 'undo' ? this._queue.canUndo || this._serverUndo : this._queue.canRedo || this._serverRedo) {
          this._issue(command.type, {}, {});
        } else {
          this._hint(command.type === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
        }
        break;
      case 'escape':
        if (this._ghostFocus != null) {
          this._ghostFocus = null;
          this._applyDecorations();
        }
        this._popup = null;
        if (this._rawSelectionRange()) window.getSelection()?.removeAllRanges();
        if (this.selected != null) this._select(null, false, false);
        break;
      case 'step-span': {
        const current = span ?? (this.selected != null ? this._lastSelected : null);
        const next = stepSpan(this._orderedSpans(), current, command.dir);
        if (next) this._select(next as SpanRec, false, true);
        break;
      }
      case 'step-ghost': {
        const next = stepGhost(this._ghostOrdered, this._ghostFocus, command.dir);
        if (next) this.focusGhost(next.key, true);
        break;
      }
      case 'accept-ghost':
        if (this._ghostFocus != null) this._ghostAction(true, this._ghostFocus);
        break;
      case 'reject-ghost':
        if (this._ghostFocus != null) this._ghostAction(false, this._ghostFocus);
        break;
      case 'toggle-ghosts':
        this._toggleGhosts();
        break;
      case 'readonly-hint':
        this._hint(this.readonlyReason || 'This document is read-only');
        break;
      case 'none':
        break;
    }
  }

  private _orderedSpans(): SpanRec[] {
    if (!this._ordered) this._ordered = sortSpans(Array.from(this._queue.view.spans.values())) as SpanRec[];
    return this._ordered;
  }

  // ---------------------------------------------------------------- mouse

  private _selectionBusy(): boolean {
    return this._mouseDown || this._rawSelectionRange() !== null;
  }

  private _onSelectionChange = (): void => {
    if (this._ghostsDeferred && !this._selectionBusy()) this.requestUpdate('ghosts');
  };

  private _onDocMouseDown = (e: MouseEvent): void => {
    if (e.button === 0) this._mouseDown = true;
    if (!this._popup) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    this._popup = null;
  };

  private _onDocMouseUp = (e: MouseEvent): void => {
    if (e.button === 0) {
      this._mouseDown = false;
      if (this._ghostsDeferred) setTimeout(() => this._onSelectionChange(), 0);
    }
    if (this.readonly || e.button !== 0 || this._link) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    setTimeout(() => {
      if (this.isConnected && !modalOpen()) this._openPopup();
    }, 0);
  };

  private _onTextClick = (e: MouseEvent): void => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this._rawSelectionRange()) return;
    const target = e.target instanceof Element ? e.target : null;
    const ghostEl = target?.closest<HTMLElement>('span.fs-ghost');
    if (ghostEl && !this._link && !this.readonly) {
      const keys = (ghostEl.dataset.ghostKeys ?? '').split(' ').filter((k) => k !== '');
      const chosen = keys.includes(this._ghostFocus ?? '') ? this._ghostFocus : keys[0];
      if (chosen) this._ghostAction(true, chosen);
      return;
    }
    const mark = target?.closest<HTMLElement>('mark.fs-span');
    const covering = mark ? this._coveringOf(mark) : [];
    if (this._link) {
      if (covering.length > 0 && !this.readonly) this._pickForLink(covering);
      return;
    }
    if (covering.length === 0) {
      this._select(null, false, false);
      return;
    }
    const next = nextCovering(covering, this.selected);
    if (next) this._select(next as SpanRec, false, false);
  };

  private _onTextMouseOver = (e: MouseEvent): void => {
    const target = e.target instanceof Element ? e.target : null;
    const ghostEl = target?.closest<HTMLElement>('[data-ghost-keys]');
    const ghostKey = ghostEl ? (ghostEl.dataset.ghostKeys ?? '').split(' ')[0] || null : null;
    if (ghostKey != null && ghostKey !== this._ghostFocus && !this.readonly) {
      this._ghostFocus = ghostKey;
      this._ghostFocusByHover = true;
    } else if (ghostKey == null && this._ghostFocusByHover) {
      this._ghostFocus = null;
      this._ghostFocusByHover = false;
    }
    const mark = target?.closest<HTMLElement>('mark.fs-span');
    const id = mark?.dataset.spanId ?? null;
    if (id === this._hovered) return;
    this._hovered = id;
    this._applyDecorations();
    this._scheduleArcs();
  };

  private _onTextMouseLeave = (): void => {
    if (this._ghostFocusByHover) {
      this._ghostFocus = null;
      this._ghostFocusByHover = false;
      this._applyDecorations();
    }
    if (this._hovered === null) return;
    this._hovered = null;
    this._applyDecorations();
    this._scheduleArcs();
  };
}

function readHiddenPreference(): boolean {
  try {
    return window.localStorage.getItem(GHOSTS_HIDDEN_KEY) === 'true';
  } catch {
    return false;
  }
}

if (!customElements.get('fs-text-annotator')) {
  customElements.define('fs-text-annotator', FsTextAnnotator);
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-text-annotator': FsTextAnnotator;
  }
}

