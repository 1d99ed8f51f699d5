import Diagnostics
import Editions
import Foundation
import Incremental
import Load
import Render
import Write

/// What the last build left beside the output folder: its manifest, if this build may use it.
struct LastBuild {
    let cache: BuildCache
    /// Nil for a full build (`--full`, `capex check`), when there is none to read, or when
    /// another capex binary wrote it (`written` then).
    let manifest: BuildManifest?
    /// The manifest of what the output folder holds, whichever binary wrote it: a build
    /// that renders everything again still writes only the files whose bytes changed.
    let written: BuildManifest?

    /// The session's copy of the manifest if the file is still the one it wrote, else the file.
    static func read(_ options: BuildOptions) -> LastBuild {
        let cache = BuildCache(output: options.outputFolder)
        let written = options.write && options.incremental
            ? options.session?.manifest(at: cache.manifestURL.path) ?? cache.load() : nil
        // Which binary this is: its build ID, else the hash the manifest recorded if this
        // executable file wrote it. Without either, nothing needs it before the inputs are
        // read (`settings`): the executable (30–100 ms to hash) is hashed beside that reading.
        if let written {
            _ = BinaryIdentity.resolve(recorded: (written.binary, written.binaryStamp))
        } else {
            BinaryIdentity.resolveInBackground()
        }
        return LastBuild(cache: cache, manifest: written?.isTrusted == true ? written : nil, written: written)
    }

    /// `read` on another thread, for the build to list and stamp its inputs meanwhile
    /// (`InputScan`): decoding the manifest of 10,000 pages took 25–45 ms that the scan
    /// would otherwise wait for.
    static func start(_ options: BuildOptions) -> Pending<LastBuild> {
        Pending { read(options) }
    }

    /// Whether there may be a manifest to compare stamps with: not for `--full`, `capex
    /// check`, or a first build (then the scan does not take the stamps).
    static func mayExist(_ options: BuildOptions) -> Bool {
        options.write && options.incremental && access(BuildCache(output: options.outputFolder).manifestURL.path, F_OK) == 0
    }

    /// Every input is hashed once, here; a file whose stamp the last build trusted is not
    /// even read. The hashes decide what to redo. `scan`: the inputs listed and stamped,
    /// taken while this manifest was read (`start`), or now.
    func readInputs(_ options: BuildOptions, scan: InputScan? = nil) -> BuildInputs {
        let scan = scan ?? InputScan(root: options.root, output: options.outputFolder, trustAfter: options.stampTrustDelay,
                                     stamped: manifest != nil)
        let files = InputFiles.read(root: options.root, scan: scan, previous: manifest)
        let editions = EditionTags.read(root: options.root)
        let settings = Hash.combine([
            BuildCache.binaryVersion, options.baseURL ?? "", options.includeDrafts ? "drafts" : "",
            files.hashes["content/" + SiteConfig.fileName] ?? "", options.root.path,
            // Pages link to their charts' PNGs only when they are drawn.
            options.rasterizer == nil ? "" : "png",
        ] + (editions.editions.isEmpty ? [] : [editions.fingerprint]))
        return BuildInputs(files: files, settings: settings, manifest: manifest?.settings == settings ? manifest : nil,
                           written: written, cache: cache, editions: editions)
    }
}

/// The inputs of this build, and the last build's manifest when it was made with the same
/// binary and settings (else nil: everything is redone).
struct BuildInputs {
    let files: InputFiles
    /// The binary, base URL, drafts, site.yaml and root: what changes every output.
    let settings: String
    let manifest: BuildManifest?
    /// What the output folder holds, by the last build's manifest (`LastBuild.written`).
    let written: BuildManifest?
    let cache: BuildCache
    /// The story's edition tags (none outside git).
    let editions: EditionTags

    /// Whether there is anything to do.
    enum Outputs {
        /// The inputs and every output are as the last build left them.
        case upToDate
        /// Something to redo; `incomplete` are the last build's groups with a file gone,
        /// still being found when an input changed (the render is the first to need them).
        case stale(incomplete: Pending<Set<String>>)
    }

