import PaletteSwatches from './PaletteSwatches.jsx';

/** The final settings a run would use, as the dry-run endpoint answered them. */
export default function SettingsPreview({ preview, pending, error }) {
  return (
    <section className="settings-preview" aria-labelledby="preview-heading" aria-busy={pending}>
      <h2 id="preview-heading">Final settings</h2>
      {error && <p className="error">{error}</p>}
      {preview && (
        <dl data-testid="settings-preview">
          {Object.entries(preview.finalSettings).map(([name, value]) => (
            <div key={name} className="preview-row" data-setting={name}>
              <dt>{name}</dt>
              <dd>{name === 'colorPalette' ? <PaletteSwatches palette={value} /> : formatSetting(value)}</dd>
            </div>
          ))}
          {preview.customPromptAddition && (
            <div className="preview-row" data-setting="customPromptAddition">
              <dt>customPromptAddition</dt>
              <dd>{preview.customPromptAddition}</dd>
            </div>
          )}
        </dl>
      )}
      {preview && (
        <p className="field-help">
          Overridden: {Object.keys(preview.userOverrides ?? {}).join(', ') || 'nothing (the job type defaults)'}
        </p>
      )}
    </section>
  );
}

export function formatSetting(value) {
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.join(', ');
  }
  if (value && typeof value === 'object') {
    if (value.name) {
      return value.name;
    }
    return (value.members ?? []).map((member) => (typeof member === 'string' ? member : member.color)).join(', ');
  }
  return String(value);
}
