import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json and data/ live), whatever the cwd. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Path of a file in the shipped reference data folder. */
export const dataFile = (name: string): string => path.join(PROJECT_ROOT, 'data', name);
