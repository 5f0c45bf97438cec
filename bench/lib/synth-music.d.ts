export function rng(seed: number): () => number;
export function synthTrack(out: string, seed: number, seconds: number): { bpm: number; root: number; lead: string; bars: number };
