import { useCallback, useEffect, useState } from 'react';
import { BrandCollections, paletteColours, splitList } from '../brand/brandLibrary.js';
import { useMe } from '../hooks/useMe.js';

const Sections = [
  { key: 'palettes', title: 'Colour palettes', singular: 'palette' },
  { key: 'styleCodes', title: 'Style codes', singular: 'style codes' },
  { key: 'styleReferences', title: 'Style reference images', singular: 'image' },
];

/** What an entry holds, as its row shows it. */
function EntryValue({ kind, entry }) {
  if (kind === 'palettes') {
    const colours = paletteColours(entry.palette);
    return colours.length === 0 ? (
      <span>{`Preset ${entry.palette?.name}`}</span>
    ) : (
      <span aria-label={`Colours ${colours.join(' ')}`}>
        {colours.map((colour, index) => (
          <span key={index} className="swatch" title={colour} style={{ background: colour }} />
        ))}
      </span>
    );
  }
  if (kind === 'styleCodes') {
    return <code>{(entry.styleCodes ?? []).join(' ')}</code>;
  }
  return <span>{`${entry.fileName} (${Math.ceil((entry.byteCount ?? 0) / 1024)} KB)`}</span>;
}

/** One entry: its name, value and reference; rename in place; delete (a refusal says which job types use it). */
function EntryRow({ api, kind, entry, onChanged, mayEdit }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(entry.name);
  const [error, setError] = useState(null);

  async function rename(event) {
    event.preventDefault();
    setError(null);
    const body =
      kind === 'palettes' ? { name, palette: entry.palette } : kind === 'styleCodes' ? { name, codes: entry.styleCodes } : { name };
    try {
      await api.put(`${BrandCollections[kind]}/${entry.id}`, body);
      setRenaming(false);
      onChanged();
    } catch (failure) {
      setError(failure.fieldErrors?.name?.[0] ?? failure.message);
    }
  }

  async function remove() {
    setError(null);
    try {
      await api.delete(`${BrandCollections[kind]}/${entry.id}`);
      onChanged();
    } catch (failure) {
      setError(failure.message);
    }
  }

  return (
    <li className="brand-entry" aria-label={entry.name}>
      {renaming ? (
        <form onSubmit={rename} aria-label={`Rename ${entry.name}`}>
          <label htmlFor={`rename-${kind}-${entry.id}`}>New name</label>
          <input id={`rename-${kind}-${entry.id}`} type="text" value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit">Save name</button>
          <button type="button" className="secondary" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <strong>{entry.name}</strong> <EntryValue kind={kind} entry={entry} /> <code className="field-help">{entry.reference}</code>{' '}
          {mayEdit && (
            <>
              <button type="button" className="secondary" onClick={() => setRenaming(true)}>
                Rename
              </button>{' '}
              <button type="button" className="danger" onClick={remove}>
                Delete
              </button>
            </>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

/** The add form of one kind of entry; palettes are hex colours or a preset name, codes are 8 hex characters each. */
function AddEntry({ api, kind, singular, onAdded }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [file, setFile] = useState(null);
  const [errors, setErrors] = useState(null);
  const valueLabel = kind === 'palettes' ? 'Colours (hex, comma-separated) or a preset name' : 'Codes (comma-separated)';

  async function add(event) {
    event.preventDefault();
    setErrors(null);
    try {
      if (kind === 'styleReferences') {
        const form = new FormData();
        form.append('name', name);
        if (file) {
          form.append('image', file);
        }
        await api.postForm(BrandCollections[kind], form);
      } else if (kind === 'palettes') {
        const items = splitList(value);
        const palette = items.length === 1 && !items[0].startsWith('#') ? { name: items[0].toUpperCase() } : { members: items };
        await api.post(BrandCollections[kind], { name, palette });
      } else {
        await api.post(BrandCollections[kind], { name, codes: splitList(value).map((code) => code.toUpperCase()) });
      }
      setName('');
      setValue('');
      setFile(null);
      onAdded();
    } catch (failure) {
      const fieldMessages = Object.entries(failure.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      setErrors(fieldMessages.length > 0 ? fieldMessages : [failure.message]);
    }
  }

  return (
    <form onSubmit={add} aria-label={`Add ${singular}`} className="brand-add" noValidate>
      <div className="field">
        <label htmlFor={`add-${kind}-name`}>Name</label>
        <input id={`add-${kind}-name`} type="text" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      {kind === 'styleReferences' ? (
        <div className="field">
          <label htmlFor={`add-${kind}-file`}>Image (JPEG, PNG or WebP)</label>
          <input id={`add-${kind}-file`} type="file" accept="image/jpeg,image/png,image/webp" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`add-${kind}-value`}>{valueLabel}</label>
          <input id={`add-${kind}-value`} type="text" value={value} onChange={(event) => setValue(event.target.value)} />
        </div>
      )}
      <button type="submit">{`Add ${singular}`}</button>
      {errors && (
        <ul role="alert" className="field-errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** The account's brand library: palettes, style codes and style images that runs and job types name as brand:<id>. */
export default function BrandLibrary({ api }) {
  const [entries, setEntries] = useState({});
  // A user key may read the library but not change it: GET /api/me says so before a change is refused.
  const mayEdit = useMe(api)?.may?.editBrandLibrary !== false;
  const [loadError, setLoadError] = useState(null);

  const load = useCallback(async () => {
    try {
      const [palettes, styleCodes, styleReferences] = await Promise.all(Object.values(BrandCollections).map((path) => api.get(path)));
      setEntries({ palettes, styleCodes, styleReferences });
      setLoadError(null);
    } catch (failure) {
      setLoadError(failure.message);
    }
  }, [api]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <section aria-labelledby="brand-heading" className="brand-library">
      <h1 id="brand-heading">Brand library</h1>
      <p className="field-help">
        Saved palettes, style codes and style images. Pick them when running a job, or name them in a job type&apos;s defaults as
        their reference (brand:id). Account admins add, rename and delete entries.
      </p>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {Sections.map(({ key, title, singular }) => (
        <section key={key} aria-labelledby={`brand-${key}`}>
          <h2 id={`brand-${key}`}>{title}</h2>
          {entries[key]?.length === 0 && <p>{`No ${title.toLowerCase()} yet.`}</p>}
          <ul className="brand-entries">
            {(entries[key] ?? []).map((entry) => (
              <EntryRow key={entry.id} api={api} kind={key} entry={entry} onChanged={load} mayEdit={mayEdit} />
            ))}
          </ul>
          {mayEdit && <AddEntry api={api} kind={key} singular={singular} onAdded={load} />}
        </section>
      ))}
    </section>
  );
}
