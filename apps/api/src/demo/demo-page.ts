// The demo practice's home page: what a real GP practice site looks like with the widgets embedded
// exactly as a practice would — one script tag (with SRI) and one element per component. All text,
// names and numbers are fictional; there is no inline script or style, so it runs under a strict CSP.

export interface DemoPageOptions {
  ods: string;
  reportKey: string;
  /** The `<script>` tag that loads the widgets (from the assets route's manifest). */
  scriptTag: string;
  /** Extra stylesheet links (the strict page adds hostile host CSS). */
  stylesheets: string[];
  strict: boolean;
  /** Placement of the conduct banner: inline card under the header, or a fixed top/bottom bar. */
  bannerVariant: 'inline' | 'top' | 'bottom';
}

export const escapeAttr = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function demoPage(options: DemoPageOptions): string {
  const ods = escapeAttr(options.ods);
  const links = options.stylesheets
    .map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`)
    .join('\n  ');
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Riverside Green Surgery${options.strict ? ' (strict CSP demo)' : ''}</title>
  <link rel="icon" href="data:,">
  <meta name="description" content="Riverside Green Surgery, 1 Mill Lane, Riverside Green. A fictional GP practice used to demonstrate the social media policy widgets.">
  ${links}
  ${options.scriptTag}
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  ${
    options.strict
      ? `<p class="demo-note" role="note">Strict demo: this page is served with <code>Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'</code> (no inline script or style, no eval) and deliberately hostile host CSS. <a href="/demo">Back to the normal demo</a>.</p>`
      : `<p class="demo-note" role="note">Demo site: Riverside Green Surgery is fictional. <a href="/demo/strict">See this page under a strict Content-Security-Policy with hostile CSS</a>.</p>`
  }
  <header class="site-header">
    <div class="container header-row">
      <a class="brand" href="/demo">
        <span class="brand-mark" aria-hidden="true">RG</span>
        <span class="brand-text"><span class="brand-name">Riverside Green Surgery</span><span class="brand-sub">NHS GP practice · Riverside Green</span></span>
      </a>
      <p class="header-phone">Call <a href="tel:01632960000">01632 960000</a></p>
    </div>
    <nav class="site-nav" aria-label="Main">
      <ul class="container">
        <li><a href="/demo" aria-current="page">Home</a></li>
        <li><a href="#appointments">Appointments</a></li>
        <li><a href="#prescriptions">Prescriptions</a></li>
        <li><a href="#results">Test results</a></li>
        <li><a href="#raise">Feedback and complaints</a></li>
        <li><a href="#contact">Contact us</a></li>
      </ul>
    </nav>
  </header>

  <main id="main" class="container">
    <policy-conduct-banner practice="${ods}" variant="${options.bannerVariant}"></policy-conduct-banner>

    <section class="hero" aria-labelledby="welcome">
      <h1 id="welcome">Welcome to Riverside Green Surgery</h1>
      <p class="lede">We are an NHS GP practice caring for about 9,400 patients in Riverside Green and Millbrook. Use the NHS App or our online form to contact us any time.</p>
    </section>

    <aside class="urgent" aria-labelledby="urgent-title">
      <h2 id="urgent-title">Need medical help now?</h2>
      <p>Use <a href="https://111.nhs.uk/">NHS 111 online</a> or call <a href="tel:111">111</a>. Call <a href="tel:999">999</a> if someone is seriously ill or injured and their life is at risk.</p>
    </aside>

    <div class="cards">
      <section class="card" id="appointments" aria-labelledby="appointments-title">
        <h2 id="appointments-title">Appointments</h2>
        <p>Book, check or cancel appointments in the NHS App, or tell us what you need with our online consultation form. Lines open at 8am.</p>
        <p><a href="https://www.riversidegreen-surgery.example/online-consultation">Contact us online</a></p>
      </section>
      <section class="card" id="prescriptions" aria-labelledby="prescriptions-title">
        <h2 id="prescriptions-title">Prescriptions</h2>
        <p>Order repeat prescriptions in the NHS App. Please allow 3 working days before collecting from your pharmacy.</p>
        <p><a href="https://www.nhs.uk/nhs-app/">Get the NHS App</a></p>
      </section>
      <section class="card" id="results" aria-labelledby="results-title">
        <h2 id="results-title">Test results</h2>
        <p>See most results in the NHS App. For results not shown there, call after 2pm when the lines are quieter.</p>
        <p><a href="tel:01632960000">Call 01632 960000</a></p>
      </section>
    </div>

    <div class="columns">
      <section class="panel" aria-labelledby="hours-title">
        <h2 id="hours-title">Opening hours</h2>
        <table class="hours">
          <caption class="visually-hidden">Surgery opening hours</caption>
          <tbody>
            <tr><th scope="row">Monday</th><td>8am to 6:30pm</td></tr>
            <tr><th scope="row">Tuesday</th><td>8am to 8pm (late surgery)</td></tr>
            <tr><th scope="row">Wednesday</th><td>8am to 6:30pm</td></tr>
            <tr><th scope="row">Thursday</th><td>8am to 1pm (staff training from 1pm)</td></tr>
            <tr><th scope="row">Friday</th><td>8am to 6:30pm</td></tr>
            <tr><th scope="row">Saturday and Sunday</th><td>Closed: use NHS 111</td></tr>
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="news-title">
        <h2 id="news-title">News</h2>
        <ul class="news">
          <li><h3>Flu and COVID-19 vaccines</h3><p class="date">Posted 2 October 2026</p><p>Autumn clinics run on Saturday mornings in October. Book in the NHS App.</p></li>
          <li><h3>New social media and conduct policy</h3><p class="date">Posted 1 September 2026</p><p>We have updated how we use social media and what we ask of everyone who uses the surgery.</p></li>
          <li><h3>Welcome, Dr Okonjo</h3><p class="date">Posted 14 August 2026</p><p>Dr Tom Okonjo has joined us as a GP partner.</p></li>
        </ul>
      </section>
    </div>

    <section class="section" id="raise" aria-labelledby="raise-title">
      <h2 id="raise-title" class="section-title">Feedback, complaints and getting in touch</h2>
      <policy-complaint-redirect practice="${ods}"></policy-complaint-redirect>
    </section>

    <section class="section" id="contact" aria-labelledby="contact-title">
      <h2 id="contact-title" class="section-title">Contact us</h2>
      <div class="columns">
        <div class="panel">
          <h3>Address</h3>
          <p>Riverside Green Surgery<br>1 Mill Lane<br>Riverside Green<br>Northshire NS1 4AB</p>
        </div>
        <div class="panel">
          <h3>Phone and online</h3>
          <p>Phone: <a href="tel:01632960000">01632 960000</a></p>
          <p><a href="https://www.riversidegreen-surgery.example/online-consultation">Online consultation form</a></p>
          <h3>Follow us</h3>
          <p>We post health news and surgery updates. We cannot reply to medical questions on social media.</p>
          <policy-complaint-redirect practice="${ods}"><a href="https://www.facebook.example/RiversideGreenSurgery">Riverside Green Surgery on Facebook</a></policy-complaint-redirect>
        </div>
      </div>
    </section>

    <section class="section staff" id="staff" aria-labelledby="staff-title">
      <h2 id="staff-title" class="section-title">Staff area: report a social media post</h2>
      <p>For practice staff. Reports go to the practice manager and follow our social media policy.</p>
      <policy-report-form practice="${ods}" report-key="${escapeAttr(options.reportKey)}"></policy-report-form>
    </section>
  </main>

  <footer class="site-footer">
    <div class="container footer-row">
      <ul class="footer-links">
        <li><a href="https://www.riversidegreen-surgery.example/complaints">Complaints</a></li>
        <li><a href="https://www.riversidegreen-surgery.example/social-media-policy">Social media policy</a></li>
        <li><a href="https://www.riversidegreen-surgery.example/privacy">Privacy notice</a></li>
        <li><a href="https://www.riversidegreen-surgery.example/accessibility">Accessibility statement</a></li>
      </ul>
      <p>Riverside Green Surgery, 1 Mill Lane, Riverside Green, Northshire NS1 4AB. Practice code ${ods}. Part of NHS Northshire Integrated Care Board.</p>
    </div>
  </footer>
</body>
</html>`;
}
