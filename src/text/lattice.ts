/**
 * kuromoji's tokenizer, computed the same way in linear time per sentence.
 *
 * kuromoji's own ViterbiBuilder copies the rest of the sentence at every character, wraps it in a
 * SurrogateAwareString and encodes it to UTF-8 again for the dictionary lookup: quadratic in the
 * sentence, with an allocation per character. Then every token's features are decoded byte by byte into
 * a string and split. This module reads the same dictionaries (the trie, the word and unknown-word
 * tables, the character classes and the connection costs) and builds the same lattice, searched the same
 * way, so its tokens are kuromoji's tokens: each sentence is encoded once, the trie is walked from each
 * character over that one buffer, the lattice lives in typed arrays reused between calls, and a word's
 * features are decoded once and kept. test/text/lattice.test.ts checks the output against kuromoji's own
 * `tokenize` token for token.
 */
import type { KuromojiToken, Tokenizer } from "./tokenizer.ts";

/** kuromoji's dictionaries as its DictionaryLoader builds them (the parts read here). */
export interface KuromojiDictionaries {
  readonly trie: { readonly bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array } };
  readonly token_info_dictionary: WordTable;
  readonly unknown_dictionary: WordTable & {
    readonly character_definition: {
      readonly character_category_map: Uint8Array;
      readonly invoke_definition_map: {
        readonly map: readonly CharacterClass[];
        lookup(name: string): number | null;
      };
    };
  };
  readonly connection_costs: { readonly buffer: Int16Array; readonly backward_dimension: number };
}

interface WordTable {
  readonly dictionary: { readonly buffer: Uint8Array };
  readonly pos_buffer: { readonly buffer: Uint8Array };
  readonly target_map: Readonly<Record<number, readonly number[]>>;
}

interface CharacterClass {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number;
  readonly is_grouping: number;
}

/** A token as kuromoji's IpadicFormatter makes it, without its position fields (word_id, word_position). */
export interface LatticeToken extends KuromojiToken {
  readonly pos_detail_3: string;
  readonly conjugated_type: string;
  readonly conjugated_form: string;
  readonly pronunciation?: string;
}

const KNOWN = 0;
const UNKNOWN = 1;
const NO_NODE = -1;
/** kuromoji's sentence boundaries: it tokenizes the text between them one at a time. */
const COMMA = 0x3001; // 、
const PERIOD = 0x3002; // 。
/** Distinct dictionary words kept as tokens; past this the cache starts again (IPADIC has 392k words). */
const MAX_CACHED_WORDS = 1 << 17;

/** Little-endian reads as kuromoji's ByteBuffer does them, 0 past the end. */
class Bytes {
  private readonly view: DataView;
  readonly array: Uint8Array;
  constructor(array: Uint8Array) {
    this.array = array;
    this.view = new DataView(array.buffer, array.byteOffset, array.byteLength);
  }
  short(index: number): number {
    return index + 2 <= this.array.length ? this.view.getInt16(index, true) : 0;
  }
  int(index: number): number {
    return index + 4 <= this.array.length ? this.view.getInt32(index, true) : 0;
  }
}

/** The features of a word table's entries (表層形,品詞,…,読み,発音), decoded from its UTF-8 strings. */
class Features {
  private readonly words: Bytes;
  private readonly strings: Uint8Array;
  private readonly decoder = new TextDecoder();
  constructor(table: WordTable) {
    this.words = new Bytes(table.dictionary.buffer);
    this.strings = table.pos_buffer.buffer;
  }
  of(id: number): string[] {
    const at = this.words.int(id + 6);
    let end = this.strings.indexOf(0, at);
    if (end < 0) end = this.strings.length;
    return this.decoder.decode(this.strings.subarray(at, end)).split(",");
  }
}

export class LatticeTokenizer implements Tokenizer {
  private readonly base: Int32Array;
  private readonly check: Int32Array;
  private readonly knownWords: Bytes;
  private readonly knownTargets: Readonly<Record<number, readonly number[]>>;
  private readonly knownFeatures: Features;
  private readonly knownTokens = new Map<number, LatticeToken>();
  private readonly unknownWords: Bytes;
  private readonly unknownTargets: Readonly<Record<number, readonly number[]>>;
  private readonly unknownFeatures: Features;
  private readonly unknownFeaturesCache = new Map<number, string[]>();
  private readonly categoryMap: Uint8Array;
  private readonly classes: readonly CharacterClass[];
  private readonly defaultClass: CharacterClass;
  private readonly costs: Int16Array;
  private readonly backwardDimension: number;

