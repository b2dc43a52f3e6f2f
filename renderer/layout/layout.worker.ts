/** The layout Web Worker: serves the layout protocol (what it does: layout-handlers.ts). */
import { serve } from '../workers/envelope';
import { createLayoutHandlers } from './layout-handlers';

serve(self, createLayoutHandlers());
