import { api, query } from '../../api.ts';
import type { List, Municipality } from '../../types.ts';

/** Query keys of the reference data (CBS municipalities); kept when a session ends. */
export const referenceKeys = {
  all: ['municipalities'] as const,
  municipalities: (q: string) => ['municipalities', q.toLowerCase()] as const,
};

/** The reference-data API (the same for everyone, logged in or not). */
export const referenceApi = {
  /** Municipalities whose name or code matches `q`. */
  municipalities: (q: string) => api.get<List<Municipality>>(`/api/municipalities${query({ q })}`),
};
