import { Link, useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import type { Paged } from '../types.ts';
import { ListResult } from './Feedback.tsx';

export const PAGE_PARAM = 'pagina';

/** The current page from the address (?pagina=2), so paging works with the back button. */
export function usePage(): number {
  const [params] = useSearchParams();
  const page = Number(params.get(PAGE_PARAM) ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Page numbers to show: first, last and the ones around the current page. */
function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous > 1) out.push('gap');
    out.push(n);
  });
  return out;
}

/** Paging controls (NL Design System pagination) plus how many results there are. */
export function Pager({ page, pageSize, total, itemCount }: { page: number; pageSize: number; total: number; itemCount: number }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const to = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete(PAGE_PARAM);
    else next.set(PAGE_PARAM, String(n));
    const text = next.toString();
    return text ? `?${text}` : '?';
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const until = (page - 1) * pageSize + itemCount;
  return (
    <div className="mk-pager">
      <p className="utrecht-paragraph mk-pager__summary" role="status">
        {total === 0 ? t.pager.none : t.pager.showing(from, until, total)}
      </p>
      {pages > 1 && (
        <nav className="utrecht-pagination" aria-label={t.pager.label}>
          <ul className="mk-pager__list">
            {page > 1 && (
              <li>
                <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev mk-pager__link" rel="prev" to={to(page - 1)}>
                  <span aria-hidden="true">‹ </span>
                  {t.pager.previous}
                </Link>
              </li>
            )}
            {pageWindow(page, pages).map((n, i) =>
              n === 'gap' ? (
                <li key={`gap-${i}`} className="mk-pager__gap" aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  <Link
                    className={`utrecht-pagination__page-link mk-pager__link${n === page ? ' utrecht-pagination__page-link--current' : ''}`}
                    to={to(n)}
                    aria-current={n === page ? 'page' : undefined}
                    aria-label={t.pager.page(n, pages)}
                  >
                    {n}
                  </Link>
                </li>
              ),
            )}
            {page < pages && (
              <li>
                <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next mk-pager__link" rel="next" to={to(page + 1)}>
                  {t.pager.next}
                  <span aria-hidden="true"> ›</span>
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}

/**
 * One page of a paged list query: loading, a failed load, the empty message (after page 1
 * `emptyPage`, by default "this page is empty"), or the items (`children`) with the paging
 * controls under them.
 */
export function PagedResult<T>({
  query,
  page,
  pageSize,
  empty,
  emptyPage,
  children,
}: {
  query: UseQueryResult<Paged<T>>;
  page: number;
  pageSize: number;
  empty: ReactNode;
  emptyPage?: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ListResult query={query} empty={page > 1 ? (emptyPage ?? t.pager.emptyPage) : empty}>
      {(data) => (
        <>
          {children(data.items)}
          <Pager page={page} pageSize={pageSize} total={data.total} itemCount={data.items.length} />
        </>
      )}
    </ListResult>
  );
}
