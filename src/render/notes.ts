/**
 * The note under an answer's key points naming the question's words that the first key point's article does
 * not say, the same in the terminal and on Discord: 「iPhone 5の発売日は？」 answered from an article on
 * another product → ※ 1 の記事に含まれない語: 「iPhone」.
 */
export function missingNote(words: readonly string[]): string {
  return `※ 1 の記事に含まれない語: ${words.map((w) => `「${w}」`).join("")}`;
}