  // Per-sentence scratch, grown as needed and reused.
  private bytes = new Uint8Array(1024);
  /** code point → its first UTF-16 unit and first UTF-8 byte; entry n is the sentence's end */
  private unitAt = new Int32Array(257);
  private byteAt = new Int32Array(257);
  /** UTF-8 byte → the code point it starts, or -1 inside a character */
  private pointAtByte = new Int32Array(1025);
  private classAt: CharacterClass[] = [];
  /** code point → end (exclusive) of the run of characters of its class that it starts */
  private runEnd = new Int32Array(256);
  // The lattice: one entry per node. Node 0 is BOS.
  private nodeWord = new Int32Array(1024);
  private nodeType = new Uint8Array(1024);
  private nodeStart = new Int32Array(1024);
  private nodeLeft = new Int32Array(1024);
  private nodeRight = new Int32Array(1024);
  private nodeCost = new Int32Array(1024);
  private nodePrev = new Int32Array(1024);
  private nodeShortest = new Float64Array(1024);
  private nodeNextAtEnd = new Int32Array(1024);
  private nodeSurface: string[] = [];
  /** end position → its first and last node, in the order added */
  private firstAtEnd = new Int32Array(258);
  private lastAtEnd = new Int32Array(258);
  private nodes = 0;

  constructor(dictionaries: KuromojiDictionaries) {
    this.base = dictionaries.trie.bc.getBaseBuffer();
    this.check = dictionaries.trie.bc.getCheckBuffer();
    const known = dictionaries.token_info_dictionary;
    this.knownWords = new Bytes(known.dictionary.buffer);
    this.knownTargets = known.target_map;
    this.knownFeatures = new Features(known);
    const unknown = dictionaries.unknown_dictionary;
    this.unknownWords = new Bytes(unknown.dictionary.buffer);
    this.unknownTargets = unknown.target_map;
    this.unknownFeatures = new Features(unknown);
    const definition = unknown.character_definition;
    this.categoryMap = definition.character_category_map;
    this.classes = definition.invoke_definition_map.map;
    const defaultClass = this.classes[definition.invoke_definition_map.lookup("DEFAULT") ?? -1];
    if (!defaultClass) throw new Error("tokenizer: the dictionary has no DEFAULT character class");
    this.defaultClass = defaultClass;
    this.costs = dictionaries.connection_costs.buffer;
    this.backwardDimension = dictionaries.connection_costs.backward_dimension;
  }

