import BulletinCore

/// Templates Bulletin carries itself, for pages a theme may leave out. Each is the same as
/// the default theme's file of that name (a test keeps them equal).
package enum BuiltInTemplates {
    package static let search = #"""
<div class="wrap">
  <header class="page-header">
    <h1>{{page.title}}</h1>
  </header>
  <div class="search" data-bulletin-search data-index="{{search.indexURL}}">
    <form class="search-form" role="search" action="{{page.url}}" method="get">
      <label for="search_query">Words to find</label>
      <input type="search" id="search_query" name="q" autocomplete="off">
      <button type="submit">Search</button>
    </form>
    <noscript>
      <p class="search-noscript">Search needs JavaScript, which is off in this browser. You can still browse by
      {{#site.taxonomies}}<a href="{{url}}" dir="auto">{{name}}</a>, {{/site.taxonomies}}<a href="{{site.dialoguesURL}}">dialogue series</a>
      or <a href="{{site.articlesURL}}">all articles</a>.</p>
    </noscript>
    <div class="search-layout">
      <div class="search-facets" data-facets aria-label="Filters" role="group"></div>
      <section class="search-results" aria-labelledby="search_results_title">
        <h2 id="search_results_title">Results</h2>
        <p class="search-status" data-status role="status" aria-live="polite"></p>
        <ol class="article-list" data-results></ol>
      </section>
    </div>
  </div>
</div>
<script src="{{search.scriptURL}}" defer></script>
"""#

    package static let archive = #"""
<div class="wrap">
  <header class="page-header">
    <h1>{{page.title}}</h1>
  </header>
  {{#archive.hasYears}}
  <ul class="archive-years">
    {{#archive.years}}
    <li><a href="{{url}}">{{year}}</a> <span class="count">{{countLabel}}</span></li>
    {{/archive.years}}
  </ul>
  {{/archive.hasYears}}
  {{^archive.hasYears}}
  <p>{{i18n.counts.articles.zero}}</p>
  {{/archive.hasYears}}
</div>
"""#

    package static let archiveYear = #"""
<div class="wrap">
  <header class="page-header">
    <p class="kicker"><a href="{{archive.url}}">{{archive.title}}</a></p>
    <h1>{{page.title}} <span class="count">{{archive.countLabel}}</span></h1>
  </header>
  {{#archive.months}}
  <section class="archive-month" aria-labelledby="month_{{month}}">
    <h2 id="month_{{month}}">{{name}}</h2>
    <ol class="article-list">
      {{#articles}}
      <li class="article-card">
{{#card}}{{{card}}}{{/card}}{{^card}}<h3><a href="{{url}}" dir="auto">{{title}}</a></h3>{{/card}}
      </li>
      {{/articles}}
    </ol>
  </section>
  {{/archive.months}}
</div>
"""#
}
