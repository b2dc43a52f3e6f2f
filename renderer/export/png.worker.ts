/** The PNG worker: writes an in-app export's PNG from its rows (what it does: png-worker.ts). */
import { serve } from '../workers/envelope';
import { createPngHandlers } from './png-worker';

serve(self, createPngHandlers());
