import { deflateSync } from "node:zlib";
import Encoding from "encoding-japanese";
import iconv from "iconv-lite";

/**
 * Small news pages written for the tests, in the shape of a Japanese news site: site chrome around an
 * <article>, Open Graph metadata, a byline, a date line, a photo caption. The text is our own.
 */
export interface TestPage {
  readonly title: string;
  readonly site: string;
  readonly author: string;
  /** The publication time as the page's metadata gives it. */
  readonly published: string;
  readonly paragraphs: readonly string[];
  readonly caption?: string;
}

export const LIBRARY_PAGE: TestPage = {
  title: "市立図書館が新館を開館、蔵書は約20万冊",
  site: "しおり新聞",
  author: "山田 花子",
  published: "2024-04-01T10:30:00+09:00",
  caption: "新館の閲覧室（写真は市提供）",
  paragraphs: [
    "市立図書館は4月1日、駅前に新館を開館した。蔵書は約20万冊で、旧館の2倍になる。",
    "新館には学習室やカフェのほか、子ども向けの読み聞かせコーナーも設けた。開館時間は平日が午前9時から午後8時まで。",
    "館長の鈴木一郎氏は「本に親しむ場所として、多くの市民に使ってほしい」と話した。①初日は㈱しおり書房の協力で古書市も開かれ、髙橋さんら約3000人が訪れた。",
    "市は今後、電子書籍の貸し出しも始める予定だ。",
  ],
};

export const RAILWAY_PAGE: TestPage = {
  title: "地方鉄道に新型車両、来春から運行へ",
  site: "しおり新聞",
  author: "佐藤 次郎",
  published: "2024-05-20T08:00:00+09:00",
  paragraphs: [
    "県内を走る地方鉄道は20日、来年春から新型車両を導入すると発表した。省エネ性能が高く、車内には無料の無線LANを備える。",
    "新型車両は3両編成で、座席数は従来より2割多い。導入費用は約30億円で、国と県が一部を補助する。",
    "鉄道会社の担当者は「観光客にも地元の人にも乗りやすい車両にした」と説明した。",
  ],
};

/** The page as HTML. `charsetMeta` adds `<meta charset>`; `httpEquiv` the older `http-equiv` form. */
export function pageHtml(
  page: TestPage,
  options: { charsetMeta?: string; httpEquiv?: string; canonical?: string; jsonLd?: boolean } = {},
): string {
  const meta: string[] = [];
  if (options.charsetMeta) meta.push(`<meta charset="${options.charsetMeta}">`);
  if (options.httpEquiv)
    meta.push(`<meta http-equiv="Content-Type" content="text/html; charset=${options.httpEquiv}">`);
  meta.push(
    `<title>${page.title} - ${page.site}</title>`,
    `<meta property="og:title" content="${page.title}">`,
    `<meta property="og:site_name" content="${page.site}">`,
    `<meta name="author" content="株式会社しおり新聞社">`,
    `<meta property="article:published_time" content="${page.published}">`,
    `<meta name="description" content="${page.paragraphs[0]}">`,
  );
  if (options.canonical) meta.push(`<link rel="canonical" href="${options.canonical}">`);
  if (options.jsonLd) {
    meta.push(
      `<script type="application/ld+json">${JSON.stringify({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: page.title,
        author: [{ "@type": "Person", name: page.author }],
        datePublished: page.published,
        publisher: { "@type": "Organization", name: page.site },
      })}</script>`,
    );
  }
  const figure = page.caption
    ? `<figure><img src="/photo.jpg" alt=""><figcaption>${page.caption}</figcaption></figure>`
    : "";
  return `<!DOCTYPE html>
<html lang="ja"><head>${meta.join("\n")}</head>
<body>
<header><nav><a href="/">トップ</a> <a href="/news">ニュース</a> <a href="/sports">スポーツ</a> <a href="/about">会社案内</a></nav></header>
<div id="main"><article>
<h1>${page.title}</h1>
<div class="article-info"><span class="author">${page.author}</span><span class="publish-date">2024年4月1日</span></div>
${figure}
${page.paragraphs.map((p) => `<p>　${p}</p>`).join("\n")}
</article>
<aside class="ranking"><h3>アクセスランキング</h3><ul><li><a href="/1">別の記事の見出しです</a></li><li><a href="/2">もう一つの記事の見出し</a></li></ul></aside>
</div>
<footer><p>Copyright しおり新聞社. All rights reserved.</p></footer>
</body></html>`;
}

/** Encodes text with a legacy Japanese charset, the way a server would send it. */
export function encode(text: string, charset: "utf-8" | "shift_jis" | "euc-jp" | "iso-2022-jp"): Uint8Array {
  switch (charset) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "shift_jis":
      // CP932, the Shift_JIS of Windows: it has ①, ㈱ and 髙, which plain Shift_JIS lacks
      return new Uint8Array(iconv.encode(text, "cp932"));
    case "euc-jp":
      return new Uint8Array(iconv.encode(text, "euc-jp"));
    case "iso-2022-jp":
      return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "JIS", from: "UNICODE" }));
  }
}

/**
 * A small PNG image: the signature, an IHDR chunk and pixels compressed as PNG compresses them, the bytes
 * a moderator uploads when a photo is renamed photo.txt.
 */
export function pngBytes(): Uint8Array {
  let seed = 7;
  const pixels = Uint8Array.from({ length: 24_000 }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed >>> 16;
  });
  const chunk = (type: string, data: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100, 0);
  header.writeUInt32BE(80, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(pixels)),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}

/** Text in UTF-16 without a byte order mark, as some editors save it. */
export function utf16(text: string, order: "le" | "be"): Uint8Array {
  const bytes = Buffer.from(text, "utf16le");
  if (order === "be") bytes.swap16();
  return new Uint8Array(bytes);
}

/**
 * A binary netpbm image as netpbm tools and GIMP write one: P4 (bitmap, eight pixels a byte), P5 (gray)
 * or P6 (RGB), a comment in its header, then `pixel(i)` for each sample byte of the raster.
 */
export function netpbm(
  magic: "P4" | "P5" | "P6",
  width: number,
  height: number,
  pixel: (i: number) => number,
  maxval = 255,
): Uint8Array {
  const header = `${magic}\n# CREATOR: a test\n${width} ${height}\n${magic === "P4" ? "" : `${maxval}\n`}`;
  const samples =
    magic === "P4" ? Math.ceil(width / 8) * height : width * height * (magic === "P6" ? 3 : 1) * (maxval > 255 ? 2 : 1);
  return new Uint8Array([
    ...Buffer.from(header, "latin1"),
    ...Uint8Array.from({ length: samples }, (_, i) => pixel(i)),
  ]);
}
