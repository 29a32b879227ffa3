import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { keepPanelKeys } from '../hotkeys';
import './access-panel.css';

/**
 * Who else can reach this Strapline. On loopback: a quiet LOCAL ONLY. Opened
 * to the network (`--host`): a loud badge that opens the links to give to
 * colleagues: the console carries the control token, outputs, the producer
 * view and the template gallery the read-only one. The server answers GET
 * /api/access only to a holder of the control token, and the console has that
 * (it was opened with it).
 */
const linksSchema = z.object({ base: z.string(), console: z.string(), output: z.string(), producer: z.string(), gallery: z.string() });
const accessSchema = z.discriminatedUnion('open', [
  z.object({ open: z.literal(false), base: z.string() }),
  z.object({ open: z.literal(true), controlToken: z.string(), readOnlyToken: z.string(), links: z.array(linksSchema) }),
]);
type AccessInfo = z.infer<typeof accessSchema>;

async function fetchAccess(): Promise<AccessInfo> {
  // The page's cookie normally carries the token; the URL's copy covers a browser that refused the cookie.
  const token = new URLSearchParams(location.search).get('token');
  const res = await fetch('/api/access', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return accessSchema.parse(await res.json());
}

function CopyLine({ label, value, hint }: { label: string; value: string; hint: string }) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    field.current?.select();
    try {
      // The Clipboard API needs a secure context, which a LAN address over http is not.
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(value);
      else document.execCommand('copy');
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="access-line">
      <div className="access-label">
        {label} <span className="access-hint">{hint}</span>
      </div>
      <div className="access-copy">
        <input readOnly value={value} ref={field} onFocus={(e) => e.currentTarget.select()} aria-label={label} spellCheck={false} />
        <button type="button" className="btn small" onClick={() => void copy()}>
          {copied ? 'COPIED' : 'COPY'}
        </button>
      </div>
    </div>
  );
}

export function AccessPanel() {
  const [info, setInfo] = useState<AccessInfo | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // Electron loads the console from file://: no server to ask, and it is local anyway.
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    fetchAccess().then(setInfo, () => setInfo(null));
  }, []);
  if (!info) return null;
  if (!info.open) {
    return (
      <span className="access-local" title={`Only this machine can reach ${info.base}. Start with --host 0.0.0.0 to give producers and remote outputs access.`}>
        LOCAL ONLY
      </span>
    );
  }
  return (
    // Keys pressed here (Space on a button) never reach the take hotkeys; CLEAR ALL and search still do.
    <span
      className="access"
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
        keepPanelKeys(e);
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" className="access-badge" aria-expanded={open} aria-controls="access-panel" onClick={() => setOpen(!open)}>
        OPEN TO NETWORK · SHARE
      </button>
      {open && (
        <section id="access-panel" className="access-panel" aria-label="Access for colleagues">
          <header>
            <h2>Give these to colleagues</h2>
            <button type="button" className="btn small" onClick={() => setOpen(false)}>
              CLOSE
            </button>
          </header>
          <p className="access-warn">Anyone with the control link can take and clear graphics. Give the read-only links to outputs and producers.</p>
          {info.links.map((l) => (
            <div key={l.base} className="access-group">
              <div className="access-base">{l.base}</div>
              <CopyLine label="Operator console" hint="control" value={l.console} />
              <CopyLine label="Output (browser source)" hint="read-only" value={l.output} />
              <CopyLine label="Producer view" hint="read-only" value={l.producer} />
              <CopyLine label="Template gallery" hint="read-only" value={l.gallery} />
            </div>
          ))}
          <CopyLine label="Companion and scripts" hint="header" value={`Authorization: Bearer ${info.controlToken}`} />
        </section>
      )}
    </span>
  );
}
