/** The Electron executable's path, or null when the binary is not installed. */
export function electronBinaryPath(): string | null;
/** The one line printed where the binary is missing. */
export const NO_ELECTRON_MESSAGE: string;
