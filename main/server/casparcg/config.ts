import { z } from 'zod';
import { LAYERS, layerSchema, type Layer } from '../../engine/show';
import { describeIssues } from '../../engine/errors';

/** AMCP's own default port (casparcg.config <controllers><tcp><port>). */
export const DEFAULT_AMCP_PORT = 5250;

/** CasparCG layers per Strapline layer on a templates output (n, n+1, n+2): on air, preloaded, and one still playing its out. */
export const TEMPLATE_SLOTS = 3;

/**
 * Where each Strapline layer plays on a CasparCG channel unless the output says
 * otherwise: apart by 10, so a templates output's slots (base to base + 2: on
 * air, the preload beside it, an out still playing) never meet the next layer.
 */
export const DEFAULT_CASPARCG_LAYERS: Readonly<Record<Layer, number>> = { fullscreen: 10, 'lower-third': 20, ticker: 30, bug: 40 };

const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_[\]-]+$/, 'a host name or address, with no spaces or quotes');
const portSchema = z.number().int().min(1).max(65535);

export const casparcgServerSchema = z.strictObject({ host: hostSchema, port: portSchema.default(DEFAULT_AMCP_PORT) });
export type CasparcgServer = z.infer<typeof casparcgServerSchema>;

/** A CasparCG template the server already has, named for a Strapline template: its cues' view is its data. */
const templateNameSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^"\\\r\n]+$/, 'a template path without quotes, backslashes or line breaks'),
  dataFormat: z.enum(['json', 'xml']).default('json'),
});

export const casparcgOutputSchema = z.strictObject({
  /** The name the console shows; unique among the outputs. */
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only'),
  main: casparcgServerSchema,
  /** A second server that receives exactly the same commands (main and backup). */
  backup: casparcgServerSchema.optional(),
  channel: z.number().int().min(1).max(64),
  /**
   * strapline: each mapped layer plays Strapline's own /output?layers=<layer> page in the HTML producer.
   * templates: CasparCG templates played natively (CG ADD at cue time, CG PLAY at the take).
   */
  mode: z.enum(['strapline', 'templates']),
  /** The CasparCG layer of each Strapline layer; a layer left out is not played on this output. */
  layers: z.partialRecord(layerSchema, z.number().int().min(1).max(9998)).default(DEFAULT_CASPARCG_LAYERS),
  /** templates mode: Strapline template id to the template on the server (outside casparcg templates map by their path). */
  templates: z.record(z.string().min(1).max(64), templateNameSchema).default({}),
  /** strapline mode: the base URL the CasparCG machine reaches Strapline on, when not the server's own address. */
  pageBase: z.url().optional(),
  /** templates mode: how long an out animates before CG REMOVE, and how long a re-assert stays hidden while it steps. */
  outMs: z.number().int().min(0).max(10_000).default(1000),
  settleMs: z.number().int().min(0).max(10_000).default(1000),
});
export type CasparcgOutputConfig = z.infer<typeof casparcgOutputSchema>;

export const casparcgOutputsSchema = z
  .array(casparcgOutputSchema)
  .max(16)
  .superRefine((outputs, ctx) => {
    const seen = new Set<string>();
    outputs.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `output id "${o.id}" is used twice` });
      seen.add(o.id);
      const used = new Map<number, Layer>();
      for (const layer of LAYERS) {
        const n = o.layers[layer];
        if (n === undefined) continue;
        // A templates output uses TEMPLATE_SLOTS CasparCG layers per Strapline layer, from n up.
        for (let taken = n; taken < n + (o.mode === 'templates' ? TEMPLATE_SLOTS : 1); taken++) {
          const other = used.get(taken);
          if (other) ctx.addIssue({ code: 'custom', path: [i, 'layers', layer], message: `CasparCG layer ${taken} is already ${other}'s` });
          used.set(taken, layer);
        }
      }
    });
  });

/** Validates outputs from anywhere (the API, the command line); a refusal names the field. */
export function parseCasparcgOutputs(raw: unknown, where: string): { outputs: CasparcgOutputConfig[] } | { error: string } {
  const parsed = casparcgOutputsSchema.safeParse(raw);
  return parsed.success ? { outputs: parsed.data } : { error: `${where}: ${describeIssues(parsed.error.issues)}` };
}

/**
 * `--casparcg host:port/channel`, with options as a query:
 * `10.0.0.5:5250/1?mode=templates&backup=10.0.0.6:5250&id=studio-a`. Mode defaults to strapline.
 */
export function parseCasparcgSpec(spec: string, index: number): { output: CasparcgOutputConfig } | { error: string } {
  const where = `--casparcg "${spec}"`;
  const m = /^([^/?]+?)(?::(\d+))?\/(\d+)(?:\?(.*))?$/.exec(spec.trim());
  if (!m) return { error: `${where}: expected host:port/channel, e.g. 127.0.0.1:5250/1` };
  const query = new URLSearchParams(m[4] ?? '');
  for (const key of query.keys()) if (!['mode', 'backup', 'id'].includes(key)) return { error: `${where}: unknown option "${key}" (mode, backup, id)` };
  const server = (hostPort: string) => {
    const hp = /^(.+?)(?::(\d+))?$/.exec(hostPort)!;
    return { host: hp[1]!, port: hp[2] === undefined ? DEFAULT_AMCP_PORT : Number(hp[2]) };
  };
  const backup = query.get('backup');
  const raw = {
    id: query.get('id') ?? `casparcg-${index + 1}`,
    main: { host: m[1]!, port: m[2] === undefined ? DEFAULT_AMCP_PORT : Number(m[2]) },
    ...(backup === null ? {} : { backup: server(backup) }),
    channel: Number(m[3]),
    mode: query.get('mode') ?? 'strapline',
  };
  const parsed = parseCasparcgOutputs([raw], where);
  return 'error' in parsed ? parsed : { output: parsed.outputs[0]! };
}
