// `node --import` hook: resolves `electron`, from ES modules and from
// require(), to ./electron-stub.cjs.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const stub = fileURLToPath(new URL('./electron-stub.cjs', import.meta.url));
register('./electron-stub-hooks.mjs', import.meta.url);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stub : resolveFilename.call(this, request, ...rest);
};
