/**
 * <fs-text-annotator>: shows a text with labelled spans and links, and lets the user label
 * selections, select/relabel/delete spans and link them.
 *
 * Renders into the LIGHT DOM so that window.getSelection() sees the text nodes. Every text
 * node inside `.fs-text` holds exactly a slice of `text` (no added characters; the "+N"
 * overflow marker is CSS generated content), so a DOM position maps back to a UTF-16 offset
 * (via data-u16), which OffsetMap converts to code points. All offsets crossing the boundary
 * are Unicode code points, end exclusive.
 *
 * Properties (set from Java as JS properties):
 *   text: string
 *   spans: Array<{id: number|string, start: number, end: number, label: string}>
 *   labels: Array<{name, key: '1'-'9' or '', letter?: 'a'-'z' or null, color, title}>
 *   links: Array<{id, source: id|null, cue: id|null, content: id}>     (default [])
 *   selected: number|string|null   selected span id; also set by the component (default null)
 *   readonly: boolean              no creating/relabelling/deleting/linking/undo (default false)
 *   snap: boolean                  snap selections to whole words, trim white space (default true)
 *   contentLabel: string           label that completes link mode (default 'CLAIM')
 *   ghosts: Array<{key, start, end, label, recommender?, score?, reason?}>  suggestions (default []),
 *                                  drawn with a dashed outline and no fill, never blocking selection
 * Events (bubbles, composed; ids are the spans' own ids):
 *   fs-create   {start: number, end: number, label: string}  label key/letter or popup on a text selection
 *   fs-select   {id: number|string|null}   click on a span (cycles through covering spans, shortest
 *                                          first), Tab/Shift+Tab; null on click on plain text or Escape;
 *                                          only fired when the selection actually changes
 *   fs-relabel  {id, label: string}        label key/letter with a selected span and no text selection
 *   fs-delete   {id}                       Delete/Backspace with a selected span
 *   fs-link     {spans: id[]}              link mode finished: [anchorId, ...picked ids in click order]
 *   fs-undo     {}                         Ctrl+Z / Cmd+Z
 *   fs-redo     {}                         Ctrl+Shift+Z / Ctrl+Y (and Cmd variants)
 *   fs-ghost-accept {key}                  click on a suggestion, or Enter with one focused
 *   fs-ghost-reject {key}                  x with a suggestion focused
 * Keys (document-level; ignored in inputs/textareas/contenteditable and during IME composition):
 *   1-9 / label letters, Delete/Backspace, Tab/Shift+Tab (only when focus is on the page body or
 *   inside the component), Ctrl/Cmd+Z/Y, l (link mode with a selected span; takes precedence over
 *   a label letter 'l' when no text is selected), Enter (finish link mode), Escape (cancel link
 *   mode, else close popup, clear text selection and span selection).
 *   ] / [ focus the next / previous suggestion (hovering one focuses it too); Enter accepts and x
 *   rejects the focused one (focus moves on to the next).
 * Methods: selectRange(start, end): boolean selects a code point range (used by browser tests);
 *   revealRange(start, end) scrolls to a code point range and selects it; revealSpan(id) selects a
 *   span and scrolls to it;
 *   applySpanDelta(added, removedIds) changes `spans` without resending the whole list.
 * DOM / attributes:
 *   host[data-ready="true"] once text has been rendered; host[data-linking] while in link mode.
 *   .fs-text > span.fs-block[data-u16] > (span.fs-seg | mark.fs-span)[data-u16]
 *   mark.fs-span[data-label][data-span-id][data-span-ids][data-more]: data-label/-span-id are the
 *     innermost covering span, data-span-ids all covering ids (innermost first), data-more = number
 *     of covering spans beyond 3 stacked underlines.
 *   Classes on marks: fs-multi (several covering spans), fs-selected, fs-hovered, fs-linked
 *     (shares a link with the selected/hovered span), fs-link-anchor, fs-link-pick.
 *   .fs-popup with button[data-label] (mouse users); .fs-link-hint while in link mode.
 *   Suggestions: span.fs-seg.fs-ghost[data-ghost-keys][data-ghost-label] over plain text,
 *   mark.fs-span.fs-ghosted[data-ghost-keys] over real spans; .fs-ghost-focus on the focused
 *   one's pieces, and .fs-ghost-hint (what Enter and x do) next to it.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { OffsetMap } from './offsets.ts';
import {
  blockIndexAtUtf16,
  blockStarts,
  computeBlocks,
  computeSegments,
  keyHint,
  labelFor,
  labelForKey,
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
  type LinkDef,
  type Segment,
} from './render.ts';
import { snapRange } from './snap.ts';
import { focusAfterRemoval, ghostTitle, overlayGhosts, sortGhosts, stepGhost, type Ghost } from './ghosts.ts';

type SpanId = number | string;

const STYLE_ID = 'fs-text-annotator-style';

/** Light DOM cannot use static styles: one shared <style> goes into document.head. */
const STYLE_TEXT = `
fs-text-annotator { display: block; position: relative; }
fs-text-annotator .fs-text {
  white-space: pre-wrap;
  overflow-wrap: break-word;
  font-size: 1.05rem;
  line-height: 1.8;
  max-width: 75ch;
}
fs-text-annotator .fs-para {
  display: block;
  content-visibility: auto;
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

const DECORATION_CLASSES = ['fs-selected', 'fs-hovered', 'fs-linked', 'fs-link-anchor', 'fs-link-pick', 'fs-ghost-focus'];

interface PopupState {
  x: number;
  y: number;
  start: number;
  end: number;
}

interface LinkState {
  anchor: SpanId;
  picks: SpanId[];
  x: number;
  y: number;
}

export class FsTextAnnotator extends LitElement {
  static properties = {
    text: { type: String },
    spans: { attribute: false },
    labels: { attribute: false },
    links: { attribute: false },
    selected: { attribute: false },
    readonly: { type: Boolean },
    snap: { type: Boolean },
    contentLabel: { attribute: false },
    ghosts: { attribute: false },
    _popup: { state: true },
    _ghostFocus: { state: true },
    _link: { state: true },
  };

  // Reactive properties: `declare` (no initialisers) so Lit's accessors are not shadowed.
  declare text: string;
  declare spans: AnnotationSpan[];
  declare labels: LabelDef[];
  declare links: LinkDef[];
  declare selected: SpanId | null;
  declare readonly: boolean;
  declare snap: boolean;
  declare contentLabel: string;
  declare ghosts: Ghost[];
  declare _popup: PopupState | null;
  /** Key of the focused suggestion (Enter accepts it, x rejects it), or null. */
  declare _ghostFocus: string | null;
  declare _link: LinkState | null;

  /** Derived from text/spans/links in willUpdate(). */
  private _map: OffsetMap = new OffsetMap('');
  private _blockStarts: number[] = [];
  private _blocks: Block[] = [];
  private _spanById = new Map<string, AnnotationSpan>();
  private _ordered: AnnotationSpan[] = [];
  private _adjacency = new Map<string, Set<string>>();
  private _ghostOrdered: Ghost[] = [];
  private _ghostByKey = new Map<string, Ghost>();
  /** True when the focus came from hovering (it goes when the pointer leaves). */
  private _ghostFocusByHover = false;
  /**
   * New suggestions wait while the user is selecting text (mouse down, or a selection in the text):
   * redrawing the blocks under a selection would lose it. They are drawn once the selection is gone.
   */
  private _ghostsDeferred = false;
  private _mouseDown = false;
  /** Bumped when text or labels change: every block must re-render. */
  private _renderEpoch = 0;
  /** The last selected span object (to keep its place in document order after a delete). */
  private _lastSelected: AnnotationSpan | null = null;
  private _hovered: string | null = null;
  /** Elements currently carrying decoration classes. */
  private _decorated: Element[] = [];

  constructor() {
    super();
    this.text = '';
    this.spans = [];
    this.labels = [];
    this.links = [];
    this.selected = null;
    this.readonly = false;
    this.snap = true;
    this.contentLabel = 'CLAIM';
    this.ghosts = [];
    this._ghostFocus = null;
    this._popup = null;
    this._link = null;
  }

  /** Light DOM: the selection API must see the text nodes. */
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
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this._onKeyDown);
    document.removeEventListener('mousedown', this._onDocMouseDown);
    document.removeEventListener('mouseup', this._onDocMouseUp);
    document.removeEventListener('selectionchange', this._onSelectionChange);
    this._popup = null;
    this._link = null;
    super.disconnectedCallback();
  }

  protected willUpdate(changed: PropertyValues): void {
    const text = typeof this.text === 'string' ? this.text : '';
    if (changed.has('text')) {
      this._map = new OffsetMap(text);
      this._blockStarts = blockStarts(text);
      this._popup = null; // offsets of an open popup refer to the old text
      this._link = null;
      this._renderEpoch++;
    }
    if (changed.has('labels')) this._renderEpoch++;
    let ghostsChanged = changed.has('ghosts');
    if (ghostsChanged && !changed.has('text') && this._selectionBusy()) {
      this._ghostsDeferred = true;
      ghostsChanged = false;
    }
    if (ghostsChanged || changed.has('text')) {
      this._ghostsDeferred = false;
      this._ghostOrdered = sortGhosts(Array.isArray(this.ghosts) ? this.ghosts : []);
      this._ghostByKey = new Map(this._ghostOrdered.map((g) => [g.key, g]));
      if (this._ghostFocus != null && !this._ghostByKey.has(this._ghostFocus)) this._ghostFocus = null;
    }
    if (changed.has('text') || changed.has('spans') || ghostsChanged) {
      const spans = Array.isArray(this.spans) ? this.spans : [];
      const segments = overlayGhosts(text, computeSegments(text, spans, this._map), this._ghostOrdered, this._map);
      this._blocks = computeBlocks(text, segments, this._blockStarts, this._map);
      this._ordered = sortSpans(spans);
      this._spanById = new Map(this._ordered.map((s) => [String(s.id), s]));
    }
    if (changed.has('links')) {
      this._adjacency = linkAdjacency(Array.isArray(this.links) ? this.links : []);
    }
    if (changed.has('selected') || changed.has('spans')) {
      const span = this.selected == null ? undefined : this._spanById.get(String(this.selected));
      if (span) this._lastSelected = span;
      else if (this.selected == null) this._lastSelected = null;
    }
    if (changed.has('readonly') && this.readonly) {
      this._popup = null;
      this._link = null;
    }
  }

  protected updated(): void {
    if (this._map.length > 0 && this.getAttribute('data-ready') !== 'true') {
      this.setAttribute('data-ready', 'true');
    }
    this.toggleAttribute('data-linking', this._link !== null);
    this._applyDecorations();
  }

  // ---------------------------------------------------------------- rendering

  protected render(): TemplateResult {
    // No whitespace inside .fs-text or the blocks: it is pre-wrap and must contain exactly the text.
    const epoch = this._renderEpoch;
    return html`<div
      class="fs-text"
      part="text"
      @click=${this._onTextClick}
      @mouseover=${this._onTextMouseOver}
      @mouseleave=${this._onTextMouseLeave}
    >${repeat(
      this._blocks,
      (b) => b.key,
      (b) => guard([b.sig, epoch], () => this._renderBlock(b)),
    )}</div>${this._renderPopup()}${this._renderLinkHint()}${this._renderGhostHint()}`;
  }

  private _renderBlock(block: Block): TemplateResult {
    // A whole paragraph is a CSS block that the browser skips while it is off screen
    // (content-visibility): a long document lays out and paints only what is visible. Until it has
    // been shown once, its height is estimated from its length.
    const style = block.para
      ? `contain-intrinsic-block-size: auto ${Math.max(1, Math.ceil((block.endU16 - block.startU16) / 80)) * 1.8}em`
      : nothing;
    return html`<span class=${block.para ? 'fs-block fs-para' : 'fs-block'} data-u16=${block.startU16} style=${style}
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
      Suggested <b>${label.title}</b> · <kbd>Enter</kbd> accept · <kbd>x</kbd> reject · <kbd>]</kbd> next
    </div>`;
  }

  private _renderLinkHint(): TemplateResult | typeof nothing {
    const link = this._link;
    if (!link) return nothing;
    const n = link.picks.length;
    return html`<div class="fs-link-hint" role="status" style=${`left: ${link.x}px; top: ${link.y}px`}>
      Link: click the source, then the claim${n > 0 ? html` (${n} picked, Enter finishes)` : nothing} · Esc cancels
    </div>`;
  }

  // ---------------------------------------------------------------- decorations (no re-render)

  /** Pieces (plain or marked) of suggestion `key`. */
  private _ghostPieces(key: string): NodeListOf<HTMLElement> | HTMLElement[] {
    const textEl = this._textEl();
    if (!textEl) return [];
    return textEl.querySelectorAll<HTMLElement>(`[data-ghost-keys~="${CSS.escape(key)}"]`);
  }

  /** Marks of span `id` (all segments it covers). */
  private _marksOf(id: string): NodeListOf<HTMLElement> | HTMLElement[] {
    const textEl = this._textEl();
    if (!textEl) return [];
    return textEl.querySelectorAll<HTMLElement>(`mark.fs-span[data-span-ids~="${CSS.escape(id)}"]`);
  }

  /**
   * Puts the selection/hover/link classes on exactly the affected marks. Called after every
   * render (re-rendered marks may have lost them) and on hover/selection changes; touches only
   * marks of the few involved spans.
   */
  private _applyDecorations(): void {
    for (const el of this._decorated) el.classList.remove(...DECORATION_CLASSES);
    const want = new Map<string, string[]>();
    const add = (id: string | null | undefined, cls: string) => {
      if (id == null || !this._spanById.has(id)) return;
      const list = want.get(id);
      if (list) list.push(cls);
      else want.set(id, [cls]);
    };
    const focus: string[] = [];
    if (this.selected != null) {
      add(String(this.selected), 'fs-selected');
      focus.push(String(this.selected));
    }
    if (this._hovered != null) {
      add(this._hovered, 'fs-hovered');
      focus.push(this._hovered);
    }
    for (const id of focus) {
      for (const other of this._adjacency.get(id) ?? []) add(other, 'fs-linked');
    }
    if (this._link) {
      add(String(this._link.anchor), 'fs-link-anchor');
      for (const p of this._link.picks) add(String(p), 'fs-link-pick');
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

  /** UTF-16 offset in `text` of the DOM position (node, offset) inside .fs-text. */
  private _domToUtf16(textEl: HTMLElement, node: Node, offset: number): number {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement?.closest<HTMLElement>('[data-u16]');
      if (seg && textEl.contains(seg)) {
        return Number(seg.dataset.u16) + offset;
      }
    }
    // Element positions (or anything unusual): count the text before the point.
    const range = document.createRange();
    range.setStart(textEl, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  /** DOM position of UTF-16 offset `u16` (clamped), inside a segment's text node. */
  private _utf16ToDom(u16: number): { node: Node; offset: number } | null {
    const blocks = this._blocks;
    const textEl = this._textEl();
    if (!textEl || blocks.length === 0) return null;
    const total = blocks[blocks.length - 1].endU16;
    const u = Math.max(0, Math.min(total, u16));
    let bi = blockIndexAtUtf16(blocks, u);
    if (bi < 0) bi = blocks.length - 1; // u === total: end of the last block
    const block = blocks[bi];
    let si = segmentIndexAtUtf16(block.segments, u);
    if (si < 0) si = block.segments.length - 1;
    const seg = block.segments[si];
    // Element children of .fs-text are the blocks, theirs the segments (Lit only adds comments).
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

  /** The raw current selection as code points if non-empty and both ends are inside .fs-text. */
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

  /** The current selection (code points), snapped to words if `snap` is on. */
  private _selectionRange(): { start: number; end: number } | null {
    const raw = this._rawSelectionRange();
    if (!raw || !this.snap) return raw;
    return snapRange(typeof this.text === 'string' ? this.text : '', raw.start, raw.end, this._map);
  }

  /** Selects the code point range [start, end) of the text. Returns false if not rendered yet. */
  /**
   * Applies a change to `spans` without the server sending the whole list again: spans whose id is in
   * `removed` go, `added` ones come (an added span replaces one with the same id).
   */
  applySpanDelta(added: AnnotationSpan[], removed: Array<number | string>): void {
    const gone = new Set<string>(removed.map(String));
    for (const s of added) gone.add(String(s.id));
    const current = Array.isArray(this.spans) ? this.spans : [];
    this.spans = [...current.filter((s) => !gone.has(String(s.id))), ...added];
  }

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
    const span = this._spanById.get(String(id));
    if (!span) return false;
    this._select(span, false);
    const first = this._marksOf(String(span.id))[0];
    first?.scrollIntoView({ block: 'center' });
    return true;
  }

  /** Focuses suggestion `key` (null: none) and scrolls to it when asked. */
  focusGhost(key: string | null, scroll = false): void {
    this._ghostFocus = key != null && this._ghostByKey.has(key) ? key : null;
    this._ghostFocusByHover = false;
    this._applyDecorations();
    if (scroll && this._ghostFocus != null) this._ghostPieces(this._ghostFocus)[0]?.scrollIntoView({ block: 'nearest' });
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

  // ---------------------------------------------------------------- actions

  private _fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Accepts or rejects a suggestion: it goes at once here, focus moves on, and the server is told. */
  private _ghostAction(type: 'fs-ghost-accept' | 'fs-ghost-reject', key: string): void {
    if (this.readonly || !this._ghostByKey.has(key)) return;
    let next = this._ghostFocus;
    if (next === key) {
      // keyboard users go on to the next suggestion; a hovered one just goes
      next = this._ghostFocusByHover ? null : focusAfterRemoval(this._ghostOrdered, key);
      this._ghostFocusByHover = false;
    }
    this.ghosts = this._ghostOrdered.filter((g) => g.key !== key);
    this._ghostFocus = next;
    this._fire(type, { key });
  }

  private _create(start: number, end: number, label: string): void {
    if (this.readonly) return;
    this._popup = null;
    window.getSelection()?.removeAllRanges();
    this._fire('fs-create', { start, end, label });
  }

  /** The selected span if it (still) exists. */
  private _selectedSpan(): AnnotationSpan | undefined {
    return this.selected == null ? undefined : this._spanById.get(String(this.selected));
  }

  /** Selects span `span` (or nothing) and reports it if it changed. */
  private _select(span: AnnotationSpan | null, scroll = false): void {
    const id = span ? span.id : null;
    const changed = (this.selected == null ? null : String(this.selected)) !== (id == null ? null : String(id));
    if (span) this._lastSelected = span;
    this.selected = id;
    if (changed) this._fire('fs-select', { id });
    if (scroll && span) {
      // The marks already exist: selection changes never re-render blocks.
      const first = this._marksOf(String(span.id))[0];
      first?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Opens the label popup below the end of the current selection. */
  private _openPopup(): void {
    if (this.readonly || this._link) return;
    const raw = this._rawSelectionRange();
    const selected = this._selectionRange();
    const sel = window.getSelection();
    if (!selected || !raw || !sel || sel.rangeCount === 0) {
      this._popup = null;
      return;
    }
    // Show the user what will be labelled.
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

  private _enterLinkMode(anchor: AnnotationSpan): void {
    const marks = Array.from(this._marksOf(String(anchor.id)));
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
    if (link.picks.length > 0) this._fire('fs-link', { spans: [link.anchor, ...link.picks] });
  }

  /** In link mode, a click on a mark covered by `covering` picks (or un-picks) a span. */
  private _pickForLink(covering: AnnotationSpan[]): void {
    const link = this._link;
    if (!link) return;
    const taken = new Set([String(link.anchor), ...link.picks.map(String)]);
    const fresh = covering.find((s) => !taken.has(String(s.id)));
    if (fresh) {
      this._link = { ...link, picks: [...link.picks, fresh.id] };
      if (fresh.label === this.contentLabel) this._finishLink();
      return;
    }
    const picked = covering.find((s) => String(s.id) !== String(link.anchor));
    if (picked) this._link = { ...link, picks: link.picks.filter((p) => String(p) !== String(picked.id)) };
  }

  private _coveringOf(mark: HTMLElement): AnnotationSpan[] {
    const ids = (mark.dataset.spanIds ?? '').split(' ').filter((x) => x !== '');
    const out: AnnotationSpan[] = [];
    for (const id of ids) {
      const s = this._spanById.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  // ---------------------------------------------------------------- event handlers

  private _onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.isComposing) return;
    const target = e.composedPath()[0] ?? e.target;
    if (isEditable(target)) return;
    const key = e.key;

    if (key === 'Escape') {
      let handled = false;
      if (this._ghostFocus != null && !this._link) {
        this._ghostFocus = null;
        this._applyDecorations();
        handled = true;
      }
      if (this._link) {
        this._link = null;
        handled = true;
      } else {
        if (this._popup) handled = true;
        this._popup = null;
        if (this._rawSelectionRange()) {
          window.getSelection()?.removeAllRanges();
          handled = true;
        }
        if (this.selected != null) {
          this._select(null);
          handled = true;
        }
      }
      if (handled) e.preventDefault();
      return;
    }

    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey) {
      if (this.readonly) return;
      const k = key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        this._fire('fs-undo', {});
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        this._fire('fs-redo', {});
      }
      return;
    }
    if (mod || e.altKey) return;

    if (key === 'Tab') {
      if (!this._isOurKeyTarget(target) || this._ordered.length === 0 || this._link) return;
      e.preventDefault();
      const current = this._selectedSpan() ?? (this.selected != null ? this._lastSelected : null);
      const next = stepSpan(this._ordered, current, e.shiftKey ? -1 : 1);
      if (next) this._select(next, true);
      return;
    }

    if (this._link) {
      if (key === 'Enter') {
        e.preventDefault();
        this._finishLink();
      }
      return;
    }

    if (this.readonly) return;
    if ((key === ']' || key === '[') && this._ghostOrdered.length > 0 && this._isOurKeyTarget(target)) {
      e.preventDefault();
      const next = stepGhost(this._ghostOrdered, this._ghostFocus, key === ']' ? 1 : -1);
      if (next) this.focusGhost(next.key, true);
      return;
    }
    const focusedGhost = this._ghostFocus;
    if (focusedGhost != null && key === 'Enter' && this._isOurKeyTarget(target)) {
      e.preventDefault();
      this._ghostAction('fs-ghost-accept', focusedGhost);
      return;
    }
    const textSel = this._selectionRange();
    const span = this._selectedSpan();
    if (focusedGhost != null && (key === 'x' || key === 'X') && !textSel && !e.shiftKey) {
      e.preventDefault();
      this._ghostAction('fs-ghost-reject', focusedGhost);
      return;
    }

    if ((key === 'Delete' || key === 'Backspace') && span && !textSel) {
      e.preventDefault();
      this._fire('fs-delete', { id: span.id });
      return;
    }
    if ((key === 'l' || key === 'L') && span && !textSel && !e.shiftKey) {
      e.preventDefault();
      this._enterLinkMode(span);
      return;
    }
    const label = labelForKey(this.labels, key);
    if (!label) return;
    if (textSel) {
      e.preventDefault();
      this._create(textSel.start, textSel.end, label.name);
    } else if (span && !this._rawSelectionRange()) {
      e.preventDefault();
      if (span.label !== label.name) this._fire('fs-relabel', { id: span.id, label: label.name });
    }
  };

  /** Tab is only taken over when focus is not on some other control of the page. */
  private _isOurKeyTarget(target: EventTarget | null | undefined): boolean {
    if (target == null || target === document || target === document.body || target === document.documentElement) {
      return true;
    }
    return target instanceof Node && this.contains(target);
  }

  /** True while the user is making or holding a text selection (see _ghostsDeferred). */
  private _selectionBusy(): boolean {
    return this._mouseDown || this._rawSelectionRange() !== null;
  }

  /** Draws suggestions that waited for a selection to go. */
  private _onSelectionChange = (): void => {
    if (this._ghostsDeferred && !this._selectionBusy()) this.requestUpdate('ghosts');
  };

  /** Click outside the popup closes it. */
  private _onDocMouseDown = (e: MouseEvent): void => {
    if (e.button === 0) this._mouseDown = true;
    if (!this._popup) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    this._popup = null;
  };

  /** After a mouse selection, show the popup (deferred: the selection settles after mouseup). */
  private _onDocMouseUp = (e: MouseEvent): void => {
    if (e.button === 0) {
      this._mouseDown = false;
      if (this._ghostsDeferred) setTimeout(() => this._onSelectionChange(), 0);
    }
    if (this.readonly || e.button !== 0 || this._link) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    setTimeout(() => {
      if (this.isConnected) this._openPopup();
    }, 0);
  };

  /**
   * Click without a text selection: on a mark selects the innermost covering span (again:
   * the next covering one); on plain text clears the selection. In link mode: picks spans.
   */
  private _onTextClick = (e: MouseEvent): void => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this._rawSelectionRange()) return;
    const target = e.target instanceof Element ? e.target : null;
    const ghostEl = target?.closest<HTMLElement>('span.fs-ghost');
    if (ghostEl && !this._link && !this.readonly) {
      const keys = (ghostEl.dataset.ghostKeys ?? '').split(' ').filter((k) => k !== '');
      const chosen = keys.includes(this._ghostFocus ?? '') ? this._ghostFocus : keys[0];
      if (chosen) this._ghostAction('fs-ghost-accept', chosen);
      return;
    }
    const mark = target?.closest<HTMLElement>('mark.fs-span');
    const covering = mark ? this._coveringOf(mark) : [];
    if (this._link) {
      if (covering.length > 0 && !this.readonly) this._pickForLink(covering);
      return;
    }
    if (covering.length === 0) {
      this._select(null);
      return;
    }
    const next = nextCovering(covering, this.selected);
    if (next) this._select(next);
  };

  /** Hover highlights the innermost span under the pointer and the spans linked to it. */
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
  };
}

if (!customElements.get('fs-text-annotator')) {
  customElements.define('fs-text-annotator', FsTextAnnotator);
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-text-annotator': FsTextAnnotator;
  }
}
