/* Helix charts: draws every <canvas data-chart="{...}"> (or data-chart-url="...") with the
 * vendored Chart.js. The JSON payload is {type, labels, datasets: [{label, data}], stacked,
 * title}. No inline scripts: pages only carry data attributes. */
(function () {
  "use strict";

  var PALETTE = ["#1f5fa8", "#c8102e", "#6c757d", "#2a9d8f", "#e9c46a", "#8e44ad", "#f4a261"];

  function draw(canvas, payload) {
    if (typeof Chart === "undefined" || !payload) {
      return;
    }
    var stacked = Boolean(payload.stacked);
    var datasets = (payload.datasets || []).map(function (dataset, index) {
      var colour = dataset.color || PALETTE[index % PALETTE.length];
      return {
        label: dataset.label,
        data: dataset.data,
        backgroundColor: colour,
        borderColor: colour,
        fill: false,
        tension: 0.2
      };
    });
    new Chart(canvas, {
      type: payload.type || "bar",
      data: { labels: payload.labels || [], datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: "bottom" },
          title: { display: Boolean(payload.title), text: payload.title || "" }
        },
        scales: {
          x: { stacked: stacked },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    canvas.setAttribute("data-chart-drawn", "1");
  }

  function init() {
    var canvases = document.querySelectorAll("canvas[data-chart], canvas[data-chart-url]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      var inline = canvas.getAttribute("data-chart");
      if (inline) {
        try {
          draw(canvas, JSON.parse(inline));
        } catch (error) {
          canvas.setAttribute("data-chart-error", String(error));
        }
        return;
      }
      fetch(canvas.getAttribute("data-chart-url"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (payload) { draw(canvas, payload); })
        .catch(function (error) { canvas.setAttribute("data-chart-error", String(error)); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
