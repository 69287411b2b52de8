/** Okabe–Ito: distinguishable for colour-blind readers and in greyscale print, in this order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D00', '#000000'] as const;
export const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;
