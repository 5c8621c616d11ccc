/**
 * Conversion between Unicode code point offsets (used by the server, end exclusive) and
 * UTF-16 code unit offsets (used by the DOM, Range and Selection APIs).
 *
 * Code points are counted exactly like Java's String.codePointCount / JS `for...of`:
 * a well-formed surrogate pair is one code point, a lone surrogate is one code point.
 * Grapheme clusters are NOT merged (e + U+0301 is two code points, "\r\n" is two).
 *
 * Only erasable TypeScript syntax is used so Node can run it with type stripping.
 */

/** How to round a UTF-16 offset that falls between the two halves of a surrogate pair. */
export type Rounding = 'start' | 'end';

export class OffsetMap {
  /** cpToU16[cp] = UTF-16 offset of code point cp; cpToU16[length] = text.length. */
  private readonly cpToU16: Uint32Array;
  /** u16ToCp[u] = index of the code point that contains code unit u; u16ToCp[text.length] = length. */
  private readonly u16ToCp: Uint32Array;
  private readonly cpLength: number;
  private readonly u16Length: number;

  constructor(text: string) {
    const n = text.length;
    const u16ToCp = new Uint32Array(n + 1);
    const cpToU16Tmp = new Uint32Array(n + 1); // upper bound: one code point per unit
    let cp = 0;
    let u = 0;
    while (u < n) {
      cpToU16Tmp[cp] = u;
      u16ToCp[u] = cp;
      const c = text.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < n) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          u16ToCp[u + 1] = cp; // low surrogate belongs to the same code point
          u += 2;
          cp++;
          continue;
        }
      }
      u += 1;
      cp++;
    }
    cpToU16Tmp[cp] = n;
    u16ToCp[n] = cp;
    this.cpToU16 = cpToU16Tmp.slice(0, cp + 1);
    this.u16ToCp = u16ToCp;
    this.cpLength = cp;
    this.u16Length = n;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.cpLength;
  }

  /** Length of the text in UTF-16 code units. */
  get utf16Length(): number {
    return this.u16Length;
  }

  /** UTF-16 offset of code point offset `cp` (clamped to [0, length]). */
  toUtf16(cp: number): number {
    return this.cpToU16[clamp(cp, this.cpLength)];
  }

  /**
   * Code point offset of UTF-16 offset `u16` (clamped to [0, utf16Length]).
   * An offset inside a surrogate pair rounds down to the code point's start for 'start'
   * (default) and up to the code point's end for 'end'.
   */
  toCodePoint(u16: number, rounding: Rounding = 'start'): number {
    const u = clamp(u16, this.u16Length);
    const cp = this.u16ToCp[u];
    if (rounding === 'end' && this.cpToU16[cp] !== u) {
      return cp + 1;
    }
    return cp;
  }
}

function clamp(value: number, max: number): number {
  if (!(value > 0)) return 0; // also maps NaN to 0
  if (value > max) return max;
  return Math.floor(value);
}
