import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchPicker, type SearchPickerProps } from '../../../components/search-picker';
import { COMMUNITY_SEARCH_PAGE, useCommunitySearch } from '../api/communities';

interface CommunityPickerProps extends SearchPickerProps {
  clubId: string;
  /** Only the communities taking part in the club (observer, candidate, member, suspended). */
  participating?: boolean;
}

/** Chooses one of a club's communities however many it has (issue 14), among those the reader may see. */
export function CommunityPicker({ clubId, participating, ...picker }: CommunityPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const results = useCommunitySearch({ clubId, participating, search: text });
  return (
    <SearchPicker
      {...picker}
      text={text}
      onText={setText}
      found={results.isSuccess ? results.data.items : undefined}
      more={!!results.data?.nextAfter}
      texts={{
        find: t('search.community.find'),
        placeholder: t('search.community.placeholder'),
        none: t('search.community.none'),
        more: t('search.community.more', { count: COMMUNITY_SEARCH_PAGE }),
      }}
    />
  );
}
