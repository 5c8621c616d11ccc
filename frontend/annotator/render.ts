/**
 * Pure helpers for fs-text-annotator: splitting the text into segments at span boundaries,
 * label lookup and colour sanitising. No DOM, no lit, so Node's test runner can load it.
 * Only erasable TypeScript syntax (Node type stripping).
 */
import { OffsetMap } from './offsets.ts';

/** A labelled span in code point offsets (end exclusive), as sent by the server. */
export interface AnnotationSpan {
  id: number | string;
  start: number;
  end: number;
  label: string;
}

/**
 * A label definition, e.g. {name:'CLAIM', key:'1', letter:'c', color:'#0072B2', title:'Claim'}.
 * `key` is a digit '1'-'9' (or empty), `letter` an optional single lower-case letter; both
 * work as keyboard shortcuts.
 */
export interface LabelDef {
  name: string;
  key: string;
  letter?: string | null;
  color: string;
  title: string;
}

/** A link (triple) between spans: who said (source), how (cue), what (content). */
export interface LinkDef {
  id: number | string;
  source: number | string | null;
  cue: number | string | null;
  content: number | string;
}

/** A maximal run of text covered by the same set of spans. */
export interface Segment {
  /** Code point offsets, end exclusive. */
  start: number;
  end: number;
  /** UTF-16 offsets, end exclusive. */
  startU16: number;
  endU16: number;
  /** The exact text of the segment (text.slice(startU16, endU16)). */
  text: string;
  /** Covering spans, innermost (shortest) first; empty for plain text. */
  spans: AnnotationSpan[];
  /** Covering suggestions (ghosts.ts), shortest first; absent when none. */
  ghosts?: Array<{ key: string; label: string }>;
}

/**
 * Orders covering spans: shortest first; ties broken by later start (more inner), then by
 * input order (stable sort).
 */
function compareInnermost(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start;
}

/**
 * Splits `text` at every span boundary. Spans are clamped to the text; empty or inverted
 * spans (and spans with non-numeric offsets) are ignored. Segments cover the whole text
 * in order and are never empty; an empty text gives no segments.
 */
export function computeSegments(
  text: string,
  spans: readonly AnnotationSpan[] | null | undefined,
  map: OffsetMap = new OffsetMap(text),
): Segment[] {
  const length = map.length;
  if (length === 0) return [];

  // Normalise spans (clamped copies keep the original object's id/label via reference).
  type Norm = { span: AnnotationSpan; start: number; end: number };
  const norm: Norm[] = [];
  for (const span of spans ?? []) {
    if (span == null) continue;
    const start = Math.max(0, Math.min(length, Math.floor(Number(span.start))));
    const end = Math.max(0, Math.min(length, Math.floor(Number(span.end))));
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) continue;
    norm.push({ span, start, end });
  }

  // Boundaries: 0, length and every span start/end.
  const bounds = new Set<number>([0, length]);
  for (const n of norm) {
    bounds.add(n.start);
    bounds.add(n.end);
  }
  const points = Array.from(bounds).sort((a, b) => a - b);

  // Sweep: spans sorted by start; the active set holds spans covering the current segment.
  const byStart = norm.slice().sort((a, b) => a.start - b.start);
  let next = 0;
  let active: Norm[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((n) => n.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    const covering = active
      .slice()
      .sort((x, y) => compareInnermost(x, y))
      .map((n) => n.span);
    const startU16 = map.toUtf16(a);
    const endU16 = map.toUtf16(b);
    segments.push({ start: a, end: b, startU16, endU16, text: text.slice(startU16, endU16), spans: covering });
  }
  return segments;
}

/** The innermost (shortest) span among `spans`, or undefined if there is none. */
export function innermostSpan(spans: readonly AnnotationSpan[]): AnnotationSpan | undefined {
  let best: AnnotationSpan | undefined;
  for (const s of spans) {
    if (best === undefined || compareInnermost(s, best) < 0) best = s;
  }
  return best;
}

/** Index of the segment containing UTF-16 offset `u16` (binary search); -1 if none. */
export function segmentIndexAtUtf16(segments: readonly Segment[], u16: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid];
    if (u16 < seg.startU16) hi = mid - 1;
    else if (u16 >= seg.endU16) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const FALLBACK_COLOR = '#888888';

/**
 * Returns `color` if it looks like a plain CSS colour (hex, name, rgb()/hsl()/oklch()...),
 * else a neutral grey. Prevents CSS injection through the style attribute.
 */
