import type { QuestionType } from "../text/question-words.ts";

/** The article a result comes from: enough to cite it. */
export interface SourceRef {
  readonly articleId: string;
  readonly title: string;
  readonly url: string;
  readonly publisher: string;
  readonly publishedAt: string | null;
}

/** A [start, end) range of `text` to show in bold: a word of the question. */
export type Highlight = readonly [start: number, end: number];

/**
 * A sentence that answers, with the sentences before it that it points back at (このような…), and where
 * it lies in its article's body.
 */
export interface KeyPoint extends SourceRef {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly highlights: readonly Highlight[];
  readonly score: number;
}

/** A passage a key point (or a search hit) comes from. */
export interface PassageHit extends SourceRef {
  readonly passageId: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly heading: string | null;
  readonly highlights: readonly Highlight[];
  readonly score: number;
}

/** The answer to a question: pure data, rendered for Discord or the terminal. */
export interface Answer {
  readonly question: string;
  /**
   * What kind of answer the question asks for, from its question word or the noun that closes it
   * (梅雨の時期は？); null without one.
   */
  readonly questionType: QuestionType | null;
  /** The search terms of the question. */
  readonly terms: readonly string[];
  /** False when nothing in the corpus answers: then keyPoints is empty and suggestions may help. */
  readonly found: boolean;
  /**
   * Words of the question that name what it is about (nouns, names, numbers) and that no key point says,
   * nor its article's title, as the question writes them: what the answer leaves out.
   */
  readonly missing: readonly string[];
  /**
   * The words of `missing` that no article of the library says, in a passage, a heading or a title: the
   * library holds nothing on them, as the question spells them (ChatGPT in a library of 2012's news).
   */
  readonly notInLibrary: readonly string[];
  readonly keyPoints: readonly KeyPoint[];
  readonly passages: readonly PassageHit[];
  /** When nothing was found: the titles closest to the question. */
  readonly suggestions: readonly SourceRef[];
}

/** An article's key points. */
export interface Summary extends SourceRef {
  readonly author: string | null;
  readonly points: readonly { readonly text: string; readonly start: number; readonly end: number }[];
  readonly passageCount: number;
  readonly characters: number;
}
