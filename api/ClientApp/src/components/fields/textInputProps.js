/**
 * The attributes a schema field's text-like control (input or textarea) always carries: its name,
 * value, placeholder, required flag and the accessibility links to its help and errors.
 */
export function textInputProps({ id, field, value, errors, describedBy }) {
  return {
    id,
    name: field.name,
    value: value ?? '',
    placeholder: field.placeholder ?? undefined,
    required: field.required ?? false,
    'aria-invalid': errors.length > 0,
    'aria-describedby': describedBy,
  };
}
