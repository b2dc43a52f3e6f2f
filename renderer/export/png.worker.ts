/** The PNG worker: puts an in-app export's shares on one canvas and encodes the PNG (what it does: png-worker.ts). */
import { serve } from '../workers/envelope';
import { createPngHandlers } from './png-worker';

serve(self, createPngHandlers());
