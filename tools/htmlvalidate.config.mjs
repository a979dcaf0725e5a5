// html-validate settings for the built site (e2e/links_test.go, TestHTMLValid).
// The recommended preset, with only the rules that conflict with a
// deliberate choice of the theme turned off or adjusted; each says why.
// (A JavaScript file rather than .htmlvalidate.json so that it can carry
// these comments: html-validate refuses comments and unknown keys in JSON.)
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Phone numbers are shown as 0319-7631779 with an ASCII hyphen so that
    // copying one gives a number a dialler and a search box accept; the
    // theme keeps a number on one line with CSS (.tel { white-space: nowrap }),
    // which is what the rule's non-breaking hyphen (U+2011) is for.
    "tel-non-breaking": "off",
    // The open-data page gives each file an anchor named after the file,
    // such as #file-items.csv, so a link names the file it points at. HTML
    // allows any id without spaces; relaxed mode checks exactly that.
    "valid-id": ["error", { relaxed: true }],
    // The 部门职责 unit filter is a form that exists only with JavaScript
    // and filters the list in place as the choice changes, announcing the
    // count in a live region: nothing is submitted and there is no change
    // of context (WCAG 3.2.2), so a submit button would do nothing.
    "wcag/h32": "off",
  },
};
