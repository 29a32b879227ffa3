import { LAYERS } from '../../engine/show';
import type { CasparcgOutputStatus, ProgramSnapshot } from '../../engine/protocol';
import type { CasparcgOutputConfig } from './config';
import type { AmcpPlan, AmcpStep } from './amcp-steps';
import { CasparcgLink } from './link';
import { TemplatePlan } from './template-plan';

/** Where a strapline-mode output's HTML producer finds the page: base URL and, open to the network, the read-only token. */
export interface PageSource {
  base: string;
  readOnlyToken: string | null;
}

/**
 * One CasparCG output: a view of role output in the hub, holding what the engine
 * says is on air and bringing its main and backup servers to it. Both get the same
 * commands; each is re-asserted on its own when it (re)connects.
 */
export class CasparcgOutput {
  private readonly links: CasparcgLink[];
  private readonly plan: TemplatePlan | null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private revision = 0;

  constructor(
    readonly config: CasparcgOutputConfig,
    private readonly page: PageSource,
    now: () => number,
    changed: () => void,
  ) {
    this.plan = config.mode === 'templates' ? new TemplatePlan(config) : null;
    const servers = [['main', config.main], ...(config.backup ? [['backup', config.backup] as const] : [])] as const;
    this.links = servers.map(([role, server]) => {
      const link: CasparcgLink = new CasparcgLink(role, server, config.channel, now, { changed, connected: () => this.reassert(link) });
      return link;
    });
  }

  /** The hub's program snapshot: the same commands to every server, none of them awaited. */
  program(snapshot: ProgramSnapshot): void {
    this.revision = snapshot.revision;
    this.run(this.plan ? this.plan.apply(snapshot) : { steps: [], deferred: [] }, this.links);
  }

  status(): CasparcgOutputStatus {
    const servers = this.links.map((l) => l.status());
    return { id: this.config.id, mode: this.config.mode, channel: this.config.channel, servers, disagreement: disagreement(servers) };
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const link of this.links) link.close();
  }

  /** On connect, reconnect or a restart of that server: what is on air, cut to its steady state. */
  private reassert(link: CasparcgLink): void {
    this.run(this.plan ? this.plan.reassert() : { steps: this.htmlPages(), deferred: [] }, [link]);
  }

  /** Strapline mode: each mapped layer plays its own /output page, which cuts to what is on air by itself. */
  private htmlPages(): AmcpStep[] {
    const token = this.page.readOnlyToken === null ? '' : `&token=${encodeURIComponent(this.page.readOnlyToken)}`;
    const base = this.config.pageBase?.replace(/\/$/, '') ?? this.page.base;
    return LAYERS.filter((l) => this.config.layers[l] !== undefined).map((l) => ({
      op: 'play-html',
      layer: this.config.layers[l]!,
      url: `${base}/output?layers=${l}${token}`,
    }));
  }

  private run(plan: AmcpPlan, links: readonly CasparcgLink[]): void {
    const revision = this.revision;
    for (const link of links) link.send(plan.steps, revision);
    for (const later of plan.deferred) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (later.still()) for (const link of links) link.send(later.steps, this.revision);
      }, later.afterMs);
      this.timers.add(timer);
    }
  }
}

/** Main and backup should show one picture: say so when they may not. */
function disagreement(servers: CasparcgOutputStatus['servers']): string | null {
  const [main, backup] = servers;
  if (!main || !backup) return null;
  if (main.connected !== backup.connected) return `${main.connected ? 'backup' : 'main'} is not connected`;
  if (!main.connected) return null;
  if (main.revision !== backup.revision) return `main shows revision ${main.revision ?? 'none'}, backup ${backup.revision ?? 'none'}`;
  return null;
}
