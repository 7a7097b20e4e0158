/* Draws the page's charts with Chart.js (vendor/chart.umd.min.js).
   The data sits in <script type="application/json" id="…"> blocks the server wrote with
   Jinja's tojson; each <canvas data-chart-source="…"> names its block. No inline script:
   the Content-Security-Policy allows scripts from this server only. */
"use strict";

(function () {
  var ACCENT = "#1f4e79";
  var FILL = "rgba(31, 78, 121, 0.18)";

  var HOUR = 3600000;
  var DAY = 24 * HOUR;

  function timeAxis(points) {
    // The server sends the portal's wall-clock time as epoch ms: read it back as UTC.
    // Ticks fall on whole days (or hours, for a short history), about six of them.
    var xs = points.map(function (point) { return point.x; });
    var first = Math.min.apply(null, xs);
    var last = Math.max.apply(null, xs);
    var lonely = last - first < HOUR; // one observation: a day either side of it
    var span = lonely ? 2 * DAY : last - first;
    var unit = span > 2 * DAY ? DAY : HOUR;
    var shown = unit === DAY ? 10 : 16;
    var axis = {
      type: "linear",
      ticks: {
        stepSize: Math.max(1, Math.ceil(span / 6 / unit)) * unit,
        callback: function (ms) {
          return new Date(ms).toISOString().slice(0, shown).replace("T", " ");
        },
      },
    };
    if (lonely) {
      axis.min = first - DAY;
      axis.max = last + DAY;
    }
    return axis;
  }

  function monthsChart(canvas, spec) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: [{
          label: spec.label,
          data: spec.values,
          backgroundColor: ACCENT,
          maxBarThickness: 48,
        }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  function viewsChart(canvas, spec) {
    return new Chart(canvas, {
      type: "line",
      data: {
        datasets: [{
          label: spec.label,
          data: spec.points,
          stepped: true, // the count held until the next observation
          borderColor: ACCENT,
          backgroundColor: FILL,
          fill: true,
          pointRadius: 3,
        }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) { return spec.labels[items[0].dataIndex]; },
            },
          },
        },
        scales: {
          x: timeAxis(spec.points),
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }

  var KINDS = { months: monthsChart, views: viewsChart };

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart-source"));
    if (!source || typeof Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var make = spec && KINDS[spec.kind];
    if (make) {
      make(canvas, spec);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart-source]").forEach(draw);
  });
})();
