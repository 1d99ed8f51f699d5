import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The built story read as its careful reader reads it: what the visible text of each page
/// says, sentence by sentence, after the whole pipeline (Markdown, figures, charts, templates).
@Suite("the story, read on the page")
struct StoryReadingTests {
    let story = StoryTests()

    /// The method page explains the marks with the marks themselves: a single "~" must show,
    /// not pair with the next one into a strikethrough that swallows the text between them.
    @Test func theMethodPageShowsEveryTildeItWrites() {
        let about = story.text("about/index.html")
        #expect(about.contains(#""≥ ~" reads "at least about", "< ~" "less than about"."#), "\(about)")
        #expect(about.contains(#"Such a figure is never shown with "~", which would claim it is close."#))
        #expect(!story.page("about/index.html").contains("<del>"))
    }

    /// A page's visible text as one line of words: tags gone (no space left where a link
    /// ended), entities decoded once, every run of white space one plain space.
    func prose(_ path: String) -> String {
        VisibleText.of(story.page(path)).replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// Every page's visible text, charts included (labels, tooltips, "The numbers").
    func visible(_ path: String) -> String {
        let html = story.page(path)
        return (VisibleText.of(html) + "\n" + VisibleText.attributes(html).joined(separator: "\n"))
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    static let pages = ["index.html", "money/index.html", "power/index.html", "loop/index.html", "users/index.html",
                        "valuations/index.html", "doubts/index.html", "about/index.html", "deals/index.html",
                        "figures/index.html", "checks/index.html", "sources/index.html", "companies/openai/index.html",
                        "companies/meta/index.html", "companies/amazon/index.html", "companies/nvidia/index.html",
                        "companies/microsoft/index.html", "companies/oracle/index.html"]

    /// A date reads as words at its precision everywhere a reader looks, charts and checks
    /// included: "September 22, 2025", never "2025-09-22".
    @Test func noPageShowsADateAsTyped() {
        for path in Self.pages {
            let text = visible(path)
            let iso = text.range(of: #"\b(19|20)\d\d-[01]\d-[0-3]\d\b"#, options: .regularExpression)
            #expect(iso == nil, "\(path): …\(iso.map { String(text[$0]) } ?? "")…")
        }
        let loop = visible("loop/index.html")
        #expect(loop.contains("September 22, 2025 · up to $100B"), "the timeline's label")
        #expect(loop.contains("December 17, 2025: Amazon in talks to invest in OpenAI (possible): ≥ $10B"), "a mark's tooltip")
        #expect(loop.contains("Axis break: Jan 2024 to Jan 2025 compressed, no events"))
        #expect(visible("checks/index.html").contains("(fleets.meta-h100e-2024.as_of is December 2024)."))
        #expect(visible("companies/openai/index.html").contains("ChatGPT: 700 million users (weekly, September 22, 2025 or later)"))
    }

    /// A deal's status reads as its standing in charts as on /deals/: "pledged", "in talks",
    /// "paid or signed", never the bare data word "talks".
    @Test func chartsNameEachStandingInWords() {
        let loop = visible("loop/index.html")
        for label in ["investment, in talks", "investment, pledged", "cloud, paid or signed", "Amazon (AWS) → OpenAI: ≥ $10B"] {
            #expect(loop.contains(label), "\(label)")
        }
        #expect(!loop.contains("investment, talks") && !loop.contains(", announced"))
        #expect(loop.replacingOccurrences(of: "\n", with: " ").contains("Each bar below holds money of one standing only (paid or signed, pledged, in talks)"))
        let stacked = loop.components(separatedBy: "Money flowing to OpenAI, by how firm it is").dropFirst().joined()
        for row in ["pledged\nup to $100B", "paid or signed\n> $13B", "in talks\n≥ $10B"] {
            #expect(stacked.contains(row), "the stacked chart's numbers: \(row)")
        }
        // Firm money first: the bars run paid or signed, pledged, in talks.
        let order = ["paid or signed\n> $13B", "pledged\nup to $100B", "in talks\n≥ $10B"].compactMap { stacked.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "\(stacked)")
    }
}

extension StoryReadingTests {
    /// A pledge is not a payment, and a share "at face value" is not "of" anything: the
    /// qualifier ends the figure, so the sentence names what it is a share of first.
    @Test func thePledgeIsSaidAsAPledgeAndTheShareReadsInOrder() {
        let home = prose("index.html"), loop = prose("loop/index.html"), values = prose("valuations/index.html")
        #expect(home.contains("or ≥ ~2× the most Nvidia plans to put in. What OpenAI would pay Nvidia for the systems is not disclosed."))
        #expect(loop.contains("≥ ~2× the most Nvidia plans to invest, before buildings"))
        #expect(loop.contains("the money Nvidia plans to put in would come back to it as sales"))
        for (path, text) in [("index.html", home), ("loop/index.html", loop)] {
            #expect(!text.contains("Nvidia puts in"), "\(path) states a pledge as money paid")
        }
        #expect(home.contains("Amazon's proposed investment comes, as a share of the company, to 2% at face value;"))
        #expect(values.contains("would be, as a share of OpenAI, 2% at face value."))
        for path in StoryReadingTests.pages {
            #expect(!prose(path).contains("at face value of"), "\(path)")
        }
        #expect(home.contains("analysts warn of a bubble in which some companies invest in their customers"))
        #expect(home.contains("which the coverage puts at > 42% more than in 2023"))
        #expect(prose("money/index.html").contains("which the article put at > 42% more than in 2023"))
    }

    /// Microsoft's multiple is a ceiling ("< 10.4×"): the prose may not turn it into a large
    /// gain ("many times over", "muchas veces"), in either language.
    @Test func aCeilingIsNotSaidAsALargeGain() {
        let english = prose("valuations/index.html"), spanish = prose("es/valoraciones/index.html")
        #expect(english.contains("a multiple of < 10.4×; the multiple is a ceiling"), "\(english)")
        #expect(english.contains("only that it has not grown more than that"))
        #expect(spanish.contains("el múltiplo es de menos de 10,4 veces; es un techo"), "\(spanish)")
        for (path, text) in [("valuations", english), ("es/valoraciones", spanish)] {
            for boast in ["many times over", "muchas veces", "multiplied its money", "ha multiplicado su dinero"] {
                #expect(!text.contains(boast), "\(path) says '\(boast)' of a ceiling")
            }
        }
    }
}

extension StoryReadingTests {
    /// /checks/ gives the computed "≥ ~6.66 million GPUs" and then its lowest: the same
    /// number, rounded down like the bound, not a larger "6.67 million".
    @Test func aChecksLowestEndReadsLikeItsBound() {
        let checks = prose("checks/index.html")
        #expect(checks.contains("The computed ≥ ~6.66 million GPUs meets it whatever its exact value: its lowest, 6.66 million GPUs, is at least 2 million GPUs."), "\(checks)")
        #expect(checks.contains("the lowest the first can be, 22%, is above the highest the second can be, 9.9% (read as ±10%)"))
        // What the stated total would need names its count once: "GPUs", not "GPUs (units)".
        #expect(checks.contains("At the unit price of $30,000–40,000 per unit, it would need ~450,000–600,000 GPUs, not ~350,000 GPUs."), "\(checks)")
    }
}

extension StoryReadingTests {
    /// A company page line never ends on a bare name: Llama 5 has no GPU count in the
    /// sources, and the line says so instead of reading as a value lost.
    @Test func aCompanyLineWithNoValueSaysWhatIsMissing() {
        let lines = VisibleText.of(story.page("companies/meta/index.html")).split(separator: "\n")
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Llama 5: no GPU count given"), "\(lines)")
        // 600,000 H100 equivalents by the end of 2024 was a forecast: expected by, not "as of".
        #expect(lines.contains("expected by December 2024: ~600,000 GPUs (estimate) in Nvidia H100 equivalents — power ~900 MW (estimate)"), "\(lines)")
        #expect(!lines.contains { $0.contains("as of December 2024") })
        #expect(!lines.contains("Llama 5"))
        #expect(lines.contains("possible: Llama 4: > 100,000 GPUs, > 5× the previous generation"))
        #expect(lines.contains("2024: capex up to $40 billion (expected), capex growth > 42% (expected), revenue growth > 22%, operating cost growth ~9%"), "\(lines)")
    }
}

extension StoryReadingTests {
    /// /figures/ names each figure in words: a record's label, not its id ("meta-2024"), and
    /// a field as said aloud ("GPUs", not "gpus").
    @Test func everyFigureIsNamedInWords() {
        let lines = VisibleText.of(story.page("figures/index.html")).split(separator: "\n").map(String.init)
        let named = lines.filter { $0.contains(" — ") }
        #expect(named.count > 60, "every figure on /figures/ has a named line")
        for line in named {
            #expect(line.range(of: #" — [a-z0-9]+(-[a-z0-9]+)+: "#, options: .regularExpression) == nil, "named by its id: \(line)")
            #expect(!line.hasSuffix(": gpus"), "\(line)")
        }
        #expect(named.contains { $0.hasSuffix("— Llama 3: GPUs") })
        #expect(named.contains { $0.hasSuffix("— Meta, 2024: capex growth") })
        #expect(named.contains { $0.hasSuffix("— Microsoft's stake in OpenAI: share") })
    }
}

extension StoryReadingTests {
    /// Why Nvidia's implied stake is unverifiable reads as one sentence: no two parentheses
    /// in a row ("(September 22, 2025) (the earliest…)").
    @Test func anUnverifiableReasonReadsAsOneSentence() {
        let figures = prose("figures/index.html")
        #expect(figures.contains("It cannot be computed: no valuation of OpenAI is dated on or before the deal of September 22, 2025; the earliest on record is dated by December 17, 2025."), "\(figures)")
        for path in StoryReadingTests.pages {
            #expect(prose(path).range(of: #"\) \("#, options: .regularExpression) == nil, "\(path): two parentheses in a row")
        }
    }
}

extension StoryReadingTests {
    /// An input's value follows its reference after a colon: "= > $13 billion" read as an
    /// arrow or as "≥", and a bound's own mark must stand alone.
    @Test func noValueReadsAsAnEqualsSignAndABound() {
        for path in StoryReadingTests.pages {
            let text = prose(path)
            let context = text.range(of: #".{0,40}= (>|<|≥|≤|up to)"#, options: .regularExpression).map { String(text[$0]) }
            #expect(context == nil, "\(path): …\(context ?? "")")
        }
        #expect(prose("figures/index.html").contains("deals.microsoft-openai.amount: > $13 billion"))
        // A figure link's tooltip too: "Microsoft's investment in OpenAI: amount is > $13 billion."
        let tips = StoryReadingTests.pages.flatMap { VisibleText.attributes(story.page($0)) }
        #expect(!tips.contains { $0.range(of: #"= (>|<|≥|≤|up\u{00A0}to|up to)"#, options: .regularExpression) != nil })
        #expect(tips.contains { $0.hasPrefix("Microsoft's investment in OpenAI: amount is >\u{00A0}$13 billion.") }, "\(tips.filter { $0.hasPrefix("Microsoft") })")
        #expect(prose("sources/index.html").contains("stakes.microsoft-openai.multiple: < 10.4×"))
    }
}

/// Tables a phone cannot show side by side: each row becomes labelled lines under 600 px.
@Suite("tables on a phone")
struct PhoneTableTests {
    let story = StoryTests()

    /// The totals on /deals/ overflowed a 360 px screen (their amounts never break); every
    /// cell now names its column, and the stylesheet stacks the table as it does the deals.
    @Test func theTotalsByStandingStackOnAPhone() throws {
        let html = story.page("deals/index.html")
        let totals = try #require(html.components(separatedBy: #"<table class="data-table totals">"#).dropFirst().first?
            .components(separatedBy: "</table>").first)
        let cells = totals.components(separatedBy: "<td").dropFirst()
        #expect(cells.count >= 6 * 3)
        #expect(cells.allSatisfy { $0.contains("data-label=\"") }, "\(totals)")
        let css = try String(contentsOf: FixtureSite.repository.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        let phone = try #require(css.components(separatedBy: "@media (max-width: 600px)").dropFirst().first)
        #expect(phone.contains(".totals, .totals tbody, .totals tr, .totals th, .totals td { display: block; }"))
        #expect(phone.contains(".totals td[data-label]::before"))
    }
}

/// A record the data does not name is called what it is, not by its id, wherever a figure
/// of it is listed.
@Suite("records named in words")
struct ReaderNameTests {
    /// `capex new` writes two deals with no name: /figures/ calls them by their parties, as
    /// /deals/ does ("Acme Labs → Globex Cloud: amount", not "acme-globex: amount").
    @Test func aNewSiteNamesItsDealsByTheirParties() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-reader-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Scaffold.create(at: folder)
        let report = SiteBuilder.build(BuildOptions(root: folder))
        #expect(report.succeeded, "\(report.problemLines)")
        let html = try String(contentsOf: folder.appendingPathComponent("output/figures/index.html"), encoding: .utf8)
        let lines = VisibleText.of(html).split(separator: "\n")
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
        for expected in ["$12 billion — Acme Labs → Globex Cloud: amount", "$3 billion per year — Acme Labs → Globex Cloud: amount per year",
                         "unverifiable — Globex Cloud → Acme Labs: implied stake"] {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
        #expect(!lines.contains { $0.contains("— acme-globex:") || $0.contains("— globex-acme:") })
    }
}
