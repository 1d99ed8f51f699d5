import Foundation
import Incremental
import Load
import Render

/// What the user asked for: which site, where to write, and how strict to be.
public struct BuildOptions: Sendable {
    public var root: URL
    /// Defaults to `root/output`.
    public var output: URL?
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// False for `capex check`: everything is loaded, rendered and checked, nothing written.
    public var write: Bool
    /// Reuse what the last build wrote when its inputs are unchanged (`--full` turns it off).
    public var incremental: Bool
    /// Draw a progress bar on a terminal for long builds (off with `--quiet`).
    public var showProgress = false
    /// Seconds after its last change before a file's stamp is trusted (see `InputFiles`).
    var stampTrustDelay = 2.0
    /// What a long-running process keeps between builds (`capex serve`); nil for one build.
    public var session: BuildSession?
    /// Where to look for `rsvg-convert`, which draws the charts' PNGs: a `PATH`; nil is the
    /// process's own `PATH`.
    public var rasterizerSearchPath: String?
    /// The rasterizer this build uses, or nil (no PNGs); only a build that writes has one.
    var rasterizer: String? {
        write ? ChartRaster.find(searchPath: rasterizerSearchPath ?? ProcessInfo.processInfo.environment["PATH"]) : nil
    }

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                strict: Bool = false, write: Bool = true, incremental: Bool = true) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.write = write
        self.incremental = incremental
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("output") }

    /// What the load stage needs of these options.
    var loadOptions: LoadOptions {
        LoadOptions(baseURL: baseURL, includeDrafts: includeDrafts, outputFolder: outputFolder, memory: session?.loads)
    }
}

extension SiteLoader {
    /// The load stage with the user's options.
    init(root: URL, options: BuildOptions, inputs: InputFiles? = nil) {
        self.init(root: root, options: options.loadOptions, inputs: inputs)
    }
}
