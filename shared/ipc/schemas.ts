/**
 * Zod schemas for the argument of every invoke channel in `./channels.ts`.
 * main/ipc.ts parses each argument with these before a handler sees it, so a
 * handler only ever gets a value of its declared type.
 */
import { costInvokeArgSchemas } from './cost-api';
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../ingest/limits';
import { awsInvokeArgSchemas } from './aws-schemas';
import { historyInvokeArgSchemas } from './kept-history';
import { isAllowedExternalUrl, MENU_COMMANDS, type InvokeArg, type InvokeChannel } from './channels';

/** Most paths one load may name: more than any real selection, few enough to keep a hostile call cheap. */
const MAX_PATHS = 10_000;

/** Largest export the renderer may ask main to save (a PNG at a large scale stays well under it). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

const pathString = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte');

const inlineSource = z.strictObject({
  name: z.string().min(1).max(1024),
  text: z.string().max(MAX_FILE_BYTES).nullable(),
  size: z.number().int().nonnegative(),
});

// A save name is a file name, never a path: the user picks the folder in the save dialog.
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'not a plain file name');

const saveData = z.union([
  z.string().max(MAX_SAVE_BYTES),
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'data too large'),
]);

/** One schema per invoke channel; `satisfies` ties each to the argument type the contract declares. */
export const invokeArgSchemas = {
  'files:load': z
    .strictObject({ paths: z.array(pathString).max(MAX_PATHS), inline: z.array(inlineSource).max(MAX_PATHS) })
    .refine((r) => r.paths.length + r.inline.length > 0, 'no files given'),
  'files:open-dialog': z.undefined(),
  'files:load-demo': z.undefined(),
  'files:save': z.strictObject({ suggestedName: fileName, data: saveData }),
  'shell:open-external': z
    .string()
    .max(8192)
    .refine(isAllowedExternalUrl, 'only https://*.console.aws.amazon.com URLs are opened'),
  'app:report-error': z.strictObject({ message: z.string().max(100_000), stack: z.string().max(1_000_000).optional() }),
  'app:renderer-ready': z.undefined(),
  'menu:unavailable': z.array(z.enum(MENU_COMMANDS)).max(MENU_COMMANDS.length),
  ...awsInvokeArgSchemas,
  ...costInvokeArgSchemas,
  ...historyInvokeArgSchemas,
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeArg<C>> };
