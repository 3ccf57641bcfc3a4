// Converts between a job type as the API returns it and the editor's form state, and back to the draft the API takes.
import { DefaultSettingsFields } from './v3Options.js';
import { defaultValues } from './uiSchemaValues.js';

export const NewJobType = {
  jobTypeName: '',
  displayName: '',
  description: '',
  isActive: true,
  executionOrder: 100,
  defaultSettings: { styleType: 'AUTO', aspectRatio: '1:1', magicPrompt: 'AUTO', renderingSpeed: 'DEFAULT', numImages: 1 },
  uiSchema: {
    fields: [
      { name: 'prompt', type: 'textarea', label: 'Image Description', required: true },
      { name: 'numImages', type: 'slider', label: 'Number of Images', min: 1, max: 4, default: 1 },
    ],
  },
};

// A save changes only what was edited: the editor keeps the job type it started from, and every setting,
// form-field property or draft member the form does not show (or that was left untouched) goes back as it came.
export function editorStateFrom(jobType) {
  const defaults = defaultValues(DefaultSettingsFields, jobType.defaultSettings);
  return {
    original: jobType,
    jobTypeName: jobType.jobTypeName,
    displayName: jobType.displayName,
    description: jobType.description ?? '',
    isActive: jobType.isActive,
    executionOrder: jobType.executionOrder,
    initialDefaults: defaults,
    defaults,
    fields: (jobType.uiSchema?.fields ?? []).map(builderRowFrom),
  };
}

/** A form-field row of the schema builder; `source` is the field it came from (absent for a new row). */
export function builderRowFrom(field) {
  return {
    source: field,
    name: field.name,
    type: field.type,
    label: field.label,
    required: field.required ?? false,
    placeholder: field.placeholder ?? '',
    options: (field.options ?? []).join(', '),
    min: field.min ?? '',
    max: field.max ?? '',
    default: field.default === undefined ? '' : typeof field.default === 'string' ? field.default : JSON.stringify(field.default),
    group: field.group ?? '',
  };
}

export function draftFrom(state) {
  const original = state.original ?? {};
  const description = (state.description === (original.description ?? '') ? original.description : state.description.trim()) || undefined;
  const draft = {
    ...draftOf(original),
    jobTypeName: state.jobTypeName.trim(),
    displayName: state.displayName.trim(),
    description,
    isActive: state.isActive,
    executionOrder: Number(state.executionOrder),
    defaultSettings: settingsFrom(original.defaultSettings ?? {}, state.initialDefaults ?? {}, state.defaults),
    uiSchema: { ...(original.uiSchema ?? {}), fields: state.fields.map(uiFieldFrom) },
  };
  if (draft.description === undefined) {
    delete draft.description;
  }
  return draft;
}

/** A job type as the API returns it, as a draft again (the API refuses members it does not know). */
export function draftOf(jobType) {
  const { configId: _configId, accountId: _accountId, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = jobType;
  return draft;
}

/** The original settings with only the edited ones replaced: settings the form does not show pass through. */
function settingsFrom(original, initial, edited) {
  const settings = { ...original };
  for (const [name, value] of Object.entries(edited)) {
    if (same(value, initial[name])) {
      continue;
    }
    if (isEmpty(name, value)) {
      delete settings[name];
      continue;
    }
    settings[name] = value;
  }
  return settings;
}

function isEmpty(name, value) {
  if (value === '' || value === undefined) {
    return true;
  }
  if (name === 'colorPalette') {
    return !value.name && (value.members ?? []).length === 0;
  }
  // Emptied style codes stay an empty list: "no style codes" is a setting of its own (the seeded types carry it).
  return false;
}

/** A row back as a UI field: a property left as it came keeps its original value, and properties the builder does not know pass through. */
function uiFieldFrom(row) {
  const source = row.source ?? {};
  const before = row.source ? builderRowFrom(row.source) : null;
  const edited = builtField(row);
  const field = { ...source };
  for (const key of ['name', 'type', 'label', 'required', 'placeholder', 'options', 'min', 'max', 'default', 'group']) {
    if (before && same(row[key], before[key])) {
      continue;
    }
    if (edited[key] === undefined) {
      delete field[key];
    } else {
      field[key] = edited[key];
    }
  }
  return field;
}

function builtField(row) {
  const field = { name: row.name, type: row.type, label: row.label };
  if (row.required) {
    field.required = true;
  }
  if (row.placeholder) {
    field.placeholder = row.placeholder;
  }
  const options = row.options.split(',').map((option) => option.trim()).filter(Boolean);
  if (options.length > 0) {
    field.options = options;
  }
  if (row.min !== '') {
    field.min = Number(row.min);
  }
  if (row.max !== '') {
    field.max = Number(row.max);
  }
  if (row.default !== '') {
    field.default = parseDefault(row.type, row.default);
  }
  if (row.group.trim()) {
    field.group = row.group.trim();
  }
  return field;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function parseDefault(type, text) {
  if (['slider', 'number', 'checkbox', 'color-palette', 'style-codes'].includes(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
