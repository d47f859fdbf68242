// Small helpers the console calls through JS interop; served from this site so the CSP can forbid inline scripts.
window.consoleUi = {
  copy: async function (text) {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  },
  // <html data-circuit="ready">: the circuit has rendered this page, so its buttons and fields answer (browser tests wait for it).
  interactive: function () {
    document.documentElement.setAttribute("data-circuit", "ready");
  }
};

// The phone user menu: the account button opens it; a choice or a click elsewhere closes it. Plain markup, so no
// component per page has to keep its open state on the server.
document.addEventListener('click', function (e) {
  var toggle = e.target.closest && e.target.closest('.cc-usermenu-toggle');
  document.querySelectorAll('.cc-usermenu.cc-open').forEach(function (menu) {
    if (!toggle || !menu.contains(toggle)) { menu.classList.remove('cc-open'); menu.querySelector('.cc-usermenu-toggle').setAttribute('aria-expanded', 'false'); }
  });
  if (toggle) {
    var menu = toggle.parentElement;
    var open = menu.classList.toggle('cc-open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
});
