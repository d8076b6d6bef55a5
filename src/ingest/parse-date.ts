/**
 * Publication times as pages write them, turned into ISO 8601 with an offset.
 *
 * Machine-readable values (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`) are ISO
 * 8601 or RFC 2822; the text of Japanese pages uses its own patterns:
 *
 * - `2005/10/31 15:22` (Impress Watch), `2012.9.4 15:22`, `2012-09-04 15:22`
 * - `2012年9月4日`, `2012年9月4日(火) 15時22分`, `2012年9月4日 15:22`
 * - 和暦: `令和元年5月1日`, `平成24年9月4日`
 *
 * Full-width digits (２０１２年) are read like ASCII ones. A time written without an offset is taken in
 * `offset` (Japan's +09:00 by default), and every result is written in that offset.
 */
export interface DateOptions {
  /** Offset for times without one and for the output, `+09:00` by default. */
  readonly offset?: string;
}

const ERAS: Readonly<Record<string, number>> = {
  令和: 2018, // 令和元年 = 2019
  平成: 1988, // 平成元年 = 1989
  昭和: 1925, // 昭和元年 = 1926
};

const NUMERIC =
  /(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:[^\d:]{0,12}?(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?/u;
const KANJI =
  /(?:(\d{4})|(令和|平成|昭和)\s*(\d{1,2}|元))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[^\d:]{0,12}?(\d{1,2})\s*(?:時|[:：])\s*(\d{1,2})\s*分?(?:\s*(\d{1,2})\s*秒)?)?/u;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;

/** Parses a machine-readable time (ISO 8601, RFC 2822) or a Japanese one; null when it is none. */
export function parseDate(value: string, options: DateOptions = {}): string | null {
  const text = value.normalize("NFKC").trim();
  if (!text) return null;
  const offset = options.offset ?? "+09:00";
  if (ISO.test(text)) return fromIso(text, offset);
  const japanese = findDate(text, options);
  if (japanese) return japanese;
  if (/[a-z]{3}/iu.test(text) && /\d{4}/u.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return formatInOffset(ms, offset);
  }
  return null;
}

/** Finds the first Japanese-style date (with its time, if written) anywhere in a text. */
export function findDate(value: string, options: DateOptions = {}): string | null {
  const text = value.normalize("NFKC");
  const offset = options.offset ?? "+09:00";
  const kanji = KANJI.exec(text);
  const numeric = NUMERIC.exec(text);
  const useKanji = kanji && (!numeric || kanji.index <= numeric.index);
  if (useKanji) {
    const [, year, era, eraYear, month, day, hour, minute, second] = kanji;
    const y = year ? Number(year) : (ERAS[era as string] as number) + (eraYear === "元" ? 1 : Number(eraYear));
    return build(y, Number(month), Number(day), hour, minute, second, offset);
  }
  if (numeric) {
    const [, year, month, day, hour, minute, second] = numeric;
    return build(Number(year), Number(month), Number(day), hour, minute, second, offset);
  }
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  offset: string,
): string | null {
  const h = hour === undefined ? 0 : Number(hour);
  const mi = minute === undefined ? 0 : Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || h > 24 || mi > 59 || s > 59) {
    return null;
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 2月30日
  return `${year}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

function fromIso(text: string, offset: string): string | null {
  const hasTime = /[T ]\d{2}:\d{2}/u.test(text);
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/u.test(text);
  if (!hasTime) return parseDateOnly(text, offset);
  const normalized = text.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/u, "$1:$2");
  const ms = Date.parse(hasOffset ? normalized : `${normalized}${offset}`);
  return Number.isFinite(ms) ? formatInOffset(ms, offset) : null;
}

function parseDateOnly(text: string, offset: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3]), undefined, undefined, undefined, offset) : null;
}

/** An instant written as local time in `offset`, e.g. 2019-02-22T21:00:00+09:00. */
export function formatInOffset(ms: number, offset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/u.exec(offset);
  const minutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(ms + minutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${m ? `${m[1]}${m[2]}:${m[3]}` : "Z"}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
