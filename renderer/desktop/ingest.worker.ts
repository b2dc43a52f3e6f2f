/** The ingest Web Worker of web mode: serves the ingest protocol (what it does: ingest-handlers.ts). */
import { serve } from '../workers/envelope';
import { createIngestHandlers } from './ingest-handlers';

serve(self, createIngestHandlers());
