import { clamp } from '../../settings/uiSchemaValues.js';
import FieldFrame from './FieldFrame.jsx';
import { textInputProps } from './textInputProps.js';

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
          {...textInputProps({ id, field, value, errors, describedBy })}
          type="number"
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          onChange={(event) => change(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
