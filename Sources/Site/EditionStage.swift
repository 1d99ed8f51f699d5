import Diagnostics
import Editions
import Foundation
import Incremental
import Load
import Model
import Quantities
import Render

/// The story's edition tags as the inputs stage reads them (one `git for-each-ref`, none for
/// a site outside git): part of the build's settings, so that a new or moved tag rebuilds.
struct EditionTags {
    var git: GitHistory?
    var editions: [Edition] = []
    /// Why the tags could not be read, reported as a warning.
    var problem: String?
    /// A warning for each `edition-*` tag that is no edition (a tag of a blob), or dated
    /// in its name with no day of the calendar.
    var tagProblems: [Diagnostic] = []

    static func read(root: URL) -> EditionTags {
        guard let git = GitHistory(root: root) else { return EditionTags() }
        do {
            let tags = try git.editions()
            return EditionTags(git: git, editions: tags.editions, tagProblems: tags.problems)
        } catch {
            return EditionTags(git: git, problem: error.description)
        }
    }

    /// Changes when a tag is added, removed, moved or retold; empty without tags.
    var fingerprint: String {
        editions.isEmpty && tagProblems.isEmpty ? "" : Hash.combine(
            editions.map { [$0.tag, $0.commit, $0.date, $0.message].joined(separator: "\u{1}") } + tagProblems.map(\.description)
        )
    }
}

extension BuildOptions {
    /// Each edition's snapshot is kept in `.capex-cache/editions/` beside the output folder.
    var editionCache: EditionCache {
        EditionCache(folder: outputFolder.deletingLastPathComponent().appendingPathComponent(".capex-cache")
                        .appendingPathComponent("editions"),
                     version: BuildCache.binaryVersion, writes: write)
    }
}

/// How a figure reads on a page, in each language: what an edition's snapshot keeps.
let formatFigure: @Sendable (Figure, QuantityLocale) -> String = { FigureText.format($0, locale: $1) }

extension BuildInputs {
    /// The editions stage: each edition's snapshot (cached by commit), compared in order with
    /// the working tree's, and the corrections; their problems go in the report.
    func history(_ site: LoadedSite, _ options: BuildOptions, report: inout BuildReport) -> StoryHistory {
        if let problem = editions.problem {
            report.diagnostics.warning(at: .start(of: "content"), "the story's editions are left out: \(problem)")
        }
        report.diagnostics.append(contentsOf: editions.tagProblems)
        var cache = options.editionCache
        cache.languages = site.config.languages
        let (history, problems) = StoryHistory.read(
            git: editions.git, editions: editions.editions, model: site.model, cache: cache,
            key: historyKey(site), format: formatFigure
        )
        report.diagnostics.append(contentsOf: problems)
        if !history.isEmpty, let page = site.pages.first(where: { $0.url == "/changes/" }) {
            report.diagnostics.error(at: page.location, "URL /changes/ belongs to the page capex generates from the story's editions and corrections; move or rename this page")
        }
        return history
    }
}

extension BuildInputs {
    /// What the comparison of the editions with the working tree depends on: the settings
    /// (the binary, site.yaml, the edition tags), and what the model is made of, the data
    /// files and the languages (as `SiteLoader` keys its model). Not the pages or templates:
    /// an edit to a page does not compare the editions again.
    func historyKey(_ site: LoadedSite) -> String {
        Hash.combine([settings, editions.fingerprint, "languages: " + site.config.languages.joined(separator: ", ")]
                     + files.tree.data.map { $0 + "\u{1}" + (files.hashes[$0] ?? "") })
    }
}

/// `capex changes`: the working tree against a revision, as a value the command prints.
public struct ChangesReport: Sendable {
    /// The revision compared with, as given (or the latest edition tag), and its commit.
    public var since: String
    public var commit: String
    /// The edition the revision is, if it is one (its date and message).
    public var edition: Edition?
    public var diff: EditionDiff
    /// The warnings of loading the working tree's site, and of the edition tags passed over.
    public var diagnostics: Diagnostics
}

/// Why `capex changes` could not compare.
public enum ChangesFailure: Error, Sendable {
    /// The working tree's site has errors.
    case site(Diagnostics)
    /// Not in git, a revision that names no commit or whose data cannot be read, git failing.
    case history(String)
    /// No edition to compare with (none tagged, or none readable), with the warnings of
    /// the tags passed over.
    case unreadable(Diagnostics, String)
}

extension SiteBuilder {
    /// Compares the working tree's figures, claims and records with those at `since` (by
    /// default the latest edition tag whose data can be read: each later one is passed over
    /// with a warning naming its tag and the problem). A revision given whose data cannot be
    /// read is a failure: that comparison cannot be made.
    public static func changes(_ options: BuildOptions, since: String?) throws(ChangesFailure) -> ChangesReport {
        let (model, languages, loaded) = loadModelAndLanguages(options)
        guard let model, !loaded.hasErrors else { throw .site(loaded) }
        var diagnostics = loaded
        guard let git = GitHistory(root: options.root) else {
            throw .history("\(options.root.path) is not in a git repository: editions are git tags named edition-*")
        }
        // A cache, not the site: `changes` keeps what it computes for the next build or run.
        var cache = EditionCache(folder: options.editionCache.folder, version: options.editionCache.version, writes: true)
        cache.languages = languages
        do {
            let tags = try git.editions()
            diagnostics.append(contentsOf: tags.problems)
            let revision: String, commit: String, old: EditionSnapshot
            if let since {
                revision = since
                commit = try git.commit(of: since)
                do {
                    old = try cache.snapshot(at: commit, git: git, format: formatFigure)
                } catch {
                    let (location, text) = error.problem(at: since)
                    let place = location.file == "content" ? "" : " (\(location))"
                    throw ChangesFailure.history("cannot compare with \(since): \(text)\(place)")
                }
            } else {
                var found: (Edition, EditionSnapshot)?
                for edition in tags.editions.reversed() {
                    do {
                        found = (edition, try cache.snapshot(at: edition.commit, git: git, format: formatFigure))
                        break
                    } catch {
                        diagnostics.append(error.warning(tag: edition.tag))
                    }
                }
                guard let (edition, snapshot) = found else {
                    throw ChangesFailure.unreadable(diagnostics, tags.editions.isEmpty
                        ? "no edition to compare with: tag one (git tag -a edition-YYYY-MM-DD -m MESSAGE) or pass --since REV"
                        : "no edition to compare with: the data of every edition tag is unreadable; fix a tag or pass --since REV")
                }
                (revision, commit, old) = (edition.tag, edition.commit, snapshot)
            }
            let current = EditionSnapshot(model: model, format: formatFigure)
            return ChangesReport(since: revision, commit: commit, edition: tags.editions.last { $0.tag == revision },
                                 diff: EditionDiff(from: old, to: current), diagnostics: diagnostics)
        } catch let failure as ChangesFailure {
            throw failure
        } catch let failure as GitHistory.Failure {
            throw .history(failure.description)
        } catch {
            throw .history("\(error)")
        }
    }
}
