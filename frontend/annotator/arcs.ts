/**
 * The arc layer of fs-text-annotator: attribution triples drawn brat-style as arcs over the text, source → cue →
 * claim (pure: the element measures the spans' boxes and draws the shapes as SVG; no DOM, no lit here, erasable
 * TypeScript only, for Node's type stripping).
 *
 * Which triples: those of the selected (and the hovered) span, or all of them when the user asks; in either case only
 * those whose spans are near the visible part of the text, so a document of 50,000 words with thousands of triples
 * measures and draws a few dozen arcs. Where: from the top middle of one span's box to the top middle of the next one
 * (the facing ends of spans that wrap over lines), a curve rising above the line, higher for longer arcs and for arcs
 * stacked over the same stretch of a line, with an arrow head at its end.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Triple {
  id: string;
  source: string | null;
  cue: string | null;
  content: string;
}

export interface SpanExtent {
  start: number;
  end: number;
}

/** One arc to draw. `hot`: part of the highlighted triple (selected or hovered). */
export interface Arc {
  key: string;
  triple: string;
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
  /** Where the arrow head is and the direction it points in (radians). */
  head: { x: number; y: number; angle: number };
  hot: boolean;
  /** The role of the arc's end: 'cue' (source → cue), 'claim' (→ claim). */
  role: 'cue' | 'claim';
}

/** The arcs of a triple as span id pairs: source → cue → claim, or source → claim without a cue. */
export function arcEnds(t: Triple): Array<{ from: string; to: string; role: 'cue' | 'claim' }> {
  const out: Array<{ from: string; to: string; role: 'cue' | 'claim' }> = [];
  if (t.source != null && t.cue != null) {
    out.push({ from: t.source, to: t.cue, role: 'cue' });
    out.push({ from: t.cue, to: t.content, role: 'claim' });
  } else if (t.source != null) {
    out.push({ from: t.source, to: t.content, role: 'claim' });
  } else if (t.cue != null) {
    out.push({ from: t.cue, to: t.content, role: 'claim' });
  }
  return out;
}

/**
 * The triples to draw: all (when `all`) or those using one of `focus` (selected and hovered span ids), keeping only
 * those with a span inside [from, to) (code points: the visible text with a margin) and all spans known.
 */
export function triplesToDraw(
  triples: readonly Triple[],
  spans: ReadonlyMap<string, SpanExtent>,
  focus: ReadonlySet<string>,
  all: boolean,
  from: number,
  to: number,
): Triple[] {
  const out: Triple[] = [];
  for (const t of triples) {
    const members = [t.source, t.cue, t.content].filter((x): x is string => x != null);
    if (!all && !members.some((m) => focus.has(m))) continue;
    let known = true;
    let near = false;
    for (const m of members) {
      const s = spans.get(m);
      if (!s) {
        known = false;
        break;
      }
      if (s.start < to && s.end > from) near = true;
    }
    if (!known) continue;
    // a focused triple is drawn even when it reaches far: its spans are what the user is looking at
    if (near || (!all && members.some((m) => focus.has(m)))) out.push(t);
  }
  return out;
}

const MIN_RISE = 12;
const MAX_RISE = 34;
const LANE = 7;

/** The point on top of `box` at its middle. */
function topMiddle(b: Box): { x: number; y: number } {
  return { x: (b.left + b.right) / 2, y: b.top };
}

/**
 * The end boxes of an arc from span A to span B, given each span's boxes (line fragments in reading order): A's
 * last box and B's first when A comes first in the text, else A's first and B's last.
 */
export function facingBoxes(a: readonly Box[], b: readonly Box[], aFirst: boolean): [Box, Box] | null {
  if (a.length === 0 || b.length === 0) return null;
  return aFirst ? [a[a.length - 1], b[0]] : [a[0], b[b.length - 1]];
}

/**
 * Lays out the arcs of `triples` from the span boxes `boxesOf` gives (relative to the layer; an empty list: not
 * measurable, skipped). Arcs over the same line that overlap are stacked one lane higher each (at most 3).
 * `hot`: triple ids to highlight.
 */
export function layoutArcs(
  triples: readonly Triple[],
  spans: ReadonlyMap<string, SpanExtent>,
  boxesOf: (spanId: string) => readonly Box[],
  hot: ReadonlySet<string>,
): Arc[] {
  type Raw = { t: Triple; from: string; to: string; role: 'cue' | 'claim'; p: { x: number; y: number }; q: { x: number; y: number } };
  const raw: Raw[] = [];
  for (const t of triples) {
    for (const e of arcEnds(t)) {
      const sa = spans.get(e.from);
      const sb = spans.get(e.to);
      if (!sa || !sb) continue;
      const ends = facingBoxes(boxesOf(e.from), boxesOf(e.to), sa.start <= sb.start);
      if (!ends) continue;
      raw.push({ t, from: e.from, to: e.to, role: e.role, p: topMiddle(ends[0]), q: topMiddle(ends[1]) });
    }
  }
  // shorter arcs first, so that longer ones over them go higher
  raw.sort((x, y) => Math.abs(x.q.x - x.p.x) - Math.abs(y.q.x - y.p.x));
  const placed: Array<{ y: number; left: number; right: number; lane: number }> = [];
  const arcs: Arc[] = [];
  for (const r of raw) {
    const left = Math.min(r.p.x, r.q.x);
    const right = Math.max(r.p.x, r.q.x);
    const y = Math.min(r.p.y, r.q.y);
    let lane = 0;
    for (const o of placed) {
      if (Math.abs(o.y - y) < 4 && o.left < right && left < o.right) lane = Math.max(lane, o.lane + 1);
    }
    lane = Math.min(lane, 3);
    placed.push({ y, left, right, lane });
    const rise = Math.min(MAX_RISE, MIN_RISE + Math.abs(r.q.x - r.p.x) / 14) + lane * LANE;
    const top = y - rise;
    const d = `M ${fmt(r.p.x)} ${fmt(r.p.y)} C ${fmt(r.p.x)} ${fmt(top)}, ${fmt(r.q.x)} ${fmt(top)}, ${fmt(r.q.x)} ${fmt(r.q.y)}`;
    // the curve ends going straight down onto the target: the arrow head points down
    arcs.push({
      key: `${r.t.id}:${r.from}>${r.to}`,
      triple: r.t.id,
      from: r.from,
      to: r.to,
      d,
      head: { x: r.q.x, y: r.q.y, angle: Math.PI / 2 },
      hot: hot.has(r.t.id),
      role: r.role,
    });
  }
  return arcs;
}

/** The arrow head at `head` as SVG path data (a small triangle pointing along the angle). */
export function arrowHead(head: { x: number; y: number; angle: number }, size = 5): string {
  const back = { x: head.x - size * Math.cos(head.angle), y: head.y - size * Math.sin(head.angle) };
  const nx = -Math.sin(head.angle) * (size * 0.6);
  const ny = Math.cos(head.angle) * (size * 0.6);
  return `M ${fmt(head.x)} ${fmt(head.y)} L ${fmt(back.x + nx)} ${fmt(back.y + ny)} L ${fmt(back.x - nx)} ${fmt(back.y - ny)} Z`;
}

/** Triple ids that use span `id`. */
export function triplesOf(triples: readonly Triple[], ids: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of triples) {
    if (ids.has(t.content) || (t.source != null && ids.has(t.source)) || (t.cue != null && ids.has(t.cue))) out.add(t.id);
  }
  return out;
}

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
