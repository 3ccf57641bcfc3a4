// The Ideogram V3 values a job type's defaults may take (README: "Settings").
export const StyleTypes = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'FICTION'];
export const AspectRatios = ['1:1', '1:3', '3:1', '1:2', '2:1', '9:16', '16:9', '10:16', '16:10', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4'];
export const MagicPromptModes = ['AUTO', 'ON', 'OFF'];
export const RenderingSpeeds = ['FLASH', 'TURBO', 'DEFAULT', 'QUALITY'];
export const PalettePresets = ['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE'];
export const UiFieldTypes = ['textarea', 'text', 'select', 'slider', 'number', 'checkbox', 'color-palette', 'style-codes'];
export const OverridableNames = [
  'prompt',
  'customPromptAddition',
  'styleType',
  'aspectRatio',
  'magicPrompt',
  'renderingSpeed',
  'numImages',
  'colorPalette',
  'negativePrompt',
  'styleCodes',
  'seed',
];

/** The default-settings part of the job type editor, described as a form like any other. */
export const DefaultSettingsFields = [
  { name: 'styleType', type: 'select', label: 'Style type', options: StyleTypes },
  { name: 'aspectRatio', type: 'select', label: 'Aspect ratio', options: AspectRatios },
  { name: 'magicPrompt', type: 'select', label: 'Magic prompt', options: MagicPromptModes },
  { name: 'renderingSpeed', type: 'select', label: 'Rendering speed', options: RenderingSpeeds },
  { name: 'numImages', type: 'number', label: 'Number of images', min: 1, max: 8 },
  { name: 'colorPalette', type: 'color-palette', label: 'Colour palette', options: PalettePresets },
  { name: 'negativePrompt', type: 'text', label: 'Negative prompt' },
  { name: 'styleCodes', type: 'style-codes', label: 'Style codes' },
];
