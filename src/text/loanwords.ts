import { KATAKANA_WORD } from "./analyze.ts";

/**
 * How a loanword sounds: a name a member writes in katakana (エクスペリア, シンクパッド, ゾゾタウン) and the
 * library in Latin letters (Xperia, ThinkPad, ZOZOTOWN) are read into one rough romanization, and meet
 * where its consonants are the same and its vowels nearly so (see LatinSpellings).
 */

/** Each katakana character romanized (consonant and vowel; ン n; ッ and ー none, see katakanaForm). */
const KANA_ROWS: readonly [string, string][] = [
  ["", "アイウエオ"],
  ["k", "カキクケコ"],
  ["g", "ガギグゲゴ"],
  ["s", "サシスセソ"],
  ["s", "ザジズゼゾ"],
  ["t", "タチツテト"],
  ["d", "ダヂヅデド"],
  ["n", "ナニヌネノ"],
  ["h", "ハヒフヘホ"],
  ["b", "バビブベボ"],
  ["p", "パピプペポ"],
  ["m", "マミムメモ"],
  ["", "ヤ ユ ヨ"],
  ["r", "ラリルレロ"],
  ["", "ワヰ ヱヲ"],
];
const VOWELS = "aiueo";
const ROMAJI = new Map<string, string>();
for (const [consonant, row] of KANA_ROWS) {
  [...row].forEach((kana, i) => {
    if (kana !== " ") ROMAJI.set(kana, consonant + VOWELS[i]);
  });
}
// the exceptions of the rows: チ and ツ are t (chip チップ, tsunami ツナミ), ヂ and ヅ s, フ f
for (const [kana, romaji] of [
  ["ヂ", "si"],
  ["ヅ", "su"],
  ["フ", "fu"],
  ["ン", "n"],
  ["ヴ", "bu"],
  ["ヵ", "ka"],
  ["ヶ", "ke"],
  ["ヮ", "a"],
  ["ァ", "a"],
  ["ィ", "i"],
  ["ゥ", "u"],
  ["ェ", "e"],
  ["ォ", "o"],
  ["ャ", "a"],
  ["ュ", "u"],
  ["ョ", "o"],
] as const) {
  ROMAJI.set(kana, romaji);
}

/** The vowel a katakana letter ends in, as it is romanized: a, i, u, e or o; "" for ン, ッ and no kana. */
export function vowelOfKatakana(kana: string): string {
  const vowel = ROMAJI.get(kana)?.at(-1) ?? "";
  return vowel !== "" && VOWELS.includes(vowel) ? vowel : "";
}

/** A consonant katakana writes with a vowel of its own where a Latin spelling has none (ク of mix, ト of night). */
const EPENTHETIC = /(?<=[kgsfbpmrh])u(?=[^aiueo]|$)|(?<=[td])o$/gu;

/**
 * A katakana word romanized, roughly as its Latin spelling would be read (see latinForm): a small kana or
 * ー lengthens or changes the vowel before it, which one vowel stands for (ミクシィ mikusi), and a vowel
 * katakana adds after a consonant is dropped (miksi). Undefined for what is not katakana.
 */
export function katakanaForm(word: string): string | undefined {
  let out = "";
  let previous = "";
  for (const kana of word) {
    if (kana === "ー" || kana === "ッ") continue;
    const romaji = ROMAJI.get(kana);
    if (romaji === undefined) return undefined;
    // a small kana replaces the vowel before it (ティ ti, ファ fa, ギャ ga), but ウ's (ウィ ui, as w is read)
    if ("ァィゥェォャュョヮ".includes(kana) && VOWELS.includes(out.at(-1) ?? "") && previous !== "ウ")
      out = out.slice(0, -1);
    previous = kana;
    out += romaji;
  }
  return collapse(out.replace(EPENTHETIC, ""));
}

/** Spellings of English and other Latin-letter words, as katakana writes their sounds, in order. */
const LATIN_SOUNDS: readonly [RegExp, string][] = [
  // ch and ts as チ and ツ are read (see KANA_ROWS): chip チップ, tsunami ツナミ, cats キャッツ
  [/tch|ch|ts/gu, "t"],
  [/sh|th/gu, "s"],
  [/ph/gu, "f"],
  [/gh/gu, ""],
  [/qu/gu, "ku"],
  [/ck|q/gu, "k"],
  [/x/gu, "ks"],
  [/c(?=[eiy])/gu, "s"],
  [/c/gu, "k"],
  [/[jz]/gu, "s"],
  [/v/gu, "b"],
  [/l/gu, "r"],
  [/m(?=[bp])/gu, "n"],
  [/w/gu, "u"],
  [/y/gu, "i"],
  // an r after a vowel and before no vowel is a long vowel in katakana (star スター, twitter ツイッター)
  [/(?<=[aiueo])r(?![aiueo])/gu, ""],
  // a final e is silent (phone フォン)
  [/(?<=[^aiueo])e$/gu, ""],
];

/** A word of Latin letters romanized as its katakana spelling would be (see katakanaForm). */
export function latinForm(word: string): string | undefined {
  if (!/^[a-z]+$/u.test(word)) return undefined;
  let form = word;
  for (const [spelling, sound] of LATIN_SOUNDS) form = form.replace(spelling, sound);
  return collapse(form);
}

/** A letter repeated as one: long vowels and doubled consonants are not told apart. */
function collapse(form: string): string {
  return form.replace(/(.)\1+/gu, "$1");
}

/**
 * The fewest consonants a key has: with two, too many words sound alike (ペアーズ and peace, シャブ and save,
 * アイフォン and phone).
 */
