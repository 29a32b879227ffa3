import { memo, useRef, type KeyboardEvent } from 'react';
import { LAYERS, type Layer } from '../../main/engine/show';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { useHotkey } from '../hotkeys';
import { NO_FILTER, filtering, type Filter } from './stack-editor-rows';

interface Props {
  filter: Filter;
  onFilter: (filter: Filter) => void;
  shown: number;
  total: number;
  /** Enter or Down in the search box: to the list, on the first match. */
  onLeave: () => void;
}

export const SEARCH_INPUT_ID = 'cue-search';

/** Search by text, template or layer. Ctrl+F comes here from anywhere, even from a field. */
export const SearchBar = memo(function SearchBar({ filter, onFilter, shown, total, onLeave }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useHotkey('search', () => {
    input.current?.focus();
    input.current?.select();
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      // Escape here clears the search; it must never reach OUT.
      e.preventDefault();
      if (filter.text) onFilter({ ...filter, text: '' });
      else input.current?.blur();
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      onLeave();
    }
  };
  const active = filtering(filter);
  return (
    <div className="search-bar" role="search" aria-label="Find cues">
      <input
        ref={input}
        id={SEARCH_INPUT_ID}
        type="search"
        value={filter.text}
        placeholder="Search cues…"
        aria-label="Search cues"
        aria-keyshortcuts="Control+F"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        onKeyDown={onKeyDown}
      />
      <div className="search-filters">
        <select aria-label="Filter by template" value={filter.template} onChange={(e) => onFilter({ ...filter, template: e.target.value })}>
          <option value="">All templates</option>
          {TEMPLATE_DEFINITIONS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by layer" value={filter.layer} onChange={(e) => onFilter({ ...filter, layer: e.target.value as Layer | '' })}>
          <option value="">All layers</option>
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {l.replace('-', ' ')}
            </option>
          ))}
        </select>
        <span className={`search-count${active ? ' active' : ''}`} aria-live="polite" data-search-count>
          {active ? `${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}` : `${total.toLocaleString('en-GB')} cues`}
        </span>
        {active && (
          <button type="button" className="btn small" aria-label="Clear search" onClick={() => onFilter(NO_FILTER)}>
            Clear
          </button>
        )}
      </div>
    </div>
  );
});
