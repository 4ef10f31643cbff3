// DEVELOPMENT ONLY. Drives the built UI (with mock-tauri.js) into one screen state,
// then, with ?axe=1, runs axe-core and writes the violations as JSON into
// <html data-axe-result="…"> so `chromium --dump-dom` can read them.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const scenario = params.get('scenario') || 'none';
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    document.documentElement.dataset.csp = violations.join(' | ');
  });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

  async function waitFor(id, timeout = 3000) {
    const start = Date.now();
    for (;;) {
      const el = $(id);
      if (el) return el;
      if (Date.now() - start > timeout) throw new Error(`timeout waiting for ${id}`);
      await sleep(25);
    }
  }
  async function type(id, value) {
    const el = await waitFor(id);
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  async function click(id) {
    (await waitFor(id)).click();
    await sleep(150);
  }
  function blur() {
    document.activeElement?.blur();
  }
  async function createAndShowCode() {
    await waitFor('screen-welcome');
    await type('dossier-dir', '/home/ana/Nieuw dossier');
    await type('passphrase', 'paard fiets regen boom');
    await type('passphrase-repeat', 'paard fiets regen boom');
    await click('create-button');
    await waitFor('screen-recovery-code');
  }
  function assertNoEntryData() {
    const html = document.documentElement.outerHTML;
    for (const secret of ['Klantmanager belde', 'WPI/2026/0412', 'De Vries']) {
      if (html.includes(secret)) throw new Error(`entry text still in the page after lock: ${secret}`);
    }
  }
  async function confirmGroups(right) {
    const a = await waitFor('confirm-group-a');
    const b = await waitFor('confirm-group-b');
    const groups = window.__mock.CODE.split('-');
    await type('confirm-group-a', right ? groups[Number(a.dataset.group) - 1].toLowerCase() : 'XXXX');
    await type('confirm-group-b', right ? groups[Number(b.dataset.group) - 1] : '');
    await click('confirm-button');
  }

  const scenarios = {
    none: async () => {},
    welcome: () => waitFor('screen-welcome'),
    'welcome-errors': async () => {
      await waitFor('screen-welcome');
      await type('dossier-dir', '');
      await click('create-button');
    },
    'welcome-typing': async () => {
      await waitFor('screen-welcome');
      await type('passphrase', 'zomer2024');
      blur();
      await type('passphrase-repeat', 'zomer2025');
      blur();
      await sleep(100);
    },
    'welcome-exists': async () => {
      await waitFor('screen-welcome');
      await type('passphrase', 'paard fiets regen boom');
      await type('passphrase-repeat', 'paard fiets regen boom');
      window.__mock.db.dossiers['/home/ana/Dossierkluis'] = { passphrase: 'x', code: 'x', entries: [] };
      await click('create-button');
      await waitFor('error-message');
    },
    'recovery-code': createAndShowCode,
    'confirm-code': async () => {
      await createAndShowCode();
      await click('continue-button');
      await waitFor('screen-confirm-code');
    },
    'confirm-wrong': async () => {
      await scenarios['confirm-code']();
      await confirmGroups(false);
      await waitFor('error-message');
    },
    'timeline-new': async () => {
      await scenarios['confirm-code']();
      await confirmGroups(true);
      await waitFor('screen-timeline');
      await waitFor('timeline-empty');
    },
    timeline: async () => {
      await waitFor('screen-timeline');
      await waitFor('entry-item');
    },
    'timeline-add': async () => {
      await waitFor('screen-timeline');
      await waitFor('entry-item');
      await click('new-entry-button');
      await waitFor('screen-editor');
      const kind = await waitFor('entry-kind');
      kind.value = 'call-out';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
      await type('entry-date', '3-3-2026');
      await type('entry-title', 'Ik heb WPI gebeld');
      await type('entry-notes', 'Gevraagd om het verslag van het gesprek.');
      await click('save-entry-button');
      await waitFor('screen-entry');
    },
    'timeline-errors': async () => {
      await waitFor('screen-timeline');
      await click('new-entry-button');
      await waitFor('screen-editor');
      await type('entry-date', '31-4-2026');
      await click('save-entry-button');
      await waitFor('error-message');
    },
    open: () => waitFor('screen-open'),
    'open-wrong': async () => {
      await waitFor('screen-open');
      await type('passphrase', 'verkeerd wachtwoord');
      await click('open-button');
      await waitFor('error-message');
    },
    'open-other': async () => {
      await waitFor('screen-open');
      await click('recent-other');
      await click('open-button');
      await waitFor('error-message');
    },
    'open-forget': async () => {
      await waitFor('screen-open');
      await click('forget-button');
      await waitFor('forgotten-message');
    },
    'locked-idle': async () => {
      await waitFor('entry-item');
      window.__mock.emitLocked('idle');
      await waitFor('screen-open');
      await sleep(100);
      assertNoEntryData();
    },
    'locked-user': async () => {
      await waitFor('entry-item');
      await click('lock-button');
      await waitFor('screen-open');
      await sleep(100);
      assertNoEntryData();
    },
    recover: async () => {
      await waitFor('screen-open');
      await click('forgot-button');
      await waitFor('screen-recover');
    },
    'recover-errors': async () => {
      await scenarios.recover();
      await type('recovery-input', '7K2M-9QXD-U');
      await type('new-passphrase', 'kort');
      await click('recover-button');
      await waitFor('error-message');
    },
    'recover-ok': async () => {
      await scenarios.recover();
      await type('recovery-input', '7k2m 9qxd 4hwt b1zr oncf 6pje 3vas 8gyt');
      await type('new-passphrase', 'nieuw lang wachtwoord');
      await type('new-passphrase-repeat', 'nieuw lang wachtwoord');
      await click('recover-button');
      await waitFor('screen-timeline');
    },
    settings: async () => {
      await waitFor('screen-timeline');
      await click('settings-button');
      await waitFor('screen-settings');
    },
    'settings-errors': async () => {
      await scenarios.settings();
      await type('autolock-minutes', '500');
      await click('save-settings-button');
      await type('current-passphrase', 'fout');
      await type('new-passphrase', 'een nieuw wachtwoord');
      await type('new-passphrase-repeat', 'een nieuw wachtwoord');
      await click('change-passphrase-button');
      await waitFor('error-message');
    },
    'settings-ok': async () => {
      await scenarios.settings();
      await type('autolock-minutes', '15');
      await click('save-settings-button');
      await type('current-passphrase', 'paard fiets regen boom');
      await type('new-passphrase', 'een nieuw wachtwoord');
      await type('new-passphrase-repeat', 'een nieuw wachtwoord');
      await click('change-passphrase-button');
      await sleep(200);
    },
    'focus-ring': async () => {
      await waitFor('screen-welcome');
      // A real key press makes the browser show :focus-visible on the next focus.
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      (await waitFor('choose-dir-button')).focus();
    },
    english: async () => {
      await waitFor('lang-en');
      await click('lang-en');
    },
  };

  async function main() {
    const out = document.documentElement;
    try {
      await sleep(100);
      await scenarios[scenario]();
      await sleep(300);
      out.dataset.scenario = 'done';
      out.dataset.focus = document.activeElement
        ? `${document.activeElement.tagName.toLowerCase()}#${document.activeElement.id}[${document.activeElement.getAttribute('data-testid') || ''}]`
        : '';
      if (params.get('axe') === '1') {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        out.dataset.axeResult = JSON.stringify(
          result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
          })),
        );
      }
    } catch (e) {
      out.dataset.scenario = `error: ${e && e.message ? e.message : e}`;
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
  else main();
})();
