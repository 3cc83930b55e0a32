export const MAX_SEARCH_LENGTH: number;
export const SEARCH_FRAME_QUERY: string;
export const FIRST_SEARCH_ANSWER_PATH: string;
export function canonicalSearchQuery(query: string): string;
export function searchResultsPath(query: string, page?: number): string;
export function queryOfSearchSegment(segment: string): string;
