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

/**
 * Questions that repeat what one rule of reading a question looks at, 50,000 characters each, as the
 * benchmark asks them of the seed corpus (engine.ask: analysis, then the question's reading and the answer).
 * Each was once quadratic or worse in its length.
 */
export const HOSTILE_QUESTIONS: Readonly<Record<string, () => string>> = {
  // laughs, each asked whether a word follows it (withoutLaughs)
  laughs50k: () => "草 ".repeat(25_000),
  // opening clauses that only greet, each cut off the sentence (withoutRequest)
  courtesyClauses50k: () => "質問なんですが、".repeat(6_250),
  // topics before いくら, each looked for a particle and a predicate after it (measuresAt)
  topicsBeforeIkura50k: () => `${"値段は".repeat(16_665)}いくら？`,
  // one word of letters, each cut of it looked up whole (splitKnown)
  letters50k: () => "abcdefghijklmnopqrstuvwxyz".repeat(1_924).slice(0, 50_000),
  // katakana read as words of 128 characters, each cut of each tried against the synonyms (synonymOfRun)
  katakana50k: () => "アイウエオカキクケコサシスセソタチツテト".repeat(2_500),
  // one run of particles and a loanword of hiragana, each particle a place a word may start (asLoanwords)
  hiraganaParticles50k: () => `${"がのはをにでともへや".repeat(5_000).slice(0, 49_996)}すーぱー`,
};
