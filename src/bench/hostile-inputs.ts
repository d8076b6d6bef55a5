/** Inputs that break a naive kuromoji pipeline, as the benchmark measures them. */
export const HOSTILE_INPUTS: Readonly<Record<string, () => string>> = {
  // 100,000 characters of ordinary Japanese with no 。 or 、 at all
  unpunctuated100k: () => "日本語の文章を解析する処理の速さを測る".repeat(6_000).slice(0, 100_000),
  // 10,000 katakana in a row: one unknown word to kuromoji
  katakana10k: () => "アイウエオカキクケコサシスセソタチツテト".repeat(500),
  // 1 MB (UTF-8) of mixed emoji: ZWJ families, flags, skin tones, keycaps
  emoji1MB: () => {
    const pieces = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇯🇵", "1️⃣", "😀", "🧑‍💻"];
    // Counted piece by piece: measuring the growing string each time is quadratic (minutes, not ms)
    const parts: string[] = [];
    for (let i = 0, bytes = 0; bytes < 1_000_000; i++) {
      const piece = pieces[i % pieces.length] as string;
      parts.push(piece);
      bytes += Buffer.byteLength(piece);
    }
    return parts.join("");
  },
};