export function safeColor(color: string | null | undefined): string {
  if (typeof color !== 'string') return FALLBACK_COLOR;
  const c = color.trim();
  if (/^#[0-9a-fA-F]{3,8}$/.test(c)) return c;
  if (/^[a-zA-Z]+$/.test(c)) return c;
  if (/^(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9a-zA-Z.,%/\s+-]*\)$/.test(c)) return c;
  return FALLBACK_COLOR;
}

/** Finds the label definition for `name`; unknown labels get a neutral fallback. */
export function labelFor(labels: readonly LabelDef[] | null | undefined, name: string): LabelDef {
  const found = (labels ?? []).find((l) => l != null && l.name === name);
  return found ?? { name, key: '', color: FALLBACK_COLOR, title: name };
}

/** Finds the label whose keyboard `key` or `letter` equals `key` (case-insensitive), if any. */
export function labelForKey(labels: readonly LabelDef[] | null | undefined, key: string): LabelDef | undefined {
  if (!key || key.length !== 1) return undefined;
  const k = key.toLowerCase();
  const list = (labels ?? []).filter((l) => l != null);
  return (
    list.find((l) => typeof l.key === 'string' && l.key !== '' && l.key.toLowerCase() === k) ??
    list.find((l) => typeof l.letter === 'string' && l.letter !== '' && l.letter.toLowerCase() === k)
  );
}

/** The shortcut hint shown in the popup: "1", "1/c", "c" or "" (no shortcut). */
export function keyHint(label: LabelDef): string {
  const parts: string[] = [];
  if (typeof label.key === 'string' && label.key !== '') parts.push(label.key);
  if (typeof label.letter === 'string' && label.letter !== '') parts.push(label.letter);
  return parts.join('/');
}

/** Shortens `s` to at most `max` UTF-16 units (not splitting a surrogate pair), adding '…'. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut) + '…';
}

// ------------------------------------------------------------------ overlap styling

/** At most this many stacked underlines per segment; more covering spans show a "+N". */
export const MAX_UNDERLINES = 3;
const UNDERLINE_PX = 2;

/**
 * Inline style of a segment covered by `spans` (innermost first): `--fs-color` is the innermost
 * span's colour (used by CSS for the translucent background and outlines) and one stacked
 * underline per covering span, innermost at the bottom, drawn as inset box-shadows.
 * `more` is the number of covering spans beyond MAX_UNDERLINES (0 if none).
 */
export function segmentDecoration(
  spans: readonly AnnotationSpan[],
  labels: readonly LabelDef[] | null | undefined,
): { style: string; more: number } {
  if (spans.length === 0) return { style: '', more: 0 };
  const colors = spans.map((s) => safeColor(labelFor(labels, s.label).color));
  const shown = colors.slice(0, MAX_UNDERLINES);
  const shadows = shown.map((c, i) => `inset 0 -${(i + 1) * UNDERLINE_PX}px 0 ${c}`).join(', ');
  return {
    style: `--fs-color: ${colors[0]}; box-shadow: ${shadows}; padding-bottom: ${(shown.length - 1) * UNDERLINE_PX}px`,
    more: Math.max(0, spans.length - MAX_UNDERLINES),
  };
}

// ------------------------------------------------------------------ blocks (large documents)

/** A slice of the text rendered (and re-rendered) as a unit; it never splits a segment's text. */
export interface Block {
  /** Stable key for lit's repeat: the block's UTF-16 start. */
  key: string;
  start: number;
  end: number;
  startU16: number;
  endU16: number;
  /** Segments of this block (segments crossing a block edge are split there). */
  segments: Segment[];
  /** Changes iff the rendering of the block's spans may change (ids, labels, offsets). */
  sig: string;
  /**
   * True when the block is a whole paragraph: it starts the text or follows a line break, and it
   * ends with a line break or the text. Such blocks may be laid out as CSS blocks (and skipped by
   * the browser while off screen) without changing where lines break; the pieces of a paragraph
   * that was split for length must stay inline.
   */
  para: boolean;
  /**
   * True when the block holds only line breaks: the blank lines between two paragraphs (or before the first).
   * It is drawn as a short fixed gap, so that a run of blank lines in the text does not open a hole of several
   * lines in the editor; its characters stay in the DOM, so offsets do not change.
   */
  gap: boolean;
}

/** True when [from, to) of the text holds line breaks only. */
function onlyLineBreaks(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let u = from; u < to; u++) if (!isLineBreak(text.charCodeAt(u))) return false;
  return true;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Blocks longer than this (UTF-16 units) are split after a white space character. */
export const MAX_BLOCK_U16 = 3000;

