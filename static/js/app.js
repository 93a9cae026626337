// Two small jobs that need the browser: tell the server the reader's time zone, and count down to upcoming rounds.
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var current = (document.cookie.match(/(?:^|; )tz=([^;]*)/) || [])[1];
    if (zone && decodeURIComponent(current || "") !== zone) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
    }
  } catch (e) { /* an old browser keeps the server's guess */ }

  function remaining(ms) {
    if (ms <= 0) return "now";
    var minutes = Math.floor(ms / 60000), days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    var parts = [];
    if (days) parts.push(days + (days === 1 ? " day" : " days"));
    if (hours || days) parts.push(hours + " h");
    if (!days) parts.push(mins + " min");
    return "in " + parts.join(" ");
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var at = Date.parse(el.getAttribute("data-countdown"));
      if (!isNaN(at)) el.textContent = remaining(at - now);
    });
  }
  if (document.querySelector("[data-countdown]")) {
    tick();
    setInterval(tick, 30000);
  }
})();
