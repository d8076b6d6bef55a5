/**
 * A publication date as Japanese readers write it, in the article's own time zone (the date part of
 * its ISO 8601 string, not converted to the reader's zone): 2005-10-31T15:22:00+09:00 → 2005年10月31日.
 */
export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A publication date's change, 「2024年7月1日 → 2024年7月2日」, 「なし」 for none. When both fall on the same
 * day the times are given too (2024年7月1日 10:00 → 2024年7月1日 15:30), and when those are the same as
 * well the values as stored: a change that reads 「2024年7月1日 → 2024年7月1日」 says nothing changed.
 */
export function formatDateChange(before: string | null, after: string | null): string {
  const [was, now] = [formatDate(before) || "なし", formatDate(after) || "なし"];
  if (was !== now || !before || !after) return `${was} → ${now}`;
  const [wasAt, nowAt] = [withTime(before), withTime(after)];
  return wasAt !== nowAt ? `${wasAt} → ${nowAt}` : `${before} → ${after}`;
}

/** The date with its hour and minute as written, when it has them: 2024年7月1日 10:00. */
function withTime(iso: string): string {
  const m = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})/u.exec(iso);
  return m ? `${formatDate(iso)} ${m[1]}:${m[2]}` : formatDate(iso);
}
