/* Copy a read-only field to the clipboard: <button data-copy-field data-copied="Copied">
   next to the <input> in the same .input-group. */
(function () {
  "use strict";
  function flashLabel(button, text) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = text;
    window.setTimeout(function () { button.textContent = original; }, 2000);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy-field]");
    if (!button) {
      return;
    }
    var field = button.closest(".input-group").querySelector("input");
    field.focus();
    field.select();
    var done = function () { flashLabel(button, button.getAttribute("data-copied")); };
    var failed = function () {
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      flashLabel(button, button.getAttribute(copied ? "data-copied" : "data-copy-failed"));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, failed);
    } else {
      failed();
    }
  });
})();
