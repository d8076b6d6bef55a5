/**
 * Text normalization shared by indexing and querying.
 *
 * - `toWellFormed()`: lone surrogates become U+FFFD, which is then dropped (kuromoji throws on them).
 * - Control characters (NUL and the other C0/C1 controls but tab and newline), invisible format
 *   characters (soft hyphen, zero width space, direction marks) and variation selectors are dropped.
 * - NFKC: full-width ASCII → ASCII, half-width katakana → katakana (ｻｰﾊﾞｰ → サーバー), ① → 1.
 * - Case folding: `toLowerCase()` after NFKC (Ｘｅｎ → xen).
 * - Spelling variants NFKC leaves apart (表記ゆれ, see `foldSpellings`): old and variant kanji (髙橋 → 高橋,
 *   澤 → 沢) and the ヴ row (ヴァイオリン → バイオリン).
 */

/**
 * Characters removed before analysis: C0/C1 controls except \t \n, U+FFFD left by toWellFormed, and the
 * invisible format characters that a word may carry from a web page or a copy (a soft hyphen, the zero
 * width space, the word joiner, direction marks and embeddings, the combining grapheme joiner, the
 * deprecated format characters U+206A–206F, the BOM): 「サー\u200bバー」 shows サーバー and is read as it
 * (kuromoji cut it in two). Not the joiners (U+200C, U+200D), which emoji and scripts need, nor the
 * interlinear annotation marks (U+FFF9–FFFB): dropped, a ruby's reading would join its base (東京とうきょう);
 * kept, they part the two as any symbol does.
 * And variation selectors, which choose a glyph of the character before them: 葛󠄀飾区 with the 葛 of U+E0100
 * (as names are written in some documents) is 葛飾区, which kuromoji read as 葛 + 飾 + 区.
 */
const DROPPED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /(?:[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufffd\ufeff]|\u034f|[\ufe00-\ufe0f\u{e0100}-\u{e01ef}])/u;

/**
 * Combining marks on one character at most, as Unicode's stream-safe text format allows: NFKC is
 * quadratic in a run of marks (「a」 and 200,000 alternating marks took 15 s), and no script needs more.
 */
export const MAX_MARKS = 30;

/**
 * A base character followed by its combining marks, at most MAX_MARKS of them (the rest are clusters of
 * their own). Half-width voiced marks (ﾞ U+FF9E, ﾟ U+FF9F) are letters, not marks, but compose with the
 * preceding kana under NFKC, so they belong to the cluster.
 */
const CLUSTER = /[^\p{M}\uff9e\uff9f][\p{M}\uff9e\uff9f]{0,30}|[\s\S]/gsu;

const EXCESS_MARKS = /(?<=\p{M}{30})\p{M}+/gu;

/** Text with at most MAX_MARKS combining marks in a row: what is added to the library (see MAX_MARKS). */
export function capMarks(text: string): string {
  return text.replace(EXCESS_MARKS, "");
}

/** Normalized text and, for each of its UTF-16 code units, the offset of the source text it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `sourceStart[i]` is where the cluster producing `text[i]` starts in the source. */
  readonly sourceStart: Int32Array;
  /** `sourceEnd[i]` is where that cluster ends in the source. */
  readonly sourceEnd: Int32Array;
}

/**
 * Normalizes text for matching.
 * @example normalize("ｻｰﾊﾞｰのＣＰＵ") // "サーバーのcpu"
 */
export function normalize(text: string): string {
  return normalizeWithOffsets(text).text;
}

/**
 * Normalizes `text` cluster by cluster and keeps the mapping back to source offsets, so that tokens found
 * in the normalized text can be highlighted in the original.
 */
export function normalizeWithOffsets(text: string): NormalizedText {
  return normalizeBy(text, SEARCHED);
}

/**
 * The text as an article's content hash reads it (see contentHashOf in article.ts): normalized as search
 * normalized when hashes were first stored, and kept so, whatever search comes to fold. A stored hash must
 * still be its article's: when search came to read a dash after katakana as ー (for a while: 114 livedoor
 * articles), their hashes changed, a pasted copy of one was no longer a duplicate, and a refetch of its
 * unchanged page said it had changed.
 * Tested against hashes stored before; what it folds must not change.
 */
export function hashedForm(text: string): string {
  return normalizeBy(text, HASHED).text;
}

/** What a normalization drops and folds: search's (SEARCHED), or the content hash's (HASHED). */
interface Rules {
  /** One character dropped. */
  readonly dropped: RegExp;
  /** Runs of them (global). */
  readonly droppedRuns: RegExp;
  /** A spelling variant, folded by CHARACTER_SPELLINGS (global). */
  readonly spelling: RegExp;
}

function rulesOf(dropped: RegExp, spelling: RegExp): Rules {
  return { dropped, droppedRuns: new RegExp(`${dropped.source}+`, "gu"), spelling };
}

