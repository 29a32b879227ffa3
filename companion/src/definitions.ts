import {
  combineRgb,
  type CompanionActionDefinitions,
  type CompanionFeedbackDefinitions,
  type CompanionPresetDefinitions,
  type DropdownChoice,
} from '@companion-module/base';
import { parsePayload, type ButtonAction } from './commands.js';
import { cueInPreview, cueOnAir, layerOccupied, onAirText, type StraplineView } from './view.js';
import { LAYERS, layerSchema, type Layer, type ShowSummary } from './wire.js';

// Companion's definitions of the module's actions, feedbacks and presets. Each callback reads its options through
// a check and hands the meaning to the pure functions (commands.ts, view.ts).

const RED = combineRgb(204, 0, 0);
const GREEN = combineRgb(0, 153, 51);
const WHITE = combineRgb(255, 255, 255);
const BLACK = combineRgb(0, 0, 0);

const layerChoices: DropdownChoice[] = LAYERS.map((layer) => ({ id: layer, label: layer }));
const layerOption = { type: 'dropdown', id: 'layer', label: 'Layer', default: 'lower-third', choices: layerChoices } as const;

function cueChoices(show: ShowSummary | null): DropdownChoice[] {
  return (show?.stacks ?? []).flatMap((stack) => stack.cues.map((cue) => ({ id: cue.id, label: `${stack.name}: ${cue.title}` })));
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
function layerOf(value: unknown): Layer {
  const parsed = layerSchema.safeParse(value);
  if (!parsed.success) throw new Error(`the layer option "${String(value)}" is not one of ${LAYERS.join(', ')}`);
  return parsed.data;
}

export interface DefinitionHost {
  view: () => StraplineView;
  /** Sends an action's commands; rejects with the reason a command was refused. */
  run: (action: ButtonAction) => Promise<void>;
}

export function actionDefinitions(host: DefinitionHost): CompanionActionDefinitions {
  const cue = (id: string) => ({ type: 'dropdown', id, label: 'Cue', default: '', allowCustom: true, choices: cueChoices(host.view().show) }) as const;
  return {
    take: {
      name: 'Take (the preview, or a named cue)',
      options: [{ ...cue('cueId'), label: 'Cue (empty: whatever is in preview)' }],
      callback: (event) => host.run({ kind: 'take', cueId: text(event.options.cueId) || null }),
    },
    cue: { name: 'Cue (load into preview)', options: [cue('cueId')], callback: (event) => host.run({ kind: 'cue', cueId: text(event.options.cueId) }) },
    cue_position: {
      name: 'Cue by stack and position',
      options: [
        { type: 'textinput', id: 'stack', label: 'Stack (name or id)', default: '' },
        { type: 'number', id: 'position', label: 'Position (1 is the first cue)', default: 1, min: 1, max: 10_000 },
      ],
      callback: (event) => host.run({ kind: 'cue-position', stack: text(event.options.stack), position: Number(event.options.position) }),
    },
    next: { name: 'Next step', options: [layerOption], callback: (event) => host.run({ kind: 'next', layer: layerOf(event.options.layer) }) },
    update: {
      name: 'Update (send the new figures)',
      options: [layerOption],
      callback: (event) => host.run({ kind: 'update', layer: layerOf(event.options.layer) }),
    },
    out: { name: 'Out (one layer)', options: [layerOption], callback: (event) => host.run({ kind: 'out', layer: layerOf(event.options.layer) }) },
    clear_all: { name: 'Clear all', options: [], callback: () => host.run({ kind: 'clear-all' }) },
    custom_action: {
      name: 'OGraf custom action',
      options: [
        layerOption,
        { type: 'textinput', id: 'action', label: 'Action id (as the graphic declares it)', default: '' },
        { type: 'textinput', id: 'payload', label: 'Payload (JSON, may be empty)', default: '' },
      ],
      callback: (event) => {
        const payload = parsePayload(text(event.options.payload));
        if (!payload.ok) throw new Error(payload.error);
        return host.run({ kind: 'custom-action', layer: layerOf(event.options.layer), action: text(event.options.action), payload: payload.payload });
      },
    },
    accept_correction: { name: 'Accept the next correction', options: [], callback: () => host.run({ kind: 'accept-correction' }) },
  };
}

export function feedbackDefinitions(host: DefinitionHost): CompanionFeedbackDefinitions {
  const cueOption = { type: 'dropdown', id: 'cueId', label: 'Cue', default: '', allowCustom: true, choices: cueChoices(host.view().show) } as const;
  return {
    cue_on_air: {
      type: 'boolean',
      name: 'Cue is on air',
      defaultStyle: { bgcolor: RED, color: WHITE },
      options: [cueOption],
      callback: (feedback) => cueOnAir(host.view(), text(feedback.options.cueId)),
    },
    cue_in_preview: {
      type: 'boolean',
      name: 'Cue is in preview',
      defaultStyle: { bgcolor: GREEN, color: WHITE },
      options: [cueOption],
      callback: (feedback) => cueInPreview(host.view(), text(feedback.options.cueId)),
    },
    layer_occupied: {
      type: 'boolean',
      name: 'Layer has a graphic on air',
      defaultStyle: { bgcolor: RED, color: WHITE },
      options: [layerOption],
      callback: (feedback) => layerOccupied(host.view(), layerOf(feedback.options.layer)),
    },
    on_air_text: {
      type: 'advanced',
      name: 'On air title and step (as the button text)',
      options: [layerOption],
      callback: (feedback) => ({ text: onAirText(host.view(), layerOf(feedback.options.layer)) }),
    },
  };
}

const button = (category: string, name: string, label: string, down: { actionId: string; options: Record<string, string | number> }[]) => ({
  type: 'button' as const,
  category,
  name,
  style: { text: label, size: 'auto' as const, color: WHITE, bgcolor: BLACK },
  steps: [{ down, up: [] }],
  feedbacks: [] as { feedbackId: string; options: Record<string, string>; style?: { bgcolor: number; color: number } }[],
});

/** A page for each stack of the show (a button per cue: press to take it, lit in preview and on air), and the controls. */
export function presetDefinitions(show: ShowSummary | null): CompanionPresetDefinitions {
  const presets: CompanionPresetDefinitions = {};
  for (const stack of show?.stacks ?? []) {
    for (const cue of stack.cues) {
      const preset = button(`Stack: ${stack.name}`, cue.title, cue.title, [{ actionId: 'take', options: { cueId: cue.id } }]);
      preset.feedbacks.push(
        { feedbackId: 'cue_in_preview', options: { cueId: cue.id }, style: { bgcolor: GREEN, color: WHITE } },
        { feedbackId: 'cue_on_air', options: { cueId: cue.id }, style: { bgcolor: RED, color: WHITE } },
      );
      presets[`cue_${stack.id}_${cue.id}`] = preset;
    }
  }
  presets.take_preview = button('Controls', 'Take the preview', 'TAKE', [{ actionId: 'take', options: { cueId: '' } }]);
  presets.clear_all = button('Controls', 'Clear all', 'CLEAR\nALL', [{ actionId: 'clear_all', options: {} }]);
  presets.accept_correction = button('Controls', 'Accept the next correction', 'ACCEPT\nCORR.', [{ actionId: 'accept_correction', options: {} }]);
  for (const layer of LAYERS) {
    const onAirButton = button('Layers', `On air: ${layer}`, layer.toUpperCase(), [{ actionId: 'next', options: { layer } }]);
    onAirButton.feedbacks.push(
      { feedbackId: 'on_air_text', options: { layer } },
      { feedbackId: 'layer_occupied', options: { layer }, style: { bgcolor: RED, color: WHITE } },
    );
    presets[`next_${layer}`] = onAirButton;
    presets[`out_${layer}`] = button('Layers', `Out: ${layer}`, `OUT\n${layer.toUpperCase()}`, [{ actionId: 'out', options: { layer } }]);
  }
  return presets;
}
