import Diagnostics
import Foundation
import Incremental
import Load
import Quantities

/// What one page's task hands back: its group, ready for the manifest, or the problems
/// that stopped it.
struct PageOutcome {
    var problems: [Diagnostic]
    /// Nil when the page failed.
    var group: MadeGroup?
    /// Each chart's SVG path and where the chart is written, for the error on a reused id.
    var chartLocations: [(String, SourceLocation)] = []
    /// The page's link targets not found among the pages, assets and static files: the only
    /// ones the link check looks at again once every group is known.
    var unresolved: [String] = []
}

/// One of the site's outputs other than its pages, made beside them (`parallelPhase`).
struct SiteJob {
    /// What a job made; the jobs' outputs are merged in the order of the jobs.
    struct Output {
        var groups: [MadeGroup] = []
        var kept: [String] = []
        var generatedURLs: [String] = []
        /// Part of the downloads (`DataExport`), with each file's hash; nil from other jobs.
        var exports: [(path: String, content: OutputPlan.Content, hash: String)]?
        /// A language's feed, with its hash.
        var feeds: [(path: String, content: OutputPlan.Content, hash: String)]?
        /// The pages' entries of the sitemap, sorted by URL.
        var sitemapEntries: [(url: String, xml: String)] = []

        mutating func merge(_ other: Output) {
            groups += other.groups
            kept += other.kept
            generatedURLs += other.generatedURLs
            if let more = other.exports { exports = (exports ?? []) + more }
            if let more = other.feeds { feeds = (feeds ?? []) + more }
            sitemapEntries += other.sitemapEntries
        }
    }

    /// The jobs, longest first, and what was decided without them.
    struct Plan {
        var tasks: [() -> Output] = []
        /// Groups kept as the last build left them.
        var kept: [String] = []
        /// The generated pages' URLs when they are all kept (else the jobs list them).
        var generatedURLs: [String]?
        /// What the sitemap, the feeds and robots.txt use.
        var siteFileDeps: Set<String> = []
    }
}

extension SiteRenderer {
    /// The jobs that make the generated pages (one per language), the feeds (one per
    /// language), the pages' part of the sitemap, the downloads (one per file) and the 404
    /// pages: those that `reuse` does not keep.
    /// `showsShareTags`: whether any template shows `page.share_html` (no tags are made otherwise).
    func siteJobs(reuse: Reuse?, contexts: [String: TemplateContext], namesByLanguage: [String: [String: String]],
                  share: ShareSite, showsShareTags: Bool) -> SiteJob.Plan {
        let config = site.config
        let templates = site.templates
        let languageDeps: Set<String> = config.isMultilingual ? ["translations"] : []
        var plan = SiteJob.Plan()

        // Pages generated from the model: all of them or none change with the data.
        let generatedDeps = { (template: String) in
            templates.dependencies(of: template).union(templates.dependencies(of: "layout")).union(["model", "words"]).union(languageDeps)
        }
        let previousGenerated = reuse?.manifest.groups.keys.filter { $0.hasPrefix("generated:") } ?? []
        // A group's recorded deps include its templates, so a changed template makes it dirty.
        let allGeneratedClean = !previousGenerated.isEmpty && previousGenerated.allSatisfy { key in
            reuse?.isClean(key, requiring: ["model"]) ?? false
        }
        if allGeneratedClean {
            plan.kept += previousGenerated
            plan.generatedURLs = previousGenerated.map { String($0.dropFirst("generated:".count)) }.sorted()
        } else {
            for language in config.languages {
                plan.tasks.append {
                    generatedPages(language: language, context: contexts[language]!, sourceNames: namesByLanguage[language]!,
                                   share: share, showsShareTags: showsShareTags, reuse: reuse, deps: generatedDeps)
                }
            }
        }

        plan.siteFileDeps = Set(["pagelist", "model"]).union(languageDeps)
        if reuse?.isClean("sitefiles", requiring: plan.siteFileDeps) ?? false {
            plan.kept.append("sitefiles")
        } else {
            for language in config.languages {
                plan.tasks.append {
                    let edition = EditionFeed(history: history, config: config, sourceNames: namesByLanguage[language]!,
                                              treeLanguage: language, words: site.translations.words(for: language))
                    let feed = Data(SiteFiles.feed(pages: site.pages, config: config, language: language, extra: edition.entries()).utf8)
                    var output = SiteJob.Output()
                    output.feeds = [(Self.folder(config.treePath(language)) + "feed.xml", .bytes(feed), Hash.content(feed))]
                    return output
                }
            }
            plan.tasks.append {
                var output = SiteJob.Output()
                output.sitemapEntries = SiteFiles.sitemapEntries(pages: site.pages, config: config,
                                                                 alternates: sitemapAlternates(generated: []))
                return output
            }
        }

        if !site.model.collections.isEmpty {
            if reuse?.isClean("exports", requiring: ["model"]) ?? false {
                plan.kept.append("exports")
            } else {
                for part in DataExport(model: site.model).parts() {
                    plan.tasks.append {
                        var output = SiteJob.Output()
                        output.exports = part().map { file in
                            let data = Data(file.text.utf8)
                            return (file.path, .bytes(data), Hash.content(data))
                        }
                        return output
                    }
                }
            }
        }

        let notFoundDeps = templates.dependencies(of: "404").union(templates.dependencies(of: "layout")).union(languageDeps)
        for language in config.languages {
            // `404.html`, and `es/404.html` for the Spanish tree (a server maps /es/… to it).
            let key = language == config.language ? "notfound" : "notfound:" + language
            if reuse?.isClean(key, requiring: notFoundDeps) ?? false {
                plan.kept.append(key)
            } else {
                plan.tasks.append {
                    let path = Self.folder(config.treePath(language)) + "404.html"
                    var output = SiteJob.Output()
                    output.groups = [MadeGroup(key: key, texts: [(path, notFoundPage(context: contexts[language]!, share: showsShareTags ? share : nil))],
                                               deps: notFoundDeps)]
                    return output
                }
            }
        }
        return plan
    }

