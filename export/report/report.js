// The report's page: everything it shows comes from the JSON in #qg-data, written by
// export/src/html_report.cpp. No network, no library. The location hash holds the state
// (#view=quotes&q=words&speaker=ID&conf=0.5&kind=full&conflicting=1), so a view can be linked
// to, and a test can open the page at a search.
(function () {
  'use strict';
  const started = performance.now();
  const errors = [];
  window.addEventListener('error', (e) => {
    errors.push(String(e.message));
    document.body.dataset.errors = String(errors.length);
  });

  const data = JSON.parse(document.getElementById('qg-data').textContent);
  // Document fields: [id, title, date, url, language]
  const docs = data.documents, speakers = data.speakers, quotes = data.quotes;
  const PAGE = 100;
  const $ = (id) => document.getElementById(id);
  const el = (tag, props, children) => {
    const node = document.createElement(tag);
    if (props) for (const k in props) {
      if (k === 'text') node.textContent = props[k];
      else if (k === 'class') node.className = props[k];
      else node.setAttribute(k, props[k]);
    }
    for (const c of children || []) if (c !== null && c !== undefined) node.append(c);
    return node;
  };
  // Quote fields: [doc, speaker, text, partial, confidence, rule, cue, context, offset, conflicting,
  // speaker mention's start and end, cue's start and end (offsets in the context; -1: not in it),
  // the other attributions [[name, [document id, ...]], ...]]
  const Q = { doc: 0, speaker: 1, text: 2, partial: 3, confidence: 4, rule: 5, cue: 6, context: 7, offset: 8, conflicting: 9,
              mentionStart: 10, mentionEnd: 11, cueStart: 12, cueEnd: 13, others: 14 };
  const docIndex = new Map(docs.map((d, i) => [d[0], i]));
  // Speaker fields: [id, name, type, role, organization, statements, articles, colour]
  const S = { id: 0, name: 1, type: 2, role: 3, org: 4, statements: 5, articles: 6, colour: 7 };

  const speakerIndex = new Map(speakers.map((s, i) => [s[S.id], i]));
  const haystack = quotes.map((q) => {
    const s = q[Q.speaker] >= 0 ? speakers[q[Q.speaker]] : null;
    return [q[Q.text], s ? s[S.name] : '', s ? s[S.role] : '', s ? s[S.org] : '', docs[q[Q.doc]][1], docs[q[Q.doc]][0]]
      .join('\n').toLowerCase();
  });

  const state = { view: 'quotes', q: '', speaker: '', conf: 0, kind: '', conflicting: false, shown: PAGE, speakersShown: PAGE };

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.view = p.get('view') || 'quotes';
    state.q = p.get('q') || '';
    state.speaker = p.get('speaker') || '';
    state.conf = Number(p.get('conf') || 0);
    state.kind = p.get('kind') || '';
    state.conflicting = p.get('conflicting') === '1';
  }
  function writeHash() {
    const p = new URLSearchParams();
    if (state.view !== 'quotes') p.set('view', state.view);
    if (state.q) p.set('q', state.q);
    if (state.speaker) p.set('speaker', state.speaker);
    if (state.conf) p.set('conf', String(state.conf));
    if (state.kind) p.set('kind', state.kind);
    if (state.conflicting) p.set('conflicting', '1');
    history.replaceState(null, '', '#' + p.toString());
  }

  // The context with the quote, the mention that named the speaker ("he", "Mr Blair", "a
  // senior official") and the cue marked, each exactly where the extractor found it (the
  // JSONL's offsets). A mention outside the paragraph (a quote continuing one before) is not.
  const MARK_TITLE = { quote: 'the quote', speaker: 'the mention that names the speaker', cue: 'the cue' };
  function contextNode(q) {
    const ctx = q[Q.context], start = q[Q.offset], end = start + q[Q.text].length;
    const marks = [[start, end, 'quote']];
    for (const [a, b, cls] of [[q[Q.mentionStart], q[Q.mentionEnd], 'speaker'], [q[Q.cueStart], q[Q.cueEnd], 'cue']])
      if (a >= 0 && b > a && b <= ctx.length && !marks.some(([x, y]) => a < y && b > x)) marks.push([a, b, cls]);
    marks.sort((a, b) => a[0] - b[0]);
    // In the article's language, so that a screen reader reads German words as German.
    const language = docs[q[Q.doc]][4];
    const p = el('p', language ? { class: 'context', lang: language } : { class: 'context' });
    let at = 0;
    for (const [a, b, cls] of marks) {
      p.append(ctx.slice(at, a), el('mark', { class: cls, title: MARK_TITLE[cls], text: ctx.slice(a, b) }));
      at = b;
    }
    p.append(ctx.slice(at));
    return p;
  }

  function articleNode(d) {
    const title = d[1] || d[0];
    // Only a web address becomes a link: a url field of javascript: would run in the page.
    return /^https?:\/\//i.test(d[3]) ? el('a', { href: d[3], rel: 'noopener noreferrer', text: title })
                                    : el('span', { text: title });
  }

  function quoteCard(i) {
    const q = quotes[i], d = docs[q[Q.doc]];
    const s = q[Q.speaker] >= 0 ? speakers[q[Q.speaker]] : null;
    const who = s ? el('a', { href: '#speaker=' + encodeURIComponent(s[S.id]), 'data-speaker': s[S.id], text: s[S.name] })
                  : el('span', { text: 'no speaker found' });
    const roleOrg = s ? [s[S.role], s[S.org]].filter(Boolean).join(', ') : '';
    return el('li', { class: 'card', 'data-quote': String(i) }, [
      el('div', { class: 'meta' }, [
        el('span', { class: 'who' }, [who]), roleOrg ? el('span', { text: roleOrg }) : null,
        el('span', { class: 'badge', text: q[Q.partial] ? 'partial' : 'full' }),
        q[Q.conflicting] ? el('span', { class: 'badge conflict', text: 'conflicting attribution' }) : null,
      ]),
      contextNode(q),
      q[Q.others].length ? el('div', { class: 'meta others' }, [el('span', { text: 'The same words are given to' })].concat(
        q[Q.others].map(([name, ids]) => el('span', { class: 'other' }, [el('strong', { text: name }), ' in ',
          ...ids.flatMap((id, k) => {
            const d = docIndex.has(id) ? docs[docIndex.get(id)] : [id, '', '', ''];
            return k ? ['; ', articleNode(d)] : [articleNode(d)];
          })])))) : null,
      el('div', { class: 'meta' }, [
        articleNode(d), d[2] ? el('span', { text: d[2] }) : null,
        el('span', { text: 'rule ' + q[Q.rule] }), el('span', { text: 'confidence ' + q[Q.confidence].toFixed(2) }),
      ]),
    ]);
  }

  function matchingQuotes() {
    const terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    const speaker = state.speaker ? speakerIndex.get(state.speaker) : undefined;
    const out = [];
    for (let i = 0; i < quotes.length; ++i) {
      const q = quotes[i];
      if (speaker !== undefined && q[Q.speaker] !== speaker) continue;
      if (q[Q.confidence] < state.conf) continue;
      if (state.kind && (state.kind === 'partial') !== Boolean(q[Q.partial])) continue;
      if (state.conflicting && !q[Q.conflicting]) continue;
      if (terms.length && !terms.every((t) => haystack[i].includes(t))) continue;
      out.push(i);
    }
    return out;
  }

  function renderQuotes() {
    const t = performance.now();
    const found = matchingQuotes();
    const list = $('quote-list');
    const items = found.slice(0, state.shown).map(quoteCard);
    list.replaceChildren(...items);
    $('quote-count').textContent = found.length + (found.length === 1 ? ' quote' : ' quotes') +
      (found.length > items.length ? ', showing the first ' + items.length : '');
    $('quote-count').dataset.count = String(found.length);
    $('more-quotes').hidden = found.length <= items.length;
    const s = state.speaker ? speakers[speakerIndex.get(state.speaker)] : null;
    $('speaker-filter').hidden = !s;
    $('speaker-filter-name').textContent = s ? s[S.name] : '';
    document.body.dataset.searchMs = (performance.now() - t).toFixed(1);
  }

  function renderSpeakers() {
    const term = $('speaker-search').value.toLowerCase();
    const rows = [];
    let count = 0;
    for (const s of speakers) {
      if (term && !(s[S.name] + '\n' + s[S.role] + '\n' + s[S.org]).toLowerCase().includes(term)) continue;
      if (++count > state.speakersShown) continue;
      rows.push(el('tr', { 'data-speaker': s[S.id] }, [
        el('td', null, [el('span', { class: 'swatch', style: 'background:' + s[S.colour] }),
                        el('a', { href: '#speaker=' + encodeURIComponent(s[S.id]), 'data-speaker': s[S.id], text: s[S.name] })]),
        el('td', { text: s[S.type] }), el('td', { text: s[S.role] }), el('td', { text: s[S.org] }),
        el('td', { class: 'n', text: String(s[S.statements]) }), el('td', { class: 'n', text: String(s[S.articles]) }),
      ]));
    }
    document.querySelector('#speaker-table tbody').replaceChildren(...rows);
    $('speaker-count').textContent = count + (count === 1 ? ' speaker' : ' speakers');
    $('speaker-count').dataset.count = String(count);
    $('more-speakers').hidden = count <= rows.length;
  }

  function renderConflicts() {
    const list = $('conflict-list');
    if (list.childElementCount) return;
    list.replaceChildren(...data.conflicts.map((group) => el('div', { class: 'conflict-group' }, [
      el('div', { class: 'words', text: '“' + quotes[group[0]][Q.text] + '”' }),
      el('div', { class: 'side-by-side' }, group.map((i) => quoteCard(i))),
    ])));
    $('conflict-count').textContent = data.conflicts.length + ' sets of words given to more than one speaker';
    $('conflict-count').dataset.count = String(data.conflicts.length);
  }

  function show() {
    for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.view === state.view);
    for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + state.view;
    $('search').value = state.q;
    $('min-confidence').value = String(state.conf);
    $('kind').value = state.kind;
    $('conflicting-only').checked = state.conflicting;
    if (state.view === 'quotes') renderQuotes();
    else if (state.view === 'speakers') renderSpeakers();
    else if (state.view === 'conflicts') renderConflicts();
  }

  function update(change) {
    Object.assign(state, change);
    state.shown = PAGE;
    writeHash();
    show();
  }

  let pending = 0;
  $('search').addEventListener('input', (e) => {
    clearTimeout(pending);
    pending = setTimeout(() => update({ q: e.target.value }), 120);
  });
  $('min-confidence').addEventListener('change', (e) => update({ conf: Number(e.target.value) }));
  $('kind').addEventListener('change', (e) => update({ kind: e.target.value }));
  $('conflicting-only').addEventListener('change', (e) => update({ conflicting: e.target.checked }));
  $('clear-speaker').addEventListener('click', () => update({ speaker: '' }));
  $('more-quotes').addEventListener('click', () => { state.shown += PAGE; renderQuotes(); });
  $('more-speakers').addEventListener('click', () => { state.speakersShown += PAGE; renderSpeakers(); });
  $('speaker-search').addEventListener('input', () => { state.speakersShown = PAGE; renderSpeakers(); });
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => update({ view: b.dataset.view }));
  // A click on a speaker (a name in a card or the directory, a vertex of the network) shows
  // their quotes.
  document.addEventListener('click', (e) => {
    const target = e.target.closest('[data-speaker]');
    if (!target) return;
    e.preventDefault();
    update({ view: 'quotes', speaker: target.dataset.speaker, q: '' });
  });
  window.addEventListener('hashchange', () => { readHash(); show(); });

  $('summary').textContent = data.summary;
  readHash();
  show();
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
  document.body.dataset.ready = '1';
})();
