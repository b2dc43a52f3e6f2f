/**
 * Argument schemas of the "Connect to AWS" invoke channels (`AwsInvokeChannels`),
 * to be spread into `invokeArgSchemas` so main/ipc.ts validates them like every
 * other argument before a handler sees it.
 */
import { z } from 'zod';
import type { AwsInvokeChannels } from './aws-fetch';

// AWS's own limits: profile names are free text but short; region codes and cluster names/ARNs are bounded.
const profileName = z
  .string()
  .min(1)
  .max(256)
  .refine((p) => !/[\0\n\r[\]]/.test(p), 'not a profile name');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region code');
const clusterRef = z
  .string()
  .min(1)
  .max(2048)
  .refine((c) => !c.includes('\0'), 'contains a NUL byte');

/** One schema per "Connect to AWS" channel, tied to the contract's argument types. */
export const awsInvokeArgSchemas = {
  'aws:list-profiles': z.undefined(),
  'aws:fetch': z.strictObject({
    profile: profileName.optional(),
    regions: z.array(region).max(40),
    clusters: z.array(clusterRef).max(1000),
    includeStopped: z.boolean(),
  }),
  'aws:cancel': z.undefined(),
  'aws:mfa-answer': z.strictObject({
    requestId: z.string().min(1).max(100),
    code: z
      .string()
      .regex(/^\d{6,8}$/, 'an MFA code is 6 to 8 digits')
      .nullable(),
  }),
  'aws:save-snapshot': z.undefined(),
} satisfies { [C in keyof AwsInvokeChannels]: z.ZodType<AwsInvokeChannels[C]['arg']> };
