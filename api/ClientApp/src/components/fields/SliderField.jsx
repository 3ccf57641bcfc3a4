import { clamp } from '../../settings/uiSchemaValues.js';
import FieldFrame from './FieldFrame.jsx';

export default function SliderField({ id, field, value, errors, onChange }) {
  const min = field.min ?? 0;
  const max = field.max ?? 100;
  const current = value === '' || value === undefined ? min : Number(value);
  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <div className="slider">
          <input
            id={id}
            name={field.name}
            type="range"
            min={min}
            max={max}
            step={1}
            value={current}
            aria-invalid={errors.length > 0}
            aria-describedby={describedBy}
            onChange={(event) => onChange(clamp(Number(event.target.value), min, max))}
          />
          <output htmlFor={id} data-testid={`${id}-value`} aria-live="polite">
            {current}
          </output>
        </div>
      )}
    </FieldFrame>
  );
}
