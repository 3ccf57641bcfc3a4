import { OverridableNames, UiFieldTypes } from '../settings/v3Options.js';

const NewRow = { name: 'styleType', type: 'select', label: 'Style Type', required: false, placeholder: '', options: 'AUTO, DESIGN', min: '', max: '', default: '', group: '' };

/** Which settings users may override, and with what control: one row per field of the job type's form. */
export default function UiSchemaBuilder({ rows, errors, onChange }) {
  function update(index, changes) {
    onChange(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  }

  function move(index, by) {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    onChange(next);
  }

  return (
    <fieldset className="schema-builder">
      <legend>Form users fill in (UI schema)</legend>
      {errors.length > 0 && (
        <ul className="field-errors" role="alert">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <ol>
        {rows.map((row, index) => {
          const id = `schema-${index}`;
          const number = index + 1;
          return (
            <li key={index} className="schema-row" aria-label={`Form field ${number}`}>
              <div>
                <label htmlFor={`${id}-name`}>{`Field ${number} setting`}</label>
                <select id={`${id}-name`} value={row.name} onChange={(event) => update(index, { name: event.target.value })}>
                  {OverridableNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-type`}>{`Field ${number} control`}</label>
                <select id={`${id}-type`} value={row.type} onChange={(event) => update(index, { type: event.target.value })}>
                  {UiFieldTypes.map((type) => (
                    <option key={type} value={type}>
                      {type}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-label`}>{`Field ${number} label`}</label>
                <input id={`${id}-label`} type="text" value={row.label} onChange={(event) => update(index, { label: event.target.value })} />
              </div>
              <div>
                <label htmlFor={`${id}-options`}>{`Field ${number} options (comma-separated)`}</label>
                <input id={`${id}-options`} type="text" value={row.options} onChange={(event) => update(index, { options: event.target.value })} />
              </div>
              <div>
                <label htmlFor={`${id}-min`}>{`Field ${number} min`}</label>
                <input id={`${id}-min`} type="number" value={row.min} onChange={(event) => update(index, { min: event.target.value })} />
              </div>
              <div>
                <label htmlFor={`${id}-max`}>{`Field ${number} max`}</label>
                <input id={`${id}-max`} type="number" value={row.max} onChange={(event) => update(index, { max: event.target.value })} />
              </div>
              <div>
                <label htmlFor={`${id}-default`}>{`Field ${number} default`}</label>
                <input id={`${id}-default`} type="text" value={row.default} onChange={(event) => update(index, { default: event.target.value })} />
              </div>
              <div>
                <label htmlFor={`${id}-group`}>{`Field ${number} group (e.g. advanced; empty for the main form)`}</label>
                <input id={`${id}-group`} type="text" value={row.group} onChange={(event) => update(index, { group: event.target.value })} />
              </div>
              <div className="field-checkbox">
                <input id={`${id}-required`} type="checkbox" checked={row.required} onChange={(event) => update(index, { required: event.target.checked })} />
                <label htmlFor={`${id}-required`}>{`Field ${number} required`}</label>
              </div>
              <div className="actions">
                <button type="button" className="secondary" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move field ${number} up`}>
                  Up
                </button>
                <button type="button" className="secondary" disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={`Move field ${number} down`}>
                  Down
                </button>
                <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove field ${number}`}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...rows, { ...NewRow }])}>
        Add form field
      </button>
    </fieldset>
  );
}
