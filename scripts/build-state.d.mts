export const root: string;
export function buildIsCurrent(dir?: string): boolean;
