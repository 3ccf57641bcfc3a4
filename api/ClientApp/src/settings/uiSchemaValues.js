// How a job type's UI schema maps to form values and back to the overrides the API takes.

/** The value each field starts with: its schema default, else the job type's default setting. */
export function defaultValues(fields, defaultSettings = {}) {
  const values = {};
  for (const field of fields) {
    const initial = field.default !== undefined ? field.default : defaultSettings?.[field.name];
    values[field.name] = normalize(field, initial);
  }
  return values;
}

function normalize(field, value) {
  if (field.type === 'color-palette') {
    return normalizePalette(value);
  }
  if (field.type === 'style-codes') {
    return Array.isArray(value) ? [...value] : [];
  }
  if (field.type === 'checkbox') {
    return value === true;
  }
  return value ?? '';
}

/** A palette as the form edits it: a named preset, or members as hex strings. */
export function normalizePalette(value) {
  if (value?.name) {
    return { name: value.name };
  }
  const members = (value?.members ?? []).map((member) => (typeof member === 'string' ? member : member.color));
  return { members };
}

/** The values the user changed from the defaults, without the prompt (which the request carries apart). */
export function overridesFrom(fields, values, defaults) {
  const overrides = {};
  for (const field of fields) {
    if (field.name === 'prompt') {
      continue;
    }
    const value = values[field.name];
    if (value === '' || value === undefined || JSON.stringify(value) === JSON.stringify(defaults[field.name])) {
      continue;
    }
    overrides[field.name] = value;
  }
  return overrides;
}

/** The server's messages for one field: errors keyed by the field's name, bare or as a path's last part. */
export function errorsFor(errors, name) {
  const messages = [];
  for (const [key, list] of Object.entries(errors ?? {})) {
    const last = key.split(/[.[\]]/).filter(Boolean).pop() ?? key;
    if (key.toLowerCase() === name.toLowerCase() || last.toLowerCase() === name.toLowerCase()) {
      messages.push(...list);
    }
  }
  return messages;
}

export function clamp(value, min, max) {
  let result = value;
  if (typeof min === 'number' && result < min) {
    result = min;
  }
  if (typeof max === 'number' && result > max) {
    result = max;
  }
  return result;
}
