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

/** A cell of a table as the page has it: its text, whether it is a heading cell (<th>), and its spans. */
export interface TableCell {
  readonly text: string;
  readonly heading: boolean;
  /** Columns it spans (HTML's colspan; 1 and more). */
  readonly colSpan: number;
  /** Rows it spans (HTML's rowspan; 0 is to the end of its row group). */
  readonly rowSpan: number;
}

/** A row of a table: its own cells, in order, and its row group (thead, a tbody, tfoot), which a rowspan stays in. */
export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly group: number;
}

/**
 * Columns of a table that are laid out: a colspan of thousands would make rows of thousands of columns.
 * A row with a cell beyond them is said as its cells, unlabelled.
 */
export const MAX_TABLE_COLUMNS = 100;

/**
 * A cell spanning rows down is said again in each row under it when it is a label (東京 over its shops), so
 * that each row answers alone; a longer one (a note) is said in its first row only, so that a table of 1,000
 * rows under a cell of a page's text does not repeat that text 1,000 times.
 */
const MAX_REPEATED_CELL = 50;

/** A column of a row: the cell there, whether it is the cell's first column, and whether it came from above. */
interface Slot {
  readonly cell: TableCell;
  readonly first: boolean;
  readonly above: boolean;
}

/** A row laid out in the table's columns; `overflow` if a cell of it fell beyond MAX_TABLE_COLUMNS. */
interface LaidOutRow {
  readonly slots: readonly (Slot | undefined)[];
  readonly overflow: boolean;
}

/**
 * The text of each row of a table (see rowText), "" for a row that says nothing alone. The rows are laid out
 * in columns as HTML does: a cell spanning rows (rowspan) holds its column in the rows under it, so the cells
 * after it are under their own headings, and, a label, it is said again in them (「地域: 東京 / 店舗: 渋谷店 /
 * 料金: 1,200円」, not 「地域: 渋谷店 / 店舗: 1,200円」). The heading rows at the top (every cell that says
 * something a heading cell) are one heading, each column's headings joined (「価格 税抜」 under 「価格」
 * spanning 税抜 and 税込), and are said in the rows under them, not alone. A row of one cell across the
 * table (「大阪エリア」) is a section's title, said as it is, under no heading; so is a row of more columns
 * than the headings, said as its cells (「a / b」), since its cells would be put under headings not theirs.
 * In a table of heading cells only, the first row heads the others.
 */
export function tableRowTexts(rows: readonly TableRow[]): string[] {
  const grid = layOut(rows);
  const width = grid.reduce((w, row) => Math.max(w, row.slots.length), 0);
  let top = 0;
  while (top < grid.length && sectionCell(grid[top] as LaidOutRow, width)) top++;
  let end = top;
  while (end < grid.length && isHeadingSlots(grid[end] as LaidOutRow)) end++;
  // a table of heading cells only (<th> in every cell): its first row heads the others, as in a table of
  // one heading row, rather than all being one heading with nothing under it
  if (end === grid.length && end - top > 1) end = top + 1;
  // heading rows with no row under them are said alone, as rows
  const heads = end > top && end < grid.length ? headsOf(grid.slice(top, end)) : null;
  return grid.map((row, r) => {
    if (heads && r >= top && r < end) return "";
    const section = sectionCell(row, width);
    if (section) return section.text;
    const fits = !row.overflow && (!heads || r < end || row.slots.length <= heads.length);
    if (!fits) return rowText((rows[r] as TableRow).cells, null);
    return rowText(cellsOf(row), heads && r >= end ? heads : null);
  });
}

