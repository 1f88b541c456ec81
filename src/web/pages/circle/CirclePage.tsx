import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import type { Circle } from '../../../common/circle-schemas.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Ecomap } from '../../components/circle/Ecomap.tsx';
import { Genogram } from '../../components/circle/Genogram.tsx';
import { MembersTable } from '../../components/circle/MembersTable.tsx';
import type { IssuedCode } from '../../components/circle/data.ts';
import { useCircle, circlePaths } from '../../components/circle/api.ts';
import { burdenPaths } from '../../components/burden/api.ts';
import { useMe } from '../../auth.ts';
import { fullName } from '../../components/circle/labels.ts';
import { AccessLogSection } from './AccessLogSection.tsx';
import { AccessSection } from './AccessSection.tsx';
import { MapSection } from './MapSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { OrganisationsSection } from './OrganisationsSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { LogbookSection } from '../logbook/LogbookSection.tsx';
import { ThreadsSection } from '../threads/ThreadsSection.tsx';
import { KeyInfoSection } from '../key-info/KeyInfoSection.tsx';
import '../../components/circle/circle.css';
import { Paragraph } from '../../components/ui.tsx';
import { ROUTES } from '../../../common/paths.ts';
import { scanPaths } from '../../components/scan/api.ts';

type SectionKey = 'overview' | 'messages' | 'logbook' | 'keyInfo' | 'map' | 'family' | 'people' | 'access' | 'organisations' | 'notes' | 'log';
const SECTIONS: { key: SectionKey; slug: string; full: boolean }[] = [
  { key: 'overview', slug: '', full: false },
  // Agenda-level members (volunteers) take part in the circle's threads: the server shows
  // them only the threads they are in.
  { key: 'messages', slug: 'berichten', full: false },
  // Agenda-level members see the logbook entries shared with everyone: the server filters,
  // the section is open to them.
  { key: 'logbook', slug: 'dagboek', full: false },
  { key: 'keyInfo', slug: 'belangrijk', full: true },
  { key: 'map', slug: 'kaart', full: true },
  { key: 'family', slug: 'familie', full: true },
  { key: 'people', slug: 'mensen', full: true },
  { key: 'access', slug: 'toegang', full: true },
  { key: 'organisations', slug: 'organisaties', full: true },
  { key: 'notes', slug: 'notities', full: true },
  { key: 'log', slug: 'wie-keek', full: false },
];

/** Which sections this viewer gets: agenda-only members see the overview (names only). */
function sectionsFor(circle: Circle) {
  const full = circle.myAccess.level !== 'agenda';
  return SECTIONS.filter((s) => (s.key === 'log' ? circle.myAccess.isClient || circle.myAccess.canDecide : !s.full || full));
}

/** What goes on paper: the map, the table of people and the family (or an organisation code). */
function CirclePrint({ circle, code }: { circle: Circle; code: IssuedCode | null }) {
  const { t, formatDate } = useI18n();
  const c = t.circle;
  const name = fullName(circle.client);
  if (code) {
    return (
      <div className="mk-circle-print mk-print-only">
        <h2 className="utrecht-heading-2">{c.print.codeTitle(name)}</h2>
        <p className="mk-code-big">{code.code}</p>
        <Paragraph>{c.code.validUntil(formatDate(code.expiresAt))}</Paragraph>
        <ol className="utrecht-ordered-list">
          {c.orgs.linkSteps.map((step) => (
            <li className="utrecht-ordered-list__item" key={step}>
              {step}
            </li>
          ))}
        </ol>
      </div>
    );
  }
  return (
    <div className="mk-circle-print mk-print-only">
      <div className="mk-circle-print__page">
        <h2 className="utrecht-heading-2">{c.map.title(name)}</h2>
        <p className="utrecht-paragraph mk-muted">{c.print.printed(formatDate(new Date().toISOString()))}</p>
        <Ecomap circle={circle} />
      </div>
      <div className="mk-circle-print__page">
        <MembersTable circle={circle} caption={c.mapSection.tableCaption(name)} />
      </div>
      <div className="mk-circle-print__page">
        <h2 className="utrecht-heading-2">{c.print.familyTitle(name)}</h2>
        <Genogram circle={circle} />
      </div>
    </div>
  );
}

/**
 * Links to the capabilities that hang off a circle: the burden check (for the caregiver
 * themselves and for professionals) and the MantelScan (for professionals).
 */
