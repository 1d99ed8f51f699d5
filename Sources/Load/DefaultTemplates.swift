/// Templates for the pages the build generates from the model. A site overrides any of
/// them with a file of the same name in its own `templates/`.
enum DefaultTemplates {
    package static let all: [String: String] = [
        "figures": figures, "checks": checks, "sources": sources, "data": data,
        "deals": deals, "company": company, "companies": companies,
    ]

    package static let figures = """
    <article class="page generated figures">
      <h1>{{page.title}}</h1>
      <p class="standfirst">Every figure the story cites: its value, how it is computed, what it is computed from, and who reported the facts it rests on. Names, dates and notes are text, not figures, and are not listed.</p>
      <nav class="contents" id="contents" aria-label="Figures by collection">
        <h2>Contents</h2>
        <ul>{{#page.groups}}<li><a href="#{{anchor}}">{{title}}</a> <span class="meta">({{count}})</span></li>{{/page.groups}}</ul>
      </nav>
      {{#page.groups}}
      <section>
        <h2 id="{{anchor}}">{{title}}</h2>
        <dl class="figure-list">
        {{#figures}}
          <dt id="{{anchor}}"><code>{{reference}}</code></dt>
          <dd>
            <p class="figure-value"><strong>{{value}}</strong> — {{label}}</p>
            {{#unverifiable}}<p class="figure-unverifiable">{{unverifiable}}</p>{{/unverifiable}}
            {{#formula}}<p class="figure-formula">{{formula}}: <code>{{expression}}</code></p>{{/formula}}
            {{#has_inputs}}<ul class="figure-inputs">{{#inputs}}<li><a href="{{url}}"><code>{{reference}}</code></a>{{#value}}: {{value}}{{/value}}</li>{{/inputs}}</ul>{{/has_inputs}}
            {{^formula}}<p class="figure-written">As written in <code>{{file}}</code>, line {{line}}.</p>{{/formula}}
            {{#has_sources}}<p class="figure-sources">Sources: {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
          </dd>
        {{/figures}}
        </dl>
        <p class="back"><a href="#contents">Back to the contents</a></p>
      </section>
      {{/page.groups}}
    </article>
    """

    package static let checks = """
    <article class="page generated checks">
      <h1>{{page.title}}</h1>
      <p class="standfirst">Each statement a source makes that the data can test, held against what the data gives: {{page.consistent}} consistent, {{page.inconsistent}} inconsistent, {{page.unverifiable}} unverifiable, {{page.ambiguous}} ambiguous. Consistent: the data bears it out. Inconsistent: the data contradicts it. Unverifiable: the data cannot decide it. Ambiguous: the source says it in two ways that cannot both be meant.</p>
      {{#page.claims}}
      <section class="claim claim-{{status}}" id="{{id}}">
        <h2><span class="status">{{status_label}}</span> {{says}} — {{#figure_listed}}<a href="{{figure_url}}"><code>{{figure}}</code></a>{{/figure_listed}}{{^figure_listed}}<code>{{figure}}</code>{{/figure_listed}}</h2>
        <p>{{explanation}}</p>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#has_sources}}<p class="figure-sources">Sources: {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
      </section>
      {{/page.claims}}
    </article>
    """

    package static let sources = """
    <article class="page generated sources">
      <h1>{{page.title}}</h1>
      {{#page.sources}}
      <section class="source" id="{{id}}">
        <h2>{{publisher}}{{#date_html}}, {{{date_html}}}{{/date_html}}</h2>
        {{#link_url}}<p class="source-title" lang="{{language}}"><a href="{{link_url}}">{{link_text}}</a></p>{{/link_url}}
        {{#title_missing}}<p class="meta">The article’s title was not preserved.</p>{{/title_missing}}
        {{#title}}<p class="source-title" lang="{{language}}">{{title}}</p>{{/title}}
        {{#address}}<p class="meta">Address as recorded (not a web link): <code>{{address}}</code></p>{{/address}}
        {{#no_address}}<p class="meta">No web address is recorded for this article.</p>{{/no_address}}
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#has_figures}}<details><summary>{{figure_count_words}} on this source</summary><ul>{{#figures}}<li><a href="{{url}}"><code>{{reference}}</code></a>{{#value}}: {{value}}{{/value}}</li>{{/figures}}</ul></details>{{/has_figures}}
      </section>
      {{/page.sources}}
    </article>
    """

    package static let data = """
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

    package static let deals = """
    <article class="page generated deals">
      <h1>{{page.title}}</h1>
      <p class="standfirst">Money and power between companies. Totals add only deals of the same standing: money paid or signed for, money pledged (announced, often on conditions such as “up to”), and money still in talks are never added together.</p>
      <table class="data-table deals-table">
        <thead><tr><th>Deal</th><th>From</th><th>To</th><th>Kind</th><th class="num">Amount</th><th class="num">Power</th><th class="num">Term</th><th>Status</th><th>Date</th></tr></thead>
        <tbody>
        {{#page.deals}}<tr id="{{id}}"><td class="deal-name">{{name}}</td><td data-label="From"><a href="{{from_url}}">{{from}}</a></td><td data-label="To"><a href="{{to_url}}">{{to}}</a></td><td data-label="Kind">{{kind}}</td><td class="num" data-label="Amount">{{{amount_html}}}</td><td class="num" data-label="Power">{{{power_html}}}</td><td class="num" data-label="Term">{{{term_html}}}</td><td data-label="Status">{{status}}{{#modality_html}}; <span class="modality">{{{modality_html}}}</span>{{/modality_html}}{{#conditions}}; {{conditions}}{{/conditions}}</td><td data-label="Date">{{{date_html}}}</td></tr>
        {{/page.deals}}
        </tbody>
      </table>
      {{#page.has_totals}}
      <h2>Totals by standing</h2>
      <table class="data-table totals">
        <thead><tr><th>Kind</th><th>Standing</th><th class="num">Amount</th><th class="num">Power</th></tr></thead>
        <tbody>
        {{#page.totals}}<tr><th scope="row">{{kind}}</th><td data-label="Standing">{{standing}}</td><td class="num" data-label="Amount">{{amount}}</td><td class="num" data-label="Power">{{power}}</td></tr>
        {{/page.totals}}
        </tbody>
      </table>
      <ul class="meta">{{#page.standings}}<li><strong>{{words}}</strong>{{#has_statuses}}: status {{statuses}}{{/has_statuses}}</li>{{/page.standings}}</ul>
      {{/page.has_totals}}
    </article>
    """

    package static let companies = """
    <article class="page generated companies">
      <h1>{{page.title}}</h1>
      <ul class="page-list">
      {{#page.companies}}<li><a href="{{url}}">{{name}}</a> <span class="kind">{{kind}}</span></li>
      {{/page.companies}}
      </ul>
    </article>
    """

    package static let company = """
    <article class="page generated company">
      <h1>{{page.title}}</h1>
      {{#page.kind}}<p class="standfirst">{{page.kind}}</p>{{/page.kind}}
      {{#page.has_money}}
      <h2 id="money-in-deals">Money and power in its deals</h2>
      <p class="meta">By standing: money paid or signed for, pledged, and in talks are never added together.</p>
      <table class="data-table company-money" aria-labelledby="money-in-deals">
        <thead><tr><th><span class="visually-hidden">Total</span></th>{{#page.money_columns}}<th class="num" scope="col">{{words}}</th>{{/page.money_columns}}</tr></thead>
        <tbody>{{#page.money_rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="num" data-label="{{words}}">{{{html}}}</td>{{/cells}}</tr>{{/page.money_rows}}</tbody>
      </table>
      {{/page.has_money}}
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
