import Foundation
import Testing
import Site

/// Replays every input the fuzz harnesses found (`Fuzz/Regressions/<harness>/`) and their
/// seeds (`Fuzz/Corpus/<harness>/`) through the same entry points (`ParserProbe`), so CI
/// runs them on every change without the long fuzzing runs (`scripts/fuzz.sh`). A crash
/// fails the run; each harness also has its own expectation on what the user would see.
@Suite("fuzz findings replayed")
struct FuzzRegressionTests {
    static let fuzz = FixtureSite.repository.appendingPathComponent("Fuzz")

    /// The data the harnesses resolve references against, as `Fuzz/Sources/FuzzSupport` loads it.
    static func data(_ folders: [String]) -> [(path: String, text: String)] {
        folders.flatMap { folder -> [(path: String, text: String)] in
            let directory = FixtureSite.repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().filter { $0.hasSuffix(".yaml") }.compactMap { name in
                (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)).map { ("content/data/\(name)", $0) }
            }
        }
    }

    static let probe = ParserProbe(data: data(["Tests/Fixtures/story/content/data", "Fuzz/data"]))
    static let smallProbe = ParserProbe(data: data(["Fuzz/data"]))

    /// The inputs of one harness, as text the way the harness decodes bytes.
    static func inputs(_ harness: String) -> [(name: String, text: String)] {
        ["Regressions", "Corpus"].flatMap { kind -> [(name: String, text: String)] in
            let directory = fuzz.appendingPathComponent(kind).appendingPathComponent(harness)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.compactMap { name in
                FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                    .map { ("\(kind)/\(harness)/\(name)", String(decoding: $0, as: UTF8.self)) }
            }
        }
    }

    @Test func quantityInputsParseOrFailWithAMessage() {
        let inputs = Self.inputs("quantity")
        #expect(inputs.count >= 10)
        for (name, text) in inputs {
            let result = ParserProbe.quantity(text)
            #expect(!result.isEmpty, "\(name)")
            #expect(!result.contains("nan") && !result.contains("∞"), "\(name): no value is shown as NaN or infinite")
        }
    }

    @Test func formulaInputsEvaluateOrFailAtALocation() {
        let inputs = Self.inputs("formula")
        #expect(inputs.count >= 10)
        for (name, text) in inputs {
            let result = Self.smallProbe.formula(text)
            #expect(!result.isEmpty, "\(name)")
            #expect(!result.joined().contains("∞"), "\(name)")
        }
    }

    @Test func frontMatterFastPathAgreesWithYamsOnEveryInput() {
        let inputs = Self.inputs("front-matter")
        #expect(inputs.count >= 10)
        for (name, text) in inputs {
            #expect(ParserProbe.frontMatterDisagreement(text) == nil, "\(name)")
            #expect(!ParserProbe.frontMatter(page: "---\n" + text + "\n---\nBody.\n").isEmpty, "\(name)")
        }
    }

    @Test func figureReferenceInputsRender() {
        let inputs = Self.inputs("figure-references")
        #expect(inputs.count >= 5)
        for (name, text) in inputs {
            let (html, problems) = Self.probe.page(text)
            #expect(!html.isEmpty || text.allSatisfy(\.isWhitespace) || !problems.isEmpty, "\(name)")
        }
    }

    @Test func chartBlockInputsDrawOrFailAtALocation() {
        let inputs = Self.inputs("chart-block")
        #expect(inputs.count >= 5)
        for (name, text) in inputs {
            let result = Self.probe.chartBlock(text)
            #expect(!result.isEmpty, "\(name)")
            #expect(result.allSatisfy { !$0.contains("NaN") && !$0.contains("∞") }, "\(name)")
        }
    }
}
