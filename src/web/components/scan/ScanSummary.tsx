import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../DataTable.tsx';
import { Ecomap } from '../circle/Ecomap.tsx';
import { Genogram } from '../circle/Genogram.tsx';
import { NetworkTable, informalHours, rowsOfCircle } from './NetworkTable.tsx';
import { circleFromSnapshot } from './snapshot.ts';
import type { Scan, ScanQuestions } from './types.ts';
import { DataList, Paragraph } from '../ui.tsx';

/**
 * The read-only summary of a scan (and what gets printed): who, when, the family, the answers,
 * the burden step, the network as it was at completion, advice and agreements.
 */
export function ScanSummary({ scan, questions, circle }: { scan: Scan; questions: ScanQuestions['questions']; circle: Circle }) {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const network = scan.snapshot ? circleFromSnapshot(circle, scan.snapshot) : circle;
  const rows = scan.snapshot ?? rowsOfCircle(circle);
  const clientName = `${circle.client.givenName} ${circle.client.familyName}`.trim();
  const facts: [string, string][] = [
    [t.scan.client, clientName],
    [t.scan.caregiver, scan.caregiverName ?? t.common.unknown],
    [t.scan.conductedBy, [scan.conductedBy, scan.organisation].filter(Boolean).join(', ') || t.common.unknown],
    [t.scan.started, formatDateTime(scan.startedAt)],
    [t.scan.completed, scan.completedAt ? formatDateTime(scan.completedAt) : t.scan.notCompleted],
  ];
  return (
    <div className="mk-scan-summary mk-print-area">
      <p className="mk-print-only mk-scan-summary__print-title">
        {scan.caregiverName ? t.scan.title(scan.caregiverName) : t.scan.titleGeneric} – {clientName}
      </p>
      <DataList rows={facts} />

      <section className="mk-section mk-scan-summary__part" aria-labelledby="samenvatting-familie">
        <h2 className="utrecht-heading-2" id="samenvatting-familie">
          {t.scan.stepTitle(1, t.scan.steps.genogram)}
        </h2>
        <Genogram circle={network} />
      </section>

      <section className="mk-section mk-scan-summary__part" aria-labelledby="samenvatting-situatie">
        <h2 className="utrecht-heading-2" id="samenvatting-situatie">
          {t.scan.stepTitle(2, t.scan.steps.situation)}
        </h2>
        <dl className="mk-scan-answers">
          {questions.map((q) => (
            <div key={q.id} className="mk-scan-answers__item">
              <dt className="mk-scan-answers__question">{q[locale]}</dt>
              <dd className="mk-scan-answers__answer">{scan.answers[q.id]?.trim() ? scan.answers[q.id] : <span className="mk-muted">{t.scan.notAnswered}</span>}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="mk-section mk-scan-summary__part" aria-labelledby="samenvatting-belasting">
        <h2 className="utrecht-heading-2" id="samenvatting-belasting">
          {t.scan.stepTitle(3, t.scan.steps.burden)}
        </h2>
        <Paragraph>{t.scan.burdenSummary}</Paragraph>
      </section>

      <section className="mk-section mk-scan-summary__part" aria-labelledby="samenvatting-netwerk">
        <h2 className="utrecht-heading-2" id="samenvatting-netwerk">
          {t.scan.stepTitle(4, t.scan.steps.ecomap)}
        </h2>
        <Paragraph>{scan.snapshot ? t.scan.snapshotNote(formatDate(scan.completedAt)) : t.scan.liveNote}</Paragraph>
        <Ecomap circle={network} />
        <NetworkTable rows={rows} caption={t.scan.networkCaption} highlightId={scan.caregiverMemberId} />
        <Paragraph>{t.scan.informalTotal(informalHours(rows))}</Paragraph>
      </section>

      <section className="mk-section mk-scan-summary__part" aria-labelledby="samenvatting-advies">
        <h2 className="utrecht-heading-2" id="samenvatting-advies">
          {t.scan.stepTitle(5, t.scan.steps.advice)}
        </h2>
        <h3 className="utrecht-heading-3">{t.scan.advice}</h3>
        {scan.advice ? <p className="utrecht-paragraph mk-scan-text">{scan.advice}</p> : <p className="utrecht-paragraph mk-muted">{t.scan.noAdvice}</p>}
        <h3 className="utrecht-heading-3">{t.scan.agreements}</h3>
        {scan.agreements.length === 0 ? (
          <p className="utrecht-paragraph mk-muted">{t.scan.noAgreementsMade}</p>
        ) : (
          <DataTable
            caption={t.scan.agreements}
            rows={scan.agreements.map((a, i) => ({ ...a, key: String(i) }))}
            rowKey={(a) => a.key}
            columns={[
              { key: 'what', header: t.scan.agreementWhat, cell: (a) => a.text },
              { key: 'who', header: t.scan.agreementWho, cell: (a) => a.owner ?? t.common.none },
              { key: 'due', header: t.scan.agreementDue, cell: (a) => (a.due ? formatDate(a.due) : t.common.none) },
            ]}
          />
        )}
      </section>
    </div>
  );
}
