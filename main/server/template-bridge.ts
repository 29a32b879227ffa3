/**
 * The two scripts that run inside an outside graphic's sandboxed frame and speak
 * to the output's host (overlays/outside/outside-host.ts) by postMessage only.
 * Plain JavaScript in strings: they are served into third-party pages as they
 * are, with no build step between, and must run in any browser a template runs in.
 *
 * Messages in: {straplineHost: 1, id, call, args}. Out: {straplineFrame: 1, id, ok,
 * result | error}, and unasked {straplineFrame: 1, event: 'ready' | 'fault', message}.
 */

/** Shared by both: the reply, the report of an uncaught error, the parent's messages (parent only, so no other frame can drive it). */
const COMMON = String.raw`
  var parentWindow = window.parent;
  function send(m) { m.straplineFrame = 1; parentWindow.postMessage(m, '*'); }
  function describe(e) { return e && e.message ? String(e.message) : String(e); }
  window.addEventListener('error', function (e) { send({ event: 'fault', message: 'uncaught: ' + describe(e.error || e.message) }); });
  window.addEventListener('unhandledrejection', function (e) { send({ event: 'fault', message: 'unhandled rejection: ' + describe(e.reason) }); });
  function listen(run) {
    window.addEventListener('message', function (e) {
      var m = e.data;
      if (e.source !== parentWindow || !m || m.straplineHost !== 1 || typeof m.id !== 'number') return;
      Promise.resolve().then(function () { return run(m.call, m.args || {}); }).then(
        function (result) { send({ id: m.id, ok: true, result: result === undefined ? null : result }); },
        function (e) { send({ id: m.id, ok: false, error: describe(e) }); });
    });
  }
  // The frame this page paints its next frame in, on the clock every frame of the page shares (take-latency benches).
  function nextFrameAt() { return new Promise(function (r) { requestAnimationFrame(function () { r(performance.timeOrigin + performance.now()); }); }); }
`;

/**
 * Injected at the top of a CasparCG or SPX page's head. The page defines its
 * globals (update, play, next, stop, remove) later; they are looked up when called.
 * `quiet` answers once no CSS or Web Animation runs and the DOM has not changed
 * for QUIET_MS: how a page with no completion call shows its out has ended.
 */
export const PAGE_BRIDGE_SCRIPT = String.raw`(function () {
  ${COMMON}
  var QUIET_MS = 150;
  var lastChange = performance.now();
  new MutationObserver(function () { lastChange = performance.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  function running() {
    return document.getAnimations ? document.getAnimations().some(function (a) { return a.playState === 'running'; }) : false;
  }
  function quiet() {
    return new Promise(function (resolve) {
      (function check() {
        if (!running() && performance.now() - lastChange >= QUIET_MS) resolve(null);
        else setTimeout(check, 30);
      })();
    });
  }
  var OPTIONAL = { next: true, remove: true };
  listen(function (call, args) {
    if (call === 'quiet') return quiet();
    var f = window[call];
    if (typeof f !== 'function') {
      if (OPTIONAL[call]) return null;
      throw new Error('the page has no global ' + call + '()');
    }
    var frame = call === 'play' ? nextFrameAt() : null;
    var out = call === 'update' ? f.call(window, String(args.data)) : f.call(window);
    return Promise.resolve(out).then(function () { return frame ? frame.then(function (at) { return { frameAt: at }; }) : null; });
  });
  if (document.readyState === 'complete') send({ event: 'ready' });
  else window.addEventListener('load', function () { send({ event: 'ready' }); });
})();`;

/**
 * The OGraf runner page: import()s the graphic's module by its URL (so its own
 * relative imports resolve from import.meta.url), defines its element under a
 * name of ours (the spec leaves registering to the renderer) and drives it.
 */
export const OGRAF_RUNNER_HTML = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>OGraf graphic</title>
<style>html,body{margin:0;width:100%;height:100%;overflow:hidden;background:transparent}</style>
<script>(function () {
  ${COMMON}
  var graphic = null;
  function checked(name, payload) {
    // OGraf: a method may return nothing, or {statusCode, statusMessage}; a 4xx/5xx is a refusal.
    if (payload && typeof payload === 'object' && typeof payload.statusCode === 'number' && payload.statusCode >= 400) {
      throw new Error(name + ' answered ' + payload.statusCode + (payload.statusMessage ? ' ' + payload.statusMessage : ''));
    }
    return payload && typeof payload === 'object' ? payload : null;
  }
  function need() { if (!graphic) throw new Error('no graphic loaded'); return graphic; }
  var ACTIONS = { update: 'updateAction', play: 'playAction', stop: 'stopAction', custom: 'customAction', dispose: 'dispose' };
  listen(function (call, args) {
    if (call === 'load') {
      if (graphic) throw new Error('load called twice');
      return import(args.module).then(function (mod) {
        var Graphic = mod && mod.default;
        if (typeof Graphic !== 'function') throw new Error('the module has no default export class');
        var tag = 'strapline-ograf-' + Math.random().toString(36).slice(2, 10);
        customElements.define(tag, Graphic);
        graphic = document.createElement(tag);
        document.body.appendChild(graphic);
        return graphic.load({ data: args.data, renderType: 'realtime', renderCharacteristics: args.renderCharacteristics });
      }).then(function (r) { return checked('load', r); });
    }
    var method = ACTIONS[call];
    if (!method) throw new Error('unknown call ' + call);
    var g = need();
    if (typeof g[method] !== 'function') throw new Error('the graphic has no ' + method + '()');
    // The frame after the call, not after its promise: playAction may resolve only when its in has ended.
    var frame = call === 'play' ? nextFrameAt() : null;
    return Promise.resolve(g[method](args)).then(function (r) {
      var payload = checked(method, r);
      if (!frame) return payload;
      return frame.then(function (at) { return { currentStep: payload && payload.currentStep, frameAt: at }; });
    });
  });
  send({ event: 'ready' });
})();</script></head><body></body></html>`;
