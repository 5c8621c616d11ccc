/**
 * What the link hint says, from what the user linked from: pressing l with a claim selected asks for its source
 * (then Enter), with a source selected asks for the claim, with anything else (a cue) asks for the source and the
 * claim. `picked` counts the spans clicked so far.
 */
export function linkHint(anchorLabel: string | undefined, contentLabel: string, sourceLabel: string,
  picked: number): string {
  const more = picked > 0 ? ` (${picked} picked, Enter finishes)` : '';
  if (anchorLabel === contentLabel) {
    return `Link this claim: click its source (and cue), then press Enter${more}`;
  }
  if (anchorLabel === sourceLabel) {
    return `Link this source: click the cue if any, then the claim${more}`;
  }
  return `Link this cue: click the source, then the claim${more}`;
}
