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
  for (const match of source.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = match.index;
    const end = start + cluster.length;
    let folded = cluster.length === 1 && cluster < "\u0080" ? cluster.toLowerCase() : foldCluster(cluster);
    if (DROPPED.test(folded)) folded = folded.replace(new RegExp(DROPPED, "gu"), "");
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    out.push(folded);
  }
  return { text: out.join(""), sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

function foldCluster(cluster: string): string {
  return cluster.normalize("NFKC").toLowerCase();
}
