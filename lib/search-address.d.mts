export const MAX_SEARCH_LENGTH: number;
export function canonicalSearchQuery(query: string): string;
export function searchResultsPath(query: string, page?: number): string;
export function queryOfSearchSegment(segment: string): string;
