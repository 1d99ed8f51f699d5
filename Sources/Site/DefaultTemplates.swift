/// Templates for the pages the build generates from the model. A site overrides any of
/// them with a file of the same name in its own `templates/`.
enum DefaultTemplates {
    static let all: [String: String] = [
        "figures": figures, "checks": checks, "sources": sources, "data": data,
        "deals": deals, "company": company, "companies": companies,
    ]

    static let figures = """
    <article class="page generated figures">
      <h1>{{page.title}}</h1>
      <p class="standfirst">Every figure the story cites: its value, how it is computed, what it is computed from, and who reported the facts it rests on.</p>
      {{#page.groups}}
      <section>
        <h2 id="{{collection}}">{{title}}</h2>
        <dl class="figure-list">
        {{#figures}}
          <dt id="{{anchor}}"><code>{{reference}}</code></dt>
          <dd>
            <p class="figure-value"><strong>{{value}}</strong> — {{label}}</p>
            {{#formula}}<p class="figure-formula">{{formula}}: <code>{{expression}}</code></p>{{/formula}}
            {{#has_inputs}}<ul class="figure-inputs">{{#inputs}}<li><a href="{{url}}"><code>{{reference}}</code></a> = {{value}}</li>{{/inputs}}</ul>{{/has_inputs}}
            {{^formula}}<p class="figure-written">As written in <code>{{file}}</code>, line {{line}}.</p>{{/formula}}
            {{#has_sources}}<p class="figure-sources">Sources: {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
          </dd>
        {{/figures}}
        </dl>
      </section>
      {{/page.groups}}
    </article>
    """

    static let checks = """
    <article class="page generated checks">
      <h1>{{page.title}}</h1>
      <p class="standfirst">Each statement a source makes that the data can test, held against what the data gives: {{page.consistent}} consistent, {{page.inconsistent}} inconsistent, {{page.unverifiable}} unverifiable, {{page.ambiguous}} ambiguous. Consistent: the data bears it out. Inconsistent: the data contradicts it. Unverifiable: the data cannot decide it. Ambiguous: the source says it in two ways that cannot both be meant.</p>
      {{#page.claims}}
      <section class="claim claim-{{status}}" id="{{id}}">
        <h2><span class="status">{{status_label}}</span> {{says}} — <a href="{{figure_url}}"><code>{{figure}}</code></a></h2>
        <p>{{explanation}}</p>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#has_sources}}<p class="figure-sources">Sources: {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
      </section>
      {{/page.claims}}
    </article>
    """

    static let sources = """
    <article class="page generated sources">
      <h1>{{page.title}}</h1>
      {{#page.sources}}
      <section class="source" id="{{id}}">
        <h2>{{publisher}}{{#date}}, <time datetime="{{date}}">{{date}}</time>{{/date}}</h2>
        <p class="source-title" lang="{{language}}">{{#url}}<a href="{{url}}">{{/url}}{{title}}{{#url}}</a>{{/url}}</p>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#has_figures}}<details><summary>{{figure_count}} figures rest on this source</summary><ul>{{#figures}}<li><a href="{{url}}"><code>{{reference}}</code></a> = {{value}}</li>{{/figures}}</ul></details>{{/has_figures}}
      </section>
      {{/page.sources}}
    </article>
    """

    static let data = """
    <article class="page generated data">
      <h1>{{page.title}}</h1>
      <p class="standfirst">The story's data and every derived figure, to download. Quantities come with their unit, low and high ends and qualifier.</p>
      <table class="data-table">
        <thead><tr><th>Collection</th><th class="num">Records</th><th>Download</th></tr></thead>
        <tbody>
        {{#page.collections}}<tr><td>{{name}}</td><td class="num">{{count}}</td><td><a href="{{csv_url}}">CSV</a> · <a href="{{json_url}}">JSON</a></td></tr>
        {{/page.collections}}
        <tr><td>All figures, derived and as written</td><td class="num">{{page.figure_count}}</td><td><a href="{{page.figures_csv_url}}">CSV</a> · <a href="{{page.figures_json_url}}">JSON</a></td></tr>
        </tbody>
      </table>
    </article>
    """

    static let deals = """
    <article class="page generated deals">
      <h1>{{page.title}}</h1>
      <table class="data-table">
        <thead><tr><th>Deal</th><th>From</th><th>To</th><th>Kind</th><th class="num">Amount</th><th class="num">Power</th><th class="num">Term</th><th>Status</th><th>Date</th></tr></thead>
        <tbody>
        {{#page.deals}}<tr id="{{id}}"><td>{{name}}</td><td><a href="{{from_url}}">{{from}}</a></td><td><a href="{{to_url}}">{{to}}</a></td><td>{{kind}}</td><td class="num">{{amount}}</td><td class="num">{{power}}</td><td class="num">{{term}}</td><td>{{status}}</td><td>{{date}}</td></tr>
        {{/page.deals}}
        </tbody>
        <tfoot>
        {{#page.totals}}<tr><th colspan="4">Total, {{kind}}</th><td class="num">{{amount}}</td><td class="num">{{power}}</td><td colspan="3"></td></tr>
        {{/page.totals}}
        </tfoot>
      </table>
    </article>
    """

    static let companies = """
    <article class="page generated companies">
      <h1>{{page.title}}</h1>
      <ul class="page-list">
      {{#page.companies}}<li><a href="{{url}}">{{name}}</a> <span class="kind">{{kind}}</span></li>
      {{/page.companies}}
      </ul>
    </article>
    """

    static let company = """
    <article class="page generated company">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{page.kind}}</p>
      {{#page.has_figures}}<dl class="company-figures">{{#page.figures}}<dt>{{label}}</dt><dd>{{{link}}}</dd>{{/page.figures}}</dl>{{/page.has_figures}}
      {{{page.chart}}}
      {{#page.sections}}
      <section>
        <h2>{{title}}</h2>
        <ul>{{#items}}<li>{{{html}}}</li>{{/items}}</ul>
      </section>
      {{/page.sections}}
    </article>
    """
}
