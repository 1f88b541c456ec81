import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Small wrappers over the NL Design System CSS classes (@utrecht/component-library-css) that
 * pages repeat: the markup stays the same, a page names what it means.
 */

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** A link to a page of the app (`utrecht-link`). */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cx('utrecht-link utrecht-link--html-a', className as string | undefined)} {...props} />;
}

/** A paragraph of body text; `lead` for the larger opening paragraph. */
export function Paragraph({ lead, className, ...props }: ComponentProps<'p'> & { lead?: boolean }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)} {...props} />;
}

/** A row of buttons (and button-like links) under a form or a section. */
export function ButtonRow({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cx('utrecht-button-group mk-actions', className)} {...props} />;
}

/** One row of a data list: key, value and (optionally) an extra class for the value. */
export type DataRow = readonly [key: string, value: ReactNode, valueClassName?: string];

/** A list of key–value pairs (`utrecht-data-list`). */
export function DataList({ rows, className }: { rows: readonly DataRow[]; className?: string }) {
  return (
    <dl className={cx('utrecht-data-list mk-data-list', className)}>
      {rows.map(([key, value, valueClassName]) => (
        <div className="utrecht-data-list__item" key={key}>
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className={cx('utrecht-data-list__item-value utrecht-data-list__item-value--html-dd', valueClassName)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
