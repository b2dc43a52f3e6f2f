/**
 * The one masking rule of the app. Every output that shows AWS objects or values read from them — the details
 * panel (until Reveal), exports, CLI output, findings evidence, diff values, cost rows — passes them through
 * `maskSecrets` first. What it hides, wherever it sits in a raw AWS object (task definitions, tasks and their
 * overrides, services):
 *
 * - every `environment[].value` (names stay);
 * - every value of `logConfiguration.options` (a Splunk or Datadog token sits there: `splunk-token`, `apikey`);
 * - every value of `dockerLabels` (labels carry tokens for Traefik, Datadog and the like);
 * - in `command` and `entryPoint` (container definitions, container overrides, `healthCheck.command`), the parts
 *   that look like secrets: the value of a secret-named flag (`--password=…`, `--api-token …`,
 *   `-Dspring.datasource.password=…`), an environment assignment (`DB_PASS=…`, `export TOKEN=…`) and the
 *   credentials of a URL (`postgres://user:••••@db`). The rest of the command stays readable.
 *
 * `secrets[]` and `secretOptions[]` carry only names and ARNs (`valueFrom`), so they stay.
 */

/** What a masked value is replaced with. */
export const MASK = '••••';

/** A masked copy and how many values were hidden in it (the details panel's Reveal button shows the count). */
export interface MaskResult<T> {
  value: T;
  hidden: number;
}

/** A deep copy of `value` with every secret-bearing value replaced by MASK (see the module comment). */
export function maskSecrets<T>(value: T): T {
  return maskSecretsCounted(value).value;
}

/** Number of values `maskSecrets` hides in `value`. */
export function countSecretValues(value: unknown): number {
  return maskSecretsCounted(value).hidden;
}

// What the value being copied is, from the keys above it.
const enum Ctx {
  Plain,
  EnvList,
  EnvEntry,
  LogConfiguration,
  /** An object whose every value is hidden (logConfiguration.options, dockerLabels). */
  MapValues,
  Hidden,
  Args,
}

// Names of flags and variables whose value is a secret.
const SECRET_WORD = String.raw`(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credentials?|auth)`;
const FLAG_NAME = String.raw`-{1,2}[\w.-]*${SECRET_WORD}[\w.-]*`;
const VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\s"';&|]+)`;

/** `--password=x`, `-Dfoo.password=x`, `password=x`, `api_key: x` inside an argument or a shell line. */
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`((?:^|[\s"'(,])-{0,2}[\w.-]*${SECRET_WORD}[\w.-]*\s*[=:]\s*)(${VALUE})`,
  'gi',
);
/** `--password x` inside one shell-line argument. */
const SECRET_FLAG_THEN_VALUE = new RegExp(
  String.raw`((?:^|\s)${FLAG_NAME}\s+)([^\s"'-][^\s"';&|]*|"[^"]*"|'[^']*')`,
  'gi',
);
/** `DB_PASSWORD=x`, `export TOKEN=x`: an environment assignment in a command, masked like environment values. */
const ENV_ASSIGNMENT = new RegExp(String.raw`((?:^|[\s;&|("'])[A-Z_][A-Z0-9_]*=)(${VALUE})`, 'g');
/** `scheme://user:password@host` or `scheme://token@host`. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^\s/@:'"]*)(?::([^\s/@'"]*))?@/gi;
/** A flag alone in its array element, whose value is the next element: `["--password", "x"]`. */
const BARE_SECRET_FLAG = new RegExp(String.raw`^${FLAG_NAME}$`, 'i');

function maskArgument(text: string, hide: () => void): string {
  const count = (prefix: string): string => {
    hide();
    return prefix + MASK;
  };
  return text
    .replace(
      URL_CREDENTIALS,
      (_m, scheme: string, user: string, password: string | undefined) =>
        count(password !== undefined ? `${scheme}${user}:` : scheme) + '@',
    )
    .replace(SECRET_ASSIGNMENT, (m, prefix: string, value: string) => (value === MASK ? m : count(prefix)))
    .replace(SECRET_FLAG_THEN_VALUE, (m, prefix: string, value: string) => (value === MASK ? m : count(prefix)))
    .replace(ENV_ASSIGNMENT, (m, prefix: string, value: string) => (value === MASK ? m : count(prefix)));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function childContext(parent: Ctx, key: string, value: unknown): Ctx {
  if (parent === Ctx.MapValues || (parent === Ctx.EnvEntry && key === 'value')) return Ctx.Hidden;
  if (key === 'environment' && Array.isArray(value)) return Ctx.EnvList;
  if (key === 'dockerLabels' && isObject(value)) return Ctx.MapValues;
  if (key === 'logConfiguration' && isObject(value)) return Ctx.LogConfiguration;
  if (parent === Ctx.LogConfiguration && key === 'options' && isObject(value)) return Ctx.MapValues;
  if (key === 'command' || key === 'entryPoint') return Ctx.Args;
  return Ctx.Plain;
}

/**
 * Sets `target[key]` as an own property. JSON.parse makes a key `"__proto__"` an ordinary property; assigning it
 * would set the copy's prototype instead (a hostile file could give its objects another prototype, and the key
 * would vanish from what the panel shows).
 */
function put(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * `maskSecrets` with the number of values hidden. It copies with its own stack rather than recursing, so no depth
 * of input (JSON.parse accepts any) can overflow the call stack of a panel that shows it.
 */
export function maskSecretsCounted<T>(value: T): MaskResult<T> {
  let hidden = 0;
  const hide = (): void => {
    hidden += 1;
  };
  const root: { value?: unknown } = {};
  const work: [unknown, Record<string | number, unknown>, string | number, Ctx][] = [[value, root, 'value', Ctx.Plain]];
  while (work.length > 0) {
    const [src, target, key, ctx] = work.pop()!;
    if (ctx === Ctx.Hidden && src !== null && src !== undefined) {
      hide();
      put(target, key, MASK);
    } else if (ctx === Ctx.Args && typeof src === 'string') {
      put(target, key, maskArgument(src, hide));
    } else if (ctx === Ctx.Args && Array.isArray(src)) {
      const args: unknown[] = new Array(src.length);
      put(target, key, args);
      for (let i = 0; i < src.length; i += 1) {
        const arg: unknown = src[i];
        const prev: unknown = src[i - 1];
        if (typeof arg === 'string' && typeof prev === 'string' && BARE_SECRET_FLAG.test(prev)) {
          hide();
          args[i] = MASK;
        } else if (typeof arg === 'string') args[i] = maskArgument(arg, hide);
        else work.push([arg, args as unknown as Record<number, unknown>, i, Ctx.Plain]);
      }
    } else if (Array.isArray(src)) {
      const copy: unknown[] = new Array(src.length);
      put(target, key, copy);
      const each = ctx === Ctx.EnvList ? Ctx.EnvEntry : Ctx.Plain;
      for (let i = src.length - 1; i >= 0; i -= 1)
        work.push([src[i], copy as unknown as Record<number, unknown>, i, each]);
    } else if (isObject(src)) {
      const copy: Record<string, unknown> = {};
      put(target, key, copy);
      const own = ctx === Ctx.Args ? Ctx.Plain : ctx;
      for (const [k, v] of Object.entries(src)) {
        put(copy, k, undefined); // keeps the key order of the input; filled when popped
        work.push([v, copy, k, childContext(own, k, v)]);
      }
    } else {
      put(target, key, src);
    }
  }
  return { value: root.value as T, hidden };
}
