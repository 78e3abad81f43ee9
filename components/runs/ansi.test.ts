import { describe, expect, it } from 'vitest';
import { ansiPlain, ansiSegments, paletteRgb } from './ansi';

describe('ansiSegments', () => {
  it('keeps plain lines whole', () => {
    expect(ansiSegments('epoch 1/3 <b>&')).toEqual([{ text: 'epoch 1/3 <b>&', className: '' }]);
  });

  it('maps named colours and decorations to classes and resets after SGR 0', () => {
    const segments = ansiSegments('\u001b[1;31mERROR\u001b[0m disk full');
    expect(segments.map(({ text, className }) => [text, className])).toEqual([
      ['ERROR', 'text-red-400 font-bold'],
      [' disk full', ''],
    ]);
  });

  it('turns 256-colour and true-colour codes into rgb styles', () => {
    const [palette, truecolor] = ansiSegments('\u001b[38;5;208mo\u001b[48;2;10;20;30mx');
    expect(palette!.color).toBe(paletteRgb(208));
    expect(paletteRgb(208)).toBe('rgb(255, 135, 0)');
    expect(truecolor!.background).toBe('rgb(10, 20, 30)');
  });

  it('strips codes for search', () => {
    expect(ansiPlain('\u001b[32mok\u001b[0m done')).toBe('ok done');
  });
});
