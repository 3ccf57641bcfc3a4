import FieldFrame from './FieldFrame.jsx';
import { textInputProps } from './textInputProps.js';

export default function TextareaField({ id, field, value, errors, onChange }) {
  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <textarea
          {...textInputProps({ id, field, value, errors, describedBy })}
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
