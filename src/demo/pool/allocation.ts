// Exact integer allocation: sums of parts equal the seed's figures to the 万元.


export function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Real-valued shares of `total` in proportion to weights, none above its cap (water-filling). */
export function proportional(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  if (sum(caps.map((c) => Math.max(0, c))) < total) throw new RangeError(`cannot place ${total} under the caps`);
  const share = weights.map(() => 0);
  const fixed = new Set<number>();
  let remaining = total;
  for (;;) {
    const active = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const weightSum = sum(active.map((i) => weights[i]!));
    if (weightSum <= 0) throw new RangeError('no weight left to allocate on');
    const over = active.filter((i) => (remaining * weights[i]!) / weightSum > caps[i]!);
    if (over.length === 0) {
      for (const i of active) share[i] = (remaining * weights[i]!) / weightSum;
      return share;
    }
    for (const i of over) {
      share[i] = caps[i]!;
      remaining -= caps[i]!;
      fixed.add(i);
    }
  }
}

/** Whole units summing to `total` exactly: floors of the shares, the rest to the largest remainders (ties by order). */
export function largestRemainder(total: number, shares: readonly number[], caps?: readonly number[]): number[] {
  const out = shares.map((s) => Math.floor(s));
  let rest = total - sum(out);
  const order = shares.map((s, i) => [i, s - Math.floor(s)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let pass = 0; rest > 0 && pass < 2; pass++) {
    for (const [i, frac] of order) {
      if (rest === 0) break;
      if (pass === 0 && frac === 0) continue;
      if (caps && out[i]! + 1 > caps[i]!) continue;
      out[i] = out[i]! + 1;
      rest--;
    }
  }
  if (rest !== 0) throw new RangeError(`largest-remainder allocation left ${rest} over`);
  return out;
}

/** Splits a whole amount by weights into whole units, exactly. */
export function split(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const capList = caps ?? weights.map(() => Number.POSITIVE_INFINITY);
  return largestRemainder(total, proportional(total, weights, capList), caps);
}

/** A figure as a ledger writes a planned amount: 860, 3 500, 12 500, 186 000 万元. */
export function nice(x: number): number {
  if (x < 100) return Math.max(1, Math.round(x));
  const step = x < 1_000 ? 10 : x < 10_000 ? 100 : x < 100_000 ? 500 : 1_000;
  return Math.round(x / step) * step;
}

/**
 * Planned amounts summing to `total` exactly, most of them round as people plan them: shares rounded to a nice
 * figure, the residue taken up by the largest ones within their caps.
 */
export function niceSplit(total: number, weights: readonly number[], caps: readonly number[], floors: readonly number[]): number[] {
  const shares = proportional(total, weights, caps);
  const v = shares.map((s, i) => Math.min(caps[i]!, Math.max(floors[i]!, nice(s))));
  let residue = total - sum(v);
  const order = shares.map((s, i) => [i, s] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const reach of [0.05, 0.2, 0.6]) {
    for (const [i] of order) {
      if (residue === 0) break;
      const vi = v[i]!;
      const d =
        residue > 0
          ? Math.min(residue, caps[i]! - vi, Math.floor(vi * reach))
          : Math.max(residue, floors[i]! - vi, -Math.floor(vi * reach));
      v[i] = vi + d;
      residue -= d;
    }
  }
  return residue === 0 ? v : largestRemainder(total, shares, caps);
}
