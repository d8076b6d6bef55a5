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