    /// Up to date when no input changed, no output file is missing and the content folder
    /// holds nothing refused; the last build's warnings are reported again then.
    func outputs(_ options: BuildOptions, report: inout BuildReport) -> Outputs {
        guard let manifest else { return .stale(incomplete: Pending(ready: [])) }
        let output = options.outputFolder.path
        // Only the files read this time may differ from the manifest's (`InputFiles.changed`).
        let unchanged = files.changed.allSatisfy { files.hashes[$0] == manifest.files[$0] }
        guard unchanged, files.tree.problems.isEmpty else {
            // Something is redone whatever is missing: the 10,000 checks (20 ms) run beside the load.
            return .stale(incomplete: Pending { groupsMissingFiles(manifest, in: output) })
        }
        let incomplete = groupsMissingFiles(manifest, in: output)
        guard incomplete.isEmpty else { return .stale(incomplete: Pending(ready: incomplete)) }
        report.upToDate = true
        report.pages = manifest.groups.keys.filter { $0.hasPrefix("page:") }.count
        for warning in manifest.warnings {
            report.diagnostics.warning(at: SourceLocation(file: warning.file, line: warning.line, column: warning.column), warning.message)
        }
        // Stamps that were too fresh to trust may be trusted now; a copy of the binary that
        // wrote the manifest records its own stamp, so as not to hash itself every build.
        let restamped = files.changed.contains { files.stamps[$0] != manifest.stamps[$0] }
        if restamped || manifest.binaryStamp != BinaryIdentity.stamp {
            var refreshed = manifest
            refreshed.stamps = files.stamps
            refreshed.binaryStamp = BinaryIdentity.stamp
            let stamps = BuildCache.inputChanges(from: manifest, files: manifest.files, stamps: files.stamps,
                                                 frontMatter: manifest.frontMatter, only: files.changed)
            // Saved first: as an argument of `session?.remember` it would run only with a session.
            let saved = cache.commit(cache.prepare(refreshed, previous: manifest, inputChanges: stamps))
            options.session?.remember(saved, at: cache.manifestURL.path)
        } else {
            options.session?.remember(manifest, at: cache.manifestURL.path)
        }
        return .upToDate
    }

    /// The load stage; nil when it found errors (they are in the report).
    func load(_ options: BuildOptions, report: inout BuildReport) -> LoadedSite? {
        let (loaded, problems) = SiteLoader(root: options.root, options: options.loadOptions, inputs: files).load()
        report.diagnostics = problems
        guard let site = loaded, !problems.hasErrors else { return nil }
        // `capex check` lists the data's text lacking a translation; a build shows the
        // default language's text in its place without a word (issue 12).
        if !options.write {
            let defaultLanguage = site.config.languages.first ?? site.config.language
            for collection in site.data {
                for text in collection.untranslated { report.diagnostics.append(text.warning(defaultLanguage: defaultLanguage)) }
            }
        }
        report.diagnostics.append(contentsOf: translationDrift(site))
        report.figures = site.model.figures.count
        for claim in site.model.claims { report.claims[claim.status.rawValue, default: 0] += 1 }
        return site
    }

    /// A page and its translation that cite different figures, claims or charts
    /// (`TranslationDrift`): warnings at both files, in every build and check.
    private func translationDrift(_ site: LoadedSite) -> [Diagnostic] {
        let languages = site.config.languages
        guard languages.count > 1 else { return [] }
        var problems: [Diagnostic] = []
        for var pair in TranslationDrift.pairs(in: site.pages, languages: languages) {
            let (original, unreadOriginal) = site.withBody(pair.original)
            let (translation, unreadTranslation) = site.withBody(pair.translation)
            // A file that cannot be read is reported by the render.
            guard unreadOriginal == nil, unreadTranslation == nil else { continue }
            (pair.original, pair.translation) = (original, translation)
            problems += TranslationDrift.problems(pair)
        }
        return problems
    }

    /// The next manifest's records of the inputs that changed since the last build's,
    /// started now to be encoded beside the render (which, for a few pages, keeps one core
    /// busy); nil when no manifest is appended to.
    func inputChanges(_ site: LoadedSite, _ options: BuildOptions) -> Pending<BuildCache.InputChanges>? {
        guard options.write, let manifest else { return nil }
        let (hashes, stamps, frontMatter) = (files.hashes, files.stamps, site.frontMatterCache)
        let changed = files.changed + site.frontMatterParsed
        return Pending { BuildCache.inputChanges(from: manifest, files: hashes, stamps: stamps, frontMatter: frontMatter, only: changed) }
    }

