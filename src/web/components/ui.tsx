import type { ComponentProps, ReactNode } from 'react';
import { Link, type To } from 'react-router';

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

/** A link on a line of its own (a paragraph holding one `TextLink`): the way back, or on. */
export function LinkParagraph({ to, children }: { to: To; children: ReactNode }) {
  return (
    <Paragraph>
      <TextLink to={to}>{children}</TextLink>
    </Paragraph>
  );
}

/** A row of buttons (and button-like links) under a form or a section. */
export function ButtonRow({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cx('utrecht-button-group mk-actions', className)} {...props} />;
}

/** One link of a link list: where it goes and what it says. */
export interface LinkItem {
  to: To;
  label: ReactNode;
}

/**
 * A list of links (`utrecht-link-list`); `inline` sets them side by side. Leave a link out
 * with `false` (`canDecide && { to, label }`).
 */
export function LinkList({ links, inline, className, ...props }: ComponentProps<'ul'> & { links: readonly (LinkItem | false | null | undefined)[]; inline?: boolean }) {
  return (
    <ul className={cx('utrecht-link-list mk-link-list', inline && 'mk-link-list--inline', className)} {...props}>
      {links.map(
        (link) =>
          link && (
            <li className="utrecht-link-list__item" key={typeof link.to === 'string' ? link.to : JSON.stringify(link.to)}>
              <TextLink to={link.to}>{link.label}</TextLink>
            </li>
          ),
      )}
    </ul>
  );
}

/** One task of a task list: a link with a short text under it. */
export interface Task {
  key?: string;
  to: string;
  title: ReactNode;
  text: ReactNode;
}

/** The list of things to do on the home page (`mk-tasks`): each a link with a line of text. */
export function TaskList({ tasks }: { tasks: readonly Task[] }) {
  return (
    <ul className="mk-tasks">
      {tasks.map((task) => (
        <li key={task.key ?? task.to} className="mk-task">
          <TextLink className="mk-task__link" to={task.to}>
            {task.title}
          </TextLink>
          <p className="utrecht-paragraph mk-task__text">{task.text}</p>
        </li>
      ))}
    </ul>
  );
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
