/** A sentence: its text and where it lies in the text it was split from (`text === source.slice(start, end)`). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TERMINATORS = new Set([
  "。", // 句点
  "！", // 全角感嘆符
  "？", // 全角疑問符
  "!",
  "?",
  "．", // 全角ピリオド (academic writing)
]);

const OPENERS: Readonly<Record<string, string>> = {
  "「": "」", // かぎ括弧
  "『": "』", // 二重かぎ括弧
  "（": "）", // 丸括弧
  "(": ")",
  "【": "】", // 隅付き括弧
  "“": "”",
};
const CLOSERS = new Set(Object.values(OPENERS));

/** A quote longer than this is not kept whole: an unbalanced 「 must not swallow the rest of the article. */
const MAX_PROTECTED_QUOTE = 500;

/**
 * After a quote that ends with a terminator, the sentence goes on when the quote is followed by one of
 * these, e.g. 「行く。」と言った。 is one sentence; 「行く。」次の日 is two. So it does before a form of する
 * (される, させる) that makes the quote a verb, as 「いいね！」する does: 「仲間を“スカウト？”してくる」,
 * 「快諾（？）した」, 「変更（？）されています」; not before the words that begin like one and open a sentence:
 * 「「行く？」すると彼は」, しかし, しかも, したがって, されど.
 */
const QUOTE_CONTINUATION =
  /^(?:[とっのがはもをにでや、，,]|し(?:て|た(?!がって)|ま[すしせ]|ない|よう)|する(?!と)|さ(?:れ(?!ど)|せ)|せず)/u;

/**
 * Splits text into sentences on 。！？ and line breaks, keeping quoted speech 「…。…」 whole.
 * Whitespace between sentences is not part of any sentence; empty sentences are not returned.
 * @example splitSentences("彼は「行く。」と言った。次の文。").map(s => s.text) // ["彼は「行く。」と言った。", "次の文。"]
 */
export function splitSentences(text: string): Sentence[] {
  const protectedUntil = findProtectedRanges(text);
  const sentences: Sentence[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) sentences.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    const skipTo = protectedUntil.get(i);
    if (skipTo !== undefined) {
      // A protected quote: jump to its closer. A quote ending with a terminator ends the sentence unless
      // the sentence visibly continues (「行く。」と言った).
      i = skipTo + 1;
      const before = text[skipTo - 1];
      if (
        before !== undefined &&
        TERMINATORS.has(before) &&
        !endsNameWithStop(text, skipTo - 1) &&
        !QUOTE_CONTINUATION.test(text.slice(i, i + 5))
      ) {
        push(i);
      }
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      push(i);
      i++;
      start = i;
      continue;
    }
    if ((TERMINATORS.has(ch) && !inName(text, i)) || (ch === "." && isAsciiSentenceEnd(text, i))) {
      let end = i + 1;
      // 「！？」「?!」 and trailing closers belong to the sentence that ends here.
      while (end < text.length && (TERMINATORS.has(text[end] as string) || CLOSERS.has(text[end] as string))) end++;
      // A comma after it says the sentence goes on: 「Google、Yahoo!、bingの…」, 「本当？、と聞いた」; so does
      // a particle no sentence opens with: 「スカパー！の番組」.
      if (!COMMAS.has(text[end] as string) && !PARTICLE_AFTER_END.test(text.slice(end, end + 2))) push(end);
      i = end;
      continue;
    }
    i++;
  }
  push(text.length);
  return sentences;
}

const COMMAS = new Set(["、", "，", ","]);

/**
 * Particles no sentence opens with: を, and の before a word not written in hiragana (の opens 「のぞいたら」,
 * 「のんびり」, 「のどの渇き」). After them the 。, ！ or ？ before ended a name, a title or a question inside the
 * sentence: 「ミニモニ。の辻」, 「スカパー！の番組」, 「記事TOP5！をお届け」, 「理由があるのか？を考える」. Not the
 * particles that do open sentences: 「…んです。で、」, 「…ない。が、」, 「…だ。と、言われた」, では, でも, にもかかわらず.
 */
const PARTICLE_AFTER_END = /^(?:を|の[\p{Script=Han}\p{Script=Katakana}\p{Script=Latin}\p{Nd}])/u;

/**
 * Names whose 。 is their own, as English splitters keep a list of abbreviations whose period ends no sentence:
 * 「ここで、モーニング娘。道重さゆみが」, 「元モーニング娘。高橋愛に」, 「モー娘。からAKB48へ」, 「映画『君の名は。』監督の」.
 * The stop ends the sentence too only before a space or at the end of the paragraph: 「ファンはモーニング娘。 次の」.
 * Of livedoor's 39 モーニング娘。, none ends a sentence. Not 娘。 alone: 「武家の娘。結局」 is two sentences.
 */
const NAMES_WITH_STOP = ["モーニング娘。", "モー娘。", "カントリー娘。", "君の名は。"];

/** Whether the 。 at `i` ends one of NAMES_WITH_STOP. */
function endsNameWithStop(text: string, i: number): boolean {
  return text[i] === "。" && NAMES_WITH_STOP.some((name) => text.startsWith(name, i + 1 - name.length));
}

/** A kanji or a katakana, which a name's next word begins with: 「Yahoo!天気」, 「Yahoo!ニュース」. */
const KANJI_OR_KATAKANA = /^[\p{Script=Han}\p{Script=Katakana}]/u;

