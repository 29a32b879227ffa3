import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import type { TemplateListing } from '../../main/engine/templates';
import type { ConsoleStore } from '../store';
import { templateUnfitFor } from '../../main/templates/election-fit';

/** How the palette names each outside contract. */
const KIND_LABEL: Record<Exclude<TemplateListing['kind'], 'builtin'>, string> = { ograf: 'OGraf', casparcg: 'CasparCG', spx: 'SPX' };

/** The loaded election, as far as the palette needs it (GET /api/election). */
interface ElectionFit {
  name: string;
  seatCount: number;
  hexKey: string | null;
}

async function fetchElectionFit(): Promise<ElectionFit | null> {
  const res = await fetch('/api/election').catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json()) as { name?: unknown; seatCount?: unknown; hexLayout?: unknown };
  if (typeof body.name !== 'string' || typeof body.seatCount !== 'number') return null;
  return { name: body.name, seatCount: body.seatCount, hexKey: typeof body.hexLayout === 'string' ? body.hexLayout : null };
}

interface Props {
  /** The registry's outside templates come from the server (a `templates` event), so one added during the show appears here. */
  store: ConsoleStore;
  /** The stack a new cue goes into, by name, or null when the show has no stack yet. */
  target: string | null;
  onPick: (template: string) => void;
}

/**
 * The template palette: "+ Cue" opens a menu of every template, described as
 * the gallery does, then the outside templates of the templates folders,
 * marked by kind, each with its problems; one that cannot be used is listed
 * but cannot be picked. A choice adds a cue with the template's defaults.
 */
export function CuePalette({ store, target, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const outside = useStore(store, (s) => s.templates)?.templates.filter((t) => t.kind !== 'builtin') ?? [];
  const menu = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [election, setElection] = useState<ElectionFit | null>(null);

  // Asked each time the menu opens: the election may have changed since.
  useEffect(() => {
    if (open) void fetchElectionFit().then(setElection);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== opener.current) setOpen(false);
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    // Every key stays in the menu: Escape closes it rather than taking a layer off air.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Tab') close();
  };

  return (
    <div className="palette">
      <button
        ref={opener}
        type="button"
        className="btn small add-cue"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={target === null}
        title={target === null ? 'Add a stack first' : `Add a cue to ${target}`}
        onClick={() => setOpen(!open)}
      >
        + Cue
      </button>
      {open && (
        <div ref={menu} className="palette-menu" role="menu" aria-label={`Add a cue to ${target}`} onKeyDown={onKeyDown}>
          <p className="palette-target">
            Adds to <strong>{target}</strong>
          </p>
          {TEMPLATE_DEFINITIONS.map((t) => {
            // A template that cannot draw this election says so here; its take would be refused with the same words.
            const unfit = election ? templateUnfitFor(t.id, election) : null;
            return (
              <button
                key={t.id}
                type="button"
                role="menuitem"
                className="palette-item"
                data-template={t.id}
                data-unfit={unfit ? 'true' : undefined}
                onClick={() => {
                  setOpen(false);
                  onPick(t.id);
                }}
              >
                <span className="palette-name">{t.name}</span>
                <span className="palette-layer">
                  {t.layer.replace('-', ' ')}
                  {t.steps > 1 ? ` · ${t.steps} steps` : ''}
                  {t.resolve ? ' · live data' : ''}
                </span>
                <span className="palette-desc">{t.description}</span>
                {unfit && <span className="palette-unfit">{unfit.charAt(0).toUpperCase() + unfit.slice(1)}</span>}
              </button>
            );
          })}
          {outside.length > 0 && <p className="palette-target">From the templates folders</p>}
          {outside.map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              className="palette-item outside"
              data-template={t.id}
              data-kind={t.kind}
              aria-disabled={!t.usable}
              title={t.source ?? undefined}
              onClick={() => {
                if (!t.usable) return;
                setOpen(false);
                onPick(t.id);
              }}
            >
              <span className="palette-name">
                <span className={`palette-kind kind-${t.kind}`}>{KIND_LABEL[t.kind as keyof typeof KIND_LABEL]}</span> {t.name}
              </span>
              <span className="palette-layer">
                {t.layer.replace('-', ' ')}
                {t.steps === -1 ? ' · dynamic steps' : t.steps > 1 ? ` · ${t.steps} steps` : ''}
              </span>
              <span className="palette-desc">{t.source}</span>
              {t.problems.map((p) => (
                <span key={p} className="palette-problem" role="note">
                  {p}
                </span>
              ))}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
