// DEVELOPMENT ONLY — never imported by src/, never part of dist/.
// A fake `window.__TAURI_INTERNALS__` with an in-memory backend, so the built UI can
// be looked at (and checked with axe) in a plain browser. Start state from the URL:
//   ?state=fresh | recent | unlocked | entries        (default: fresh)
// Extra knobs for scenarios: window.__mock.emitLocked('idle'), window.__mock.db.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const state = params.get('state') || 'fresh';
  const CODE = '7K2M-9QXD-4HWT-B1ZR-0NCF-6PJE-3VAS-8GYT';
  const norm = (s) => String(s).toUpperCase().replace(/[\s-]/g, '');

  const db = {
    settings: { language: params.get('lang') || 'nl', autoLockMinutes: 10 },
    recent: [],
    dossiers: {}, // dir -> { passphrase, code, entries: [] }
    unlocked: null, // dir
    nextId: 1,
    people: [],
  };
  const blankFields = (kind, occurredOn, title, notes) => ({
    kind, occurredOn, occurredTime: null, title, notes, asked: '', promised: '', agreed: '',
    organisation: '', place: '', channel: '', kenmerk: '', companions: '', threat: false,
    threatText: '', followUpOn: null, medical: kind === 'medical-assessment', letterDated: null,
    sentOn: null, receivedOn: null, tags: [], people: [],
  });

  function addDossier(dir, passphrase) {
    db.dossiers[dir] = { passphrase, code: CODE, entries: [], full: [] };
    db.recent = [{ dir, name: dir.split('/').pop() }, ...db.recent.filter((r) => r.dir !== dir)];
  }

  if (state !== 'fresh') {
    addDossier('/media/ana/USB-STICK/Oud dossier', 'oud wachtwoord');
    addDossier('/home/ana/Dossierkluis', 'paard fiets regen boom');
  }
  if (state === 'unlocked' || state === 'entries') db.unlocked = '/home/ana/Dossierkluis';
  if (state === 'entries') {
    const e = db.dossiers['/home/ana/Dossierkluis'].entries;
    const full = db.dossiers['/home/ana/Dossierkluis'].full;
    const add = (kind, occurredOn, title, notes, createdAt) => {
      const id = db.nextId++;
      e.push({ id, kind, occurredOn, title, notes, createdAt });
      const fields = blankFields(kind, occurredOn, title, notes);
      full.push({ id, fields, createdAt, updatedAt: null, versions: [{ action: 'create', reason: '', recordedAt: createdAt, fields }] });
    };
    add('letter-in', '2026-03-03', 'Brief over mijn telefoonnummer', 'In de brief staat: geef uw telefoonnummer voor 10 maart, anders kan uw uitkering stoppen.\nKenmerk: WPI/2026/0412.', '2026-03-04T10:15:00');
    add('call-in', '2026-03-05', 'Klantmanager belde over sollicitaties', 'Mevrouw De Vries belde. Ze zei dat ik een cv moet sturen. Ik heb gezegd dat ik ontheffing heb. Ze zou het nakijken.', '2026-03-05T14:02:00');
    add('agreement', '2026-02-20', 'Afspraak: alleen contact per e-mail', 'Afgesproken met de heer Bakker: voortaan alleen contact per e-mail.', '2026-02-20T16:40:00');
    add('medical-assessment', '2026-01-14', 'Keuring bij de arts van de gemeente', '', '2026-01-15T09:00:00');
  }

  const summary = (dir) => ({ dir, name: dir.split('/').pop(), entryCount: db.dossiers[dir].entries.length });
  const fail = (code) => {
    throw { code, message: `mock ${code}` };
  };
  const needUnlocked = () => {
    if (!db.unlocked) fail('locked');
    return db.dossiers[db.unlocked];
  };

  const handlers = {
    app_info: () => ({
      version: '0.1.0-mock',
      defaultDossierDir: '/home/ana/Dossierkluis',
      recent: db.recent.slice(),
      settings: { ...db.settings },
      unlocked: db.unlocked ? summary(db.unlocked) : null,
    }),
    create_dossier: ({ dir, passphrase }) => {
      if ([...passphrase].length < 8) fail('passphrase_too_short');
      if (db.dossiers[dir]) fail('already_exists');
      if (dir.startsWith('/proc')) fail('permission_denied');
      addDossier(dir, passphrase);
      db.unlocked = dir;
      return { recoveryCode: CODE, summary: summary(dir) };
    },
    open_dossier: ({ dir, passphrase }) => {
      const d = db.dossiers[dir];
      if (!d) fail('not_a_dossier');
      if (d.passphrase !== passphrase) fail('wrong_passphrase');
      db.unlocked = dir;
      db.recent = [{ dir, name: dir.split('/').pop() }, ...db.recent.filter((r) => r.dir !== dir)];
      return summary(dir);
    },
    recover_dossier: ({ dir, recoveryCode, newPassphrase }) => {
      const d = db.dossiers[dir];
      if (!d) fail('not_a_dossier');
      if (norm(recoveryCode) !== norm(d.code)) fail('wrong_recovery_code');
      if ([...newPassphrase].length < 8) fail('passphrase_too_short');
      d.passphrase = newPassphrase;
      db.unlocked = dir;
      return summary(dir);
    },
    change_passphrase: ({ current, newPassphrase }) => {
      const d = needUnlocked();
      if (d.passphrase !== current) fail('wrong_passphrase');
      d.passphrase = newPassphrase;
      return null;
    },
    lock_dossier: () => {
      db.unlocked = null;
      return null;
    },
    list_entries: () => needUnlocked().entries.slice(),
    add_entry: ({ entry }) => {
      const d = needUnlocked();
      const created = { id: db.nextId++, ...entry, createdAt: new Date().toISOString() };
      d.entries.push(created);
      return created;
    },
    // The entry screens: a small in-memory model, enough to click through them.
    month_counts: () => {
      const counts = {};
      for (const e of live()) counts[e.fields.occurredOn.slice(0, 7)] = (counts[e.fields.occurredOn.slice(0, 7)] || 0) + 1;
      return Object.entries(counts).sort().map(([month, count]) => ({ month, count }));
    },
    timeline_page: ({ newestFirst, offset, limit }) => {
      const all = live().sort((a, b) => a.fields.occurredOn.localeCompare(b.fields.occurredOn) || a.id - b.id);
      if (newestFirst) all.reverse();
      return { total: all.length, offset, entries: all.slice(offset, offset + limit).map(row) };
    },
    get_entry: ({ id }) => detail(find(id)),
    save_entry: ({ id, fields, reason }) => {
      const d = needUnlocked();
      const now = new Date().toISOString();
      let e;
      if (id === null) {
        e = { id: db.nextId++, fields: { ...fields }, createdAt: now, updatedAt: null, versions: [] };
        d.full.push(e);
        e.versions.push({ action: 'create', reason: '', recordedAt: now, fields: { ...fields } });
      } else {
        e = find(id);
        e.fields = { ...fields };
        e.updatedAt = now;
        e.versions.push({ action: 'edit', reason, recordedAt: now, fields: { ...fields } });
      }
      return detail(e);
    },
    delete_entry: ({ id, reason }) => {
      const e = find(id);
      e.deletedAt = new Date().toISOString();
      e.deleteReason = reason;
      e.versions.push({ action: 'delete', reason, recordedAt: e.deletedAt, fields: { ...e.fields } });
      return detail(e);
    },
    undo_change: ({ id }) => detail(find(id)),
    entry_history: ({ id }) =>
      find(id).versions.map((v, i) => ({ ...v, version: i + 1, attachmentCount: 0, hash: '0'.repeat(64) })),
    search_entries: ({ query }) =>
      live().filter((e) => JSON.stringify(e.fields).toLowerCase().includes(query.toLowerCase())).map(row),
    entry_links: ({ id }) =>
      (db.links || [])
        .filter((l) => l.fromId === id || l.toId === id)
        .map((l) => {
          const out = l.fromId === id;
          const other = find(out ? l.toId : l.fromId);
          return {
            ...l,
            otherId: other.id,
            otherTitle: other.fields.title,
            otherDate: other.fields.occurredOn,
            otherKind: other.fields.kind,
            direction: out ? 'outgoing' : 'incoming',
          };
        }),
    link_entries: ({ fromId, toId, kind }) => {
      db.links = (db.links || []).filter((l) => !(l.fromId === fromId && l.toId === toId && l.kind === kind));
      db.links.push({ fromId, toId, kind });
      const e = find(fromId);
      e.versions.push({ action: 'edit', reason: `koppeling toegevoegd: ${kind} ${toId}`, recordedAt: new Date().toISOString(), fields: { ...e.fields } });
      return null;
    },
    unlink_entries: ({ fromId, toId, kind }) => {
      db.links = (db.links || []).filter((l) => !(l.fromId === fromId && l.toId === toId && l.kind === kind));
      const e = find(fromId);
      e.versions.push({ action: 'edit', reason: `koppeling verwijderd: ${kind} ${toId}`, recordedAt: new Date().toISOString(), fields: { ...e.fields } });
      return null;
    },
    list_people: () => db.people.slice(),
    add_person: ({ person }) => {
      const p = { id: db.nextId++, fields: { ...person }, createdAt: new Date().toISOString() };
      db.people.push(p);
      return p;
    },
    update_person: ({ id, person }) => {
      const p = db.people.find((x) => x.id === id);
      p.fields = { ...person };
      return p;
    },
    find_or_add_person: ({ name, role }) =>
      db.people.find((p) => p.fields.name.toLowerCase() === name.toLowerCase()) ||
      handlers.add_person({ person: { name, role, organisation: '', phone: '', email: '', notes: '' } }),
    klantmanager_periods: () => [],
    add_klantmanager_period: () => fail('invalid'),
    attach_file: () => fail('io'),
    attachment_preview: () => ({ type: 'none', reason: 'mock' }),
    save_attachment_copy: () => null,
    save_settings: ({ settings }) => {
      db.settings = { ...settings };
      return { ...db.settings };
    },
    forget_recent: ({ dir }) => {
      db.recent = db.recent.filter((r) => r.dir !== dir);
      return null;
    },
    touch: () => null,
    'plugin:event|listen': ({ event, handler }) => {
      (listeners[event] ||= []).push(handler);
      return handler;
    },
    'plugin:event|unlisten': () => null,
    'plugin:dialog|open': () => '/media/ana/USB-STICK',
  };

  function live() {
    return needUnlocked().full.filter((e) => !e.deletedAt);
  }
  function find(id) {
    const e = needUnlocked().full.find((x) => x.id === id);
    if (!e) fail('invalid');
    return e;
  }
  function row(e) {
    const f = e.fields;
    return {
      id: e.id, kind: f.kind, occurredOn: f.occurredOn, occurredTime: f.occurredTime, title: f.title,
      people: [], organisation: f.organisation, notes: f.notes, asked: f.asked, agreed: f.agreed,
      promised: f.promised, attachmentCount: 0, threat: f.threat, medical: f.medical,
      deleted: !!e.deletedAt, deleteReason: e.deleteReason || '',
    };
  }
  function detail(e) {
    return {
      id: e.id, fields: e.fields, people: [], klantmanager: null, attachments: [], createdAt: e.createdAt,
      updatedAt: e.updatedAt, version: e.versions.length, deletedAt: e.deletedAt || null,
      deleteReason: e.deleteReason || '',
    };
  }

  const callbacks = {};
  const listeners = {};
  let nextCallback = 1;

  window.__TAURI_INTERNALS__ = {
    invoke(cmd, args) {
      const h = handlers[cmd];
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          if (!h) return reject(`unknown command ${cmd}`);
          try {
            resolve(h(args || {}));
          } catch (e) {
            reject(e);
          }
        }, 30);
      });
    },
    transformCallback(cb) {
      const id = nextCallback++;
      callbacks[id] = cb;
      return id;
    },
    unregisterCallback(id) {
      delete callbacks[id];
    },
    convertFileSrc: (p) => p,
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener() {} };

  window.__mock = {
    db,
    CODE,
    emitLocked(reason) {
      db.unlocked = null;
      for (const id of listeners['dossier-locked'] || []) {
        callbacks[id]?.({ event: 'dossier-locked', id, payload: { reason } });
      }
    },
  };
})();
