/** Okabe–Ito: distinguishable for colour-blind readers and in greyscale print, in this order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D00', '#000000'] as const;
export const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;

/** Named uses: the main series, a warning (overdue), and the neutral "everything else" segment. */
export const SERIES_MAIN = PALETTE[0];
export const SERIES_SECOND = PALETTE[1];
export const SERIES_WARN = PALETTE[3];
export const SERIES_OTHER = '#8a94a3';

/** Axis and grid colours of the theme (app/globals.css). */
export const INK = '#1b2430';
export const MUTED = '#55606e';
export const GRID = '#e5e9ef';
