import type { Schemas } from '@dastarkhan/api-client';
import { useTranslation } from 'react-i18next';

type FigureValue = Schemas['FigureDto'];
type CountFigureValue = Schemas['CountFigureDto'];

const isWithheld = (figure: FigureValue) => figure.value === null && figure.fewerThan === null;

/**
 * A figure under the small-count rule (docs/domain.md, P9) in words: the exact value, "fewer than
 * N" when too few protected communities stand behind it, or "not shown" when it is withheld.
 */
export function useFigureText(): (figure: FigureValue) => string {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (figure) => {
    if (figure.value !== null) return number.format(figure.value);
    if (figure.fewerThan !== null) return t('figure.fewerThan', { count: figure.fewerThan });
    return t('figure.notShown');
  };
}

/** One figure; a withheld one shows "—" and tells screen readers why. */
export function Figure({ figure, testId }: { figure: FigureValue; testId?: string }) {
  const text = useFigureText()(figure);
  const kind = figure.value !== null ? 'exact' : isWithheld(figure) ? 'withheld' : 'fewer';
  return (
    <span className="figure" data-figure={kind} data-testid={testId}>
      {kind === 'withheld' ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{text}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}

/**
 * A count of communities: the total when it is exact, else the listed ones (those the reader may
 * see) and the rest under the small-count rule, "3 + fewer than 10 not listed".
 */
export function CountFigure({ figure, testId }: { figure: CountFigureValue; testId?: string }) {
  const { t } = useTranslation();
  const text = useFigureText();
  if (figure.total.value !== null) return <Figure figure={figure.total} testId={testId} />;
  const listed = text({ value: figure.listed, fewerThan: null });
  return (
    <span className="figure" data-figure="listed" data-testid={testId}>
      {isWithheld(figure.unlisted) ? t('figure.listedOnly', { listed }) : t('figure.listedPlus', { listed, unlisted: text(figure.unlisted) })}
    </span>
  );
}

/** A club card's line: its member and observer communities, as the reader may count them. */
export function ClubCounts({ club }: { club: Pick<Schemas['ClubSummaryDto'], 'memberCount' | 'observerCount'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('city.members')}: <CountFigure figure={club.memberCount} testId="member-count" /> · {t('city.observers')}:{' '}
      <CountFigure figure={club.observerCount} testId="observer-count" />
    </>
  );
}
