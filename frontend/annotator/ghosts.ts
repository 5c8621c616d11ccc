/**
 * Pure helpers for suggestions ("ghosts") in fs-text-annotator: spans a recommender proposes, drawn
 * apart from real spans (dashed outline, no fill). They are laid over the segments of the real spans
 * without adding characters, so DOM positions still map to text offsets. No DOM, no lit.
 * Only erasable TypeScript syntax (Node type stripping).
 */
import { OffsetMap } from './offsets.ts';
import type { Segment } from './render.ts';

/** A suggested span in code point offsets (end exclusive); `key` is unique in the document. */
export interface Ghost {
  key: string;
  start: number;
  end: number;
  label: string;
  recommender?: string;
  score?: number;
  reason?: string;
}

/** Valid ghosts (numeric, non-empty, unique keys) in document order: start, end, then key. */
export function sortGhosts(ghosts: readonly Ghost[] | null | undefined): Ghost[] {
  const seen = new Set<string>();
  const out: Ghost[] = [];
  for (const g of ghosts ?? []) {
    if (g == null || typeof g.key !== 'string' || seen.has(g.key)) continue;
    if (!Number.isFinite(Number(g.start)) || !Number.isFinite(Number(g.end)) || g.end <= g.start) continue;
    seen.add(g.key);
    out.push(g);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Splits `segments` (from computeSegments over `text`) at every ghost boundary and gives each piece
 * the ghosts covering it (`ghosts`, shortest first). Pieces keep their real spans; the text of the
 * pieces still adds up to the whole text. Ghosts outside the text are clamped, empty ones ignored.
 */
export function overlayGhosts(
  text: string,
  segments: readonly Segment[],
  ghosts: readonly Ghost[] | null | undefined,
  map: OffsetMap = new OffsetMap(text),
): Segment[] {
  const list = sortGhosts(ghosts)
    .map((g) => ({ g, start: Math.max(0, Math.min(map.length, g.start)), end: Math.max(0, Math.min(map.length, g.end)) }))
    .filter((x) => x.end > x.start);
  if (list.length === 0) return segments.slice();
  const cuts = new Set<number>();
  for (const x of list) {
    cuts.add(x.start);
    cuts.add(x.end);
  }
  const out: Segment[] = [];
  for (const seg of segments) {
    const points = [seg.start];
    for (const c of Array.from(cuts).sort((a, b) => a - b)) if (c > seg.start && c < seg.end) points.push(c);
    points.push(seg.end);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const covering = list
        .filter((x) => x.start <= a && x.end >= b)
        .sort((x, y) => x.end - x.start - (y.end - y.start))
        .map((x) => x.g);
      const startU16 = map.toUtf16(a);
      const endU16 = map.toUtf16(b);
      const piece: Segment = { start: a, end: b, startU16, endU16, text: text.slice(startU16, endU16), spans: seg.spans };
      if (covering.length > 0) piece.ghosts = covering;
      out.push(piece);
    }
  }
  return out;
}

/**
 * The ghost after (dir 1) or before (dir -1) the one with `currentKey` in `ordered` (from
 * sortGhosts), wrapping around; without a current one (or an unknown key), the first or the last.
 */
export function stepGhost(ordered: readonly Ghost[], currentKey: string | null | undefined, dir: 1 | -1): Ghost | undefined {
  const n = ordered.length;
  if (n === 0) return undefined;
  const k = currentKey == null ? -1 : ordered.findIndex((g) => g.key === currentKey);
  if (k < 0) return dir > 0 ? ordered[0] : ordered[n - 1];
  return ordered[(k + dir + n) % n];
}

/**
 * What to focus once the ghost `removedKey` is accepted or rejected: the next one in document
 * order (wrapping), or null when none is left. Lets a keyboard user go Enter, Enter, x, Enter...
 */
export function focusAfterRemoval(ordered: readonly Ghost[], removedKey: string): string | null {
  const k = ordered.findIndex((g) => g.key === removedKey);
  const rest = ordered.filter((g) => g.key !== removedKey);
  if (rest.length === 0) return null;
  if (k < 0) return rest[0].key;
  return rest[k % rest.length].key;
}

/** A one-line description for the tooltip: "Suggested Source (patterns, 0.80): reason". */
export function ghostTitle(ghost: Ghost, labelTitle: string): string {
  const parts: string[] = [];
  if (ghost.recommender) parts.push(ghost.recommender);
  if (typeof ghost.score === 'number' && Number.isFinite(ghost.score)) parts.push(ghost.score.toFixed(2));
  const head = `Suggested ${labelTitle}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  return `${head}${ghost.reason ? `: ${ghost.reason}` : ''}. Click or Enter accepts, x rejects.`;
}