function normalizeBy(text: string, rules: Rules): NormalizedText {
  const { dropped, droppedRuns, spelling } = rules;
  const wellFormed = text.toWellFormed();
  if (!dropped.test(wellFormed)) return foldSpellings(foldText(wellFormed, dropped), spelling);
  // Dropped characters go first, so that what they stood between is folded as if they were not there: ｶ, a
  // NUL, then ﾞ is ガ (folded after the NUL was dropped, it was カ and a loose voiced mark, which a second
  // normalization would compose: not idempotent).
  const kept: string[] = [];
  const origin: number[] = [];
  let from = 0;
  for (const run of wellFormed.matchAll(droppedRuns)) {
    kept.push(wellFormed.slice(from, run.index));
    for (let i = from; i < run.index; i++) origin.push(i);
    from = run.index + run[0].length;
  }
  kept.push(wellFormed.slice(from));
  for (let i = from; i < wellFormed.length; i++) origin.push(i);
  const folded = foldText(kept.join(""), dropped);
  const at = (i: number) => origin[i] ?? wellFormed.length;
  return foldSpellings(
    {
      text: folded.text,
      sourceStart: folded.sourceStart.map(at),
      sourceEnd: folded.sourceEnd.map((end) => at(end - 1) + 1),
    },
    spelling,
  );
}

/** normalizeWithOffsets without dropped characters (but those NFKC itself may make) or spelling variants. */
function foldText(source: string, dropped: RegExp): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  // Runs of characters that NFKC and case folding leave alone (most of Japanese prose) map one to one;
  // only the rest goes cluster by cluster.
  for (const run of source.matchAll(STABLE_RUN)) {
    let end = run.index + run[0].length;
    // A combining mark after the run composes with the run's last character: that one goes the slow way.
    if (end < source.length && COMBINING.test(source[end] as string)) end--;
    if (run.index > at) foldClusters(source, at, run.index, out, starts, ends, dropped);
    if (end > run.index) {
      out.push(source.slice(run.index, end));
      for (let i = run.index; i < end; i++) {
        starts.push(i);
        ends.push(i + 1);
      }
    }
    at = end;
  }
  if (at < source.length) foldClusters(source, at, source.length, out, starts, ends, dropped);
  return { text: out.join(""), sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

/**
 * Old forms (旧字体) and variants (異体字) of kanji, with the form the dictionary and most writers use:
 * names are written both ways (髙橋/高橋, 山﨑/山崎, 渡邊/渡辺, 澤田/沢田, 坂本龍馬/坂本竜馬), and kuromoji
 * knows only the common form (髙橋 is 髙 + 橋, 高橋 one name). The pairs are the 常用漢字表's old forms
 * in common use, with 髙, 﨑, 邉, 濵, 德, 嶋, 冨 and 𠮷. Not 嶽: 御嶽山 and 御岳山 are two mountains.
 */
const OLD_KANJI =
  "亞惡壓圍爲醫壹榮營衞驛圓鹽應歐毆櫻假價畫會繪擴覺學樂勸卷歡觀關陷巖顏歸氣龜僞犧舊據擧峽挾狹曉區驅勳徑莖經繼輕鷄藝缺儉劍圈檢權獻縣險顯驗嚴效廣恆鑛號國黑濟碎齋劑雜參慘棧蠶贊殘絲齒兒辭濕實舍寫釋壽收從澁獸縱肅處緖敍奬將燒稱證乘剩壤孃條淨疊讓釀觸寢愼眞盡圖粹醉隨髓數樞聲靜齊攝竊專戰淺潛纖踐錢禪雙壯搜插爭總聰莊裝騷藏臟屬續墮體對帶滯臺瀧擇澤單擔膽團彈斷癡遲晝蟲鑄廳聽鎭遞鐵轉點傳黨盜燈當鬭獨讀屆繩貳惱腦霸廢拜賣麥發髮拔蠻祕濱拂佛竝變邊辨瓣辯舖寶豐沒飜每萬滿默譯藥與豫餘譽搖樣謠來賴亂覽龍兩獵綠壘淚勵禮隸靈齡戀爐勞樓祿錄灣惠鄕鬪郞黃步涉髙﨑邉濵德嶋冨";
const COMMON_KANJI =
  "亜悪圧囲為医壱栄営衛駅円塩応欧殴桜仮価画会絵拡覚学楽勧巻歓観関陥巌顔帰気亀偽犠旧拠挙峡挟狭暁区駆勲径茎経継軽鶏芸欠倹剣圏検権献県険顕験厳効広恒鉱号国黒済砕斎剤雑参惨桟蚕賛残糸歯児辞湿実舎写釈寿収従渋獣縦粛処緒叙奨将焼称証乗剰壌嬢条浄畳譲醸触寝慎真尽図粋酔随髄数枢声静斉摂窃専戦浅潜繊践銭禅双壮捜挿争総聡荘装騒蔵臓属続堕体対帯滞台滝択沢単担胆団弾断痴遅昼虫鋳庁聴鎮逓鉄転点伝党盗灯当闘独読届縄弐悩脳覇廃拝売麦発髪抜蛮秘浜払仏並変辺弁弁弁舗宝豊没翻毎万満黙訳薬与予余誉揺様謡来頼乱覧竜両猟緑塁涙励礼隷霊齢恋炉労楼禄録湾恵郷闘郎黄歩渉高崎辺浜徳島富";

/** Each spelling variant, with the spelling it is folded to. */
const CHARACTER_SPELLINGS = new Map<string, string>([
  ...Array.from(OLD_KANJI, (old, i): [string, string] => [old, COMMON_KANJI[i] as string]),
  ["\u{20bb7}", "吉"],
  // The ヴ row, as loanwords are also written (ヴァイオリン/バイオリン, ヴィエンチャン/ビエンチャン).
  ["ヴァ", "バ"],
  ["ヴィ", "ビ"],
  ["ヴェ", "ベ"],
  ["ヴォ", "ボ"],
  ["ヴュ", "ビュ"],
  ["ヴ", "ブ"],
  ["ヷ", "バ"],
  ["ヸ", "ビ"],
  ["ヹ", "ベ"],
  ["ヺ", "ボ"],
]);

/** A spelling variant. (A counter written ヶ月 or カ月 is folded in its term: see analyze.ts.) */
const SPELLING = new RegExp(`ヴ[ァィェォュ]?|[ヷヸヹヺ\u{20bb7}${OLD_KANJI}]`, "gu");

const SEARCHED = rulesOf(DROPPED, SPELLING);

/**
 * The content hash's rules (see hashedForm): C0/C1 controls but \t \n, U+FFFD and the BOM dropped; old kanji
 * and the ヴ row folded. Written out, not SEARCHED's: search may come to drop or fold more, a hash must not.
 */
const HASHED = rulesOf(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd\ufeff]/u,
  new RegExp(`ヴ[ァィェォュ]?|[ヷヸヹヺ\u{20bb7}${OLD_KANJI}]`, "gu"),
);

