import type { z } from 'zod';
import type { Band, Instrument, InstrumentItem } from '../../../domain/burden.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { CheckListItemSchema, CheckSchema, InstrumentSummarySchema, ItemSchema, SignalSchema, TrendSchema } from '../../../common/burden-schemas.ts';
import type { CheckView } from './checks.ts';
import type { ResponseRow } from './checks.queries.ts';
import type { InstrumentEntry } from './instruments.ts';
import type { InstrumentVersionRow } from './instruments.queries.ts';
import type { TrendPoint } from './overview.ts';
import type { SignalView } from './signals.ts';
import type { MemberRow } from '../circles/queries.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const presentBand = (b: Band) => ({ code: b.code, min: b.min, max: b.max, label: b.label, meaning: b.meaning, level: b.level });

export function presentItem(i: InstrumentItem): z.infer<typeof ItemSchema> {
  return {
    linkId: i.linkId,
    number: i.number,
    text: i.text,
    kind: i.kind,
    required: i.required,
    options: i.kind === 'choice' ? i.options.map((o) => ({ code: o.code, display: o.display, points: o.points })) : null,
    min: i.kind === 'integer' ? i.min : null,
    max: i.kind === 'integer' ? i.max : null,
    lowLabel: i.kind === 'integer' ? i.lowLabel : null,
    highLabel: i.kind === 'integer' ? i.highLabel : null,
  };
}

export function presentInstrument(e: InstrumentEntry): z.infer<typeof InstrumentSummarySchema> {
  const { instrument: i, current } = e;
  return {
    key: i.key,
    url: i.url,
    version: i.version,
    versionId: current.id,
    title: i.title,
    status: i.status,
    builtin: current.builtin,
    description: i.description,
    copyright: i.copyright,
    itemCount: i.items.length,
    scoring: {
      method: i.scoring.method,
      missingAnswers: i.scoring.missing.kind,
      maxMissing: i.scoring.missing.kind === 'prorate' ? i.scoring.missing.maxMissing : null,
      minScore: i.scoring.minScore,
      maxScore: i.scoring.maxScore,
      overloadCutOff: i.scoring.overloadCutOff,
      resultNote: i.scoring.resultNote,
      bands: i.scoring.bands.map(presentBand),
    },
    versions: e.versions.map((v: InstrumentVersionRow) => ({ id: v.id, version: v.version, status: v.status, current: v.is_current, createdAt: v.created_at.toISOString() })),
  };
}

export function presentCheck(v: CheckView): z.infer<typeof CheckSchema> {
  const { row, instrument, version, result } = v;
  return {
    id: row.id,
    clientId: row.client_id,
    memberId: row.member_id,
    status: row.status,
    mode: row.mode,
    instrument: { key: instrument.key, version: instrument.version, versionId: version.id, title: instrument.title, isCurrentVersion: version.is_current },
    items: instrument.items.map(presentItem),
    answers: row.answers,
    currentLinkId: row.current_link_id,
    answeredCount: Object.keys(row.answers).length,
    itemCount: instrument.items.length,
    administeredBy: row.administered_by_name,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name } : null,
    mantelscanId: row.mantelscan_id,
    sharedWithProfessional: row.shared_with_professional,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: iso(row.completed_at),
    result: result
      ? {
          total: result.score.total,
          minScore: instrument.scoring.minScore,
          maxScore: instrument.scoring.maxScore,
          band: result.score.band ? presentBand(result.score.band) : null,
          overload: result.score.overload,
          overloadCutOff: instrument.scoring.overloadCutOff,
          note: instrument.scoring.resultNote,
          previousTotal: result.previousTotal,
          change: result.change,
          rising: result.rising,
          nextSteps: result.nextSteps,
          supportOffers: result.supportOffers,
          signal: result.signal,
        }
      : null,
  };
}

export function presentCheckListItem(x: { row: ResponseRow; instrument: Instrument }): z.infer<typeof CheckListItemSchema> {
  const { row, instrument } = x;
  const band = row.total === null ? null : (instrument.scoring.bands.find((b) => row.total !== null && row.total >= b.min && row.total <= b.max) ?? null);
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    instrument: { key: instrument.key, version: instrument.version, title: instrument.title },
    answeredCount: Object.keys(row.answers).length,
    itemCount: instrument.items.length,
    total: row.total,
    bandLabel: band?.label ?? null,
    overload: row.overload,
    sharedWithProfessional: row.shared_with_professional,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: iso(row.completed_at),
  };
}

export function presentTrend(t: { member: MemberRow; series: { key: string; current: Instrument | null; points: TrendPoint[] }[] }): z.infer<typeof TrendSchema> {
  return {
    member: { id: t.member.id, name: `${t.member.given_name} ${t.member.family_name}`.trim() },
    series: t.series.map((s) => {
      // The axis follows the current version; each point keeps the version it answered.
      const axis = s.current ?? (s.points[s.points.length - 1] as TrendPoint).instrument;
      return {
        instrument: { key: s.key, title: axis.title, minScore: axis.scoring.minScore, maxScore: axis.scoring.maxScore, overloadCutOff: axis.scoring.overloadCutOff, bands: axis.scoring.bands.map(presentBand) },
        points: s.points.map((p) => ({
          checkId: p.row.id,
          completedAt: (p.row.completed_at as Date).toISOString(),
          date: dutchDate(p.row.completed_at as Date),
          total: p.score.total,
          bandCode: p.score.band?.code ?? null,
          bandLabel: p.score.band?.label ?? null,
          overload: p.score.overload,
          mode: p.row.mode,
          sharedWithProfessional: p.row.shared_with_professional,
          version: p.instrument.version,
        })),
      };
    }),
  };
}

export function presentSignal(v: SignalView): z.infer<typeof SignalSchema> {
  const r = v.row;
  return {
    id: r.id,
    status: r.status,
    reasons: r.reasons,
    total: r.score_total,
    previousTotal: r.previous_total,
    instrument: v.instrument,
    bandLabel: v.bandLabel,
    caregiver: { memberId: r.member_id, name: `${r.member_given_name} ${r.member_family_name}`.trim(), email: r.member_email, phone: r.member_phone },
    client: v.client,
    municipalityName: r.municipality_name,
    routedTo: r.routed_to,
    assignedTo: r.assigned_user_id ? { userId: r.assigned_user_id, name: r.assigned_name } : null,
    createdAt: r.created_at.toISOString(),
    followUpDueAt: v.followUpDueAt.toISOString(),
    firstFollowUpAt: iso(r.first_follow_up_at),
    minutesToFirstFollowUp: r.first_follow_up_at ? Math.max(0, Math.round((r.first_follow_up_at.getTime() - r.created_at.getTime()) / 60_000)) : null,
    overdue: v.overdue,
    escalatedAt: iso(r.escalated_at),
    closedAt: iso(r.closed_at),
  };
}
