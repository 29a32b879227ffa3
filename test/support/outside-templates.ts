import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Our own conformance templates for the three outside contracts, written into
 * a temporary templates folder by the tests (none copied from anyone): each
 * varies what real ones vary (schema or none, steps, custom actions, vendor
 * keys, SPX out modes and f99, GDD inline or by src), plus broken ones.
 */
export async function writeTemplate(dir: string, rel: string, text: string): Promise<string> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

export const OGRAF_L3RD = JSON.stringify(
  {
    $schema: 'https://ograf.ebu.io/v1/specification/json-schemas/graphics/schema.json',
    id: 'test-l3rd',
    name: 'Test lower third',
    main: 'graphic.mjs',
    version: '1',
    supportsRealTime: true,
    supportsNonRealTime: false,
    stepCount: -1,
    schema: {
      type: 'object',
      properties: { name: { type: 'string', gddType: 'single-line', maxLength: 40, default: 'Name' }, votes: { type: 'integer', minimum: 0 } },
      required: ['name'],
    },
    customActions: [{ id: 'highlight', name: 'Highlight', schema: null }],
    v_strapline: { layer: 'bug' },
    v_vendorthing: { anything: true },
  },
  null,
  2,
);

export const OGRAF_BARE = JSON.stringify({ id: 'bare', name: 'Bare graphic', main: 'lib/bare.js', supportsRealTime: true });

export const OGRAF_MODULE =
  'export default class extends HTMLElement { async load() {} async dispose() {} async playAction() { return { currentStep: 1 }; } ' +
  'async stopAction() {} async updateAction() {} async customAction() {} }\n';

export function spxPage(definition: string): string {
  return `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <script src="js/spx_interface.js"></script>
  <script>
    window.SPXGCTemplateDefinition = ${definition};
  </script>
</head>
<body><div id="f0"></div></body>
</html>
`;
}

export const SPX_TWO_STEP = spxPage(`{
      "description": "Test SPX name strap",
      "playserver": "OVERLAY", "playchannel": "1", "playlayer": "7", "webplayout": "7",
      "out": "4000",
      "steps": "2",
      "dataformat": "json",
      "DataFields": [
        { "field": "f0", "ftype": "textfield", "title": "Name", "value": "Jane Doe" },
        { "field": "f1", "ftype": "dropdown", "title": "Side", "value": "left",
          "items": [{ "text": "Left", "value": "left" }, { "text": "Right", "value": "right" }] },
        { "field": "f2", "ftype": "checkbox", "title": "Show logo", "value": "0" },
        { "ftype": "divider" },
        { "field": "f99", "ftype": "filelist", "title": "Theme", "assetfolder": "./css/", "extension": "css", "value": "./css/default.css" }
      ]
    }`);

/** Keys unquoted, single quotes, a trailing comma: an object literal as people write them, not JSON. */
export const SPX_LITERAL = spxPage(`{
      description: 'Literal SPX', out: 'none', steps: 1,
      DataFields: [ { field: 'f0', ftype: 'textarea', title: 'Text', value: 'Hi' }, ],
    }`);

export const SPX_NO_STEPS = spxPage(
  `{ "description": "No steps given", "out": "manual", "DataFields": [{ "field": "f0", "ftype": "textfield", "title": "Line", "value": "" }] }`,
);

/** Built by code: not read (it would have to run). */
export const SPX_COMPUTED = spxPage(`makeDefinition({ "description": "Computed" })`);

export const CASPAR_INLINE = `<!DOCTYPE html>
<html>
<head>
  <title>Caspar inline GDD</title>
  <meta name="strapline-data-format" content="xml">
  <script name="graphics-data-definition" type="application/json+gdd">
    {
      "$schema": "https://superflytv.github.io/GraphicsDataDefinition/gdd-meta-schema/v1/schema.json",
      "type": "object",
      "properties": { "f0": { "type": "string", "gddType": "single-line", "default": "Headline" }, "f1": { "type": "string" } }
    }
  </script>
  <script>function update(s) {} function play() {} function next() {} function stop() {}</script>
</head>
<body></body>
</html>
`;

export const CASPAR_SRC =
  '<html><head><script name="graphics-data-definition" type="application/json+gdd" src="gdd.json"></script></head>' +
  '<body><script>function update(){} function play(){} function stop(){}</script></body></html>';
export const CASPAR_SRC_GDD = JSON.stringify({ type: 'object', properties: { title: { type: 'string', maxLength: 10 } }, required: ['title'] });

export const CASPAR_PLAIN = `<html><head><title>Plain caspar</title><script>
  // An ES module style the classic parser would not take: never parsed, as it names no SPX definition.
  const x = { a: 1 }; export default x;
</script></head><body><canvas></canvas></body></html>`;

/** A GDD whose JSON breaks on its third line (line 5 of the page). */
export const CASPAR_BAD_GDD = `<html>
<head>
<script name="graphics-data-definition" type="application/json+gdd">
{ "type": "object",
  "properties": { "f0": { "type": "string", } }
}
</script>
</head></html>`;
