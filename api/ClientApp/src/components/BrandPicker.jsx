import { useEffect, useState } from 'react';
import { BrandCollections, brandOverrides } from '../brand/brandLibrary.js';

const Choices = [
  { key: 'paletteId', collection: 'palettes', label: 'Brand palette' },
  { key: 'styleCodesId', collection: 'styleCodes', label: 'Brand style codes' },
  { key: 'styleReferenceId', collection: 'styleReferences', label: 'Brand style image' },
];

/**
 * Lets a run use brand library entries: reports the overrides that name them (brand:<id>) through
 * onChange; the service swaps in the saved values when the job is submitted.
 */
export default function BrandPicker({ api, onChange }) {
  const [entries, setEntries] = useState(null);
  const [chosen, setChosen] = useState({ paletteId: '', styleCodesId: '', styleReferenceId: '' });

  useEffect(() => {
    let current = true;
    Promise.all(Choices.map(({ collection }) => api.get(BrandCollections[collection]))).then(
      (lists) => current && setEntries(Object.fromEntries(Choices.map(({ collection }, index) => [collection, lists[index]]))),
      () => current && setEntries({}),
    );
    return () => {
      current = false;
    };
  }, [api]);

  function choose(key, value) {
    const next = { ...chosen, [key]: value };
    setChosen(next);
    onChange(brandOverrides(next));
  }

  const offered = Choices.filter(({ collection }) => entries?.[collection]?.length > 0);
  if (offered.length === 0) {
    return null;
  }
  return (
    <fieldset className="brand-picker">
      <legend>Brand library</legend>
      {offered.map(({ key, collection, label }) => (
        <div className="field" key={key}>
          <label htmlFor={`brand-picker-${key}`}>{label}</label>
          <select id={`brand-picker-${key}`} value={chosen[key]} onChange={(event) => choose(key, event.target.value)}>
            <option value="">None</option>
            {entries[collection].map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
