// Rainbow's batch console: the asset graph, the partitions x assets grid, an asset's page and the runs, read from
// batch-pipeline's API; its buttons make the same calls as ./rainbow run-partition | backfill | materialize | rerun.
(function () {
  'use strict';
  const REFRESH_MS = 3000;
  const TOKEN_KEY = 'rainbow.operatorToken';
  const $ = (id) => document.getElementById(id);
  const count = new Intl.NumberFormat('en-US');
  // What the page shows, for people and for the browser test.
  const state = window.rainbowConsole = {
    refreshes: 0, graphNodes: [], nodeStates: {}, grid: {}, watermark: null, runs: [], asset: null, lastError: null,
  };
  let graph = null;
  let graphKey = null;
  let chart = null;
  let openRun = null;
  // What is drawn, so that a refresh that brings nothing new leaves the page (and a tooltip, a click) alone.
  const drawn = {};

  function changed(part, data) {
    const key = JSON.stringify(data);
    if (drawn[part] === key) return false;
    drawn[part] = key;
    return true;
  }

  function utcDay(offsetDays) {
    return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
  }

  function days(from, to) {
    const out = [];
    for (let d = new Date(from + 'T00:00:00Z'); d <= new Date(to + 'T00:00:00Z'); d = new Date(d.getTime() + 86400000)) {
      out.push(d.toISOString().slice(0, 10));
    }
    return out;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  async function call(method, path) {
    const headers = { Accept: 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (method !== 'GET' && token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { method, headers });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) throw new Error('the operator token is missing or wrong (enter it above)');
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  function range() {
    return '?from=' + $('from').value + '&to=' + $('to').value;
  }

  function showError(e) {
    state.lastError = String(e.message || e);
    $('status').textContent = 'cannot load: ' + state.lastError;
    $('status').classList.add('error');
  }

  function shown() {
    state.refreshes += 1;
    state.lastError = null;
    $('status').textContent = 'updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
    $('status').classList.remove('error');
  }

  // --- the asset graph: dagre lays the DAG out in layers, cytoscape draws it ---

  function drawGraph(nodes) {
    const key = nodes.map((n) => n.name + ':' + n.upstream.join(',')).join(';');
    if (graph && key === graphKey) return;
    graphKey = key;
    const layout = new dagre.graphlib.Graph();
    layout.setGraph({ rankdir: 'LR', nodesep: 8, ranksep: 70, marginx: 10, marginy: 10 });
    layout.setDefaultEdgeLabel(() => ({}));
    nodes.forEach((n) => layout.setNode(n.name, { width: 7 * n.name.length + 24, height: 24 }));
    nodes.forEach((n) => n.upstream.forEach((up) => layout.setEdge(up, n.name)));
    dagre.layout(layout);
    const elements = nodes.map((n) => ({
      data: { id: n.name, label: n.name, kind: n.kind, width: layout.node(n.name).width, state: 'MISSING' },
      position: { x: layout.node(n.name).x, y: layout.node(n.name).y },
    }));
    nodes.forEach((n) => n.upstream.forEach((up) => elements.push({ data: { id: up + '->' + n.name, source: up, target: n.name } })));
    if (graph) graph.destroy();
    graph = cytoscape({
      container: $('graph'), elements, layout: { name: 'preset' }, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          shape: 'round-rectangle', width: 'data(width)', height: 24, label: 'data(label)', 'font-size': 11,
          'text-valign': 'center', 'text-halign': 'center', color: '#1f2430', 'background-color': '#e5e7eb',
          'border-width': 1, 'border-color': '#9ca3af' } },
        { selector: 'node[kind = "EXTRACT"], node[kind = "LOAD"], node[kind = "EXPORT"]', style: { shape: 'rectangle' } },
        { selector: 'node[state = "OK"]', style: { 'background-color': '#bbf7d0', 'border-color': '#16a34a' } },
        { selector: 'node[state = "OUT_OF_SYNC"]', style: { 'background-color': '#fde68a', 'border-color': '#f59e0b' } },
        { selector: 'node[state = "FAILED"], node[state = "CHECK_FAILED"]', style: { 'background-color': '#fecaca', 'border-color': '#dc2626', 'border-width': 2 } },
        { selector: 'node[state = "SKIPPED"]', style: { 'background-color': '#d1d5db', 'border-style': 'dashed' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#cbd5e1', 'target-arrow-color': '#cbd5e1',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.7 } },
      ],
    });
    graph.on('tap', 'node', (e) => { location.hash = '#/asset/' + e.target.id(); });
    graph.fit(undefined, 10);
    state.graphNodes = graph.nodes().map((n) => n.id());
  }

  function colourGraph(partitions) {
    const day = $('partition').value;
    $('graph-partition').textContent = day;
    const partition = partitions.find((p) => p.partition === day);
    const states = {};
    (partition ? partition.assets : []).forEach((a) => { states[a.asset] = a.state; });
    graph.nodes().forEach((n) => n.data('state', states[n.id()] || 'MISSING'));
    state.nodeStates = Object.fromEntries(graph.nodes().map((n) => [n.id(), n.data('state')]));
  }

  // --- the partitions x assets grid ---

  function drawGrid(nodes, partitions, watermark) {
    const dates = days($('from').value, $('to').value);
    if (!changed('grid', [dates, nodes, partitions, watermark, $('partition').value])) return;
    const byDay = {};
    partitions.forEach((p) => { byDay[p.partition] = Object.fromEntries(p.assets.map((a) => [a.asset, a])); });
    const watermarkDay = watermark && watermark !== '1970-01-01T00:00:00Z' ? watermark.slice(0, 10) : null;
    const head = el('tr', {}, el('th', {}, ''), dates.map((d) => el('th', {
      class: (d === $('partition').value ? 'selected' : '') + (d === watermarkDay ? ' watermark' : ''),
      title: 'show the graph for ' + d, onclick: () => { $('partition').value = d; refresh(); },
    }, d)));
    const grid = {};
    let group = null;
    const rows = [];
    layered(nodes).forEach((n) => {
      if (n.group !== group) {
        group = n.group;
        rows.push(el('tr', { class: 'group' }, el('th', { colspan: dates.length + 1 }, group)));
      }
      grid[n.name] = {};
      rows.push(el('tr', {}, el('th', {}, el('a', { href: '#/asset/' + n.name }, n.name)), dates.map((d) => {
        const a = byDay[d] && byDay[d][n.name];
        const cellState = a ? a.state : 'MISSING';
        grid[n.name][d] = cellState;
        const title = n.name + ' ' + d + ': ' + cellState + (a && a.materialization.message ? ' — ' + a.materialization.message : '')
          + (a && a.staleCauses.length ? ' — ' + a.staleCauses.join('; ') : '');
        return el('td', { class: cellState + (d === watermarkDay ? ' watermark' : '') },
          el('a', { href: '#/asset/' + n.name, title, 'data-asset': n.name, 'data-day': d, 'data-state': cellState }));
      })));
    });
    $('grid').replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, rows)));
    state.grid = grid;
  }

  /** The assets by group, the groups in the order their last asset comes (extract, raw, staging, marts, export). */
  function layered(nodes) {
    const last = {};
    nodes.forEach((n, i) => { last[n.group] = i; });
    return nodes.map((n, i) => [n, i]).sort((a, b) => last[a[0].group] - last[b[0].group] || a[1] - b[1]).map(([n]) => n);
  }

  // --- runs, their step log, and the buttons ---

  function took(run) {
    if (!run.started) return '';
    const end = run.ended ? Date.parse(run.ended) : Date.now();
    return Math.round((end - Date.parse(run.started)) / 1000) + ' s';
  }

  function drawRuns(runs) {
    state.runs = runs;
    if (!changed('runs', runs)) return;
    $('runs').querySelector('tbody').replaceChildren(...runs.map((r) => {
      const what = r.job === 'backfill' ? 'backfill ' + r.from + ' → ' + r.to : 'partition ' + r.partition;
      const rerun = r.status === 'FAILED' && !(r.job === 'partition' && r.from)
        ? el('button', { class: 'rerun', 'data-run': r.id, onclick: () => launch('POST', '/api/v1/executions/' + r.id + '/restarts', 'run ' + r.id + ' again') }, 'Re-run failed')
        : '';
      return el('tr', { 'data-run': r.id },
        el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); openRun = r.id; drawRunLog(); } }, '#' + r.id)),
        el('td', {}, what + (r.select ? ' (' + r.select + ')' : '')),
        el('td', { class: 'status-' + r.status, title: r.failure || '' }, r.status),
        el('td', {}, el('progress', { max: Math.max(1, r.total), value: r.done }), ' ' + r.done + '/' + r.total),
        el('td', {}, r.started ? r.started.slice(0, 19).replace('T', ' ') : ''),
        el('td', {}, took(r)),
        el('td', {}, rerun));
    }));
  }

  async function drawRunLog() {
    if (openRun == null) return;
    const log = await call('GET', '/api/v1/runs/' + openRun);
    if (!changed('runLog', log)) return;
    const checks = {};
    log.records.checks.forEach((c) => { (checks[c.asset] = checks[c.asset] || []).push(c); });
    $('run-log').replaceChildren(
      el('h3', {}, 'Run #' + log.run.id + ': ' + log.run.status + (log.run.failure ? ' — ' + log.run.failure : '')),
      el('ol', {}, log.steps.map((s) => el('li', { class: 'status-' + s.status },
        s.name + ' ' + s.status + (s.started && s.ended ? ' (' + (Date.parse(s.ended) - Date.parse(s.started)) + ' ms)' : '')))),
      log.records.materializations.length ? el('h3', {}, 'Assets') : '',
      el('ol', {}, log.records.materializations.map((m) => el('li', {},
        m.asset + ' ' + m.status + (m.rows == null ? '' : ', ' + count.format(m.rows) + ' rows') + ', ' + m.durationMillis + ' ms'
        + (m.message ? ' — ' + m.message.split('\n')[0] : '')
        + (checks[m.asset] ? '; checks ' + checks[m.asset].filter((c) => c.status === 'PASSED').length + '/' + checks[m.asset].length + ' passed' : '')))));
  }

  async function launch(method, path, what) {
    $('launch-status').classList.remove('error');
    $('launch-status').textContent = 'started: ' + what;
    try {
      const result = await call(method, path);
      $('launch-status').textContent = what + ': ' + (result.status || 'started');
    } catch (e) {
      $('launch-status').textContent = what + ': ' + e.message;
      $('launch-status').classList.add('error');
    }
    refresh();
  }

  function wireLaunchers() {
    $('run-partition').addEventListener('submit', (e) => {
      e.preventDefault();
      const date = e.target.date.value;
      launch('POST', '/api/v1/partitions/' + date + '/runs', 'partition ' + date);
      setTimeout(refresh, 500);
    });
    $('backfill').addEventListener('submit', (e) => {
      e.preventDefault();
      launch('POST', '/api/v1/backfills?from=' + e.target.from.value + '&to=' + e.target.to.value,
        'backfill ' + e.target.from.value + ' → ' + e.target.to.value);
    });
    $('materialize').addEventListener('submit', (e) => {
      e.preventDefault();
      const f = e.target;
      const select = encodeURIComponent(f.select.value.trim());
      if (f.from.value === f.to.value) {
        launch('POST', '/api/v1/partitions/' + f.from.value + '/runs?select=' + select, f.select.value + ' on ' + f.from.value);
        setTimeout(refresh, 500);
      } else {
        launch('POST', '/api/v1/backfills?from=' + f.from.value + '&to=' + f.to.value + '&select=' + select,
          f.select.value + ' on ' + f.from.value + ' → ' + f.to.value);
      }
    });
    $('auth').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('token').value.trim();
      if (token) sessionStorage.setItem(TOKEN_KEY, token); else sessionStorage.removeItem(TOKEN_KEY);
      $('token').value = '';
      $('token').placeholder = token ? 'kept for this tab' : 'for runs';
    });
    if (sessionStorage.getItem(TOKEN_KEY)) $('token').placeholder = 'kept for this tab';
  }

  // --- an asset's page ---

  function drawAsset(report) {
    if (!changed('asset', report)) return;
    const a = report.asset;
    const link = (name) => el('a', { href: '#/asset/' + name }, name);
    const links = (names) => names.length ? names.flatMap((n, i) => i ? [', ', link(n)] : [link(n)]) : ['–'];
    $('asset-name').textContent = a.name;
    $('asset-meta').replaceChildren(
      el('dt', {}, 'kind'), el('dd', {}, a.kind.toLowerCase() + ' (' + a.group + ')'),
      el('dt', {}, 'reads'), el('dd', {}, links(a.upstream)),
      el('dt', {}, 'feeds'), el('dd', {}, links(report.downstream)),
      el('dt', {}, 'checks'), el('dd', {}, a.checks.length ? a.checks.join(', ') : '–'));
    drawAssetChart(report.partitions);
    const failing = {};
    $('asset-checks').replaceChildren(...(report.partitions.length ? [] : [el('p', {}, 'no partition in the range')]),
      ...report.partitions.slice().reverse().filter((p) => p.checks.length).map((p) => el('div', {},
        el('h3', {}, p.materialization.partition + ' — ' + p.state),
        el('table', { class: 'checks' }, el('tbody', {}, p.checks.map((c) => {
          if (c.status !== 'PASSED') failing[c.check + '@' + c.partition] = c.failingRows;
          return el('tr', { 'data-check': c.check, 'data-day': c.partition },
            el('td', { class: c.status === 'PASSED' ? 'PASSED' : 'FAILED-text' }, c.status),
            el('td', {}, c.check),
            el('td', {}, c.status === 'PASSED' ? '' : [count.format(c.failingRows) + ' failing rows', c.message ? ' — ' + c.message : '',
              sampleTable(c.sample)]));
        }))))));
    $('asset-check-history').replaceChildren(el('summary', {}, 'every evaluation in the range (' + report.checkHistory.length + ')'),
      el('table', { class: 'checks' }, el('tbody', {}, report.checkHistory.map((c) => el('tr', {},
        el('td', {}, c.partition), el('td', {}, c.runId == null ? '' : '#' + c.runId),
        el('td', { class: c.status === 'PASSED' ? 'PASSED' : 'FAILED-text' }, c.status), el('td', {}, c.check),
        el('td', {}, count.format(c.failingRows)), el('td', {}, c.evaluatedAt.slice(0, 19).replace('T', ' ')))))));
    $('asset-history').querySelector('tbody').replaceChildren(...report.history.map((m) => el('tr', {},
      el('td', {}, m.partition), el('td', {}, m.runId == null ? '' : '#' + m.runId), el('td', {}, m.status),
      el('td', {}, m.rows == null ? '–' : count.format(m.rows)), el('td', {}, m.inserted == null ? '–' : count.format(m.inserted)),
      el('td', {}, m.updated == null ? '–' : count.format(m.updated)), el('td', {}, m.durationMillis),
      el('td', {}, m.materializedAt.slice(0, 19).replace('T', ' ')), el('td', {}, m.message ? m.message.split('\n')[0] : ''))));
    const sql = Object.entries(report.compiledSql);
    $('asset-sql').replaceChildren(...(sql.length ? [] : [el('p', {}, 'none recorded')]), ...sql.map(([name, text]) =>
      el('details', name === a.name ? { open: '' } : {}, el('summary', {}, name), el('pre', {}, text))));
    state.asset = { name: a.name, partitions: report.partitions.length, failing };
  }

  function sampleTable(rows) {
    if (!rows.length) return '';
    const columns = Object.keys(rows[0]);
    return el('table', { class: 'sample' }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', {}, r[c] == null ? 'null' : String(r[c])))))));
  }

  function drawAssetChart(partitions) {
    const xs = partitions.map((p) => Date.parse(p.materialization.partition + 'T00:00:00Z') / 1000);
    const data = [xs, partitions.map((p) => p.materialization.rows), partitions.map((p) => p.materialization.durationMillis)];
    const width = Math.max(320, $('asset-chart').clientWidth);
    if (chart) chart.destroy();
    chart = new uPlot({
      width, height: 220,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, ms: { auto: true } },
      series: [{}, { label: 'rows', stroke: '#7c3aed', width: 2, points: { show: true } },
        { label: 'duration (ms)', stroke: '#10b981', width: 1.5, scale: 'ms', points: { show: true } }],
      axes: [{}, { label: 'rows', size: 60 }, { side: 1, scale: 'ms', label: 'ms', grid: { show: false } }],
    }, data, $('asset-chart'));
  }

  // --- navigation and refresh ---

  function route() {
    const match = location.hash.match(/^#\/asset\/(.+)$/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async function refresh() {
    const asset = route();
    $('overview').hidden = asset != null;
    $('asset-page').hidden = asset == null;
    try {
      if (asset) {
        drawAsset(await call('GET', '/api/v1/assets/' + encodeURIComponent(asset) + range()));
      } else {
        const [assets, runs] = await Promise.all([call('GET', '/api/v1/assets' + range()), call('GET', '/api/v1/runs?limit=15')]);
        state.watermark = assets.watermark;
        $('watermark').textContent = assets.watermark === '1970-01-01T00:00:00Z' ? 'none yet' : assets.watermark.slice(0, 10);
        drawGraph(assets.graph);
        colourGraph(assets.partitions);
        drawGrid(assets.graph, assets.partitions, assets.watermark);
        drawRuns(runs);
        await drawRunLog();
      }
      shown();
    } catch (e) {
      showError(e);
    }
  }

  // ?from=&to=&partition= make a view bookmarkable; the default is the last 30 days.
  const query = new URLSearchParams(location.search);
  $('to').value = query.get('to') || utcDay(-1);
  $('from').value = query.get('from') || utcDay(-30);
  $('partition').value = query.get('partition') || $('to').value;
  for (const form of ['run-partition', 'materialize']) {
    $(form).querySelectorAll('input[type=date]').forEach((i) => { i.value = utcDay(-1); });
  }
  $('backfill').from.value = utcDay(-7);
  $('backfill').to.value = utcDay(-1);
  $('range').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  window.addEventListener('hashchange', refresh);
  window.addEventListener('resize', () => graph && graph.fit(undefined, 10));
  wireLaunchers();
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
