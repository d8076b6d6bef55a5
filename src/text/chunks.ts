/**
 * kuromoji's own lattice builder grows badly on long runs without punctuation (50,000 characters without
 * 。 took 74 s; 10,000 katakana in a row 22 s and 2.6 GB). Cutting the text into bounded chunks before
 * tokenizing made analysis linear in the length of the text, whatever the text. LatticeTokenizer
 * (lattice.ts) is linear per sentence itself; the chunks stay, since where they cut decides where words
 * may end, and so the index's terms.
 */

/** Longest chunk handed to the tokenizer. Measured with kuromoji's own: 10,000 katakana cut at 128 take 64 ms, at 1,024 1.5 s. */
export const MAX_CHUNK_LENGTH = 128;

/** Where a chunk may end, best first: after sentence punctuation, after 、 or whitespace, at a script change. */
const SOFT_BREAK = /[。！？!?．\n]|[、，,；;：:\s]/u;

export interface Chunk {
  readonly text: string;
  readonly start: number;
}

/** Runs of whitespace that separate chunks: a line break, or two or more spaces. */
const GAP = /\s*\n\s*|\s{2,}/gu;

/**
 * Splits text into chunks of at most MAX_CHUNK_LENGTH code units, cutting at punctuation or whitespace
 * where possible, else at a change of script (kanji → katakana), else anywhere but inside a surrogate
 * pair. Line breaks and runs of spaces are left out: they are never words, and kuromoji is as slow on a
 * long run of spaces as on a long word (128 spaces at a time, 1 MB took 2.8 s).
 */
export function chunkText(text: string, maxLength = MAX_CHUNK_LENGTH): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  for (const gap of text.matchAll(GAP)) {
    cut(text, from, gap.index, maxLength, chunks);
    from = gap.index + gap[0].length;
  }
  cut(text, from, text.length, maxLength, chunks);
  return chunks;
}

function cut(text: string, from: number, to: number, maxLength: number, chunks: Chunk[]): void {
  let start = from;
  while (start < to && /\s/u.test(text[start] as string)) start++;
  while (start < to) {
    if (to - start <= maxLength) {
      chunks.push({ text: text.slice(start, to), start });
      return;
    }
    const end = findCut(text, start, start + maxLength);
    chunks.push({ text: text.slice(start, end), start });
    start = end;
  }
}

function findCut(text: string, start: number, limit: number): number {
  const min = start + Math.floor((limit - start) / 2);
  for (let i = limit; i > min; i--) {
    if (SOFT_BREAK.test(text[i - 1] as string)) return i;
  }
  for (let i = limit; i > min; i--) {
    if (scriptOf(text.charCodeAt(i - 1)) !== scriptOf(text.charCodeAt(i))) return avoidSplittingPair(text, i);
  }
  return avoidSplittingPair(text, limit);
}

function avoidSplittingPair(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

function scriptOf(code: number): number {
  if (code >= 0x3040 && code <= 0x309f) return 1; // ひらがな
  if ((code >= 0x30a0 && code <= 0x30ff) || code === 0x30fc) return 2; // カタカナ
  if (code >= 0x4e00 && code <= 0x9fff) return 3; // 漢字
  if (code < 0x80) return 4;
  return 5;
}
