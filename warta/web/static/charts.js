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

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function showPerSite(sites) {
    // Built with textContent and our own relative links: nothing from the archive is markup.
    var list = document.getElementById("per-site");
    if (!list || sites.length < 2) {
      return;
    }
    sites.forEach(function (site, i) {
      var link = document.createElement("a");
      link.href = site.href;
      link.textContent = site.name;
      list.appendChild(link);
      list.appendChild(document.createTextNode(
        " (" + site.articles + ")" + (i < sites.length - 1 ? ", " : "")));
    });
    list.hidden = false;
  }

  function showCounts(canvas, counts) {
    if (counts.months && typeof Chart !== "undefined") {
      canvas.closest("figure").hidden = false;
      monthsChart(canvas, counts.months);
    }
    var undated = document.getElementById("undated");
    if (undated && counts.undated) {
      undated.textContent = plural(counts.undated, "matching article") + " with no date.";
      undated.hidden = false;
    }
    showPerSite(counts.per_site);
  }

  function load(canvas) {
    // The search page shows its results first; counting every match per month comes after.
    fetch(canvas.getAttribute("data-counts-url"), { headers: { Accept: "application/json" } })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (counts) {
        if (counts) {
          showCounts(canvas, counts);
        }
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart-source]").forEach(draw);
    document.querySelectorAll("canvas[data-counts-url]").forEach(load);
  });
})();
