import { clamp } from '../../settings/uiSchemaValues.js';
import FieldFrame from './FieldFrame.jsx';

export default function NumberField({ id, field, value, errors, onChange }) {
  function change(text) {
    if (text === '') {
      onChange('');
      return;
    }
    const number = Number(text);
    if (!Number.isNaN(number)) {
      onChange(clamp(number, field.min ?? undefined, field.max ?? undefined));
    }
  }

  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <input
          id={id}
          name={field.name}
          type="number"
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          value={value ?? ''}
          placeholder={field.placeholder ?? undefined}
          required={field.required ?? false}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy}
          onChange={(event) => change(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
