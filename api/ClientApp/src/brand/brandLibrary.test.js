import { describe, expect, it } from 'vitest';
import { brandOverrides, paletteColours, splitList } from './brandLibrary.js';

describe('brandOverrides', () => {
  it('names each chosen entry in the setting it stands for', () => {
    expect(brandOverrides({ paletteId: 4, styleCodesId: 7, styleReferenceId: 9 })).toEqual({
      colorPalette: { name: 'brand:4' },
      styleCodes: ['brand:7'],
      styleReferenceImages: ['brand:9'],
    });
  });

  it('leaves settings alone when nothing is chosen', () => {
    expect(brandOverrides({ paletteId: '', styleCodesId: '', styleReferenceId: '' })).toEqual({});
  });
});

describe('splitList', () => {
  it('splits on commas and spaces and drops blanks', () => {
    expect(splitList(' #1B365D, #FFF  #000,')).toEqual(['#1B365D', '#FFF', '#000']);
  });
});

describe('paletteColours', () => {
  it('reads bare and weighted members and gives a preset no swatches', () => {
    expect(paletteColours({ members: ['#111111', { color: '#222222', weight: 0.5 }] })).toEqual(['#111111', '#222222']);
    expect(paletteColours({ name: 'PASTEL' })).toEqual([]);
  });
});
