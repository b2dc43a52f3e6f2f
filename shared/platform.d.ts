/**
 * The few platform globals that shared/ uses, declared for its own type check (tsconfig.shared.json), which has
 * neither DOM nor Node types: shared/ runs in Node (CLI, main), in the page and in workers, so it may use only what
 * all three provide. Anything added here must exist in all three. The node and web projects exclude this file and
 * get the real declarations from their own libs.
 */

/** WHATWG TextDecoder (Node, browsers, workers). */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** WHATWG URL (Node, browsers, workers): the parts shared/ reads. */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

/** The shape of a picked file that the DesktopApi contract names; the page passes real DOM `File`s. */
interface Blob {
  readonly size: number;
  readonly type: string;
}

/** A picked file (see Blob). */
interface File extends Blob {
  readonly name: string;
  readonly lastModified: number;
}
