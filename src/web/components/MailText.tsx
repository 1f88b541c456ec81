import { Link } from 'react-router';
import { ROUTES } from '../../common/paths.ts';

/** Pages of this app that mails link to: such links open here, inside the app. */
const APP_PATHS: readonly string[] = [ROUTES.verifyEmail, ROUTES.resetPassword, ROUTES.forgotPassword, ROUTES.invitation, ROUTES.login];

/** The plain text of a mail, with its web addresses as links. */
export function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <div className="mk-mail-text">
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        let url: URL | null = null;
        try {
          url = new URL(part);
        } catch {
          url = null;
        }
        if (url && APP_PATHS.includes(url.pathname)) {
          return (
            <Link key={index} className="utrecht-link utrecht-link--html-a mk-break" to={`${url.pathname}${url.search}`}>
              {part}
            </Link>
          );
        }
        return (
          <a key={index} className="utrecht-link utrecht-link--html-a mk-break" href={part} rel="noopener noreferrer">
            {part}
          </a>
        );
      })}
    </div>
  );
}
