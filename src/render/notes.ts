/**
 * The note under an answer's key points naming the question's words that the first key point's article does
 * not say, the same in the terminal and on Discord: 「メルカリの販売手数料って何％？」 answered from an
 * article on ZOZOTOWN → ※ 1 の記事に含まれない語: 「メルカリ」.
 */
export function missingNote(words: readonly string[]): string {
  return `※ 1 の記事に含まれない語: ${words.map((w) => `「${w}」`).join("")}`;
}
