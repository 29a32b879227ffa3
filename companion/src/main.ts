import { InstanceBase, InstanceStatus, runEntrypoint, type SomeCompanionConfigField } from '@companion-module/base';
import { commandsFor, type ButtonAction } from './commands.js';
import { actionDefinitions, feedbackDefinitions, presetDefinitions, type DefinitionHost } from './definitions.js';
import { StraplineLink } from './link.js';
import {
  applyMessage,
  changedValues,
  EMPTY_VIEW,
  variableDefinitions,
  variableValues,
  withConnection,
  type ConnectionState,
  type StraplineView,
} from './view.js';
import type { StreamMessage } from './wire.js';

// The instance Companion runs: thin glue between Companion's host API and the pure parts (view.ts, commands.ts).

interface StraplineConfig {
  host: string;
  port: number;
  token: string;
}

const STATUS: Record<ConnectionState, InstanceStatus> = {
  connecting: InstanceStatus.Connecting,
  connected: InstanceStatus.Ok,
  reconnecting: InstanceStatus.ConnectionFailure,
  unauthorised: InstanceStatus.AuthenticationFailure,
  stopped: InstanceStatus.Disconnected,
};

class StraplineInstance extends InstanceBase<StraplineConfig> {
  private view: StraplineView = EMPTY_VIEW;
  private values = variableValues(EMPTY_VIEW);
  private link: StraplineLink | null = null;
  private readonly host: DefinitionHost = { view: () => this.view, run: (action) => this.run(action) };

  override async init(config: StraplineConfig): Promise<void> {
    this.setVariableDefinitions(variableDefinitions());
    this.connect(config);
  }

  override async configUpdated(config: StraplineConfig): Promise<void> {
    this.connect(config);
  }

  override async destroy(): Promise<void> {
    this.link?.stop();
    this.link = null;
  }

  override getConfigFields(): SomeCompanionConfigField[] {
    return [
      { type: 'textinput', id: 'host', label: 'Strapline host', width: 8, default: '127.0.0.1' },
      { type: 'number', id: 'port', label: 'Port', width: 4, default: 7300, min: 1, max: 65535 },
      {
        type: 'textinput',
        id: 'token',
        label: 'Control token (only when Strapline is open to the network: GET /api/access, or the line it prints at start)',
        width: 12,
        default: '',
      },
    ];
  }

  private connect(config: StraplineConfig): void {
    this.link?.stop();
    this.view = EMPTY_VIEW;
    this.publish(true);
    this.updateStatus(InstanceStatus.Connecting);
    this.link = new StraplineLink({
      baseUrl: `http://${config.host.trim() || '127.0.0.1'}:${config.port}`,
      token: config.token.trim(),
      onMessage: (message) => this.heard(message),
      onState: (state, why) => {
        this.view = withConnection(this.view, state);
        this.updateStatus(STATUS[state], why);
        if (why) this.log(state === 'unauthorised' ? 'error' : 'warn', why);
        this.publish(true);
      },
      onError: (error) => this.log('error', error),
    });
    this.link.start();
  }

  private heard(message: StreamMessage): void {
    this.view = applyMessage(this.view, message);
    this.publish(message.type === 'show');
  }

  /** Variables that moved, feedbacks re-checked; the definitions (cue lists, presets) again when the show changed. */
  private publish(showChanged: boolean): void {
    if (showChanged) {
      this.setActionDefinitions(actionDefinitions(this.host));
      this.setFeedbackDefinitions(feedbackDefinitions(this.host));
      this.setPresetDefinitions(presetDefinitions(this.view.show));
    }
    const values = variableValues(this.view);
    const changed = changedValues(this.values, values);
    this.values = values;
    if (Object.keys(changed).length > 0) this.setVariableValues(changed);
    this.checkFeedbacks();
  }

  private async run(action: ButtonAction): Promise<void> {
    const planned = commandsFor(action, this.view);
    const refused = planned.ok ? await (this.link?.send(planned.commands) ?? 'not connected to Strapline') : planned.error;
    if (refused) {
      this.log('warn', refused);
      throw new Error(refused);
    }
  }
}

runEntrypoint(StraplineInstance, []);
