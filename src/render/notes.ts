/**
 * Why a question or a query of no word searches nothing, and what to do: 「の」, 「いつ？」, 「教えてください」 and
 * 「こんにちは」 hold no word an article could be found by, and shortening them or spelling them otherwise cannot
 * help. `what` names what was typed: この質問, 「の」.
 */
export function noWordToSearch(what: string): string {
  return `${what}には、記事を探せる語が含まれていません（助詞や疑問詞、挨拶、「教えて」だけでは探せません）。調べたい物事の名前や言葉を入れて、もう一度試してください。`;
}

/**
 * The notes under an answer's key points naming the question's words the answer leaves out, the same in the
 * terminal and on Discord: the words the first key point's article does not say, and apart from them those
 * no article says. 「草津温泉の湯畑でPayPay残高は使える？」 answered from an article on 湯畑, in a library
 * where no article says PayPay → ※ どの記事にも含まれない語: 「PayPay残高」; a word another article says →
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

/**
 * What a summary of no key point says, in the terminal and on Discord: the article's body holds no sentence
 * with a word in it (a body of headings, lists or symbols only). A body of short sentences is its own summary.
 */
export const NO_KEY_POINTS = "この記事の本文には、要点として示せる文がありません。";