/**
 * Particles after which a sentence goes on: 「Yahoo!で検索する」, 「Yahoo!のトップ」, 「Yahoo!や楽天」; not the
 * openers of the next sentence that begin like them (では, でも, とても, ところで, はい, もっと, もう, もちろん,
 * やはり): 「Google！では早速」 is two sentences, and so is 「Yahoo!では」.
 */
const PARTICLE_AFTER =
  /^(?:の|を|に|って|が(?!、)|で(?![はも])|と(?!ても|ころ|にかく)|は(?!い)|も(?!っと|う|ちろん|し)|や(?!はり|っぱり))/u;

/**
 * A ． between Latin letters or digits, full-width or not, is a decimal point or part of an address, as a
 * . is: 「下り最大１４．４Ｍｂｐｓ」, 「ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ」.
 * A !, ！ or ? between Latin letters or digits is part of a name, not the end of a sentence: Yahoo!JAPAN,
 * Yahoo！JAPAN, HEY!HEY!HEY!, details?id=…; so is a ! or ！ after a Latin letter, full-width or not, before a
 * particle (「Yahoo!で検索」, 「Ｙａｈｏｏ！で」; after a digit it ends: 「iPhone 5！では」), and a ? between an address's path
 * and its query (example.com/?p=123).
 * A ! or ！ after a Latin word with a lower-case letter, before a kanji or a katakana, is a name's too: the word
 * is a name written as one, and the name goes on in Japanese (「Yahoo!天気・災害」, 「Ｙａｈｏｏ！ニュース」,
 * 「BookLive!アプリ」). Not after an all-capital abbreviation, which a ! closes as often as it names one
 * (「ヨコでもOK！好きな角度に」, 「バックライトはLED!コントラストも」), nor after a unit (「23kg！韓国の」).
 * A 。 that ends a name of NAMES_WITH_STOP is the name's, but before a space or at the end.
 */
function inName(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === "．") return isWideLatinOrDigit(text.charCodeAt(i - 1)) && isWideLatinOrDigit(text.charCodeAt(i + 1));
  if (ch === "。") return endsNameWithStop(text, i) && i + 1 < text.length && !isSpace(text.charCodeAt(i + 1));
  if (ch !== "!" && ch !== "?" && ch !== "！" && ch !== "？") return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if ((ch === "?" || ch === "？") && before === 0x2f) return isLatinOrDigit(after);
  if (ch === "？") return false;
  if (isLatinOrDigit(before) && isLatinOrDigit(after)) return true;
  if (ch === "?") return false;
  if (isLatinLetter(asciiOf(before)) && PARTICLE_AFTER.test(text.slice(i + 1, i + 6))) return true;
  return KANJI_OR_KATAKANA.test(text.slice(i + 1, i + 3)) && isNameWordBefore(text, i);
}

/**
 * Whether the Latin letters just before `i`, full-width or not, make a word with a lower-case letter that
 * does not follow a digit (not 「23kg」). Each ! reads back over the one word that ends at it only, so a text
 * is read at most twice.
 */
function isNameWordBefore(text: string, i: number): boolean {
  let k = i - 1;
  let lower = false;
  for (; k >= 0; k--) {
    const code = asciiOf(text.charCodeAt(k));
    if (!isLatinLetter(code)) break;
    if (code >= 0x61) lower = true;
  }
  return lower && !isLatinOrDigit(asciiOf(text.charCodeAt(k)));
}

/** The ASCII form of a full-width Latin letter or digit (Ａ, ｚ, ０); any other code as it is. */
function asciiOf(code: number): number {
  return code >= 0xff10 && code <= 0xff5a ? code - 0xfee0 : code;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** A Latin letter or a digit, or its full-width form (Ａ, ｚ, ０). */
function isWideLatinOrDigit(code: number): boolean {
  return isLatinOrDigit(asciiOf(code));
}

function isLatinOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || isLatinLetter(code);
}

/** An ASCII period ends a sentence only before whitespace or the end, and not in a number (3.0) or a.m. */
function isAsciiSentenceEnd(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return i + 1 >= text.length || isSpace(next);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x0a || code === 0x0d;
}

/** Maps the index of each opening bracket that is closed within MAX_PROTECTED_QUOTE to its closer's index. */
function findProtectedRanges(text: string): Map<number, number> {
  const ranges = new Map<number, number>();
  const stack: { index: number; closer: string }[] = [];
  /** The first opener within MAX_PROTECTED_QUOTE: those before it can make no range, and are gone. */
  let bottom = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") {
      stack.length = 0; // quotes never span paragraphs
      bottom = 0;
      continue;
    }
    const closer = OPENERS[ch];
    if (closer !== undefined) {
      stack.push({ index: i, closer });
      continue;
    }
    if (CLOSERS.has(ch)) {
      // Pop to the matching opener; unmatched closers are ignored. Openers further back than
      // MAX_PROTECTED_QUOTE can make no range and are dropped, so a run of unmatched closers is not
      // quadratic; the outermost opener left is the bottom one.
      while (bottom < stack.length && i - (stack[bottom] as { index: number }).index > MAX_PROTECTED_QUOTE) bottom++;
      for (let k = stack.length - 1; k >= bottom; k--) {
        const open = stack[k] as { index: number; closer: string };
        if (open.closer === ch) {
          stack.length = k;
          if (k === bottom) ranges.set(open.index, i);
          break;
        }
      }
    }
  }
  return ranges;
}
