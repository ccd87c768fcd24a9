// Loaded by test pages (as a file, so a strict CSP allows it): records CSP violations.
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
});
