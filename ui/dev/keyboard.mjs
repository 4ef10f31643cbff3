// DEVELOPMENT ONLY: walks the create, lock, unlock and recover paths with the keyboard
// alone (real Tab / Shift+Tab / Enter / Space key events through the Chrome DevTools
// protocol), against the harness site that dev/harness.sh prepared.
//   node --experimental-websocket dev/keyboard.mjs      (after `npm run harness`)
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const SITE = process.env.SITE ?? 'http://127.0.0.1:4180';
const OUT = process.env.OUT ?? '/tmp/dossierkluis-harness';
const CHROME = process.env.CHROME ?? 'chromium';
const PORT = 9333;

const server = spawn('python3', ['-m', 'http.server', '4180', '--bind', '127.0.0.1', '--directory', `${OUT}/site`], {
  stdio: 'ignore',
});
const chrome = spawn(
  CHROME,
  ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${PORT}`, '--window-size=1100,800', 'about:blank'],
  { stdio: 'ignore' },
);

let ws;
let nextId = 1;
const pending = new Map();
function send(method, params = {}) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
async function evaluate(expression) {
  const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  return r.result.value;
}
const KEYS = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
};
async function press(key, shift = false) {
  const k = KEYS[key];
  const base = { key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers: shift ? 8 : 0 };
  await send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, ...(k.text ? { text: k.text } : {}) });
  await send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  await sleep(60);
}
const active = () => evaluate(`document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName`);
async function tabTo(testid, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await active()) === testid) return;
    await press('Tab', back);
  }
  throw new Error(`could not reach ${testid} with ${back ? 'Shift+' : ''}Tab`);
}
async function typeText(text) {
  await send('Input.insertText', { text });
  await sleep(40);
}
async function waitFor(testid, timeout = 4000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (await evaluate(`!!document.querySelector('[data-testid="${testid}"]')`)) return;
    await sleep(50);
  }
  throw new Error(`timeout waiting for ${testid}`);
}
function step(name) {
  console.log(`  · ${name}`);
}

async function main() {
  let targets;
  for (let i = 0; i < 50; i++) {
    try {
      targets = await (await fetch(`http://127.0.0.1:${PORT}/json/list`)).json();
      if (targets.some((t) => t.type === 'page')) break;
    } catch {}
    await sleep(100);
  }
  const page = targets.find((t) => t.type === 'page');
  ws = new WebSocket(page.webSocketDebuggerUrl);
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result);
    }
  };
  await new Promise((r) => (ws.onopen = r));
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Page.navigate', { url: `${SITE}/?state=fresh` });
  await waitFor('screen-welcome');

  console.log('create a dossier');
  step('first Tab reaches the skip link');
  await press('Tab');
  if ((await evaluate(`document.activeElement.className`)) !== 'skip-link no-print') throw new Error('skip link is not first');
  await tabTo('dossier-dir');
  await evaluate(`document.activeElement.select()`);
  await typeText('/home/ana/Sleutel dossier');
  await tabTo('passphrase');
  await typeText('kort');
  await tabTo('passphrase-repeat');
  await typeText('anders');
  await tabTo('create-button');
  step('Enter on create with bad input → error box gets focus');
  await press('Enter');
  await sleep(150);
  if ((await active()) !== 'error-message') throw new Error(`focus after failed submit: ${await active()}`);
  await tabTo('passphrase');
  await evaluate(`document.activeElement.select()`);
  await typeText('paard fiets regen boom');
  await tabTo('passphrase-repeat');
  await evaluate(`document.activeElement.select()`);
  await typeText('paard fiets regen boom');
  step('Enter inside the field submits');
  await press('Enter');
  await waitFor('screen-recovery-code');
  step(`focus on the heading: ${await evaluate('document.activeElement.id')}`);
  const code = await evaluate(`document.querySelector('[data-testid="recovery-code"]').dataset.code`);
  await tabTo('continue-button');
  await press(' ');
  await waitFor('screen-confirm-code');
  const a = await evaluate(`document.querySelector('[data-testid="confirm-group-a"]').dataset.group`);
  const b = await evaluate(`document.querySelector('[data-testid="confirm-group-b"]').dataset.group`);
  await tabTo('confirm-group-a');
  await typeText(code.split('-')[a - 1].toLowerCase());
  await tabTo('confirm-group-b');
  await typeText(code.split('-')[b - 1]);
  await press('Enter');
  await waitFor('screen-timeline');
  step('on the timeline');

  console.log('add an entry');
  await tabTo('entry-title');
  await typeText('Met het toetsenbord');
  await press('Enter');
  await waitFor('entry-item');

  console.log('lock, then unlock with the passphrase');
  await tabTo('lock-button', { back: true });
  await press('Enter');
  await waitFor('screen-open');
  if (await evaluate(`document.body.innerHTML.includes('Met het toetsenbord')`)) throw new Error('entry text left after lock');
  await tabTo('passphrase');
  await typeText('paard fiets regen boom');
  await press('Enter');
  await waitFor('entry-item');

  console.log('lock, then recover with the code');
  await tabTo('lock-button', { back: true });
  await press(' ');
  await waitFor('screen-open');
  await tabTo('forgot-button');
  await press('Enter');
  await waitFor('screen-recover');
  await tabTo('recovery-input');
  await typeText(code.replace(/-/g, ' ').toLowerCase());
  await tabTo('new-passphrase');
  await typeText('een nieuw lang wachtwoord');
  await tabTo('new-passphrase-repeat');
  await typeText('een nieuw lang wachtwoord');
  await tabTo('recover-button');
  await press('Enter');
  await waitFor('entry-item');

  console.log('settings and language');
  await tabTo('settings-button', { back: true });
  await press('Enter');
  await waitFor('screen-settings');
  await tabTo('lang-en', { back: true });
  await press(' ');
  if ((await evaluate('document.documentElement.lang')) !== 'en') throw new Error('language did not switch');
  await tabTo('back-button');
  await press('Enter');
  await waitFor('screen-timeline');
  console.log('keyboard paths: ok');
}

try {
  await main();
} catch (e) {
  console.error(`keyboard paths: FAILED — ${e.message}`);
  process.exitCode = 1;
} finally {
  ws?.close();
  chrome.kill();
  server.kill();
}
