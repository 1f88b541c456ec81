import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TASK_CATEGORIES, TASK_RISKS, type TaskCategory, type TaskRisk } from '../../../common/agreements.ts';
import { dataFile } from '../../platform/paths.ts';

export interface CatalogueTask {
  code: string;
  category: TaskCategory;
  risk: TaskRisk;
  nl: string;
  en: string;
}

const CatalogueFile = z.object({
  version: z.number(),
  tasks: z.array(z.object({ code: z.string().min(1).max(60), category: z.enum(TASK_CATEGORIES), risk: z.enum(TASK_RISKS), nl: z.string().min(1), en: z.string().min(1) })),
});

let cached: Map<string, CatalogueTask> | null = null;

/** The shipped task catalogue (data/task-catalogue.json), read once and checked. */
export function taskCatalogue(): Map<string, CatalogueTask> {
  if (!cached) {
    const file = CatalogueFile.parse(JSON.parse(readFileSync(dataFile('task-catalogue.json'), 'utf8')));
    cached = new Map(file.tasks.map((t) => [t.code, t]));
  }
  return cached;
}

/** The label of a task: its catalogue label, or the free text. */
export function taskLabel(code: string | null, text: string | null, locale: 'nl' | 'en'): string {
  const t = code ? taskCatalogue().get(code) : undefined;
  return t ? t[locale] : (text ?? code ?? '');
}
