import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import './styles/output.css';
import { OutputRenderer } from './output-renderer';
import { connectBridge } from './transport';
import { fitStage, outputOptions } from './stage';
import { showSignal } from './output-signal';
import { loadFonts } from './fonts';
import { OUTPUT_REPORT_INTERVAL_MS } from '../main/engine/protocol';
import { takeOutsideFaults } from './outside/outside-host';
import { whenHexLayoutsReady } from './graphics/hex-map/layout-loader';

const stage = document.getElementById('stage')!;
const options = outputOptions(location.search);
showSignal(document.body, stage, options);
fitStage(stage, document.body);

const renderer = new OutputRenderer(stage, options.layers);
document.body.dataset.connection = 'connecting';

// Fonts first, so no graphic ever airs in a fallback face and then jumps.
void loadFonts().finally(() => {
  const bridge = connectBridge('output');
  bridge.onConnection((state) => (document.body.dataset.connection = state));
  // Snapshots stay in order: one that waits for a hex layout holds the ones behind it.
  let behind: Promise<void> | null = null;
  bridge.onEvent((event, fresh) => {
    if (event.type !== 'program') return;
    const draw = () => {
      if (fresh) renderer.cut(event.data);
      else renderer.render(event.data);
      document.body.dataset.revision = String(renderer.shownRevision);
    };
    const wait = whenHexLayoutsReady(event.data);
    if (wait === null && behind === null) return draw();
    const next: Promise<void> = (behind ?? Promise.resolve())
      .then(() => wait)
      .then(draw)
      .finally(() => {
        if (behind === next) behind = null;
      });
    behind = next;
  });
  // Health: count the frames this page draws and report the rate, so the gallery sees a stalled output.
  let frames = 0;
  let since = performance.now();
  const count = () => {
    frames += 1;
    requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
  setInterval(() => {
    const t = performance.now();
    const fps = Math.min(1000, (frames * 1000) / Math.max(1, t - since));
    const faults = takeOutsideFaults();
    bridge.report({ type: 'output-report', fps, layers: options.layers, revision: renderer.shownRevision, ...(faults.length ? { faults } : {}) });
    frames = 0;
    since = t;
  }, OUTPUT_REPORT_INTERVAL_MS);
});
