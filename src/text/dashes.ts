import type { KuromojiToken, Tokenizer } from "./tokenizer.ts";

/**
 * A dash some input methods and fonts give for the long vowel mark ー (an em dash, a horizontal bar, a
 * figure or en dash, a minus sign, a box-drawing line): 「マナ—講師」, 「サ−ビス」, 「バッテリ−切れ」 (114
 * livedoor articles write one after katakana). One only: ―― is punctuation. Not a hyphen (-, ‐), which
 * names write (セブン-イレブン) and a full-width － becomes under NFKC.
 */
const DASH = /(?<=[\u30a1-\u30fa])[\u2012-\u2015\u2212\u2500\u2501](?![\u2012-\u2015\u2212\u2500\u2501])/gu;
/** Katakana letters and ー. */
const KATAKANA = /[\u30a1-\u30fa\u30fc]/u;
/** Letters after the dash tried as part of the word (サ−ビス: ビス). */
const MAX_AFTER = 10;
/** A word read through the dash has at least this many characters: ルー or ビー would be found after any word. */
const MIN_WORD = 3;

/** Words the dictionary lists whole, as asked (a few per article that writes such a dash). */
const LISTED = new Map<string, boolean>();

/** The dictionary's entry for `word`, when kuromoji reads it alone as one word the dictionary lists. */
export function listedAlone(tokenizer: Tokenizer, word: string): KuromojiToken | undefined {
  const tokens = tokenizer.tokenize(word);
  return tokens.length === 1 && tokens[0]?.word_type === "KNOWN" ? tokens[0] : undefined;
}

function listed(tokenizer: Tokenizer, word: string): boolean {
  let known = LISTED.get(word);
  if (known === undefined) {
    known = listedAlone(tokenizer, word)?.surface_form === word;
    if (LISTED.size >= 10_000) LISTED.clear();
    LISTED.set(word, known);
  }
  return known;
}

/**
 * `text` with each dash after katakana that stands for ー written ー, as the dictionary tells: the word
 * kuromoji reads before the dash, with ー and maybe the letters after it, is a word the dictionary lists
 * (マナ + ー is マナー, サ + ー + ビス サービス, バンク + ー + バー バンクーバー). A dash that is punctuation between
 * two words stays (テレビ—ソニー: no テレビー; アンプ—ヤマハ, ナビ−自動, ドル−円), and so does one after a word
 * the dictionary does not know with ー (アラフォ—, ア―キテクト: left as they were). The same length as
 * `text`, each character where it was, so offsets into it still hold.
 */
export function readDashesAsLongVowels(tokenizer: Tokenizer, text: string): string {
  const dashes = [...text.matchAll(DASH)];
  if (dashes.length === 0) return text;
  const chars = text.split("");
  for (const match of dashes) {
    const dash = match.index;
    // where kuromoji's word before the dash starts, read up to the dash (a katakana word: a few letters back)
    let from = dash;
    while (from > 0 && KATAKANA.test(text[from - 1] as string) && dash - from < 32) from--;
    const before = text.slice(from, dash);
    let start = dash;
    let at = 0;
    for (const token of tokenizer.tokenize(before)) {
      if (at + token.surface_form.length >= before.length) {
        start = from + at;
        break;
      }
      at += token.surface_form.length;
    }
    let after = dash + 1;
    while (after < text.length && after - dash <= MAX_AFTER && KATAKANA.test(text[after] as string)) after++;
    for (let end = after; end > dash; end--) {
      const word = `${text.slice(start, dash)}ー${text.slice(dash + 1, end)}`;
      if (word.length >= MIN_WORD && listed(tokenizer, word)) {
        chars[dash] = "ー";
        break;
      }
    }
  }
  return chars.join("");
}
