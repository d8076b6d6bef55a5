/**
 * Text normalization shared by indexing and querying.
 *
 * - `toWellFormed()`: lone surrogates become U+FFFD, which is then dropped (kuromoji throws on them).
 * - Control characters (NUL and the other C0/C1 controls but tab and newline) are dropped.
 * - NFKC: full-width ASCII → ASCII, half-width katakana → katakana (ｻｰﾊﾞｰ → サーバー), ① → 1.
 * - Case folding: `toLowerCase()` after NFKC (Ｘｅｎ → xen).
 */

/** Characters removed before analysis: C0/C1 controls except \t \n, and U+FFFD left by toWellFormed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const DROPPED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd\ufeff]/u;

/**
 * A base character followed by its combining marks. Half-width voiced marks (ﾞ U+FF9E, ﾟ U+FF9F) are
 * letters, not marks, but compose with the preceding kana under NFKC, so they belong to the cluster.
 */
const CLUSTER = /[^\p{M}\uff9e\uff9f][\p{M}\uff9e\uff9f]*|[\s\S]/gsu;

/** Normalized text and, for each of its UTF-16 code units, the offset of the source text it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `sourceStart[i]` is where the cluster producing `text[i]` starts in the source. */
  readonly sourceStart: Int32Array;
  /** `sourceEnd[i]` is where that cluster ends in the source. */
  readonly sourceEnd: Int32Array;
}

/**
 * Normalizes text for matching.
 * @example normalize("ｻｰﾊﾞｰのＣＰＵ") // "サーバーのcpu"
 */
export function normalize(text: string): string {
  return normalizeWithOffsets(text).text;
}

/**
 * Normalizes `text` cluster by cluster and keeps the mapping back to source offsets, so that tokens found
 * in the normalized text can be highlighted in the original.
 */
export function normalizeWithOffsets(text: string): NormalizedText {
  const source = text.toWellFormed();
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  // Runs of characters that NFKC and case folding leave alone (most of Japanese prose) map one to one;
  // only the rest goes cluster by cluster.
  for (const run of source.matchAll(STABLE_RUN)) {
    let end = run.index + run[0].length;
    // A combining mark after the run composes with the run's last character: that one goes the slow way.
    if (end < source.length && COMBINING.test(source[end] as string)) end--;
    if (run.index > at) foldClusters(source, at, run.index, out, starts, ends);
    if (end > run.index) {
      out.push(source.slice(run.index, end));
      for (let i = run.index; i < end; i++) {
        starts.push(i);
        ends.push(i + 1);
      }
    }
    at = end;
  }
  if (at < source.length) foldClusters(source, at, source.length, out, starts, ends);
  return { text: out.join(""), sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

/**
 * Characters that NFKC maps to themselves and that have no upper case: tab, newline, ASCII but capitals,
 * 、。「」『』【】, hiragana, katakana, ー and the CJK unified ideographs (checked exhaustively in the tests).
 */
export const STABLE_RUN =
  /[\t\n\u0020-\u0040\u005b-\u007e\u3001-\u3011\u3014-\u301b\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+/gu;
const COMBINING = /[\p{M}\uff9e\uff9f]/u;

function foldClusters(source: string, from: number, to: number, out: string[], starts: number[], ends: number[]) {
  const part = source.slice(from, to);
  for (const match of part.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = from + match.index;
    const end = start + cluster.length;
    let folded = cluster.length === 1 && cluster < "\u0080" ? cluster.toLowerCase() : foldCluster(cluster);
    if (DROPPED.test(folded)) folded = folded.replace(new RegExp(DROPPED, "gu"), "");
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    out.push(folded);
  }
}

function foldCluster(cluster: string): string {
  return cluster.normalize("NFKC").toLowerCase();
}