const MIN_KEY = 3;

/** A form's key: its consonants. Null when too short to tell words apart. */
export function keyOf(form: string): string | null {
  const key = collapse(form.replace(/[aiueo]/gu, ""));
  return key.length >= MIN_KEY ? key : null;
}

/** A word of Latin letters with a vowel: not an abbreviation, which katakana spells letter by letter (NHK, DS). */
const LATIN_WORD = /^(?=.*[aeiouy])[a-z]{3,}$/u;

/**
 * The fewest letters a katakana word's form has: a rough romanization of a shorter word is one of too many
 * words of either language (タンカー tanka and tanaka, ラドン radon and radeon, センコー senko and junko,
 * ハンダ handa and honda, ハクシュ haksu and hacks, シュクヅ sks and sex), and the question asked of a
 * tanker was answered from GINZA TANAKA, with nothing said missing.
 */
const MIN_FORM = 6;

/**
 * How far a Latin spelling's form may be from a katakana word's: a letter for every seven of the shorter
 * (エクスペリア eksperia and xperia ksperia, ゾゾタウン sosotaun and zozotown sosotoun), none below that
 * (シンボク sinbok is no zenbook senbok, and ミクラジマ mikrasima no microsim mikrosim).
 */
function allowedDistance(form: string, latin: string): number {
  return Math.floor(Math.min(form.length, latin.length) / 7);
}

/**
 * The Latin-letter words of a library, found by how a katakana word sounds: 「エクスペリアSXって重さ何グラム？」
 * searches with xperia, what livedoor writes. For the question's words the library does not know only:
 * a katakana word the library writes (ノート) is its own.
 */
export class LatinSpellings {
  readonly #byKey = new Map<string, { readonly term: string; readonly form: string }[]>();

  /** `terms`: the library's terms (any; those of Latin letters are kept). */
  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (!LATIN_WORD.test(term)) continue;
      const form = latinForm(term) as string;
      const key = keyOf(form);
      if (key === null) continue;
      const spellings = this.#byKey.get(key);
      if (spellings) spellings.push({ term, form });
      else this.#byKey.set(key, [{ term, form }]);
    }
  }

  /**
   * The library's Latin spelling of a katakana word of MIN_FORM letters or more: of those with its
   * consonants, the one whose form is nearest, within allowedDistance, and of those the one `weight` (how many passages hold it) puts first.
   */
  of(katakana: string, weight: (term: string) => number): string | undefined {
    const form = katakanaForm(katakana);
    const key = form === undefined ? null : keyOf(form);
    if (form === undefined || key === null || form.length < MIN_FORM) return undefined;
    let best: { term: string; distance: number; weight: number } | undefined;
    for (const spelling of this.#byKey.get(key) ?? []) {
      const allowed = allowedDistance(form, spelling.form);
      if (Math.abs(form.length - spelling.form.length) > allowed) continue;
      const distance = formDistance(form, spelling.form);
      if (distance > allowed || (best && distance > best.distance)) continue;
      const w = weight(spelling.term);
      if (w > 0 && (!best || distance < best.distance || w > best.weight))
        best = { term: spelling.term, distance, weight: w };
    }
    return best?.term;
  }
}

/** Voiced kana as their voiceless pairs: グ and ク, ザ and サ, ド and ト, ブ and プ and フ sound alike to a writer. */
const UNVOICED = new Map(
  [..."ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ"].map((kana, i) => [
    kana,
    "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホフ"[i] as string,
  ]),
);

/**
 * A katakana word as a writer may hear it: voiced kana unvoiced, and no ー or ッ (グーテンベルグ and
 * グーテンベルク are クテンヘルク). Kana for kana otherwise: a word a kana off is another word.
 */
function heardAs(word: string): string {
  let out = "";
  for (const kana of word) if (kana !== "ー" && kana !== "ッ") out += UNVOICED.get(kana) ?? kana;
  return out;
}

/** The fewest kana a word so heard has: shorter ones differing by voicing alone are other words (バッグ, パック). */
const MIN_HEARD = 5;

/**
 * The katakana words of a library, found by how a katakana word it does not write is heard: a member writes
 * a foreign name as they hear it (グーテンベルグ, German's final g heard as k in the library's グーテンベルク;
 * アメバピグ for アメーバピグ). The same kana but for voicing, ー and ッ, of MIN_HEARD kana or more; the caller
 * asks only for words kuromoji does not know (a word IPADIC lists, ガリウム, is itself, not the カリウム it
 * sounds like).
 */
export class KatakanaSpellings {
  readonly #byHearing = new Map<string, Set<string>>();

  /** `terms`: the library's terms (any; those of katakana are kept). */
  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (!KATAKANA_WORD.test(term)) continue;
      const heard = heardAs(term);
      if ([...heard].length < MIN_HEARD) continue;
      const spellings = this.#byHearing.get(heard);
      if (spellings) spellings.add(term);
      else this.#byHearing.set(heard, new Set([term]));
    }
  }

  /** The library's katakana word heard as `katakana` is, the one most passages hold (`weight`). */
  of(katakana: string, weight: (term: string) => number): string | undefined {
    const heard = heardAs(katakana);
    if ([...heard].length < MIN_HEARD) return undefined;
    let best: { term: string; weight: number } | undefined;
    for (const term of this.#byHearing.get(heard) ?? []) {
      const w = weight(term);
      if (term !== katakana && w > 0 && (!best || w > best.weight)) best = { term, weight: w };
    }
    return best?.term;
  }
}

/** How many single letters differ between two forms (insertions, deletions, substitutions). */
export function formDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (previous[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}
