import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.notFound.title} />
      <p className="utrecht-paragraph">{t.notFound.text}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/">
          {t.common.toHome}
        </Link>
      </p>
    </>
  );
}
