// liaison web: keyboard navigation on the due page (j/k, Enter, s, d, n). No build step;
// served by the binary; the CSP allows scripts from this server only.
(function () {
  "use strict";
  function rows() { return Array.prototype.slice.call(document.querySelectorAll(".action")); }
  function typing(e) {
    var t = e.target && e.target.tagName;
    return t === "INPUT" || t === "TEXTAREA" || t === "SELECT";
  }
  document.addEventListener("keydown", function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n") {
      var next = document.querySelector('a[rel="next"]');
      if (next) { window.location.href = next.getAttribute("href"); e.preventDefault(); }
      return;
    }
    var list = rows();
    if (!list.length) return;
    var i = list.indexOf(document.activeElement);
    if (e.key === "j" || e.key === "ArrowDown") {
      list[Math.min(i + 1, list.length - 1)].focus(); e.preventDefault();
    } else if (e.key === "k" || e.key === "ArrowUp") {
      list[Math.max(i - 1, 0)].focus(); e.preventDefault();
    } else if (i >= 0 && e.key === "Enter" && e.target === list[i]) {
      window.location.href = list[i].getAttribute("data-href");
    } else if (i >= 0 && (e.key === "s" || e.key === "d")) {
      var f = list[i].querySelector(e.key === "s" ? "form.send" : "form.dismiss");
      if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); }
    }
  });
})();
