/// Templates for the pages the build generates from the model. A site overrides any of
/// them with a file of the same name in its own `templates/`.
enum DefaultTemplates {
    package static let all: [String: String] = [
        "figures": figures, "checks": checks, "sources": sources, "data": data,
        "deals": deals, "company": company, "companies": companies, "assumptions": assumptions, "changes": changes,
    ]

    package static let figures = """
    <article class="page generated figures">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{i18n.figures_intro}}</p>
      <nav class="contents" id="contents" aria-label="{{i18n.figures_by_collection}}">
        <h2>{{i18n.contents}}</h2>
        <ul>{{#page.groups}}<li><a href="#{{anchor}}">{{title}}</a> <span class="meta">({{count}})</span></li>{{/page.groups}}</ul>
      </nav>
      {{#page.groups}}
      <section>
        <h2 id="{{anchor}}">{{title}}</h2>
        <dl class="figure-list">
        {{#figures}}
          <dt id="{{anchor}}"><code>{{reference}}</code></dt>
          <dd>
            <p class="figure-value"><strong>{{value}}</strong> — {{label}}</p>{{#history}}<p class="figure-history">{{{history}}}</p>{{/history}}{{#correction_html}}<p class="corrected-mark">{{{correction_html}}}</p>{{/correction_html}}
            {{#unverifiable}}<p class="figure-unverifiable">{{unverifiable}}</p>{{/unverifiable}}
            {{#formula}}<p class="figure-formula">{{formula}}: <code>{{expression}}</code></p>{{/formula}}
            {{#drivers}}{{{drivers}}}{{/drivers}}
            {{#has_inputs}}<ul class="figure-inputs">{{#inputs}}<li><a href="{{url}}"><code>{{reference}}</code></a>{{#value}}: {{value}}{{/value}}</li>{{/inputs}}</ul>{{/has_inputs}}
            {{^formula}}<p class="figure-written">{{i18n.figure_written_in}} <code>{{file}}</code>, {{i18n.figure_written_line}} {{line}}.</p>{{/formula}}
            {{#has_sources}}<p class="figure-sources">{{i18n.sources_lead}} {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
            {{#has_assumptions}}<p class="figure-assumptions">{{assumptions_label}}: {{#assumptions}}<a href="{{url}}"><code>{{id}}</code></a>{{^last}}, {{/last}}{{/assumptions}}.</p>{{/has_assumptions}}
          </dd>
        {{/figures}}
        </dl>
        <p class="back"><a href="#contents">{{i18n.back_to_contents}}</a></p>
      </section>
      {{/page.groups}}
    </article>
    """

    package static let assumptions = """
    <article class="page generated assumptions">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{page.words_standfirst}} <code>capex explain REF --assume ID=VALUE</code>.</p>
      {{#page.assumptions}}
      <section class="assumption" id="{{id}}">
        <h2><code>{{id}}</code></h2>
        <p>{{statement}}</p>
        <p class="assumption-value">{{page.words_value}}: {{#value_url}}<a href="{{value_url}}">{{value}}</a>{{/value_url}}{{^value_url}}{{value}}{{/value_url}}</p>
        <p class="figure-sources">{{page.words_source}}: {{#is_editors}}{{page.words_editor}}{{/is_editors}}{{^is_editors}}{{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}{{/is_editors}}</p>
        {{#has_figures}}<details open><summary>{{page.words_dependents}} ({{figure_count}})</summary><ul>{{#figures}}<li><a href="{{url}}"><code>{{reference}}</code></a>{{#value}}: {{value}}{{/value}}</li>{{/figures}}</ul></details>{{/has_figures}}
        {{^has_figures}}<p class="meta">{{page.words_no_dependents}}</p>{{/has_figures}}
      </section>
      {{/page.assumptions}}
    </article>
    """

    package static let checks = """
    <article class="page generated checks">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{i18n.checks_intro}} {{page.tally}}. {{i18n.checks_legend}}</p>
      {{#page.claims}}
      <section class="claim claim-{{status}}" id="{{id}}">
        <h2><span class="status">{{status_label}}</span> {{says}} — {{#figure_listed}}<a href="{{figure_url}}"><code>{{figure}}</code></a>{{/figure_listed}}{{^figure_listed}}<code>{{figure}}</code>{{/figure_listed}}</h2>
        <p>{{explanation}}</p>{{#correction_html}}<p class="corrected-mark">{{{correction_html}}}</p>{{/correction_html}}
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        {{#has_sources}}<p class="figure-sources">{{i18n.sources_lead}} {{#sources}}<a href="{{url}}">{{name}}</a>{{^last}}; {{/last}}{{/sources}}</p>{{/has_sources}}
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
        {{#title_missing}}<p class="meta">{{i18n.source_title_missing}}</p>{{/title_missing}}
        {{#title}}<p class="source-title" lang="{{language}}">{{title}}</p>{{/title}}
        {{#address}}<p class="meta">{{i18n.source_address}} <code>{{address}}</code></p>{{/address}}
        {{#no_address}}<p class="meta">{{i18n.source_no_address}}</p>{{/no_address}}
        {{#note}}<p class="note">{{note}}</p>{{/note}}{{#correction_html}}<p class="corrected-mark">{{{correction_html}}}</p>{{/correction_html}}
        {{#has_figures}}<details><summary>{{figure_count_words}} {{i18n.on_this_source}}</summary><ul>{{#figures}}<li><a href="{{url}}"><code>{{reference}}</code></a>{{#value}}: {{value}}{{/value}}</li>{{/figures}}</ul></details>{{/has_figures}}
      </section>
      {{/page.sources}}
    </article>
    """

