/**
 * The note under an answer's key points naming the question's words the answer leaves out, the same in
 * the terminal and on Discord: 「iPhone 5の発売日は？」 answered with the iPhone 4S's →
 * ※ 答えに含まれない語: 「5」.
 */
export function missingNote(words: readonly string[]): string {
  return `※ 答えに含まれない語: ${words.map((w) => `「${w}」`).join("")}`;
}
