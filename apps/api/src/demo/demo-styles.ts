// Stylesheets for the demo pages, served as external files (the strict page allows no inline CSS).

/** A plausible GP practice site in the NHS.UK style. */
export const DEMO_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: Frutiger, Arial, sans-serif; color: #212b32; background: #f0f4f5; line-height: 1.5; }
a { color: #005eb8; }
a:visited { color: #330072; }
a:hover { color: #7c2855; }
a:focus-visible { outline: 4px solid transparent; background: #ffeb3b; color: #212b32; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; }
.container { max-width: 1000px; margin: 0 auto; padding: 0 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip-link { position: absolute; left: -9999px; top: 0; background: #ffeb3b; color: #212b32; padding: .75rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; }
.demo-note { margin: 0; padding: .5rem 1rem; background: #fff9c4; border-bottom: 1px solid #d8dde0; font-size: .875rem; text-align: center; }
.demo-note code { font-size: .8125rem; }
.site-header { background: #005eb8; color: #fff; }
.header-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 1rem; padding-top: 1rem; padding-bottom: 1rem; }
.brand { display: flex; align-items: center; gap: .75rem; color: #fff; text-decoration: none; }
.brand:visited, .brand:hover { color: #fff; }
.brand-mark { display: inline-grid; place-items: center; width: 3rem; height: 3rem; border: 2px solid #fff; border-radius: 4px; font-weight: 700; font-size: 1.25rem; letter-spacing: .02em; }
.brand-text { display: flex; flex-direction: column; }
.brand-name { font-size: 1.5rem; font-weight: 700; line-height: 1.2; }
.brand-sub { font-size: .9375rem; }
.header-phone { margin: 0; font-size: 1.125rem; }
.header-phone a, .header-phone a:visited { color: #fff; font-weight: 700; }
.header-phone a:focus-visible { color: #212b32; }
.site-nav { background: #fff; border-bottom: 1px solid #d8dde0; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 1.5rem; list-style: none; margin: 0 auto; padding-top: .75rem; padding-bottom: .75rem; }
.site-nav a { font-weight: 600; }
.site-nav a[aria-current] { color: #212b32; text-decoration: none; border-bottom: 4px solid #005eb8; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
main > * + * { margin-top: 1.5rem; }
h1 { font-size: 2.25rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .75rem; }
h3 { font-size: 1.1875rem; margin: 0 0 .25rem; }
p { margin: 0 0 .75rem; }
.lede { font-size: 1.1875rem; max-width: 44rem; }
.urgent { background: #fff; border-left: 10px solid #d5281b; padding: 1rem 1.5rem; }
.urgent h2 { font-size: 1.25rem; }
.urgent p { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.card, .panel { background: #fff; border: 1px solid #d8dde0; border-radius: 4px; padding: 1.25rem 1.5rem; }
.card { border-top: 4px solid #005eb8; }
.card p:last-child, .panel p:last-child { margin-bottom: 0; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.hours { width: 100%; border-collapse: collapse; }
.hours th, .hours td { text-align: left; padding: .5rem 0; border-bottom: 1px solid #d8dde0; vertical-align: top; }
.hours th { font-weight: 600; padding-right: 1rem; }
.news { list-style: none; margin: 0; padding: 0; }
.news li + li { margin-top: 1rem; padding-top: 1rem; border-top: 1px solid #d8dde0; }
.news .date { color: #4c6272; font-size: .875rem; margin-bottom: .25rem; }
.section-title { font-size: 1.75rem; }
.staff { border-top: 1px solid #d8dde0; padding-top: 1.5rem; }
.site-footer { background: #d8dde0; border-top: 4px solid #005eb8; padding: 1.5rem 0 2rem; font-size: .9375rem; }
.footer-links { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.site-footer p { margin: 0; color: #4c6272; }
`;

/** Deliberately hostile host CSS: the components must keep their own look and stay usable. */
export const HOSTILE_CSS = `
* { box-sizing: content-box !important; }
html, body { font-family: "Comic Sans MS", "Papyrus", fantasy !important; line-height: 3 !important; letter-spacing: .08em; }
body { text-transform: uppercase; }
button, input, select, textarea { all: unset; }
p { text-align: justify; text-indent: 3em; }
a { color: #c0f !important; }
section, div { border-radius: 0 !important; }
`;