/**
 * UTF-16 offsets where blocks start (always 0 first for a non-empty text): after every run
 * of line break characters (\n, \r, U+2028, U+2029), and after a white space once a block
 * grows beyond `maxU16` units, so that even a text without line breaks is split. A run of
 * more than one line break (CRLF counts as one) is split after its first break: the rest is
 * a block of its own, a gap (a run at the very start is a gap whole). Boundaries never fall
 * inside a surrogate pair.
 */
export function blockStarts(text: string, maxU16: number = MAX_BLOCK_U16): number[] {
  const starts: number[] = [];
  const n = text.length;
  if (n === 0) return starts;
  starts.push(0);
  let blockStart = 0;
  let u = 0;
  while (u < n) {
    const c = text.charCodeAt(u);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      let v = u + 1;
      while (v < n) {
        const d = text.charCodeAt(v);
        if (d === 0x0a || d === 0x0d || d === 0x2028 || d === 0x2029) v++;
        else break;
      }
      const firstEnd = c === 0x0d && u + 1 < n && text.charCodeAt(u + 1) === 0x0a ? u + 2 : u + 1;
      if (u > 0 && v > firstEnd) starts.push(firstEnd); // the blank lines after the first break: a gap
      if (v < n) {
        starts.push(v);
        blockStart = v;
      }
      u = v;
      continue;
    }
    if ((c === 0x20 || c === 0x09) && u + 1 - blockStart > maxU16 && u + 1 < n) {
      starts.push(u + 1);
      blockStart = u + 1;
    }
    u++;
  }
  return starts;
}

function spanSig(s: AnnotationSpan): string {
  return `${String(s.id)}/${s.label}/${s.start}/${s.end}`;
}

/**
 * Groups `segments` (from computeSegments over the same text) into blocks starting at
 * `starts` (from blockStarts), splitting segments that cross a block start.
 */
export function computeBlocks(
  text: string,
  segments: readonly Segment[],
  starts: readonly number[],
  map: OffsetMap = new OffsetMap(text),
): Block[] {
  const blocks: Block[] = [];
  if (segments.length === 0 || starts.length === 0) return blocks;
  let si = 0;
  let seg: Segment | undefined = segments[0];
  for (let bi = 0; bi < starts.length; bi++) {
    const bStart = starts[bi];
    const bEnd = bi + 1 < starts.length ? starts[bi + 1] : text.length;
    const segs: Segment[] = [];
    const sig: string[] = [];
    while (seg !== undefined && seg.startU16 < bEnd) {
      let piece: Segment = seg;
      if (seg.endU16 > bEnd) {
        // split at the block end; the rest continues in the next block
        const cut = map.toCodePoint(bEnd);
        piece = { ...seg, end: cut, endU16: bEnd, text: text.slice(seg.startU16, bEnd) };
        seg = { ...seg, start: cut, startU16: bEnd, text: text.slice(bEnd, seg.endU16) };
      } else {
        si++;
        seg = segments[si];
      }
      segs.push(piece);
      const ghosts = piece.ghosts ?? [];
      if (piece.spans.length > 0 || ghosts.length > 0) {
        const g = ghosts.length > 0 ? `~${ghosts.map((x) => x.key).join(',')}` : '';
        sig.push(`${piece.startU16}-${piece.endU16}:${piece.spans.map(spanSig).join(',')}${g}`);
      }
    }
    if (segs.length === 0) continue;
    const startsParagraph = bStart === 0 || isLineBreak(text.charCodeAt(bStart - 1));
    const endsParagraph = bEnd === text.length || isLineBreak(text.charCodeAt(bEnd - 1));
    blocks.push({
      key: String(bStart),
      start: segs[0].start,
      end: segs[segs.length - 1].end,
      startU16: bStart,
      endU16: bEnd,
      segments: segs,
      sig: `${bStart}-${bEnd}|${sig.join(';')}`,
      para: startsParagraph && endsParagraph,
      gap: onlyLineBreaks(text, bStart, bEnd),
    });
  }
  return blocks;
}

