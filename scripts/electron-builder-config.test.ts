import { describe, expect, it } from 'vitest';
// electron-builder's own loader and schema check, so the test reads the file as `npm run dist` does.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, packs only the built output, and targets every platform', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toMatch(/\./);
    expect(config.productName).toBe('ECS Visualizer');
    expect(config.files).toEqual([{ filter: ['dist/**', '!dist/**/*.map', 'package.json'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('flips the Electron fuses in the packaged app', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
