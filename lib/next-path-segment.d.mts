export function escapeAsNextLeaves(decoded: string): string;
export function unescapeWhatNextLeaves(segment: string): string;
