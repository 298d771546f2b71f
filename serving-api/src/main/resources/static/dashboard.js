// Rainbow's analysts' dashboard: reads the serving API and redraws every few seconds while "live" is on.
(function () {
  'use strict';
  const REFRESH_MS = 2000;
  const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat('en-US');
  const $ = (id) => document.getElementById(id);
  // What the page shows, for people and for the browser test.
  const state = window.rainbowDashboard = { refreshes: 0, days: 0, points: 0, totalSales: null, lastError: null,
    products: [], sellers: [], categories: [], csv: null };
  const TITLES = { day: 'Daily sales', week: 'Weekly sales', month: 'Monthly sales' };
  let chart = null;
  let timer = null;

  function utcDay(offsetDays) {
    const d = new Date(Date.now() + offsetDays * 86400000);
    return d.toISOString().slice(0, 10);
  }

  async function json(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.detail || response.statusText);
    }
    return body;
  }

  function watermarkPlugin() {
    return {
      hooks: {
        draw: [(u) => {
          const watermark = state.watermark;
          if (!watermark) return;
          const x = u.valToPos(Date.parse(watermark) / 1000, 'x', true);
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#9ca3af';
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        }],
      },
    };
  }

  function drawChart(days) {
    const xs = days.map((d) => Date.parse(d.date + 'T00:00:00Z') / 1000);
    const sales = days.map((d) => Number(d.extended_sales_amount));
    const orders = days.map((d) => d.order_count);
    const data = [xs, sales, orders];
    const width = Math.max(320, $('chart').clientWidth);
    if (!chart) {
      chart = new uPlot({
        width, height: 280,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        plugins: [watermarkPlugin()],
        scales: { x: { time: true }, orders: { auto: true } },
        series: [
          {},
          { label: 'sales', stroke: '#7c3aed', fill: 'rgba(124,58,237,0.12)', width: 2,
            value: (u, v) => v == null ? '–' : money.format(v) },
          { label: 'orders', stroke: '#10b981', width: 1.5, scale: 'orders' },
        ],
        axes: [{}, { label: 'sales', size: 70 }, { side: 1, scale: 'orders', label: 'orders', grid: { show: false } }],
      }, data, $('chart'));
    } else {
      chart.setSize({ width, height: 280 });
      chart.setData(data);
    }
    state.points = xs.length;
  }

  function cell(text, note) {
    const td = document.createElement('td');
    td.textContent = text;
    if (note) {
      const small = document.createElement('small');
      small.textContent = note;
      td.appendChild(small);
    }
    return td;
  }

  // A top list: each row's name (and a note under it, e.g. the category), orders, units, sales.
  function fillTable(id, rows, name, note) {
    $(id).querySelector('tbody').replaceChildren(...rows.slice(0, 10).map((r) => {
      const tr = document.createElement('tr');
      tr.append(cell(name(r), note && note(r)), cell(count.format(r.order_count)), cell(count.format(r.sales_quantity)),
        cell(money.format(Number(r.extended_sales_amount))));
      return tr;
    }));
  }

  function fillCategories(rows) {
    const total = rows.reduce((t, r) => t + Number(r.extended_sales_amount), 0);
    $('categories').querySelector('tbody').replaceChildren(...rows.map((r) => {
      const share = total > 0 ? Number(r.extended_sales_amount) / total : 0;
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.style.width = (100 * share).toFixed(1) + '%';
      bar.title = (100 * share).toFixed(1) + ' %';
      const barCell = document.createElement('td');
      barCell.appendChild(bar);
      const tr = document.createElement('tr');
      tr.append(cell(r.category), cell(count.format(r.order_count)), cell(money.format(Number(r.extended_sales_amount))),
        barCell);
      return tr;
    }));
  }

  function query() {
    return '?from=' + $('from').value + '&to=' + $('to').value;
  }

  // The chart's figures as CSV, from the same route with Accept: text/csv, saved as a file.
  async function downloadCsv() {
    const grain = $('grain').value;
    const response = await fetch('/api/v1/sales/daily' + query() + '&grain=' + grain, { headers: { Accept: 'text/csv' } });
    if (!response.ok) {
      $('status').textContent = 'cannot download: ' + response.statusText;
      return;
    }
    const text = await response.text();
    state.csv = text;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = 'rainbow-sales-' + grain + '-' + $('from').value + '-' + $('to').value + '.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function showFreshness(f) {
    state.watermark = f.watermark;
    $('watermark').textContent = f.watermark ? f.watermark.replace('T00:00:00Z', '') + ' (days before it from batch)' : 'none yet (all from speed)';
    $('export').textContent = f.batch_export_id ? f.batch_export_id + ' (partition ' + f.batch_partition + ')' : '–';
    $('last-change').textContent = f.speed_last_change_at ? new Date(f.speed_last_change_at).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–';
    $('speed-lag').textContent = f.speed_lag_ms == null ? '–' : count.format(f.speed_lag_ms) + ' ms';
  }

  async function refresh() {
    const range = query();
    try {
      const [days, products, sellers, categories, freshness] = await Promise.all([
        json('/api/v1/sales/daily' + range + '&grain=' + $('grain').value),
        json('/api/v1/sales/by-product' + range + '&limit=10'),
        json('/api/v1/sales/by-seller' + range + '&limit=10'),
        json('/api/v1/sales/by-category' + range),
        json('/api/v1/sales/freshness'),
      ]);
      $('chart-title').textContent = TITLES[$('grain').value];
      showFreshness(freshness);
      drawChart(days);
      const total = days.reduce((t, d) => t + Number(d.extended_sales_amount), 0);
      $('total-sales').textContent = money.format(total);
      $('total-orders').textContent = count.format(days.reduce((t, d) => t + d.order_count, 0));
      $('total-units').textContent = count.format(days.reduce((t, d) => t + d.sales_quantity, 0));
      $('total-discounts').textContent = money.format(days.reduce((t, d) => t + Number(d.extended_discount_amount), 0));
      fillTable('top-products', products, (p) => p.product_name, (p) => p.category);
      fillTable('top-sellers', sellers, (s) => s.seller_name);
      fillCategories(categories);
      Object.assign(state, { refreshes: state.refreshes + 1, days: days.length, totalSales: total.toFixed(2), lastError: null,
        products: products.map((p) => p.product_name), sellers: sellers.map((s) => s.seller_name),
        categories: categories.map((c) => c.category) });
      $('status').textContent = 'updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
      $('status').classList.remove('error');
    } catch (e) {
      state.lastError = String(e.message || e);
      $('status').textContent = 'cannot load: ' + state.lastError;
      $('status').classList.add('error');
    }
  }

  function schedule() {
    clearInterval(timer);
    if ($('live').checked) timer = setInterval(refresh, REFRESH_MS);
  }

  $('from').value = utcDay(-29);
  $('to').value = utcDay(0);
  $('range').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  $('grain').addEventListener('change', refresh);
  $('csv').addEventListener('click', downloadCsv);
  $('live').addEventListener('change', schedule);
  window.addEventListener('resize', () => chart && chart.setSize({ width: Math.max(320, $('chart').clientWidth), height: 280 }));
  refresh();
  schedule();
})();