/** Index of the block containing UTF-16 offset `u16` (binary search); -1 if none. */
export function blockIndexAtUtf16(blocks: readonly Block[], u16: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (u16 < b.startU16) hi = mid - 1;
    else if (u16 >= b.endU16) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// ------------------------------------------------------------------ selection helpers

/**
 * The span to select when a mark covered by `covering` (innermost first) is clicked: the
 * innermost one, or if `selected` is among them, the next one (cycling), so nested spans and
 * the spans around them are all reachable.
 */
export function nextCovering(
  covering: readonly AnnotationSpan[],
  selected: number | string | null | undefined,
): AnnotationSpan | undefined {
  if (covering.length === 0) return undefined;
  if (selected == null) return covering[0];
  const k = covering.findIndex((s) => String(s.id) === String(selected));
  return covering[k < 0 ? 0 : (k + 1) % covering.length];
}

/** Document order: start, then end, then id (numbers numerically, else as strings). */
export function compareDocOrder(a: AnnotationSpan, b: AnnotationSpan): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id - b.id;
  const x = String(a.id);
  const y = String(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Valid spans (numeric, non-empty) sorted in document order. */
export function sortSpans(spans: readonly AnnotationSpan[] | null | undefined): AnnotationSpan[] {
  return (spans ?? [])
    .filter((s) => s != null && Number.isFinite(Number(s.start)) && Number.isFinite(Number(s.end)) && s.end > s.start)
    .slice()
    .sort(compareDocOrder);
}

/**
 * The span after (dir 1) or before (dir -1) `current` in `ordered` (from sortSpans), wrapping
 * around. `current` may be a span that is no longer in the list (e.g. just deleted): its place
 * in document order is used. Without `current`, the first (or last) span.
 */
export function stepSpan(
  ordered: readonly AnnotationSpan[],
  current: AnnotationSpan | null | undefined,
  dir: 1 | -1,
): AnnotationSpan | undefined {
  const n = ordered.length;
  if (n === 0) return undefined;
  if (!current) return dir > 0 ? ordered[0] : ordered[n - 1];
  // first index whose span is >= current
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareDocOrder(ordered[mid], current) < 0) lo = mid + 1;
    else hi = mid;
  }
  const found = lo < n && String(ordered[lo].id) === String(current.id);
  if (dir > 0) return ordered[(found ? lo + 1 : lo) % n];
  return ordered[(lo - 1 + n) % n];
}

// ------------------------------------------------------------------ links

/**
 * For every span id (as string), the ids of all other spans sharing a link with it
 * (source, cue, content of the same link). Links with missing members are tolerated.
 */
export function linkAdjacency(links: readonly LinkDef[] | null | undefined): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  for (const link of links ?? []) {
    if (link == null) continue;
    const members = [link.source, link.cue, link.content].filter((x) => x != null).map((x) => String(x));
    for (const a of members) {
      for (const b of members) {
        if (a === b) continue;
        let set = adj.get(a);
        if (!set) adj.set(a, (set = new Set<string>()));
        set.add(b);
      }
    }
  }
  return adj;
}

// ------------------------------------------------------------------ incremental blocks

/** A suggestion as the block index places it (ghosts.ts has the full type). */
export interface GhostLike {
  key: string;
  start: number;
  end: number;
  label: string;
}

/**
 * The blocks of a text, kept up to date span by span: each block knows the spans and suggestions that reach into it,
 * and only the blocks a change touches get new segments (and a new Block object, which is how the element knows
 * what to render again). A key press in a document of 50,000 words and 5,000 spans recomputes one paragraph.
 * `overlay` lays suggestions over a block's segments (ghosts.ts's overlayGhosts; passed in to keep this module free
 * of that one).
 */
export class BlockIndex {
  readonly text: string;
  readonly map: OffsetMap;
  /** Block starts in UTF-16 and code points. */
  private readonly startsU16: number[];
  private readonly startsCp: number[];
  private readonly spansIn: Array<Map<string, AnnotationSpan>>;
  private readonly ghostsIn: Array<Map<string, GhostLike>>;
  private readonly dirty = new Set<number>();
  private readonly overlay: (text: string, segments: Segment[], ghosts: GhostLike[], map: OffsetMap) => Segment[];
  blocks: Block[] = [];

  constructor(
    text: string,
    map: OffsetMap,
    overlay: (text: string, segments: Segment[], ghosts: GhostLike[], map: OffsetMap) => Segment[],
    maxU16: number = MAX_BLOCK_U16,
  ) {
    this.text = text;
    this.map = map;
    this.overlay = overlay;
    this.startsU16 = blockStarts(text, maxU16);
    this.startsCp = this.startsU16.map((u) => map.toCodePoint(u));
    this.spansIn = this.startsU16.map(() => new Map());
    this.ghostsIn = this.startsU16.map(() => new Map());
    for (let i = 0; i < this.startsU16.length; i++) this.dirty.add(i);
    this.blocks = new Array(this.startsU16.length);
    this.refresh();
  }

  get size(): number {
    return this.startsU16.length;
  }

