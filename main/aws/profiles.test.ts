import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { checkCredentials, credentialsFor, defaultRegion, listProfiles } from './profiles';

const CONFIG = `
[default]
region = eu-west-1

[profile dev-sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-central-1

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = base
mfa_serial = arn:aws:iam::444455556666:mfa/alice
region = us-west-2

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULTPROFILE01
aws_secret_access_key = default-profile-secret

[base]
aws_access_key_id = AKIABASEPROFILE00001
aws_secret_access_key = base-profile-secret
`;

let dir: string;
let files: { configFile: string; credentialsFile: string };
const saved = {
  HOME: process.env.HOME,
  AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE,
  AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE,
};

beforeEach(() => {
  dir = makeTempDir('ecs-visualizer-aws-');
  files = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };
  writeFileSync(files.configFile, CONFIG);
  writeFileSync(files.credentialsFile, CREDENTIALS);
  // The SSO token cache lives under HOME: point it at the empty temp folder. The SDK's SSO provider
  // reads the config from the environment only (fromIni does not pass it file paths), so set those too.
  process.env.HOME = dir;
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  removeTempDir(dir);
});

describe('AWS profiles', () => {
  it('lists every profile of both files with its kind and region, and no secret', async () => {
    const profiles = await listProfiles(files);
    expect(profiles).toEqual([
      { name: 'default', kind: 'static', region: 'eu-west-1', mfa: false },
      { name: 'admin', kind: 'assume-role', region: 'us-west-2', mfa: true, sourceProfile: 'base' },
      { name: 'base', kind: 'static', mfa: false },
      { name: 'dev-sso', kind: 'sso', region: 'eu-central-1', mfa: false },
      { name: 'legacy-sso', kind: 'sso', mfa: false },
    ]);
    expect(JSON.stringify(profiles)).not.toMatch(/secret|AKIA/);
  });

  it('takes the default region from the profile', async () => {
    expect(await defaultRegion('dev-sso', files)).toBe('eu-central-1');
  });

  it('an SSO profile never logged in says to run aws sso login for it', async () => {
    const check = await checkCredentials(credentialsFor('dev-sso'), 'dev-sso');
    expect(check).toEqual({ ok: false, message: expect.stringContaining('run `aws sso login --profile dev-sso`') });
  });

  it('an expired SSO session says to run aws sso login for it', async () => {
    const cache = path.join(dir, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const startUrl = 'https://legacy.awsapps.com/start';
    const name = createHash('sha1').update(startUrl).digest('hex');
    writeFileSync(
      path.join(cache, `${name}.json`),
      JSON.stringify({
        startUrl,
        region: 'us-east-1',
        accessToken: 'expired-token',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    const check = await checkCredentials(credentialsFor('legacy-sso'), 'legacy-sso');
    expect(check).toEqual({ ok: false, message: expect.stringContaining('run `aws sso login --profile legacy-sso`') });
  });

  it('an assume-role profile with mfa_serial asks for the code and uses it', async () => {
    const asked: string[] = [];
    const assumed: { TokenCode?: string; SerialNumber?: string; RoleArn: string }[] = [];
    const provider = credentialsFor('admin', {
      ...files,
      mfaCode: async (serial) => {
        asked.push(serial);
        return '123456';
      },
      // Stands in for STS: the network is not needed to see the code reach the AssumeRole call.
      roleAssumer: async (_source, params) => {
        assumed.push(params);
        return { accessKeyId: 'ASIAASSUMED000000001', secretAccessKey: 'assumed-secret' };
      },
    });
    const creds = await provider();
    expect(asked).toEqual(['arn:aws:iam::444455556666:mfa/alice']);
    expect(assumed).toEqual([
      expect.objectContaining({
        RoleArn: 'arn:aws:iam::111122223333:role/Admin',
        SerialNumber: 'arn:aws:iam::444455556666:mfa/alice',
        TokenCode: '123456',
      }),
    ]);
    expect(creds.accessKeyId).toBe('ASIAASSUMED000000001');
  });

  it('a profile that is not there is told as such', async () => {
    const check = await checkCredentials(credentialsFor('nope', files), 'nope');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('"nope"');
  });

  describe('credential_process', () => {
    // The command line carries a token and the script prints one to stderr: neither may reach a message.
    const TOKEN = 'tok-9d8c7b6a-must-not-leak';
    const write = (extra: string) => writeFileSync(files.configFile, `${CONFIG}\n${extra}\n`);
    const script = (body: string) => {
      const file = path.join(dir, 'creds.sh');
      writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      return file;
    };

    it('a failing credential_process is told by its exit status only, not its command line or stderr', async () => {
      const file = script(`echo "login failed for --api-token=$1" >&2\nexit 3`);
      write(`[profile tokened]\ncredential_process = ${file} --api-token=${TOKEN}`);
      const check = await checkCredentials(credentialsFor('tokened', files), 'tokened');
      expect(check).toEqual({
        ok: false,
        message: `Could not get AWS credentials for profile "tokened": the profile's credential_process failed (exit 3)`,
      });
    });

    it('reached through source_profile (the SDK runs it), the message still holds nothing of it', async () => {
      const file = script(`echo "login failed for --api-token=$1" >&2\nexit 4`);
      write(
        `[profile tokened]\ncredential_process = ${file} --api-token=${TOKEN}\n\n` +
          `[profile chained]\nrole_arn = arn:aws:iam::111122223333:role/Reader\nsource_profile = tokened`,
      );
      const provider = credentialsFor('chained', {
        ...files,
        roleAssumer: async () => ({ accessKeyId: 'ASIANEVER0000000001', secretAccessKey: 'never' }),
      });
      const check = await checkCredentials(provider, 'chained');
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.message).toContain("the profile's credential_process failed");
      expect(check.message).not.toContain(TOKEN);
      expect(check.message).not.toContain('login failed');
      expect(check.message).not.toContain(file);
    });

    it('a working credential_process gives its credentials', async () => {
      const file = script(
        `echo '{"Version": 1, "AccessKeyId": "AKIAPROCESS000000001", "SecretAccessKey": "process-secret", "SessionToken": "t"}'`,
      );
      write(`[profile tokened]\ncredential_process = ${file} --api-token=${TOKEN}`);
      const creds = await credentialsFor('tokened', files)();
      expect(creds).toMatchObject({ accessKeyId: 'AKIAPROCESS000000001', secretAccessKey: 'process-secret' });
    });

    it('output that is not its JSON is refused without echoing it', async () => {
      const file = script(`echo "Bearer ${TOKEN}"`);
      write(`[profile tokened]\ncredential_process = ${file}`);
      const check = await checkCredentials(credentialsFor('tokened', files), 'tokened');
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.message).toContain('printed no valid JSON');
        expect(check.message).not.toContain(TOKEN);
      }
    });
  });
});
