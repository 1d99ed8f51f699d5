import Diagnostics
import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// actionlint cannot be installed on these machines (its PyPI package downloads the binary
/// from GitHub while building), so the workflow's shape is checked here.
@Suite("the publishing workflow")
struct WorkflowTests {
    @Test func checksStrictlyThenPublishesOnContentChanges() throws {
        let path = FixtureSite.repository.appendingPathComponent(".github/workflows/publish.yml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let parsed = try YAMLLoader.parse(text, file: "publish.yml")
        let workflow = try #require(parsed)
        let triggers = (workflow["on"]?["push"]?["paths"]?.elements ?? []).compactMap { $0.text }
        #expect(Set(["content/**", "templates/**", "Sources/**"]).isSubset(of: Set(triggers)))
        let steps = workflow["jobs"]?["build"]?["steps"]?.elements ?? []
        #expect(steps.count >= 5)
        let runs = steps.compactMap { $0["run"]?.text }
        let uses = steps.compactMap { $0["uses"]?.text }
        #expect(runs.contains { $0.contains("libcmark-gfm-dev") && $0.contains("libcmark-gfm-extensions-dev") })
        let check = try #require(runs.firstIndex { $0.contains("capex check --strict --format github") })
        let build = try #require(runs.firstIndex { $0.contains("capex build") })
        #expect(check < build, "check before publishing")
        #expect(uses.contains { $0.hasPrefix("actions/upload-pages-artifact@") })
        #expect(workflow["jobs"]?["deploy"]?["needs"]?.text == "build")
        let deploy = workflow["jobs"]?["deploy"]?["steps"]?.elements?.compactMap { $0["uses"]?.text } ?? []
        #expect(deploy.contains { $0.hasPrefix("actions/deploy-pages@") })
        #expect(workflow["permissions"]?["pages"]?.text == "write")
    }
}
