/**
 * Word snapping for selections (pure, no DOM; erasable TypeScript only for Node type stripping).
 *
 * snapRange(text, start, end) takes a selection [start, end) in code points and
 *   1. trims leading/trailing white space (a white-space-only selection gives null);
 *   2. grows a start or end that falls inside a word to the whole word.
 * Word characters are Unicode letters, marks and digits (\p{L}\p{M}\p{N}) plus word-internal
 * apostrophes/hyphens (a ' ’ - ‐ ‑ or soft hyphen between two word characters: "ex-Soviet",
 * "Kazakhstan's"). Punctuation at a word's edge is never added ("said," stays "said").
 * Independently of words, an end never splits a character from its combining marks, variation
 * selectors, emoji modifiers or a zero width joiner sequence, and a start never begins on one.
 */
import { OffsetMap } from './offsets.ts';

const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const WHITE = /^\s$/u;
/** Characters that continue the preceding character's grapheme (marks, VS, skin tones). */
const EXTEND = /^[\p{M}\p{Emoji_Modifier}]$/u;
const ZWJ = 0x200d;
/** Apostrophes and hyphens that join two word characters into one word. */
const JOINERS = new Set<number>([0x27, 0x2019, 0x2d, 0x2010, 0x2011, 0xad]);

function isWordCp(cp: number): boolean {
  return cp >= 0 && WORD.test(String.fromCodePoint(cp));
}

function isWhiteCp(cp: number): boolean {
  return cp >= 0 && WHITE.test(String.fromCodePoint(cp));
}

function isExtendCp(cp: number): boolean {
  return cp === ZWJ || (cp >= 0 && EXTEND.test(String.fromCodePoint(cp)));
}

/** Code point access by code point index over a string (via an OffsetMap). */
class Cps {
  readonly length: number;
  private readonly text: string;
  private readonly map: OffsetMap;
  constructor(text: string, map: OffsetMap) {
    this.text = text;
    this.map = map;
    this.length = map.length;
  }
  /** The code point at index i, or -1 outside [0, length). */
  at(i: number): number {
    if (i < 0 || i >= this.length) return -1;
    return this.text.codePointAt(this.map.toUtf16(i)) ?? -1;
  }
  /** True if code point i belongs to a word (letters/marks/digits or an internal joiner). */
  isWord(i: number): boolean {
    const c = this.at(i);
    if (c < 0) return false;
    if (isWordCp(c)) return true;
    return JOINERS.has(c) && isWordCp(this.at(i - 1)) && isWordCp(this.at(i + 1));
  }
}

/**
 * Snaps [start, end) (code points, end exclusive) to word boundaries, see the module comment.
 * Out-of-range offsets are clamped, reversed ones swapped. Returns null if nothing but white
 * space (or nothing at all) is selected. `map` may be passed to avoid rebuilding it.
 */
export function snapRange(
  text: string,
  start: number,
  end: number,
  map: OffsetMap = new OffsetMap(text),
): { start: number; end: number } | null {
  const cps = new Cps(text, map);
  const n = cps.length;
  const s0 = clampInt(start, n);
  const e0 = clampInt(end, n);
  let a = Math.min(s0, e0);
  let b = Math.max(s0, e0);
  // 1. trim white space
  while (a < b && isWhiteCp(cps.at(a))) a++;
  while (b > a && isWhiteCp(cps.at(b - 1))) b--;
  if (a >= b) return null;
  // 2. grow into words
  if (cps.isWord(a)) {
    while (a > 0 && cps.isWord(a - 1)) a--;
  }
  if (cps.isWord(b - 1)) {
    while (b < n && cps.isWord(b)) b++;
  }
  // 3. never split a character from what extends it
  for (;;) {
    if (a > 0 && isExtendCp(cps.at(a))) a--;
    else if (a >= 2 && cps.at(a - 1) === ZWJ) a -= 2;
    else break;
  }
  for (;;) {
    const c = cps.at(b);
    if (c === ZWJ && b + 1 < n) b += 2;
    else if (c >= 0 && isExtendCp(c)) b++;
    else break;
  }
  return b > a ? { start: a, end: b } : null;
}

function clampInt(v: number, max: number): number {
  if (!(v > 0)) return 0;
  return v > max ? max : Math.floor(v);
}
