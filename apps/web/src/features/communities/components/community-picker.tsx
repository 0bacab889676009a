import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_SEARCH_PAGE, searchable, useCommunitySearch } from '../api/communities';

interface CommunityPickerProps {
  clubId: string;
  /** Only the communities taking part in the club (observer, candidate, member, suspended). */
  participating?: boolean;
  value: string;
  /** The chosen community's name, while it is not among the results. */
  valueName?: string;
  onChange: (communityId: string) => void;
  /** The first option: no community. */
  emptyLabel: string;
  'data-testid': string;
  // Set by FormField: they belong to the select, which the field's label names.
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * Chooses one of a club's communities however many it has (issue 14): the name typed in any
 * script is searched by the API among those the reader may see; the list holds the first page.
 */
export function CommunityPicker({ clubId, participating, value, valueName, onChange, emptyLabel, 'data-testid': testId, ...field }: CommunityPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const results = useCommunitySearch({ clubId, participating, search: text });
  // The chosen community stays in the list while another search shows other names.
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const found = results.data?.items ?? [];
  const chosenName = chosen?.id === value ? chosen.name : valueName;
  const options = value && chosenName && !found.some((c) => c.id === value) ? [{ id: value, name: chosenName }, ...found] : found;
  const choose = (communityId: string) => {
    const community = options.find((c) => c.id === communityId);
    setChosen(community ? { id: community.id, name: community.name } : null);
    onChange(communityId);
  };
  const typed = text.trim();
  const note =
    typed && !searchable(typed)
      ? t('search.community.tooShort')
      : results.isSuccess && found.length === 0 && typed
        ? t('search.community.none')
        : results.data?.nextAfter
          ? t('search.community.more', { count: COMMUNITY_SEARCH_PAGE })
          : null;
  return (
    <div className="community-picker">
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-label={t('search.community.find')}
        placeholder={t('search.community.placeholder')}
        data-testid={`${testId}-search`}
      />
      <select {...field} value={value} onChange={(event) => choose(event.target.value)} data-testid={testId}>
        <option value="">{emptyLabel}</option>
        {options.map((community) => (
          <option key={community.id} value={community.id}>
            {community.name}
          </option>
        ))}
      </select>
      {note && (
        <p className="field-hint" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
