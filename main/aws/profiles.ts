/**
 * The user's AWS profiles, read from ~/.aws/config and ~/.aws/credentials
 * (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) with the SDK's own
 * parser, and credentials for one of them through the SDK's `fromIni`: SSO,
 * assume-role (with an MFA code asked through a callback), static keys and
 * credential_process all work as they do in the AWS CLI. What leaves this
 * module towards the UI is names and kinds, never a key or a token, and of a
 * failed credential_process only its exit status: its command line often
 * carries a token (`--api-token=…`) and its stderr anything at all.
 */
import { exec } from 'node:child_process';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { ECSClientConfig } from '@aws-sdk/client-ecs';
import type { AwsProfileKind, AwsProfileSummary } from '../../shared/ipc/aws-fetch';

/**
 * Where the config and credentials files are; absent = the SDK's defaults
 * (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, then ~/.aws). The SDK's SSO
 * provider reads only the defaults, so SSO profiles must live there.
 */
export interface AwsConfigFiles {
  configFile?: string;
  credentialsFile?: string;
}

/** A credential provider as the ECS client takes it. */
export type CredentialProvider = Extract<NonNullable<ECSClientConfig['credentials']>, (...args: never[]) => unknown>;

type Section = Record<string, string | undefined>;

function kindOf(s: Section): AwsProfileKind {
  if (s.sso_session || s.sso_start_url) return 'sso';
  if (s.role_arn && s.web_identity_token_file) return 'web-identity';
  if (s.role_arn) return 'assume-role';
  if (s.credential_process) return 'process';
  if (s.aws_access_key_id) return 'static';
  return 'other';
}

async function loadFiles(files: AwsConfigFiles) {
  // ignoreCache: the user may have just run `aws configure` or `aws sso login` in another window.
  return loadSharedConfigFiles({
    ...(files.configFile ? { configFilepath: files.configFile } : {}),
    ...(files.credentialsFile ? { filepath: files.credentialsFile } : {}),
    ignoreCache: true,
  });
}

/** Lists the profiles of the config and credentials files, sorted with `default` first. */
export async function listProfiles(files: AwsConfigFiles = {}): Promise<AwsProfileSummary[]> {
  const { configFile, credentialsFile } = await loadFiles(files);
  const names = new Set<string>();
  // Keys with a dot are `sso-session.x` / `services.x` sections, not profiles.
  for (const name of [...Object.keys(configFile), ...Object.keys(credentialsFile)])
    if (!name.includes('.')) names.add(name);
  return [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const merged: Section = { ...credentialsFile[name], ...configFile[name] };
      return {
        name,
        kind: kindOf(merged),
        ...(merged.region ? { region: merged.region } : {}),
        mfa: Boolean(merged.mfa_serial),
        ...(merged.source_profile ? { sourceProfile: merged.source_profile } : {}),
      };
    });
}

/** The region a fetch uses when the user names none: the profile's, else AWS_REGION / AWS_DEFAULT_REGION. */
export async function defaultRegion(
  profile: string | undefined,
  files: AwsConfigFiles = {},
): Promise<string | undefined> {
  const { configFile } = await loadFiles(files);
  const name = profile ?? process.env.AWS_PROFILE ?? 'default';
  return configFile[name]?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? undefined;
}

/** Options of `credentialsFor`. */
export interface CredentialOptions extends AwsConfigFiles {
  /** Asked for the current code of an MFA device (`mfa_serial`) when a profile assumes a role with MFA. */
  mfaCode?: (mfaSerial: string) => Promise<string>;
  /** Replaces the STS call of assume-role profiles (tests). */
  roleAssumer?: NonNullable<Parameters<typeof fromIni>[0]>['roleAssumer'];
}

/**
 * A credential provider for `profile` (SSO, assume-role with MFA, static,
 * process), or the SDK's default chain (environment variables, the default
 * profile, …) when no profile is named.
 */
export function credentialsFor(profile: string | undefined, options: CredentialOptions = {}): CredentialProvider {
  const common = {
    ...(options.configFile ? { configFilepath: options.configFile } : {}),
    ...(options.credentialsFile ? { filepath: options.credentialsFile } : {}),
    ...(options.mfaCode ? { mfaCodeProvider: options.mfaCode } : {}),
    ...(options.roleAssumer ? { roleAssumer: options.roleAssumer } : {}),
  };
  const sdk = profile ? fromIni({ profile, ...common }) : fromNodeProviderChain(common);
  return (async (...args: Parameters<CredentialProvider>) => {
    // A profile that is itself a credential_process runs it here, so a failure reports its exit status and no more.
    if (profile) {
      const { configFile, credentialsFile } = await loadFiles(options);
      const section: Section = { ...credentialsFile[profile], ...configFile[profile] };
      if (kindOf(section) === 'process' && section.credential_process && !section.aws_access_key_id)
        return runCredentialProcess(section.credential_process);
    }
    try {
      return await sdk(...args);
    } catch (err) {
      throw withoutProcessDetails(err);
    }
  }) as CredentialProvider;
}

