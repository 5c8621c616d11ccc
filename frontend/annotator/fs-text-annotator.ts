/**
 * <fs-text-annotator>: shows a text with labelled spans and lets the user label selections.
 *
 * Renders into the LIGHT DOM so that window.getSelection() sees the text nodes. Every text
 * node inside `.fs-text` holds exactly a slice of `text` (no added characters), so a DOM
 * position maps back to a UTF-16 offset, which OffsetMap converts to code points.
 *
 * Properties (set from Java as JS properties):
 *   text: string; spans: AnnotationSpan[] (code points, end exclusive); labels: LabelDef[];
 *   readonly: boolean.
 * Events (bubbles, composed):
 *   fs-create     detail {start: number, end: number, label: string}   (code points)
 *   fs-span-click detail {id: number | string}                          (shortest covering span)
 * Methods: selectRange(start, end) selects a code point range (used by browser tests).
 * Attributes: data-ready="true" once text has been rendered.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { OffsetMap } from './offsets.ts';
import {
  computeSegments,
  labelFor,
  labelForKey,
  safeColor,
  segmentIndexAtUtf16,
  truncate,
  type AnnotationSpan,
  type LabelDef,
  type Segment,
} from './render.ts';

const STYLE_ID = 'fs-text-annotator-style';

/** Light DOM cannot use static styles: one shared <style> goes into document.head. */
const STYLE_TEXT = `
fs-text-annotator { display: block; position: relative; }
fs-text-annotator .fs-text {
  white-space: pre-wrap;
  overflow-wrap: break-word;
  font-size: 1.05rem;
  line-height: 1.7;
  max-width: 75ch;
}
fs-text-annotator .fs-span {
  color: inherit;
  background: color-mix(in srgb, var(--fs-color, #888) 35%, transparent);
  border-bottom: 2px solid var(--fs-color, #888);
  border-radius: 2px;
  cursor: pointer;
}
fs-text-annotator .fs-span.fs-multi { border-bottom-style: double; border-bottom-width: 3px; }
fs-text-annotator .fs-popup {
  position: absolute;
  z-index: 100;
  display: flex;
  flex-direction: column;
  gap: 2px;
  padding: 4px;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-20pct, #ccc);
  border-radius: 6px;
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.18);
  font-size: 0.9rem;
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

interface PopupState {
  x: number;
  y: number;
  start: number;
  end: number;
}

export class FsTextAnnotator extends LitElement {
  static properties = {
    text: { type: String },
    spans: { attribute: false },
    labels: { attribute: false },
    readonly: { type: Boolean },
    _popup: { state: true },
  };

  // Reactive properties: `declare` (no initialisers) so Lit's accessors are not shadowed.
  declare text: string;
  declare spans: AnnotationSpan[];
  declare labels: LabelDef[];
  declare readonly: boolean;
  declare _popup: PopupState | null;

  /** Derived from text/spans in willUpdate(). */
  private _map: OffsetMap = new OffsetMap('');
  private _segments: Segment[] = [];

  constructor() {
    super();
    this.text = '';
    this.spans = [];
    this.labels = [];
    this.readonly = false;
    this._popup = null;
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
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this._onKeyDown);
    document.removeEventListener('mousedown', this._onDocMouseDown);
    document.removeEventListener('mouseup', this._onDocMouseUp);
    this._popup = null;
    super.disconnectedCallback();
  }

  protected willUpdate(changed: PropertyValues): void {
    const text = typeof this.text === 'string' ? this.text : '';
    if (changed.has('text')) {
      this._map = new OffsetMap(text);
      this._popup = null; // offsets of an open popup refer to the old text
    }
    if (changed.has('text') || changed.has('spans')) {
      this._segments = computeSegments(text, Array.isArray(this.spans) ? this.spans : [], this._map);
    }
    if (changed.has('readonly') && this.readonly) {
      this._popup = null;
    }
  }

  protected updated(): void {
    if (this._map.length > 0 && this.getAttribute('data-ready') !== 'true') {
      this.setAttribute('data-ready', 'true');
    }
  }

  // ---------------------------------------------------------------- rendering

  protected render(): TemplateResult {
    // No whitespace inside .fs-text: it is pre-wrap and must contain exactly the text.
    return html`<div class="fs-text" part="text" @click=${this._onTextClick}>${this._segments.map((seg, i) =>
      this._renderSegment(seg, i),
    )}</div>${this._renderPopup()}`;
  }

  private _renderSegment(seg: Segment, index: number): TemplateResult {
    if (seg.spans.length === 0) {
      return html`<span class="fs-seg" data-u16=${seg.startU16}>${seg.text}</span>`;
    }
    const top = seg.spans[0];
    const label = labelFor(this.labels, top.label);
    const title = seg.spans
      .map((s) => {
        const covered = this.text.slice(this._map.toUtf16(s.start), this._map.toUtf16(s.end));
        return `${labelFor(this.labels, s.label).title}: “${truncate(covered, 200)}”`;
      })
      .join('\n');
    return html`<mark
      class=${seg.spans.length > 1 ? 'fs-span fs-multi' : 'fs-span'}
      data-u16=${seg.startU16}
      data-seg=${index}
      data-span-id=${String(top.id)}
      data-span-ids=${seg.spans.map((s) => String(s.id)).join(' ')}
      data-label=${top.label}
      title=${title}
      style=${`--fs-color: ${safeColor(label.color)}`}
    >${seg.text}</mark>`;
  }

  private _renderPopup(): TemplateResult | typeof nothing {
    const popup = this._popup;
    if (!popup || this.readonly) return nothing;
    const labels = (Array.isArray(this.labels) ? this.labels : []).filter((l) => l != null);
    return html`<div
      class="fs-popup"
      role="menu"
      style=${`left: ${popup.x}px; top: ${popup.y}px`}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
    >
      ${labels.map(
        (l) => html`<button
          type="button"
          role="menuitem"
          data-label=${l.name}
          style=${`--fs-color: ${safeColor(l.color)}`}
          @click=${(e: MouseEvent) => {
            e.stopPropagation();
            this._create(popup.start, popup.end, l.name);
          }}
        ><span class="fs-key">[${l.key}]</span> ${l.title}</button>`,
      )}
    </div>`;
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
    const segs = this._segments;
    const textEl = this._textEl();
    if (!textEl || segs.length === 0) return null;
    const total = segs[segs.length - 1].endU16;
    const u = Math.max(0, Math.min(total, u16));
    let index = segmentIndexAtUtf16(segs, u);
    if (index < 0) index = segs.length - 1; // u === total: end of the last segment
    // Element children of .fs-text are exactly the segments, in order (Lit only adds comments).
    let el: Element | null = textEl.children[index] ?? null;
    if (!el || el.getAttribute('data-u16') !== String(segs[index].startU16)) {
      el = textEl.querySelector(`[data-u16="${segs[index].startU16}"]`);
    }
    if (!el) return null;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        return { node: child, offset: u - segs[index].startU16 };
      }
    }
    return null;
  }

  /** The current selection as code points if non-empty and both ends are inside .fs-text. */
  private _selectionRange(): { start: number; end: number } | null {
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

  /** Selects the code point range [start, end) of the text. Returns false if not rendered yet. */
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

  private _create(start: number, end: number, label: string): void {
    if (this.readonly) return;
    this._popup = null;
    window.getSelection()?.removeAllRanges();
    this.dispatchEvent(
      new CustomEvent('fs-create', { detail: { start, end, label }, bubbles: true, composed: true }),
    );
  }

  /** Opens the label popup below the end of the current selection. */
  private _openPopup(): void {
    if (this.readonly) return;
    const selected = this._selectionRange();
    const sel = window.getSelection();
    if (!selected || !sel || sel.rangeCount === 0) {
      this._popup = null;
      return;
    }
    const range = sel.getRangeAt(0);
    const rects = range.getClientRects();
    const rect = rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const maxX = Math.max(0, this.clientWidth - 180);
    this._popup = {
      x: Math.round(Math.max(0, Math.min(rect.right - host.left, maxX))),
      y: Math.round(rect.bottom - host.top + 4),
      start: selected.start,
      end: selected.end,
    };
  }

  // ---------------------------------------------------------------- event handlers

  private _onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.isComposing) return;
    if (isEditable(e.composedPath()[0] ?? e.target)) return;
    if (e.key === 'Escape') {
      const hadPopup = this._popup !== null;
      this._popup = null;
      if (this._selectionRange()) window.getSelection()?.removeAllRanges();
      if (hadPopup) e.preventDefault();
      return;
    }
    if (this.readonly || e.ctrlKey || e.metaKey || e.altKey) return;
    const label = labelForKey(this.labels, e.key);
    if (!label) return;
    const selected = this._selectionRange();
    if (!selected) return;
    e.preventDefault();
    this._create(selected.start, selected.end, label.name);
  };

  /** Click outside the popup closes it. */
  private _onDocMouseDown = (e: MouseEvent): void => {
    if (!this._popup) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    this._popup = null;
  };

  /** After a mouse selection, show the popup (deferred: the selection settles after mouseup). */
  private _onDocMouseUp = (e: MouseEvent): void => {
    if (this.readonly || e.button !== 0) return;
    const popupEl = this.querySelector('.fs-popup');
    if (popupEl && e.composedPath().includes(popupEl)) return;
    setTimeout(() => {
      if (this.isConnected) this._openPopup();
    }, 0);
  };

  /** Click on a mark without a selection reports the innermost covering span. */
  private _onTextClick = (e: MouseEvent): void => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this._selectionRange()) return;
    const target = e.target instanceof Element ? e.target : null;
    const mark = target?.closest<HTMLElement>('mark.fs-span');
    if (!mark) return;
    const seg = this._segments[Number(mark.dataset.seg)];
    const top = seg?.spans[0];
    if (top === undefined) return;
    this.dispatchEvent(
      new CustomEvent('fs-span-click', { detail: { id: top.id }, bubbles: true, composed: true }),
    );
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
