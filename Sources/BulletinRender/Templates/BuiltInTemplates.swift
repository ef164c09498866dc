import BulletinCore

/// Templates Bulletin carries itself, for pages a theme may leave out. Each is the same as
/// the default theme's file of that name (a test keeps them equal).
package enum BuiltInTemplates {
    package static let search = #"""
<div class="wrap">
  <header class="page-header">
    <h1>{{page.title}}</h1>
  </header>
  <div class="search" data-bulletin-search data-index="{{search.indexURL}}"
    data-text-prompt="{{i18n.search.status.prompt}}" data-text-too-common="{{i18n.search.status.tooCommon}}"
    data-text-none="{{i18n.search.status.none}}" data-text-none-for="{{i18n.search.status.noneFor}}"
    data-text-one="{{i18n.search.status.one}}" data-text-one-for="{{i18n.search.status.oneFor}}"
    data-text-other="{{i18n.search.status.other}}" data-text-other-for="{{i18n.search.status.otherFor}}"
    data-text-more="{{i18n.search.status.more}}" data-text-more-for="{{i18n.search.status.moreFor}}"
    data-text-unavailable="{{i18n.search.status.unavailable}}">
    <form class="search-form" role="search" action="{{page.url}}" method="get">
      <label for="search_query">{{i18n.search.queryLabel}}</label>
      <input type="search" id="search_query" name="q" autocomplete="off">
      <button type="submit">{{i18n.search.submit}}</button>
    </form>
    <noscript>
      <p class="search-noscript">{{i18n.search.noscript.intro}}
      {{#site.taxonomies}}<a href="{{url}}" dir="auto">{{name}}</a>, {{/site.taxonomies}}<a href="{{site.dialoguesURL}}">{{i18n.search.noscript.dialogues}}</a>
      {{i18n.search.noscript.or}} <a href="{{site.articlesURL}}">{{i18n.search.noscript.allArticles}}</a>.</p>
    </noscript>
    <div class="search-layout">
      <div class="search-facets" data-facets aria-label="{{i18n.search.filters}}" role="group"></div>
      <section class="search-results" aria-labelledby="search_results_title">
        <h2 id="search_results_title">{{i18n.search.results}}</h2>
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