/** The error of a failed credential_process: its name makes the fetch treat it as a credentials failure. */
class CredentialProcessError extends Error {
  override name = 'CredentialsProviderError';
}

// Node's exec error reads "Command failed: <command line>\n<stderr>"; the SDK passes that text on as its message.
const COMMAND_FAILED = /Command failed:/;

/**
 * An SDK credentials error with the command line and output of a credential_process (reached through a
 * source_profile or the default chain) replaced by a plain statement; any other error as it is.
 */
function withoutProcessDetails(err: unknown): unknown {
  if (err instanceof Error && COMMAND_FAILED.test(err.message))
    return new CredentialProcessError("the profile's credential_process failed");
  return err;
}

/** What the user is told about a failed credential_process: its exit status, never its command or output. */
export function credentialProcessFailure(exit: { code?: unknown; signal?: unknown }): string {
  if (typeof exit.code === 'number') return `the profile's credential_process failed (exit ${exit.code})`;
  if (typeof exit.signal === 'string') return `the profile's credential_process failed (killed by ${exit.signal})`;
  return "the profile's credential_process could not be started";
}

/**
 * Runs a profile's credential_process as the SDK does (through the shell) and reads its JSON (Version 1) from
 * stdout. Errors say what went wrong in words of our own: nothing of the command line, stdout or stderr.
 */
function runCredentialProcess(command: string): Promise<Awaited<ReturnType<CredentialProvider>>> {
  return new Promise((resolve, reject) => {
    exec(command, { maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (error) {
        reject(new CredentialProcessError(credentialProcessFailure(error)));
        return;
      }
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(stdout.trim()) as Record<string, unknown>;
      } catch {
        reject(new CredentialProcessError("the profile's credential_process printed no valid JSON"));
        return;
      }
      if (data.Version !== 1) {
        reject(new CredentialProcessError("the profile's credential_process did not return Version 1"));
        return;
      }
      const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = data;
      if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') {
        reject(new CredentialProcessError("the profile's credential_process returned no AccessKeyId/SecretAccessKey"));
        return;
      }
      const expiration = typeof Expiration === 'string' ? new Date(Expiration) : undefined;
      if (expiration && !(expiration.getTime() > Date.now())) {
        reject(new CredentialProcessError("the profile's credential_process returned expired credentials"));
        return;
      }
      resolve({
        accessKeyId: AccessKeyId,
        secretAccessKey: SecretAccessKey,
        ...(typeof SessionToken === 'string' ? { sessionToken: SessionToken } : {}),
        ...(expiration ? { expiration } : {}),
      });
    });
  });
}

/**
 * A message for the user when credentials could not be had: an expired SSO
 * session says which command renews it. Built from the error's message only.
 */
export function explainCredentialError(err: unknown, profile: string | undefined): string {
  const cleaned = withoutProcessDetails(err);
  const message = cleaned instanceof Error ? cleaned.message : String(cleaned);
  const p = profile ?? 'default';
  if (message.includes('credential_process')) return `Could not get AWS credentials for profile "${p}": ${message}`;
  if (/SSO session|SSO Token|sso login|Token is expired/i.test(message)) {
    return `The AWS SSO session of profile "${p}" has expired or was never started: run \`aws sso login --profile ${p}\`, then try again.`;
  }
  if (/mfa/i.test(message)) return `Profile "${p}" needs an MFA code to assume its role: ${message}`;
  if (/could not load credentials|not found|could not resolve/i.test(message)) {
    return profile
      ? `No usable credentials for profile "${p}": ${message}`
      : `No AWS credentials found (environment, default profile, SSO, instance role): ${message}`;
  }
  return `Could not get AWS credentials for profile "${p}": ${message}`;
}

/** Resolves the credentials once, so a missing profile or an expired SSO session is told before any ECS call. */
export async function checkCredentials(
  provider: CredentialProvider,
  profile: string | undefined,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await provider();
    return { ok: true };
  } catch (err) {
    // The user dismissed a prompt (MFA code): that is a cancel, not a credentials problem.
    if (err instanceof Error && err.name === 'AbortError') throw err;
    return { ok: false, message: explainCredentialError(err, profile) };
  }
}
