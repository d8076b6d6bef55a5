/**
 * The 名詞 subclasses (IPADIC's pos_detail_1) that are common nouns, not names, numbers or formal nouns: the
 * nouns whose spellings are folded to one term. Read by analysis and by scripts/generate-spelling-variants.ts,
 * which must agree; a module of its own so that the script does not depend on the table it writes.
 */
export const COMMON_NOUN: ReadonlySet<string> = new Set(["一般", "サ変接続", "形容動詞語幹", "副詞可能"]);

/** The 名詞 subclasses in which a verb's 連用形 is read as a noun: 占い, 悩み (一般), 問い合わせ, 受付 (サ変接続). */
export const VERBAL_NOUN: ReadonlySet<string> = new Set(["一般", "サ変接続"]);

/** The 品詞 a clause ends on: 開かれる, 高い, 分裂した (た), 安全な (な), before the noun it says which one is. */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set(["動詞", "形容詞", "助動詞"]);
