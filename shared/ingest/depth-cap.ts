/**
 * A cap on how deep a file's JSON may nest. JSON.parse reads any depth, but the structured clone that carries a
 * load from the ingest worker (and across Electron's IPC) recurses once per level and overflowed the stack at
 * about 2,000 levels, so one absurdly nested value would have lost the whole load. No AWS describe output nests
 * deeper than about 10 levels; anything below MAX_JSON_DEPTH is cut off, with a warning naming where.
 */

/** Deepest nesting kept in a parsed file (the root is depth 0). */
export const MAX_JSON_DEPTH = 100;

/** What was cut: the JSON paths of the values replaced by null. */
export interface DepthCut {
  paths: (string | number)[][];
}

/**
 * Replaces, in place, every object or array nested deeper than `maxDepth` with null and returns where. The walk
 * recurses, but never more than `maxDepth` levels, so it is safe at any input depth.
 */
export function capDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): DepthCut {
  const paths: (string | number)[][] = [];
  const path: (string | number)[] = [];
  const walk = (node: object, depth: number): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const child: unknown = node[i];
        if (child === null || typeof child !== 'object') continue;
        path.push(i);
        if (depth >= maxDepth) {
          paths.push(path.slice());
          node[i] = null;
        } else walk(child, depth + 1);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object') continue;
      path.push(key);
      if (depth >= maxDepth) {
        paths.push(path.slice());
        record[key] = null;
      } else walk(child, depth + 1);
      path.pop();
    }
  };
  if (value !== null && typeof value === 'object') walk(value, 1);
  return { paths };
}
