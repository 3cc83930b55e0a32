export function recordFastPath(whyOff: string | undefined): void;
export function fastPathIsOn(): boolean;
