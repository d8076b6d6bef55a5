import { readFile } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzip } from "node:zlib";
import { type KuromojiDictionaries, LatticeTokenizer } from "./lattice.ts";

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

/** kuromoji's own loader and tokenizer, to build a tokenizer with a faster file reader (see below). */
type OnBuffer = (err: Error | null, buffer?: ArrayBuffer) => void;
interface DictionaryLoader {
  loadArrayBuffer(file: string, callback: OnBuffer): void;
  load(callback: (err: Error | null, dictionaries: unknown) => void): void;
}
const KuromojiDictionaryLoader = require("kuromoji/src/loader/DictionaryLoader.js") as new (
  dicPath: string,
) => DictionaryLoader;
const KuromojiTokenizer = require("kuromoji/src/Tokenizer.js") as new (dictionaries: unknown) => Tokenizer;

/**
 * The dictionary's twelve files (17 MB gzipped, 100 MB unzipped) decompressed on libuv's threads, each
 * into one buffer of its unzipped size. kuromoji's NodeDictionaryLoader gunzips in Node's default 16 KB
 * chunks, one main-thread callback and copy each, then copies the result once more: 1.5 s against 0.25 s
 * here, and the main thread stays free to read the corpus meanwhile. A gzip file ends with its unzipped
 * size (modulo 2^32): with that as the chunk size, zlib hands back one chunk that fills its buffer, and
 * neither joining chunks nor trimming the buffer copies 100 MB on the main thread (0.1 s).
 */
function loadArrayBuffer(file: string, callback: OnBuffer): void {
  readFile(file, (readError, compressed) => {
    if (readError) return callback(readError);
    const unzipped = compressed.byteLength >= 18 ? compressed.readUInt32LE(compressed.byteLength - 4) : 0;
    const chunkSize = Math.min(Math.max(unzipped, 64 * 1024), 256 * 1024 * 1024);
    gunzip(compressed, { chunkSize }, (zipError, data) => {
      if (zipError) return callback(zipError);
      const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      callback(
        null,
        whole
          ? (data.buffer as ArrayBuffer)
          : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer),
      );
    });
  });
}

const loading = new Map<string, Promise<KuromojiDictionaries>>();

/**
 * Loads kuromoji's dictionary (about 0.5 s and 300 MB) once per path and shares it. The promise is
 * memoized; a rejected load is forgotten so that the next call retries.
 */
function loadDictionaries(dicPath: string): Promise<KuromojiDictionaries> {
  const existing = loading.get(dicPath);
  if (existing) return existing;
  const promise = new Promise<KuromojiDictionaries>((resolve, reject) => {
    const loader = new KuromojiDictionaryLoader(dicPath);
    loader.loadArrayBuffer = loadArrayBuffer;
    loader.load((err, dictionaries) => {
      if (err) reject(new Error(`tokenizer: cannot load the kuromoji dictionary from ${dicPath}: ${err.message}`));
      else resolve(dictionaries as KuromojiDictionaries);
    });
  });
  loading.set(dicPath, promise);
  promise.catch(() => loading.delete(dicPath));
  return promise;
}

const tokenizers = new Map<string, Promise<Tokenizer>>();

/**
 * The tokenizer the engine uses: kuromoji's dictionary and algorithm, computed by `LatticeTokenizer`
 * (same tokens, linear time per sentence; see lattice.ts). One per dictionary path.
 */
export function loadTokenizer(dicPath = defaultDictionaryPath()): Promise<Tokenizer> {
  const existing = tokenizers.get(dicPath);
  if (existing) return existing;
  const tokenizer = loadDictionaries(dicPath).then((dictionaries) => new LatticeTokenizer(dictionaries));
  tokenizers.set(dicPath, tokenizer);
  tokenizer.catch(() => tokenizers.delete(dicPath));
  return tokenizer;
}

/** kuromoji's own tokenizer on the same dictionary: the reference the benchmark and the tests compare with. */
export async function loadKuromojiTokenizer(dicPath = defaultDictionaryPath()): Promise<Tokenizer> {
  return new KuromojiTokenizer(await loadDictionaries(dicPath));
}
