import { useI18n } from '../i18n/index.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { LinkParagraph, Paragraph } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.notFound.title} />
      <Paragraph>{t.notFound.text}</Paragraph>
      <LinkParagraph to={ROUTES.home}>{t.common.toHome}</LinkParagraph>
    </>
  );
}
