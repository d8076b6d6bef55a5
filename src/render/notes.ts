/**
 * The notes under an answer's key points naming the question's words the answer leaves out, the same in the
 * terminal and on Discord: the words the first key point's article does not say, and apart from them those
 * no article says. 「メルカリの販売手数料って何％？」 answered from an article on ZOZOTOWN, in a library
 * where no article says メルカリ → ※ どの記事にも含まれない語: 「メルカリ」; a word another article says →
 * ※ 1 の記事に含まれない語: 「…」.
 */
export function missingNotes(answer: {
  readonly missing: readonly string[];
  readonly notInLibrary: readonly string[];
}): string[] {
  const nowhere = new Set(answer.notInLibrary);
  const notHere = answer.missing.filter((w) => !nowhere.has(w));
  const quoted = (words: readonly string[]) => words.map((w) => `「${w}」`).join("");
  return [
    ...(notHere.length ? [`※ 1 の記事に含まれない語: ${quoted(notHere)}`] : []),
    ...(nowhere.size ? [`※ どの記事にも含まれない語: ${quoted([...nowhere])}`] : []),
  ];
}
