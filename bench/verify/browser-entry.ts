// Bundled by esbuild for the headless-Chromium run: exposes the measurements to the page.
import { measureRates, timeSnapshot } from './measure.js';

(globalThis as unknown as Record<string, unknown>).bench = { measureRates, timeSnapshot };