  /** Index of the block holding code point `cp` (clamped). */
  blockOfCp(cp: number): number {
    const s = this.startsCp;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Code point range [start, end) of blocks [first, last]. */
  cpRange(first: number, last: number): { start: number; end: number } {
    const end = last + 1 < this.startsCp.length ? this.startsCp[last + 1] : this.map.length;
    return { start: this.startsCp[Math.max(0, first)] ?? 0, end };
  }

  private each(start: number, end: number, fn: (block: number) => void): void {
    const n = this.map.length;
    const a = Math.max(0, Math.min(n, Math.floor(Number(start))));
    const b = Math.max(0, Math.min(n, Math.floor(Number(end))));
    if (!(b > a)) return;
    const last = this.blockOfCp(b - 1);
    for (let i = this.blockOfCp(a); i <= last; i++) fn(i);
  }

  addSpan(span: AnnotationSpan): void {
    const id = String(span.id);
    this.each(span.start, span.end, (i) => {
      this.spansIn[i].set(id, span);
      this.dirty.add(i);
    });
  }

  removeSpan(span: AnnotationSpan): void {
    const id = String(span.id);
    this.each(span.start, span.end, (i) => {
      if (this.spansIn[i].delete(id)) this.dirty.add(i);
    });
  }

  addGhost(g: GhostLike): void {
    this.each(g.start, g.end, (i) => {
      this.ghostsIn[i].set(g.key, g);
      this.dirty.add(i);
    });
  }

  removeGhost(g: GhostLike): void {
    this.each(g.start, g.end, (i) => {
      if (this.ghostsIn[i].delete(g.key)) this.dirty.add(i);
    });
  }

  /** Every block renders again (labels or colours changed). */
  touchAll(): void {
    for (let i = 0; i < this.startsU16.length; i++) this.dirty.add(i);
  }

  /** Recomputes the blocks a change touched; returns how many. */
  refresh(): number {
    const count = this.dirty.size;
    for (const i of this.dirty) this.blocks[i] = this.computeBlock(i);
    this.dirty.clear();
    return count;
  }

  private computeBlock(i: number): Block {
    const startU16 = this.startsU16[i];
    const endU16 = i + 1 < this.startsU16.length ? this.startsU16[i + 1] : this.text.length;
    const start = this.startsCp[i];
    const end = i + 1 < this.startsCp.length ? this.startsCp[i + 1] : this.map.length;
    let segments = segmentsInRange(this.text, Array.from(this.spansIn[i].values()), this.map, start, end);
    const ghosts = Array.from(this.ghostsIn[i].values());
    if (ghosts.length > 0) segments = this.overlay(this.text, segments, ghosts, this.map);
    const startsParagraph = startU16 === 0 || isLineBreak(this.text.charCodeAt(startU16 - 1));
    const endsParagraph = endU16 === this.text.length || isLineBreak(this.text.charCodeAt(endU16 - 1));
    return {
      key: String(startU16),
      start,
      end,
      startU16,
      endU16,
      segments,
      sig: '',
      para: startsParagraph && endsParagraph,
      gap: onlyLineBreaks(this.text, startU16, endU16),
    };
  }
}

/**
 * computeSegments for the code point range [from, to) of the text: spans are clipped to it; the segments cover
 * exactly that range.
 */
export function segmentsInRange(
  text: string,
  spans: readonly AnnotationSpan[],
  map: OffsetMap,
  from: number,
  to: number,
): Segment[] {
  if (to <= from) return [];
  const norm: Array<{ span: AnnotationSpan; start: number; end: number; len: number }> = [];
  for (const span of spans) {
    const s0 = Math.floor(Number(span.start));
    const e0 = Math.floor(Number(span.end));
    if (Number.isNaN(s0) || Number.isNaN(e0) || e0 <= s0) continue;
    const start = Math.max(from, s0);
    const end = Math.min(to, e0);
    if (end <= start) continue;
    // innermost by the span's whole length (not the clipped one): the same order in every block
    norm.push({ span, start, end, len: Math.min(map.length, e0) - Math.max(0, s0) });
  }
  const bounds = new Set<number>([from, to]);
  for (const n of norm) {
    bounds.add(n.start);
    bounds.add(n.end);
  }
  const points = Array.from(bounds).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const covering = norm
      .filter((n) => n.start <= a && n.end >= b)
      .sort((x, y) => x.len - y.len || Math.floor(Number(y.span.start)) - Math.floor(Number(x.span.start)))
      .map((n) => n.span);
    const startU16 = map.toUtf16(a);
    const endU16 = map.toUtf16(b);
    segments.push({ start: a, end: b, startU16, endU16, text: text.slice(startU16, endU16), spans: covering });
  }
  return segments;
}
