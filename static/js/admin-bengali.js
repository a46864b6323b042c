/* The admin's scripts write text after the page has loaded: the "০ of ২৩ selected" counter, the
   calendar and the clock, the time-zone note. Their digits are shown in Bengali, as the server
   shows every other number of the admin (charter_portal/bangla.py); only text is changed, never
   an input's value, so a date the calendar puts in a field stays parseable. The translated
   fields' tabs and the language switch say the language's name ("বাংলা", "English"), not its code. */
(function () {
  "use strict";
  var DIGITS = "০১২৩৪৫৬৭৮৯";
  var WIDGETS = ".action-counter, .calendarbox, .clockbox, .timezonewarning";
  var LANGUAGES = { bn: "বাংলা", en: "English" };

  function bengali(text) {
    return text.replace(/[0-9]/g, function (d) { return DIGITS[d]; });
  }

  function convert(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (/[0-9]/.test(node.nodeValue)) {
        node.nodeValue = bengali(node.nodeValue);
      }
    }
  }

  function relabelTabs(root) {
    root.querySelectorAll(".ui-tabs-nav a, #modeltranslation-main-switch option").forEach(function (link) {
      var name = LANGUAGES[link.textContent.trim()];
      if (name) {
        link.textContent = name;
      }
    });
  }

  function update() {
    document.querySelectorAll(WIDGETS).forEach(convert);
    relabelTabs(document);
  }

  function start() {
    update();
    // One pass per batch of changes (the observer sees its own changes once more, then nothing).
    new MutationObserver(update).observe(document.body, { childList: true, characterData: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
