export const root: string;
export const serverBundle: string;
export const serverInputs: string;
export function serverBuildIsFresh(bundle?: string, inputsFile?: string): boolean;
export function newestUnder(...dirs: string[]): number;
