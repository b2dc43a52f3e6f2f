// Module resolve hook: `electron` imported from an ES module is ./electron-stub.cjs.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron')
    return { url: new URL('./electron-stub.cjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
