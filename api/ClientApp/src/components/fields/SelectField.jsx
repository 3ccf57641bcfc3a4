import FieldFrame from './FieldFrame.jsx';

export default function SelectField({ id, field, value, errors, onChange }) {
  const options = field.options ?? [];
  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <select
          id={id}
          name={field.name}
          value={value ?? ''}
          required={field.required ?? false}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {!options.includes(value) && <option value={value ?? ''}>{value || '(default)'}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