function CircleLinks({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const professional = Boolean(me?.memberships.some((m) => m.role === 'professional'));
  const full = circle.myAccess.level === 'full' || circle.myAccess.level === 'manage';
  const links: { to: string; label: string }[] = [];
  if (circle.myAccess.memberId || (professional && full)) links.push({ to: burdenPaths.overview(circle.client.id), label: t.circle.page.burdenLink });
  if (professional && full) links.push({ to: scanPaths.list(circle.client.id), label: t.circle.page.scanLink });
  if (links.length === 0) return null;
  return (
    <ul className="utrecht-link-list mk-no-print" aria-label={t.circle.page.moreLabel}>
      {links.map((l) => (
        <li key={l.to} className="utrecht-link-list__item">
          <Link className="utrecht-link" to={l.to}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The circle of one client, in sections that are real links (/kringen/:id/kaart, …). */
export default function CirclePage() {
  const { clientId = '', section = '' } = useParams();
  const { t } = useI18n();
  const c = t.circle;
  const circle = useCircle(clientId);
  const location = useLocation();
  // "Started" / "joined" messages belong to the section the person arrived on.
  const [flags] = useState(() => ({ ...(location.state as { created?: boolean; joined?: boolean } | null), section }));
  const [printCode, setPrintCode] = useState<IssuedCode | null>(null);
  const sectionHeading = useRef<HTMLHeadingElement>(null);
  const previous = useRef({ clientId, section });
  const data = circle.data;
  const current = SECTIONS.find((s) => s.slug === section);
  const title = data ? c.page.title(fullName(data.client)) : c.page.loadingTitle;
  const sectionTitle = current ? c.page.sections[current.key] : t.notFound.title;

  // Another section of the same circle: focus goes to the section heading (not the page title).
  useEffect(() => {
    const before = previous.current;
    previous.current = { clientId, section };
    if (before.clientId === clientId && before.section !== section) sectionHeading.current?.focus();
  }, [clientId, section]);
  // The browser tab says which section is open.
  useEffect(() => {
    if (data) document.title = `${sectionTitle} – ${title} – ${t.meta.productName}`;
  }, [data, sectionTitle, title, t]);

  if (circle.isPending) return <Loading />;
  if (circle.isError || !data) {
    const missing = circle.error instanceof ApiError && circle.error.status === 404;
    return (
      <>
        <PageHeading title={missing ? c.page.notFoundTitle : c.page.loadingTitle} />
        {missing ? <p className="utrecht-paragraph">{c.page.notFoundText}</p> : <LoadError error={circle.error} onRetry={() => void circle.refetch()} />}
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to={ROUTES.circles}>
            {c.page.back}
          </Link>
        </Paragraph>
      </>
    );
  }

  const base = circlePaths.circle(clientId);
  const sections = sectionsFor(data);
  const allowed = current && sections.includes(current);
  const full = data.myAccess.level !== 'agenda';
  const print = (code: IssuedCode | null) => {
    flushSync(() => setPrintCode(code));
    window.print();
    if (code) setPrintCode(null);
  };

  let content;
  if (!current) content = <p className="utrecht-paragraph">{t.notFound.text}</p>;
  else if (!allowed) content = <Alert kind="info" title={current.key === 'log' ? c.log.notAllowed(data.client.givenName) : c.agenda.title(data.client.givenName)}>{current.key !== 'log' && <p className="utrecht-paragraph">{c.agenda.text(data.client.givenName)}</p>}</Alert>;
  else {
    const sectionContent: Record<SectionKey, () => ReactNode> = {
      overview: () => <OverviewSection circle={data} base={base} />,
      messages: () => <ThreadsSection circle={data} />,
      logbook: () => <LogbookSection circle={data} />,
      keyInfo: () => <KeyInfoSection circle={data} />,
      map: () => <MapSection circle={data} base={base} />,
      family: () => <Genogram circle={data} />,
      people: () => <PeopleSection circle={data} />,
      access: () => <AccessSection circle={data} />,
      organisations: () => <OrganisationsSection circle={data} onPrintCode={(code) => print(code)} />,
      notes: () => <NotesSection circle={data} />,
      log: () => <AccessLogSection circle={data} />,
    };
    content = sectionContent[current.key]();
  }

  return (
    <div className="mk-circle-page">
      <PageHeading title={title} lead={data.myAccess.isClient ? c.page.leadClient : c.page.lead(data.client.municipalityName)} />
      {flags.created && flags.section === section && <Alert kind="ok" title={c.page.created(data.client.givenName)} />}
      {flags.joined && flags.section === section && <Alert kind="ok" title={c.page.joined(data.client.givenName)} />}
      {sections.length > 1 && (
        <nav className="mk-circle-nav mk-no-print" aria-label={c.page.sectionsLabel}>
          <ul className="mk-circle-nav__list">
            {sections.map((s) => (
              <li key={s.key}>
                <NavLink className="mk-circle-nav__link" to={s.slug ? `${base}/${s.slug}` : base} end>
                  {c.page.sections[s.key]}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <CircleLinks circle={data} />
      {full && (
        <div className="mk-circle-actions mk-no-print">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => print(null)}>
            {c.page.print}
          </button>
          <span className="mk-muted">{c.page.printHelp}</span>
        </div>
      )}
      <section className="mk-circle-section" aria-labelledby="sectie-titel">
        <h2 className="utrecht-heading-2" id="sectie-titel" ref={sectionHeading} tabIndex={-1}>
          {sectionTitle}
        </h2>
        {content}
      </section>
      {full && <CirclePrint circle={data} code={printCode} />}
    </div>
  );
}
