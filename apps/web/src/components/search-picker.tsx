import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchable } from '../lib/search';

export interface PickerOption {
  id: string;
  name: string;
}

export interface SearchPickerProps {
  value: string;
  /** The chosen option's name, while it is not among the results. */
  valueName?: string;
  onChange: (id: string) => void;
  /** The first option: none chosen. */
  emptyLabel: string;
  'data-testid': string;
  // Set by FormField: they belong to the select, which the field's label names.
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface SearchPickerViewProps extends SearchPickerProps {
  text: string;
  onText: (text: string) => void;
  /** The first page of what the API found for `text` (undefined while the first answer is awaited). */
  found: PickerOption[] | undefined;
  /** The API has more than the page shows. */
  more: boolean;
  texts: { find: string; placeholder: string; none: string; more: string };
}

/**
 * Chooses one among many (issue 14): the name typed in any script is searched by the API among
 * what the reader may see; the list holds the first page, and the chosen option stays in it while
 * another search shows other names. CommunityPicker and ClubPicker give it their search.
 */
export function SearchPicker({ text, onText, found, more, texts, value, valueName, onChange, emptyLabel, 'data-testid': testId, ...field }: SearchPickerViewProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PickerOption | null>(null);
  const results = found ?? [];
  const chosenName = chosen?.id === value ? chosen.name : valueName;
  const options = value && chosenName && !results.some((option) => option.id === value) ? [{ id: value, name: chosenName }, ...results] : results;
  const choose = (id: string) => {
    setChosen(options.find((option) => option.id === id) ?? null);
    onChange(id);
  };
  const typed = text.trim();
  const note = typed && !searchable(typed) ? t('search.community.tooShort') : found && results.length === 0 && typed ? texts.none : more ? texts.more : null;
  return (
    <div className="community-picker">
      <input type="search" value={text} onChange={(event) => onText(event.target.value)} aria-label={texts.find} placeholder={texts.placeholder} data-testid={`${testId}-search`} />
      <select {...field} value={value} onChange={(event) => choose(event.target.value)} data-testid={testId}>
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
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
