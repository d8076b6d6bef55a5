/**
 * The marks a line of an article opens with to make it an item of a list or a note (counted at the start
 * of livedoor's lines: ・ 8,553, ■ 6,747, ※ 1,590, ● 760, ◆ 286, ○ 263, * 107, ★ 105, ☆ 97, □ 69,
 * ◎ 57, ◇ 49, ◯ 43, ＊ 28, ▲ 26, ▼ 24, • 24, → 18, ⇒ 6; - only before a space, as 「- 水道橋博士」:
 * --, − and —— open an interviewer's question), and the space after them. Every renderer draws its own
 * bullet or number before a key point, and 「・・」 or 「1. ■」 reads as a mistake. Not a number (「1.」, 「(1)」):
 * it says which step a point is.
 */
const LIST_MARK = /^(?:[・･•‣◦*＊※→⇒➡■□◆◇●○◎◯★☆▼▽▲△▶▷►]+|[-‐](?=\s))\s*/u;

/** The length of the list mark a text opens with, and the space after it (see LIST_MARK); 0 without one. */
export function listMarkLength(text: string): number {
  return LIST_MARK.exec(text)?.[0].length ?? 0;
}

/**
 * A point of an article's text (a key point, a summary's point) without the list mark its line opens with,
 * still the article's text: its start moves past the mark. A mark alone stays as it is.
 */
export function withoutListMark<T extends { readonly text: string; readonly start: number }>(point: T): T {
  const mark = listMarkLength(point.text);
  if (mark === 0 || mark === point.text.length) return point;
  return { ...point, text: point.text.slice(mark), start: point.start + mark };
}
