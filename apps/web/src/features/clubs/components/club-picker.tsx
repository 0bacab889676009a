import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchPicker, type SearchPickerProps } from '../../../components/search-picker';
import { CLUB_SEARCH_PAGE, useClubSearch } from '../api/club';
import { useClubText } from '../club-text';

/** Chooses one club among all of them, however many (issue 14): its name typed in any language. */
export function ClubPicker({ activeOnly, ...picker }: SearchPickerProps & { activeOnly?: boolean }) {
  const { t } = useTranslation();
  const clubText = useClubText();
  const [text, setText] = useState('');
  const results = useClubSearch(text);
  const clubs = results.data?.items.filter((club) => !activeOnly || !club.archived);
  return (
    <SearchPicker
      {...picker}
      text={text}
      onText={setText}
      found={results.isSuccess ? clubs?.map((club) => ({ id: club.id, name: clubText.name(club) })) : undefined}
      more={!!results.data?.nextAfter}
      texts={{ find: t('search.club.find'), placeholder: t('search.club.placeholder'), none: t('search.club.none'), more: t('search.club.firstOnly', { count: CLUB_SEARCH_PAGE }) }}
    />
  );
}
