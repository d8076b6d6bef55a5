/**
 * A table row as one paragraph of text: each cell said after its column's heading, 「プラン: プレミアム /
 * 月額: 1,200円」, so that a row answers a question alone. Read as 「プレミアム / 1,200円」 under a row
 * 「プラン / 月額」, the row holding the question's words was the heading row, which answers nothing:
 * 「プレミアムプランの月額はいくら？」 got 「プラン / 月額」 as its first key point.
 *
 * `heads` are the column headings (null for a table without a heading row); a cell under no heading, or
 * under a heading it repeats, is said alone. In a table whose rows each open with a heading cell (重さ,
 * 電池), that cell introduces the rest: 「重さ: 1.2kg」.
 */
export function rowText(cells: readonly { text: string; heading: boolean }[], heads: readonly string[] | null): string {
  const said = cells.filter((c) => c.text !== "");
  if (heads) {
    return cells
      .map((c, i) => {
        const head = heads[i] ?? "";
        return head === "" || c.text === "" || head === c.text ? c.text : `${head}: ${c.text}`;
      })
      .filter((t) => t !== "")
      .join(" / ");
  }
  const [first, ...rest] = said;
  if (first?.heading && rest.length > 0 && rest.every((c) => !c.heading)) {
    return `${first.text}: ${rest.map((c) => c.text).join(" / ")}`;
  }
  return said.map((c) => c.text).join(" / ");
}

/** A heading row: every cell that says something is a heading cell, and one does. */
export function isHeadingRow(cells: readonly { text: string; heading: boolean }[]): boolean {
  const said = cells.filter((c) => c.text !== "");
  return said.length > 1 && said.every((c) => c.heading);
}

/** The line under a Markdown table's heading row: `|---|:---:|`, `--- | ---`. */
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$/u;

/**
 * Text with its Markdown tables (GitHub's: a heading row, a rule of dashes, rows) written as paragraphs, one
 * per row, each cell after its column's heading (see rowText): pasted or saved from a Markdown editor, a
 * table was stored as its pipes, 「| りんご | 100円 |」, and its rule as a paragraph of dashes. Other text is
 * given back as it was.
 */
export function tablesAsRows(text: string): string {
  if (!text.includes("|")) return text;
  const lines = text.split(/\r\n|\r|\n/u);
  const out: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1];
    // (a table in a block of code is code)
    if (/^\s*(```|~~~)/u.test(line)) inFence = !inFence;
    if (inFence || !line.includes("|") || next === undefined || !TABLE_RULE.test(next)) {
      out.push(line);
      continue;
    }
    const heads = cellsOfLine(line);
    out.push("");
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j] as string;
      if (row.trim() === "" || !row.includes("|")) break;
      const said = rowText(
        cellsOfLine(row).map((text) => ({ text, heading: false })),
        heads,
      );
      if (said) out.push(said, "");
    }
    i = j - 1;
  }
  return out.join("\n");
}

/** The cells of a Markdown table's line: split at its pipes (not at `\|`), trimmed, the outer pipes dropped. */
function cellsOfLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  const trimmed = line.trim();
  const body = trimmed.replace(/^\|/u, "").replace(/(?<!\\)\|$/u, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === "\\" && body[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}