    /// The render stage, keeping what `Reuse` says is unchanged since the last build.
    func render(_ site: LoadedSite, history: StoryHistory, incomplete: Set<String>, _ options: BuildOptions,
                report: inout BuildReport) -> RenderedSite {
        // A figure's fingerprint also holds what the history shows with it (a mark, a note, corrections).
        let fingerprints = Fingerprints(site: site, fileHashes: files.hashes) {
            FigureText.derivation(of: $0, in: site.model, sourceNames: [:], locale: .en)
                + (history.isEmpty ? "" : history.fingerprint(of: $0.reference))
        }
        let reuse = manifest.map {
            Reuse(manifest: $0, fingerprints: fingerprints, fileHashes: files.hashes, incomplete: incomplete, changedFiles: files.changed)
        }
        var renderer = SiteRenderer(site: site)
        renderer.history = history
        if let rasterizer = options.rasterizer {
            renderer.raster = ChartRaster(executable: rasterizer, cacheFolder: cache.manifestURL.deletingLastPathComponent().appendingPathComponent("png"))
        } else {
            renderer.warnsWithoutRaster = options.write
        }
        let result = renderer.render(reuse: reuse, showProgress: options.showProgress)
        report.diagnostics.append(contentsOf: result.diagnostics)
        report.pages = site.pages.count
        report.pagesRendered = result.pagesRendered
        return RenderedSite(result: result, fingerprints: fingerprints, reuse: reuse)
    }
}

/// What the render stage hands on: the output plan with the manifest's groups, and the
/// fingerprints the next build compares against.
struct RenderedSite {
    let result: SiteRenderer.Result
    let fingerprints: Fingerprints
    let reuse: Reuse?

    /// The write stage: the plan into the output folder (only what changed, when the last
    /// build's manifest is usable), then the manifest for the next build. On a failure
    /// the manifest is removed, so that the next build redoes everything.
    /// `inputChanges`: the manifest's records of the inputs, encoded beside the render
    /// (`BuildInputs.inputChanges`).
    func write(_ inputs: BuildInputs, _ site: LoadedSite, _ options: BuildOptions, inputChanges: Pending<BuildCache.InputChanges>?,
               report: inout BuildReport) {
        let cache = inputs.cache
        // The manifest is made beside the writing of the files (on another thread: 60 ms at
        // 10,000 pages) and written once they are in place. A full build (`--full`) records
        // what it wrote too: the manifest must always describe the output folder, or the
        // next build would trust an older one.
        let warnings = report.diagnostics.warnings.map {
            BuildManifest.Warning(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message)
        }
        let prepared = Pending({ [result, fingerprints] () -> BuildCache.Prepared in
            var used: [String: String] = [:]
            for group in result.groups.values {
                // A file's fingerprint is its hash, already in `files`.
                for dep in group.deps where !dep.hasPrefix("file:") && used[dep] == nil { used[dep] = fingerprints.of(dep) }
            }
            return cache.prepare(BuildManifest(
                settings: inputs.settings, files: inputs.files.hashes, stamps: inputs.files.stamps,
                frontMatter: site.frontMatterCache, inputs: used, groups: result.groups, warnings: warnings
            ), previous: inputs.manifest, rendered: result.rendered, inputChanges: inputChanges?.value)
        })
        do {
            let writer = OutputWriter(output: options.outputFolder, root: options.root)
            // Another binary's or other settings' output is rendered again whole, and
            // compared file by file with what it wrote.
            if let manifest = inputs.manifest ?? inputs.written {
                report.filesWritten = try writer.update(result.plan, groups: result.groups, rendered: result.rendered, previous: manifest)
            } else {
                try writer.write(result.plan)
                report.filesWritten = result.plan.files.count
            }
            // Written first: `session?` would skip the whole call without a session.
            let saved = cache.commit(prepared.value)
            options.session?.remember(saved, at: cache.manifestURL.path)
        } catch {
            cache.remove()
            options.session?.remember(nil, at: cache.manifestURL.path)
            report.diagnostics.error(at: .start(of: options.outputFolder.path), error.description)
        }
    }
}
