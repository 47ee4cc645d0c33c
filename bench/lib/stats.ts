/** The nearest-rank percentile `p` (0–100) of samples sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The nearest-rank percentile of unsorted samples. */
export const percentileOf = (samples: readonly number[], p: number): number => percentile([...samples].sort((a, b) => a - b), p);