/**
 * Folds spelling variants that NFKC leaves apart (表記ゆれ) to one spelling, keeping each folded character's
 * source offsets (ヴァ → バ maps back to both characters). Documents and questions are folded alike, so
 * either spelling finds the other.
 */
function foldSpellings(normalized: NormalizedText, spelling: RegExp): NormalizedText {
  const { text, sourceStart, sourceEnd } = normalized;
  const variants = [...text.matchAll(spelling)];
  if (variants.length === 0) return normalized;
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  const copy = (to: number) => {
    out.push(text.slice(at, to));
    for (let i = at; i < to; i++) {
      starts.push(sourceStart[i] as number);
      ends.push(sourceEnd[i] as number);
    }
  };
  for (const match of variants) {
    copy(match.index);
    const variant = match[0];
    const folded = CHARACTER_SPELLINGS.get(variant) ?? variant;
    const end = match.index + variant.length;
    for (let i = 0; i < folded.length; i++) {
      starts.push(sourceStart[match.index] as number);
      ends.push(sourceEnd[end - 1] as number);
    }
    out.push(folded);
    at = end;
  }
  copy(text.length);
  return { text: out.join(""), sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

/**
 * Characters that NFKC maps to themselves and that have no upper case: tab, newline, ASCII but capitals,
 * 、。「」『』【】, hiragana, katakana, ー and the CJK unified ideographs (checked exhaustively in the tests).
 */
export const STABLE_RUN =
  /[\t\n\u0020-\u0040\u005b-\u007e\u3001-\u3011\u3014-\u301b\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+/gu;
const COMBINING = /[\p{M}\uff9e\uff9f]/u;

function foldClusters(
  source: string,
  from: number,
  to: number,
  out: string[],
  starts: number[],
  ends: number[],
  dropped: RegExp,
) {
  const part = source.slice(from, to);
  for (const match of part.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = from + match.index;
    const end = start + cluster.length;
    let folded = cluster.length === 1 && cluster < "\u0080" ? cluster.toLowerCase() : foldCluster(cluster);
    if (dropped.test(folded)) folded = folded.replace(new RegExp(dropped, "gu"), "");
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    out.push(folded);
  }
}

function foldCluster(cluster: string): string {
  // NFKC again after lower-casing: İ (U+0130) lowers to i and a combining dot, which a following mark must
  // be put in canonical order with, as the next normalization would
  return cluster.normalize("NFKC").toLowerCase().normalize("NFKC");
}
