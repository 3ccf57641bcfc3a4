import { useState } from 'react';
import FieldFrame from './FieldFrame.jsx';

const StyleCodePattern = /^[0-9A-Fa-f]{8}$/;

/** A list of 8-hex-digit style codes: typed in, added, removed. */
export default function StyleCodesField({ id, field, value, errors, onChange }) {
  const codes = value ?? [];
  const [draft, setDraft] = useState('');
  const draftValid = StyleCodePattern.test(draft);

  function add() {
    if (draftValid) {
      onChange([...codes, draft.toUpperCase()]);
      setDraft('');
    }
  }

  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors} asGroup>
      {({ describedBy }) => (
        <div className="style-codes" aria-describedby={describedBy}>
          <ul>
            {codes.map((code, index) => (
              <li key={`${code}-${index}`}>
                <code>{code}</code>
                <button type="button" aria-label={`Remove style code ${code}`} onClick={() => onChange(codes.filter((_, i) => i !== index))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor={`${id}-new`}>New style code (8 hex digits)</label>
          <input
            id={`${id}-new`}
            type="text"
            value={draft}
            maxLength={8}
            placeholder={field.placeholder ?? 'e.g. 1A2B3C4D'}
            onChange={(event) => setDraft(event.target.value.trim())}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add} disabled={!draftValid}>
            Add style code
          </button>
        </div>
      )}
    </FieldFrame>
  );
}