    package static let data = """
    <article class="page generated data">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{i18n.data_intro}}</p>
      <table class="data-table">
        <thead><tr><th>{{i18n.data_collection}}</th><th class="num">{{i18n.data_records}}</th><th>{{i18n.data_download}}</th></tr></thead>
        <tbody>
        {{#page.collections}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td><a href="{{csv_url}}">CSV</a> · <a href="{{json_url}}">JSON</a></td></tr>
        {{/page.collections}}
        <tr><td>{{i18n.data_all_figures}}</td><td class="num">{{page.figure_count}}</td><td><a href="{{page.figures_csv_url}}">CSV</a> · <a href="{{page.figures_json_url}}">JSON</a></td></tr>
        </tbody>
      </table>
    </article>
    """

    package static let deals = """
    <article class="page generated deals">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{i18n.deals_intro}}</p>
      <table class="data-table deals-table">
        <thead><tr><th>{{i18n.deal}}</th><th>{{i18n.from}}</th><th>{{i18n.to}}</th><th>{{i18n.kind}}</th><th class="num">{{i18n.amount}}</th><th class="num">{{i18n.power}}</th><th class="num">{{i18n.term}}</th><th>{{i18n.status}}</th><th>{{i18n.date}}</th></tr></thead>
        <tbody>
        {{#page.deals}}<tr id="{{id}}"><td class="deal-name">{{name}}{{#correction_html}} <span class="corrected-mark">{{{correction_html}}}</span>{{/correction_html}}</td><td data-label="{{i18n.from}}"><a href="{{from_url}}">{{from}}</a></td><td data-label="{{i18n.to}}"><a href="{{to_url}}">{{to}}</a></td><td data-label="{{i18n.kind}}">{{kind}}</td><td class="num" data-label="{{i18n.amount}}">{{{amount_html}}}</td><td class="num" data-label="{{i18n.power}}">{{{power_html}}}</td><td class="num" data-label="{{i18n.term}}">{{{term_html}}}</td><td data-label="{{i18n.status}}">{{status}}{{#modality_html}}; <span class="modality">{{{modality_html}}}</span>{{/modality_html}}{{#conditions}}; {{conditions}}{{/conditions}}</td><td data-label="{{i18n.date}}">{{{date_html}}}</td></tr>
        {{/page.deals}}
        </tbody>
      </table>
      {{#page.has_totals}}
      <h2>{{i18n.deals_totals}}</h2>
      <table class="data-table totals">
        <thead><tr><th>{{i18n.kind}}</th><th>{{i18n.standing}}</th><th class="num">{{i18n.amount}}</th><th class="num">{{i18n.power}}</th></tr></thead>
        <tbody>
        {{#page.totals}}<tr><th scope="row">{{kind}}</th><td data-label="{{i18n.standing}}">{{standing}}</td><td class="num" data-label="{{i18n.amount}}">{{amount}}</td><td class="num" data-label="{{i18n.power}}">{{power}}</td></tr>
        {{/page.totals}}
        </tbody>
      </table>
      <ul class="meta">{{#page.standings}}<li><strong>{{words}}</strong>{{#has_statuses}}: {{statuses_text}}{{/has_statuses}}</li>{{/page.standings}}</ul>
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
      <h2 id="money-in-deals">{{i18n.company_money_heading}}</h2>
      <p class="meta">{{i18n.company_money_note}}</p>
      <table class="data-table company-money" aria-labelledby="money-in-deals">
        <thead><tr><th><span class="visually-hidden">{{i18n.total}}</span></th>{{#page.money_columns}}<th class="num" scope="col">{{words}}</th>{{/page.money_columns}}</tr></thead>
        <tbody>{{#page.money_rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="num" data-label="{{words}}">{{{html}}}</td>{{/cells}}</tr>{{/page.money_rows}}</tbody>
      </table>
      {{/page.has_money}}
      {{#page.has_figures}}<dl class="company-figures">{{#page.figures}}<dt>{{label}}</dt><dd>{{{link}}}</dd>{{/page.figures}}</dl>{{/page.has_figures}}
      {{{page.chart}}}
      {{#page.sections}}
      <section>
        <h2>{{title}}</h2>
        <ul>{{#items}}<li>{{{html}}}{{#correction_html}} <span class="corrected-mark">{{{correction_html}}}</span>{{/correction_html}}</li>{{/items}}</ul>
      </section>
      {{/page.sections}}
    </article>
    """
}

extension DefaultTemplates {
    /// `/changes/` (`ChangesPage`): its words come from the page's values, in the site's language.
    package static let changes = """
    <article class="page generated changes">
      <h1>{{page.title}}</h1>
      <p class="standfirst">{{page.intro}}</p>
      {{#page.entries}}
      <section class="edition" id="{{anchor}}">
        <h2>{{heading}}</h2>
        {{#date}}<p class="dateline"><time datetime="{{date_iso}}">{{date}}</time></p>{{/date}}
        {{#message}}<p class="edition-message">{{message}}</p>{{/message}}
        {{#summary}}<p>{{summary}}</p>{{/summary}}
        {{#sections}}
        <h3>{{title}}</h3>
        <ul>{{#items}}<li>{{{.}}}</li>{{/items}}</ul>
        {{/sections}}
      </section>
      {{/page.entries}}
      {{#page.has_corrections}}
      <section class="corrections" id="corrections">
        <h2>{{page.corrections_title}}</h2>
        <ul>{{#page.corrections}}<li id="{{anchor}}">{{{html}}}</li>{{/page.corrections}}</ul>
      </section>
      {{/page.has_corrections}}
    </article>
    """
}
