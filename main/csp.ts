/**
 * The Content-Security-Policy of the app window. Main sends it as a response
 * header from the app protocol, and the Electron build writes it into
 * index.html as a meta tag, so the page is covered even if one is missing.
 */

/** Directives shared by the header and the meta tag. */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  // React Flow positions nodes with inline style attributes; styles cannot run code, scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  // PNG export draws the SVG through a blob:/data: image onto a canvas.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // Layout runs in a Web Worker built as a file of the app (blob: for bundlers that inline workers).
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy sent as an HTTP header (frame-ancestors only works there). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The policy written into the page's `<meta http-equiv="Content-Security-Policy">` (browsers ignore frame-ancestors in a meta tag). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
