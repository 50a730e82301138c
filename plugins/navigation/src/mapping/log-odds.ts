/** Log-odds of probability `p` (0 < p < 1): `ln(p / (1 - p))`. */
export function logOdds(p: number): number {
  return Math.log(p / (1 - p));
}

/** Probability of log-odds `l`: `1 - 1 / (1 + e^l)`. */
export function probability(l: number): number {
  return 1 - 1 / (1 + Math.exp(l));
}
