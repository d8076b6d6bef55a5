/** Precision, recall and F1 (β = 1) of one ROUGE measure. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against a reference, both given as units (characters or tokens). */
export interface Rouge {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
}

/**
 * ROUGE (Lin, 2004) over sequences of units: ROUGE-N counts the n-grams the candidate shares with the
 * reference (each reference n-gram matched at most as often as it occurs), ROUGE-L the longest common
 * subsequence. A multi-sentence candidate is given as one sequence (its sentences concatenated).
 * @example rouge([..."梅雨前線"], [..."梅雨"]).rouge1.recall // 1
 */
export function rouge(candidate: readonly string[], reference: readonly string[]): Rouge {
  return {
    rouge1: rougeN(candidate, reference, 1),
    rouge2: rougeN(candidate, reference, 2),
    rougeL: score(lcsLength(candidate, reference), candidate.length, reference.length),
  };
}

function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const counts = new Map<string, number>();
  for (const gram of ngrams(reference, n)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let overlap = 0;
  let candidateCount = 0;
  for (const gram of ngrams(candidate, n)) {
    candidateCount++;
    const left = counts.get(gram) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(gram, left - 1);
    }
  }
  return score(overlap, candidateCount, Math.max(reference.length - n + 1, 0));
}

function* ngrams(units: readonly string[], n: number): Generator<string> {
  // \u0000 cannot occur in a unit (normalization drops control characters), so joined n-grams never collide.
  for (let i = 0; i + n <= units.length; i++) yield units.slice(i, i + n).join("\u0000");
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount > 0 ? overlap / candidateCount : 0;
  const recall = referenceCount > 0 ? overlap / referenceCount : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
