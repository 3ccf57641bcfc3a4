import PaletteSwatches from '../PaletteSwatches.jsx';
import FieldFrame from './FieldFrame.jsx';

const NewMemberColour = '#888888';

/** A palette: a named preset, or members each with a colour picker; members can be added and removed. */
export default function ColorPaletteField({ id, field, value, errors, onChange }) {
  const palette = value ?? { members: [] };
  const presets = field.options ?? [];
  const members = palette.members ?? [];

  function setMember(index, colour) {
    onChange({ members: members.map((member, i) => (i === index ? colour : member)) });
  }

  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors} asGroup>
      {({ describedBy }) => (
        <div className="palette" aria-describedby={describedBy}>
          <PaletteSwatches palette={palette} label={`${field.label}: chosen colours`} />
          {presets.length > 0 && (
            <div className="palette-preset">
              <label htmlFor={`${id}-preset`}>Preset palette</label>
              <select
                id={`${id}-preset`}
                value={palette.name ?? ''}
                onChange={(event) => onChange(event.target.value ? { name: event.target.value } : { members: [] })}
              >
                <option value="">Custom colours</option>
                {presets.map((preset) => (
                  <option key={preset} value={preset}>
                    {preset}
                  </option>
                ))}
              </select>
            </div>
          )}
          {!palette.name && (
            <>
              <ul className="palette-members">
                {members.map((member, index) => (
                  <li key={index}>
                    <label htmlFor={`${id}-member-${index}`}>{`Colour ${index + 1}`}</label>
                    <input
                      id={`${id}-member-${index}`}
                      type="color"
                      value={member}
                      onChange={(event) => setMember(index, event.target.value.toUpperCase())}
                    />
                    <code>{member}</code>
                    <button
                      type="button"
                      aria-label={`Remove colour ${index + 1}`}
                      onClick={() => onChange({ members: members.filter((_, i) => i !== index) })}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => onChange({ members: [...members, NewMemberColour] })}>
                Add colour
              </button>
            </>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
