import { useQuery } from '@tanstack/react-query';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api, query } from '../../api.ts';
import type { List } from '../../types.ts';
import type { Scan, ScanComparison, ScanQuestions } from './types.ts';

/** Addresses of the MantelScan pages in the web app. */
export const scanPaths = {
  list: (clientId: string) => fillRoute(ROUTES.scans, { clientId }),
  scan: (clientId: string, scanId: string) => fillRoute(ROUTES.scan, { clientId, scanId }),
  compare: (clientId: string, a: string, b: string) => `${fillRoute(ROUTES.scanCompare, { clientId })}${query({ a, b })}`,
};

export const scanKeys = {
  questions: ['mantelscan-questions'] as const,
  scans: (clientId: string) => ['scans', clientId] as const,
  scan: (clientId: string, scanId: string) => ['scan', clientId, scanId] as const,
  compare: (clientId: string, a: string, b: string) => ['scans-compare', clientId, a, b] as const,
};

const base = (clientId: string) => `/api/circles/${clientId}/scans`;

/** The MantelScan API, one function per call. */
export const scanApi = {
  questions: () => api.get<ScanQuestions>('/api/mantelscan/questions'),
  scans: (clientId: string) => api.get<List<Scan>>(base(clientId)),
  scan: (clientId: string, scanId: string) => api.get<Scan>(`${base(clientId)}/${scanId}`),
  start: (clientId: string, caregiverMemberId: string) => api.post<Scan>(base(clientId), { caregiverMemberId }),
  /** Saves what changed (step, answers, advice, agreements). */
  save: (clientId: string, scanId: string, body: Record<string, unknown>) => api.patch<void>(`${base(clientId)}/${scanId}`, body),
  complete: (clientId: string, scanId: string) => api.post<Scan>(`${base(clientId)}/${scanId}/complete`),
  compare: (clientId: string, a: string, b: string) => api.get<ScanComparison>(`/api/circles/${clientId}/scans-compare${query({ a, b })}`),
};

/** The steps and questions of a MantelScan (they do not change while the app runs). */
export const useScanQuestions = () => useQuery({ queryKey: scanKeys.questions, queryFn: scanApi.questions, staleTime: Number.POSITIVE_INFINITY });

/** The scans of a circle, newest first. */
export const useScans = (clientId: string) => useQuery({ queryKey: scanKeys.scans(clientId), queryFn: () => scanApi.scans(clientId) });
