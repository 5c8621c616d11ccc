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

/** A label definition, e.g. {name:'CLAIM', key:'1', color:'#0072B2', title:'Claim'}. */
export interface LabelDef {
  name: string;
  key: string;
  color: string;
  title: string;
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

/** Finds the label whose keyboard key equals `key` (case-insensitive), if any. */
export function labelForKey(labels: readonly LabelDef[] | null | undefined, key: string): LabelDef | undefined {
  if (!key) return undefined;
  const k = key.toLowerCase();
  return (labels ?? []).find((l) => l != null && typeof l.key === 'string' && l.key !== '' && l.key.toLowerCase() === k);
}

/** Shortens `s` to at most `max` UTF-16 units (not splitting a surrogate pair), adding '…'. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut) + '…';
}
