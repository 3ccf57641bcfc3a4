import FieldFrame from './FieldFrame.jsx';
import { textInputProps } from './textInputProps.js';

export default function TextField({ id, field, value, errors, onChange }) {
  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <input
          {...textInputProps({ id, field, value, errors, describedBy })}
          type="text"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
