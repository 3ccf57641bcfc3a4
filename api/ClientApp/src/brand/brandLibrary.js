/** The brand library's collections, and how a run or a job type's defaults name an entry (brand:<id>). */
export const BrandCollections = {
  palettes: '/api/brand/palettes',
  styleCodes: '/api/brand/style-codes',
  styleReferences: '/api/brand/style-references',
};

/** The overrides that make a run use the chosen entries; an entry not chosen leaves its setting alone. */
export function brandOverrides({ paletteId, styleCodesId, styleReferenceId }) {
  const overrides = {};
  if (paletteId) {
    overrides.colorPalette = { name: `brand:${paletteId}` };
  }
  if (styleCodesId) {
    overrides.styleCodes = [`brand:${styleCodesId}`];
  }
  if (styleReferenceId) {
    overrides.styleReferenceImages = [`brand:${styleReferenceId}`];
  }
  return overrides;
}

/** "#1B365D, #FFF" or "#1B365D #FFF" → ["#1B365D", "#FFF"]. */
export function splitList(text) {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The colours of a palette entry as swatch hex strings (a preset has none). */
export function paletteColours(palette) {
  return (palette?.members ?? []).map((member) => (typeof member === 'string' ? member : member.color));
}
