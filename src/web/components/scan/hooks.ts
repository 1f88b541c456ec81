import { useQuery } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { api } from '../../api.ts';
import type { Scan, ScanQuestions } from './types.ts';

/** The steps and questions of a MantelScan (they do not change while the app runs). */
export const useScanQuestions = () =>
  useQuery({ queryKey: ['mantelscan-questions'], queryFn: () => api.get<ScanQuestions>('/api/mantelscan/questions'), staleTime: Number.POSITIVE_INFINITY });

/** The live circle of a client (GET /api/circles/:clientId). */
export const useCircle = (clientId: string) => useQuery({ queryKey: ['circle', clientId], queryFn: () => api.get<Circle>(`/api/circles/${clientId}`) });

/** The scans of a circle, newest first. */
export const useScans = (clientId: string) => useQuery({ queryKey: ['scans', clientId], queryFn: () => api.get<{ items: Scan[] }>(`/api/circles/${clientId}/scans`) });