  /** The text's tokens, as kuromoji's `tokenize` gives them. The text must be well-formed UTF-16. */
  tokenize(text: string): LatticeToken[] {
    const tokens: LatticeToken[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === PERIOD) {
        this.tokenizeSentence(text.slice(from, i + 1), tokens);
        from = i + 1;
      }
    }
    if (from < text.length) this.tokenizeSentence(text.slice(from), tokens);
    return tokens;
  }

  private tokenizeSentence(sentence: string, tokens: LatticeToken[]): void {
    const n = this.measure(sentence);
    this.nodes = 0;
    // A grouped unknown word is as long as its UTF-16 units: ends reach past n when it holds surrogate pairs.
    this.firstAtEnd.fill(NO_NODE, 0, sentence.length + 2);
    this.lastAtEnd.fill(NO_NODE, 0, sentence.length + 2);
    this.addNode(KNOWN, -1, 0, 0, 0, 0, 0, ""); // BOS, ending at 0
    this.nodeShortest[0] = 0;
    let maxEnd = 1;
    const { base, check, bytes, byteAt, unitAt, pointAtByte } = this;
    const totalBytes = byteAt[n] as number;
    for (let pos = 0; pos < n; pos++) {
      // Dictionary words starting here: the trie walked over the sentence's bytes (commonPrefixSearch).
      let found = false;
      let parent = 0;
      for (let b = byteAt[pos] as number; b < totalBytes; b++) {
        const child = (base[parent] as number) + (bytes[b] as number);
        if (check[child] !== parent) break;
        parent = child;
        const leaf = base[child] as number; // + the terminal code, 0
        if (check[leaf] !== child) continue;
        const end = pointAtByte[b + 1] as number;
        const leafBase = base[leaf] as number;
        if (end < 0 || leafBase > 0) continue;
        const ids = this.knownTargets[-leafBase - 1];
        if (!ids) continue;
        found = true;
        const length = (unitAt[end] as number) - (unitAt[pos] as number);
        for (const id of ids) {
          const words = this.knownWords;
          this.addNode(KNOWN, id, pos + 1, pos + length, words.short(id), words.short(id + 2), words.short(id + 4), "");
        }
        if (pos + length > maxEnd) maxEnd = pos + length;
      }
      // Unknown words: where no dictionary word starts, or where the character's class always invokes them.
      const head = this.classAt[pos] as CharacterClass;
      if (found && head.is_always_invoke !== 1) continue;
      let length = 1;
      let surfaceEnd = pos + 1;
      if (head.is_grouping === 1 && n - pos > 1) {
        surfaceEnd = this.runEnd[pos] as number;
        // kuromoji measures a grouped word in UTF-16 units, a lone character in code points.
        if (surfaceEnd > pos + 1) length = (unitAt[surfaceEnd] as number) - (unitAt[pos] as number);
      }
      const surface = sentence.slice(unitAt[pos], unitAt[surfaceEnd]);
      const ids = this.unknownTargets[head.class_id] ?? [];
      for (const id of ids) {
        const words = this.unknownWords;
        this.addNode(
          UNKNOWN,
          id,
          pos + 1,
          pos + length,
          words.short(id),
          words.short(id + 2),
          words.short(id + 4),
          surface,
        );
      }
      if (pos + length > maxEnd) maxEnd = pos + length;
    }
    const eos = this.addNode(KNOWN, -1, maxEnd + 1, maxEnd + 1, 0, 0, 0, "");
    this.forward(maxEnd + 1);
    this.emit(eos, tokens);
  }

  /** Encodes the sentence to UTF-8 and classifies its characters; returns its length in code points. */
  private measure(sentence: string): number {
    const units = sentence.length;
    if (this.bytes.length < units * 3) {
      this.bytes = new Uint8Array(units * 3);
      this.pointAtByte = new Int32Array(units * 3 + 1);
    }
    if (this.unitAt.length < units + 1) {
      this.unitAt = new Int32Array(units + 1);
      this.byteAt = new Int32Array(units + 1);
      this.runEnd = new Int32Array(units);
      // A node ends at most at the sentence's UTF-16 length (a grouped unknown word is measured in units
      // from a code point index no greater than its unit index), EOS one after.
      this.firstAtEnd = new Int32Array(units + 2);
      this.lastAtEnd = new Int32Array(units + 2);
    }
    const { bytes, unitAt, byteAt, pointAtByte, classAt } = this;
    let n = 0;
    let b = 0;
    for (let u = 0; u < units; ) {
      unitAt[n] = u;
      byteAt[n] = b;
      pointAtByte[b] = n;
      const code = sentence.codePointAt(u) as number;
      let cls = this.defaultClass;
      if (code < 0x80) {
        bytes[b++] = code;
      } else if (code < 0x800) {
        bytes[b++] = (code >>> 6) | 0xc0;
        bytes[b++] = (code & 0x3f) | 0x80;
      } else if (code < 0x10000) {
        bytes[b++] = (code >>> 12) | 0xe0;
        bytes[b++] = ((code >>> 6) & 0x3f) | 0x80;
        bytes[b++] = (code & 0x3f) | 0x80;
      } else {
        bytes[b++] = (code >>> 18) | 0xf0;
        bytes[b++] = ((code >>> 12) & 0x3f) | 0x80;
        bytes[b++] = ((code >>> 6) & 0x3f) | 0x80;
        bytes[b++] = (code & 0x3f) | 0x80;
      }
      // Characters outside the BMP have no class in char.def: DEFAULT, as kuromoji does.
      if (code < 0x10000 && code < this.categoryMap.length) {
        cls = this.classes[this.categoryMap[code] as number] ?? this.defaultClass;
      }
      classAt[n] = cls;
      for (let k = b - 1; k > (byteAt[n] as number); k--) pointAtByte[k] = -1;
      u += code >= 0x10000 ? 2 : 1;
      n++;
    }
    unitAt[n] = units;
    byteAt[n] = b;
    pointAtByte[b] = n;
    for (let i = n - 1; i >= 0; i--) {
      this.runEnd[i] =
        i + 1 < n && (classAt[i + 1] as CharacterClass).class_name === (classAt[i] as CharacterClass).class_name
          ? (this.runEnd[i + 1] as number)
          : i + 1;
    }
    return n;
  }

  private addNode(
    type: number,
    word: number,
    start: number,
    end: number,
    left: number,
    right: number,
    cost: number,
    surface: string,
  ): number {
    const node = this.nodes++;
    if (node >= this.nodeWord.length) this.growNodes();
    this.nodeWord[node] = word;
    this.nodeType[node] = type;
    this.nodeStart[node] = start;
    this.nodeLeft[node] = left;
    this.nodeRight[node] = right;
    this.nodeCost[node] = cost;
    this.nodePrev[node] = NO_NODE;
    this.nodeShortest[node] = Number.MAX_VALUE;
    this.nodeNextAtEnd[node] = NO_NODE;
    this.nodeSurface[node] = surface;
    const last = this.lastAtEnd[end] as number;
    if (last === NO_NODE) this.firstAtEnd[end] = node;
    else this.nodeNextAtEnd[last] = node;
    this.lastAtEnd[end] = node;
    return node;
  }

  /**
   * Each node's cheapest path from BOS, as kuromoji's ViterbiSearcher.forward: ties go to the node added
   * first, and a node no path reaches keeps the previous node's choice (kuromoji's `shortest_prev_node` is
   * a function-scoped `var`). Only the ends that surrogate pairs push past the text are unreachable.
   */
  private forward(eosEnd: number): void {
    const { nodeStart, nodeLeft, nodeRight, nodeCost, nodePrev, nodeShortest, nodeNextAtEnd, firstAtEnd, costs } = this;
    const width = this.backwardDimension;
    let bestPrev = NO_NODE;
    for (let end = 1; end <= eosEnd; end++) {
      for (let node = firstAtEnd[end] as number; node !== NO_NODE; node = nodeNextAtEnd[node] as number) {
        const first = firstAtEnd[(nodeStart[node] as number) - 1] as number;
        if (first === NO_NODE) continue;
        let best = Number.MAX_VALUE;
        const left = nodeLeft[node] as number;
        const cost = nodeCost[node] as number;
        for (let prev = first; prev !== NO_NODE; prev = nodeNextAtEnd[prev] as number) {
          const total =
            (nodeShortest[prev] as number) + (costs[(nodeRight[prev] as number) * width + left + 2] as number) + cost;
          if (total < best) {
            best = total;
            bestPrev = prev;
          }
        }
        nodePrev[node] = bestPrev;
        nodeShortest[node] = best;
      }
    }
  }

  /** The path back from EOS, as tokens; none if it breaks, as kuromoji's ViterbiSearcher.backward. */
  private emit(eos: number, tokens: LatticeToken[]): void {
    const path: number[] = [];
    for (let node = this.nodePrev[eos] as number; node !== 0; node = this.nodePrev[node] as number) {
      if (node === NO_NODE) return;
      path.push(node);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i] as number;
      const word = this.nodeWord[node] as number;
      tokens.push(
        this.nodeType[node] === KNOWN
          ? this.knownToken(word)
          : this.unknownToken(word, this.nodeSurface[node] as string),
      );
    }
  }

  private knownToken(word: number): LatticeToken {
    let token = this.knownTokens.get(word);
    if (token === undefined) {
      const f = this.knownFeatures.of(word);
      token = Object.freeze({
        word_type: "KNOWN",
        surface_form: f[0] as string,
        pos: f[1] as string,
        pos_detail_1: f[2] as string,
        pos_detail_2: f[3] as string,
        pos_detail_3: f[4] as string,
        conjugated_type: f[5] as string,
        conjugated_form: f[6] as string,
        basic_form: f[7] as string,
        reading: f[8] as string,
        pronunciation: f[9] as string,
      });
      if (this.knownTokens.size >= MAX_CACHED_WORDS) this.knownTokens.clear();
      this.knownTokens.set(word, token);
    }
    return token;
  }

  private unknownToken(word: number, surface: string): LatticeToken {
    // A few dozen entries, one per character class and 品詞.
    let f = this.unknownFeaturesCache.get(word);
    if (f === undefined) {
      f = this.unknownFeatures.of(word);
      this.unknownFeaturesCache.set(word, f);
    }
    return {
      word_type: "UNKNOWN",
      surface_form: surface,
      pos: f[1] as string,
      pos_detail_1: f[2] as string,
      pos_detail_2: f[3] as string,
      pos_detail_3: f[4] as string,
      conjugated_type: f[5] as string,
      conjugated_form: f[6] as string,
      basic_form: f[7] as string,
    };
  }

  private growNodes(): void {
    const size = this.nodeWord.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.nodeWord = grow(this.nodeWord, (n) => new Int32Array(n));
    this.nodeType = grow(this.nodeType, (n) => new Uint8Array(n));
    this.nodeStart = grow(this.nodeStart, (n) => new Int32Array(n));
    this.nodeLeft = grow(this.nodeLeft, (n) => new Int32Array(n));
    this.nodeRight = grow(this.nodeRight, (n) => new Int32Array(n));
    this.nodeCost = grow(this.nodeCost, (n) => new Int32Array(n));
    this.nodePrev = grow(this.nodePrev, (n) => new Int32Array(n));
    this.nodeShortest = grow(this.nodeShortest, (n) => new Float64Array(n));
    this.nodeNextAtEnd = grow(this.nodeNextAtEnd, (n) => new Int32Array(n));
  }
}
