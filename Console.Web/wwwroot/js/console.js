// Small helpers the console calls through JS interop; served from this site so the CSP can forbid inline scripts.
window.consoleUi = {
  copy: async function (text) {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  }
};