    /// The pages generated from the model in `language`'s tree, with their charts: each
    /// rendered unless `reuse` keeps it.
    private func generatedPages(language: String, context: TemplateContext, sourceNames names: [String: String], share: ShareSite,
                                showsShareTags: Bool, reuse: Reuse?, deps generatedDeps: (String) -> Set<String>) -> SiteJob.Output {
        let treePath = site.config.treePath(language)
        var generated = GeneratedPages(
            model: site.model, config: site.config,
            figureLinks: FigureReferences(model: site.model, sourceNames: names, basePath: site.config.basePath + treePath,
                                          locale: QuantityLocale(identifier: language) ?? .en,
                                          words: site.translations.words(for: language)),
            sourceNames: names, language: language, translations: site.translations, history: history
        ).all()
        generated = drawingCharts(of: generated)
        var output = SiteJob.Output()
        var dirty: [(page: GeneratedPage, urlInTree: String)] = []
        for var page in generated {
            let urlInTree = page.url
            page.url = treePath + urlInTree
            output.generatedURLs.append(page.url)
            let key = "generated:" + page.url
            if reuse?.isClean(key, requiring: generatedDeps(page.template)) ?? false {
                output.kept.append(key)
            } else {
                dirty.append((page, urlInTree))
            }
        }
        // A site with many companies has as many pages: they share the cores left free.
        output.groups = parallelMap(dirty) { page, urlInTree in
            let html = renderGenerated(page, urlInTree: urlInTree, context: context, share: showsShareTags ? share : nil)
            var files: [(String, OutputPlan.Content)] = [(page.outputPath, .bytes(Data(html.utf8)))]
            let tree = Self.folder(treePath)
            for chart in page.charts {
                files.append((tree + "charts/\(chart.id).svg", .bytes(Data(chart.svg.utf8))))
                files.append((tree + "data/charts/\(chart.id).csv", .bytes(Data(chart.csv.utf8))))
                files += chartShareFiles(chart, storyURL: share.config.origin + share.config.basePath + page.url,
                                         language: language, tree: treePath)
            }
            return MadeGroup(key: "generated:" + page.url, files: files, deps: generatedDeps(page.template))
        }
        return output
    }
}