/** The rows' cells at their columns, HTML's way (a cell spanning rows from above holds its column), at most MAX_TABLE_COLUMNS. */
function layOut(rows: readonly TableRow[]): LaidOutRow[] {
  // for each column, the cell spanning it down from a row above, and its last row
  let above: ({ cell: TableCell; first: boolean; last: number } | undefined)[] = [];
  return rows.map((row, r) => {
    if (r > 0 && row.group !== rows[r - 1]?.group) above = [];
    const slots: (Slot | undefined)[] = [];
    const fromAbove = (c: number) => {
      const a = above[c];
      if (a && a.last >= r) slots[c] = { cell: a.cell, first: a.first, above: true };
      return a !== undefined && a.last >= r;
    };
    let col = 0;
    let overflow = false;
    for (const cell of row.cells) {
      while (col < above.length && fromAbove(col)) col++;
      if (col >= MAX_TABLE_COLUMNS) {
        overflow = true;
        break;
      }
      const span = Math.min(Math.max(1, cell.colSpan), MAX_TABLE_COLUMNS - col);
      const last = cell.rowSpan === 0 ? Number.POSITIVE_INFINITY : r + Math.max(1, cell.rowSpan) - 1;
      for (let k = 0; k < span; k++) {
        slots[col + k] = { cell, first: k === 0, above: false };
        above[col + k] = last > r ? { cell, first: k === 0, last } : undefined;
      }
      col += span;
    }
    for (let c = col; c < above.length; c++) fromAbove(c);
    return { slots: Array.from(slots), overflow };
  });
}

/** The cells a row says, at their columns: a cell spanning columns is said in its first; one from above, if a label. */
function cellsOf(row: LaidOutRow): { text: string; heading: boolean }[] {
  return row.slots.map((slot) => {
    if (!slot?.first) return { text: "", heading: false };
    const { text, heading } = slot.cell;
    return { text: slot.above && text.length > MAX_REPEATED_CELL ? "" : text, heading };
  });
}

/** The cells of a row that say something, each once. */
function saidCells(row: LaidOutRow): Set<TableCell> {
  const said = new Set<TableCell>();
  for (const slot of row.slots) if (slot && slot.cell.text !== "") said.add(slot.cell);
  return said;
}

/** A heading row: every cell that says something is a heading cell, and more than one does. */
function isHeadingSlots(row: LaidOutRow): boolean {
  const said = [...saidCells(row)];
  return !row.overflow && said.length > 1 && said.every((c) => c.heading);
}

/** A section's title: the row's one cell that says something, its own, across a table of several columns. */
function sectionCell(row: LaidOutRow, width: number): TableCell | undefined {
  const said = saidCells(row);
  const [only] = said;
  if (width < 2 || row.overflow || said.size !== 1 || !only) return undefined;
  for (let c = 0; c < width; c++) {
    const slot = row.slots[c];
    if (slot?.cell !== only || slot.above) return undefined;
  }
  return only;
}

/** Each column's heading: the texts of the heading cells over it, top to bottom, each once (「価格 税抜」). */
function headsOf(rows: readonly LaidOutRow[]): string[] {
  const width = rows.reduce((w, row) => Math.max(w, row.slots.length), 0);
  const heads: string[] = [];
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (const row of rows) {
      const text = row.slots[c]?.cell.text ?? "";
      if (text !== "" && !texts.includes(text)) texts.push(text);
    }
    heads.push(texts.join(" "));
  }
  return heads;
}

/** A line indented as code (four spaces, or a tab): a Markdown table there is an example, shown as it is. */
const CODE_INDENT = /^(?: {4}| {0,3}\t)/u;

/**
 * The line under a Markdown table's heading row, trimmed: `|---|:---:|`, `--- | ---`. (Untrimmed, its
 * spaces were matched by two \s* on either side of an optional |: a line of 100,000 spaces under a line
 * with a pipe took 10 s.)
 */
const TABLE_RULE = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$|^\|\s*:?-+:?\s*\|$/u;

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
    // (a table in a block of code is code, fenced or indented)
    if (/^\s*(```|~~~)/u.test(line)) inFence = !inFence;
    if (
      inFence ||
      CODE_INDENT.test(line) ||
      !line.includes("|") ||
      next === undefined ||
      !TABLE_RULE.test(next.trim())
    ) {
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
    // a heading row with no row under it is kept, said as its cells (「A / B」), as an HTML one is
    if (j === i + 2) {
      const said = rowText(
        heads.map((text) => ({ text, heading: false })),
        null,
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
