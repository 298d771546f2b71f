// Rainbow's analysts' dashboard: reads the serving API and redraws every few seconds while "live" is on.
(function () {
  'use strict';
  const REFRESH_MS = 2000;
  const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat('en-US');
  const $ = (id) => document.getElementById(id);
  // What the page shows, for people and for the browser test.
  const state = window.rainbowDashboard = { refreshes: 0, days: 0, points: 0, totalSales: null, lastError: null };
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

  function fillTable(id, rows, key) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren(...rows.slice(0, 10).map((r) => {
      const tr = document.createElement('tr');
      for (const value of ['#' + r[key], count.format(r.order_count), count.format(r.sales_quantity),
        money.format(Number(r.extended_sales_amount))]) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
      }
      return tr;
    }));
  }

  function showFreshness(f) {
    state.watermark = f.watermark;
    $('watermark').textContent = f.watermark ? f.watermark.replace('T00:00:00Z', '') + ' (days before it from batch)' : 'none yet (all from speed)';
    $('export').textContent = f.batch_export_id ? f.batch_export_id + ' (partition ' + f.batch_partition + ')' : '–';
    $('last-change').textContent = f.speed_last_change_at ? new Date(f.speed_last_change_at).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–';
    $('speed-lag').textContent = f.speed_lag_ms == null ? '–' : count.format(f.speed_lag_ms) + ' ms';
  }

  async function refresh() {
    const query = '?from=' + $('from').value + '&to=' + $('to').value;
    try {
      const [days, products, sellers, freshness] = await Promise.all([
        json('/api/v1/sales/daily' + query),
        json('/api/v1/sales/by-product' + query + '&limit=10'),
        json('/api/v1/sales/by-seller' + query + '&limit=10'),
        json('/api/v1/sales/freshness'),
      ]);
      showFreshness(freshness);
      drawChart(days);
      const total = days.reduce((t, d) => t + Number(d.extended_sales_amount), 0);
      $('total-sales').textContent = money.format(total);
      $('total-orders').textContent = count.format(days.reduce((t, d) => t + d.order_count, 0));
      $('total-units').textContent = count.format(days.reduce((t, d) => t + d.sales_quantity, 0));
      $('total-discounts').textContent = money.format(days.reduce((t, d) => t + Number(d.extended_discount_amount), 0));
      fillTable('top-products', products, 'product_id');
      fillTable('top-sellers', sellers, 'seller_id');
      Object.assign(state, { refreshes: state.refreshes + 1, days: days.length, totalSales: total.toFixed(2), lastError: null });
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
  $('live').addEventListener('change', schedule);
  window.addEventListener('resize', () => chart && chart.setSize({ width: Math.max(320, $('chart').clientWidth), height: 280 }));
  refresh();
  schedule();
})();
