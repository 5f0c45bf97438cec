export const VARIANTS: readonly string[];
export function rms(file: string): number;
export function excerpt(src: string, offset: number, seconds: number, out: string): string;
export function variant(src: string, name: string, outBase: string): string;
export function duration(file: string): number;
export function noise(kind: 'white' | 'pink' | 'silence', seconds: number, out: string): string;
