import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";

/**
 * A kuromoji token, with the fields named as in the IPADIC dictionary.
 */
export interface KuromojiToken {
  /** 表層形: the text as written */
  readonly surface_form: string;
  /** 品詞: 名詞, 動詞, 助詞, ... */
  readonly pos: string;
  /** 品詞細分類1: 固有名詞, 非自立, 数, ... */
  readonly pos_detail_1: string;
  /** 品詞細分類2: 人名, 地域, 組織, 助数詞, ... */
  readonly pos_detail_2: string;
  /** 品詞細分類3 */
  readonly pos_detail_3: string;
  /** 基本形: dictionary form, `*` for unknown words */
  readonly basic_form: string;
  /** 読み */
  readonly reading?: string;
  readonly word_type: string;
}

export interface Tokenizer {
  tokenize(text: string): KuromojiToken[];
}

const require = createRequire(import.meta.url);

/** The dictionary shipped with the kuromoji package. */
export function defaultDictionaryPath(): string {
  return path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
}

const loading = new Map<string, Promise<Tokenizer>>();

/**
 * Loads kuromoji's dictionary (about 0.6 s and 300 MB) once per path and shares it. The promise is
 * memoized; a rejected load is forgotten so that the next call retries.
 */
export function loadTokenizer(dicPath = defaultDictionaryPath()): Promise<Tokenizer> {
  const existing = loading.get(dicPath);
  if (existing) return existing;
  const promise = new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) reject(new Error(`tokenizer: cannot load the kuromoji dictionary from ${dicPath}: ${err.message}`));
      else resolve(tokenizer as unknown as Tokenizer);
    });
  });
  loading.set(dicPath, promise);
  promise.catch(() => loading.delete(dicPath));
  return promise;
}
