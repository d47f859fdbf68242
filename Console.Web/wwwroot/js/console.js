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
