import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

/**
 * The h1 of a page. After moving to another page inside the app it takes focus, so screen
 * reader users hear where they are and keyboard users start at the content. It also sets
 * the document title.
 */
export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const { t } = useI18n();
  // 'default' is the page the browser opened: there, focus stays at the top (skip link first).
  const firstPage = location.key === 'default';
  useEffect(() => {
    if (!firstPage) ref.current?.focus();
  }, [location.pathname, firstPage]);
  useEffect(() => {
    document.title = `${title} – ${t.meta.productName}`;
  }, [title, t]);
  return (
    <div className="mk-page-heading">
      <h1 ref={ref} tabIndex={-1} className="utrecht-heading-1" id="pagina-titel">
        {title}
      </h1>
      {lead && <p className="utrecht-paragraph utrecht-paragraph--lead">{lead}</p>}
    </div>
  );
}

/**
 * After the content is there, moves focus to the element named in the address (#wachtwoord),
 * so links to a part of a page work for keyboard and screen reader users too.
 */
export function useHashTarget(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [ready, hash, key]);
}

/** A section with an h2 that can take focus (for links to #id). */
export function Section({ id, title, children, headingLevel = 2 }: { id: string; title: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="mk-section" aria-labelledby={id}>
      <Heading className={`utrecht-heading-${headingLevel}`} id={id} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
