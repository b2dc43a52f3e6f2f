/**
 * The old name of the app's masking rule, kept for code written against it: environment values are one of the
 * things `maskSecrets` (shared/redact/mask-secrets.ts) hides. New code imports from mask-secrets.
 */
export {
  /** What a masked value is replaced with. */
  MASK,
  /** @deprecated Same function as `maskSecrets`, which hides more than environment values. */
  maskSecrets as maskEnvironment,
  /** @deprecated Same function as `countSecretValues`. */
  countSecretValues as countEnvironmentValues,
} from './mask-secrets';
