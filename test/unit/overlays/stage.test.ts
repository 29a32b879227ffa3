import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../main/engine/show';
import { outputOptions } from '../../../overlays/stage';

/** The output page's URL options: what a browser source or the output window asks for. */

describe('outputOptions: layers', () => {
  it('keeps the layers asked for, in stage order', () => {
    expect(outputOptions('?layers=lower-third,bug').layers).toEqual(['lower-third', 'bug']);
    expect(outputOptions('?layers=bug,fullscreen').layers).toEqual(['fullscreen', 'bug']);
  });

  it('ignores unknown names and stray spaces', () => {
    expect(outputOptions('?layers=lower-third,weather,BUG').layers).toEqual(['lower-third']);
    expect(outputOptions('?layers=%20ticker%20,,bug').layers).toEqual(['ticker', 'bug']);
  });

  it('gives every layer when none is asked for', () => {
    expect(outputOptions('').layers).toEqual([...LAYERS]);
    expect(outputOptions('?layers=').layers).toEqual([...LAYERS]);
    expect(LAYERS.length).toBe(4);
  });

  it('does not hand out the shared LAYERS array', () => {
    const { layers } = outputOptions('');
    expect(layers).not.toBe(LAYERS);
  });
});

describe('outputOptions: key colour', () => {
  it.each([
    ['?key=00ff00', '#00ff00'],
    ['?key=%2300ff00', '#00ff00'],
    ['?key=#00ff00', '#00ff00'],
    ['?key=FF00aa', '#FF00aa'],
  ])('%s gives %s', (search, key) => {
    expect(outputOptions(search).key).toBe(key);
  });

  it.each(['?key=green', '?key=00ff0', '?key=00ff000', '?key=%23%2300ff00', '?key=00gg00', '?key=00ff00;background:url(x)', '?key=', ''])(
    '%j gives no key (transparent)',
    (search) => {
      expect(outputOptions(search).key).toBeNull();
    },
  );
});

describe('outputOptions: safe area', () => {
  it('is on only for safe=1', () => {
    expect(outputOptions('?safe=1').safeArea).toBe(true);
    expect(outputOptions('?layers=bug&safe=1&key=000000')).toEqual({ layers: ['bug'], key: '#000000', signal: 'program', safeArea: true, problems: [] });
    for (const search of ['', '?safe=0', '?safe=true', '?safe=yes']) expect(outputOptions(search).safeArea, search).toBe(false);
  });
});

describe('outputOptions: key and fill', () => {
  it('reads signal=fill and signal=key; the program otherwise', () => {
    expect(outputOptions('?signal=fill').signal).toBe('fill');
    expect(outputOptions('?signal=key&layers=bug').signal).toBe('key');
    expect(outputOptions('').signal).toBe('program');
    expect(outputOptions('').problems).toEqual([]);
  });

  it('shows the program for an unknown signal, and says which parameter was wrong', () => {
    const options = outputOptions('?signal=keyy');
    expect(options.signal).toBe('program');
    expect(options.problems).toEqual(['signal=keyy: must be program, fill, key; showing the program']);
  });

  it('drops a key colour on a key or fill, which are on black, and says so', () => {
    const options = outputOptions('?signal=key&key=00ff00');
    expect(options.key).toBeNull();
    expect(options.problems).toEqual(['key=00ff00: ignored on signal=key, which is on black']);
  });

  it('says when a key colour is not one', () => {
    expect(outputOptions('?key=green').problems).toEqual(['key=green: must be a colour as six hex digits, such as 00ff00; showing transparency']);
  });
});
