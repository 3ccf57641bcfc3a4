import { describe, expect, it } from 'vitest';
import { NewJobType, draftFrom, draftOf, editorStateFrom } from './jobTypeDraft.js';

// A job type as GET /api/jobs/configurations/{id} returns it, with settings and field properties the editor shows no control for.
const stored = {
  configId: 7,
  accountId: 'acct-1',
  jobTypeName: 'social_media',
  displayName: 'Social Media Content',
  description: 'Generate social media graphics',
  isActive: true,
  executionOrder: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  defaultSettings: {
    styleType: 'DESIGN',
    aspectRatio: '1:1',
    magicPrompt: 'AUTO',
    renderingSpeed: 'FAST',
    numImages: 3,
    styleCodes: [],
    seed: 12345,
    resolution: '1024x1024',
    stylePreset: 'BRIGHT_ART',
    colorPalette: { members: [{ color: '#1B365D', weight: 0.7 }, '#FFFFFF'] },
    negativePrompt: 'text, watermark, copyright',
  },
  uiSchema: {
    fields: [
      { name: 'prompt', type: 'textarea', label: 'Image Description', required: true, placeholder: 'Describe it...' },
      { name: 'numImages', type: 'slider', label: 'Number of Images', min: 1, max: 4, default: 3, helpText: 'More images cost more.' },
      { name: 'styleCodes', type: 'style-codes', label: 'Style Codes', default: [] },
      { name: 'seed', type: 'number', label: 'Seed', min: 0, max: 2147483647, group: 'advanced' },
    ],
  },
};

describe('job type draft', () => {
  it('saves an untouched job type exactly as it was loaded', () => {
    expect(draftFrom(editorStateFrom(stored))).toEqual(draftOf(stored));
  });

  it('changes only the description when only the description was edited', () => {
    const state = editorStateFrom(stored);

    const draft = draftFrom({ ...state, description: 'Square posts for every network' });

    expect(draft).toEqual({ ...draftOf(stored), description: 'Square posts for every network' });
    expect(draft.defaultSettings.seed).toBe(12345);
    expect(draft.defaultSettings.resolution).toBe('1024x1024');
    expect(draft.defaultSettings.stylePreset).toBe('BRIGHT_ART');
    expect(draft.defaultSettings.styleCodes).toEqual([]);
  });

  it('replaces an edited default setting and keeps every other one, weighted palette members included', () => {
    const state = editorStateFrom(stored);

    const draft = draftFrom({ ...state, defaults: { ...state.defaults, numImages: 2 } });

    expect(draft.defaultSettings).toEqual({ ...stored.defaultSettings, numImages: 2 });
  });

  it('drops a default setting the admin cleared', () => {
    const state = editorStateFrom(stored);

    const draft = draftFrom({ ...state, defaults: { ...state.defaults, negativePrompt: '' } });

    expect(draft.defaultSettings).not.toHaveProperty('negativePrompt');
    expect(draft.defaultSettings.seed).toBe(12345);
  });

  it('keeps an emptied style-code list as an empty list', () => {
    const withCodes = { ...stored, defaultSettings: { ...stored.defaultSettings, styleCodes: ['1A2B3C4D'] } };
    const state = editorStateFrom(withCodes);

    const draft = draftFrom({ ...state, defaults: { ...state.defaults, styleCodes: [] } });

    expect(draft.defaultSettings.styleCodes).toEqual([]);
  });

  it('keeps form-field properties the builder has no control for when a field is edited', () => {
    const state = editorStateFrom(stored);
    const fields = state.fields.map((row) => (row.name === 'numImages' ? { ...row, label: 'Images' } : row));

    const draft = draftFrom({ ...state, fields });

    expect(draft.uiSchema.fields[1]).toEqual({ ...stored.uiSchema.fields[1], label: 'Images' });
    expect(draft.uiSchema.fields[3]).toEqual(stored.uiSchema.fields[3]);
  });

  it('removes a form-field property the admin cleared', () => {
    const state = editorStateFrom(stored);
    const fields = state.fields.map((row) => (row.name === 'seed' ? { ...row, max: '', group: '' } : row));

    const draft = draftFrom({ ...state, fields });

    expect(draft.uiSchema.fields[3]).toEqual({ name: 'seed', type: 'number', label: 'Seed', min: 0 });
  });

  it('builds a new job type from the form alone', () => {
    const state = editorStateFrom(NewJobType);

    const draft = draftFrom({ ...state, jobTypeName: ' posters ', displayName: 'Posters' });

    const { description: _description, ...rest } = NewJobType;
    expect(draft).toEqual({ ...rest, jobTypeName: 'posters', displayName: 'Posters' });
    expect(draft).not.toHaveProperty('description');
  });
});
