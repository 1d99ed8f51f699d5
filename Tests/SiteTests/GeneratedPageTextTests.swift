import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The generated pages of `Fixtures/awkward`, read line by line as a person reads them:
/// money of different standings never added, no value missing with its separator left
/// behind, dates at their precision, years as years, links a reader can follow, modality
/// said in words. Expected lines are worked out from the fixture's data by hand.
@Suite("generated pages read as a person reads them")
struct GeneratedPageTextTests {
    static let site = try! AwkwardSite()

    var site: AwkwardSite { Self.site }

    @Test func theFixtureBuildsWithOneWarningForTheUnverifiableStakeItCites() {
        #expect(site.report.succeeded, "\(site.report.problemLines)")
        let lines = site.report.problemLines
        #expect(site.report.diagnostics.all.count == 1, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/index.md:7:27: warning: deals.qa-att.implied_stake cannot be computed: no valuation of AT&T <Labs> is dated on or before the deal of January 15, 2025; the earliest on record is dated June 1, 2025") }, "\(lines)")
    }

    /// A cited figure that cannot be computed reads as the word "unverifiable", linked to its
    /// entry, with the reason in its title; the sentence around it is intact.
    @Test func aCitedUnverifiableFigureReadsAsAWordWithItsReason() {
        #expect(site.text("index.html").contains("The stake it would buy is unverifiable."))
        #expect(site.fixture.read("index.html").contains(
            #"<a class="figure unverifiable" href="/figures/#deals.qa-att.implied_stake" title="Q&amp;A pledges: implied stake is unverifiable. It cannot be computed: no valuation of AT&amp;T &lt;Labs&gt; is dated on or before the deal of January 15, 2025; the earliest on record is dated June 1, 2025."#))
    }

    /// Signed $3B compute, and four investments into AT&T of four standings plus one with
    /// no status: each total on its own row, none added to another.
    @Test func dealTotalsKeepEachStandingApart() {
        let lines = site.lines("deals/index.html")
        guard let start = lines.firstIndex(of: "Totals by standing") else {
            Issue.record("no totals on /deals/: \(lines)")
            return
        }
        let totals = Array(lines[start...])
        let rows = stride(from: 5, to: 5 + 4 * 6, by: 4).map { totals[$0..<$0 + 4].joined(separator: " | ") }
        #expect(rows == [
            "Compute | paid or signed | $3 billion | —",  // disclosed says when, not how sure: no note
            "Investment | paid or signed | > $4 billion | —",
            "Investment | pledged | up to $2 billion (planned) | ≥ 1 GW (planned)",
            "Investment | in talks | ≥ $1 billion | —",
            "Investment | status “rumour & hearsay” | $1 billion | —",
            "Investment | status not given | $500 million | —",
        ], "\(totals)")
        // The sum across standings ($7.5B with its qualifiers) appears nowhere.
        #expect(!site.text("deals/index.html").contains("8.5"))
        #expect(!site.text("deals/index.html").contains("7.5"))
    }

    @Test func aCompanyPageShowsItsMoneyByStanding() {
        let lines = site.lines("companies/att/index.html")
        guard let caption = lines.firstIndex(where: { $0.hasPrefix("Money and power in its deals") }) else {
            Issue.record("no money table: \(lines)")
            return
        }
        #expect(lines[caption + 1] == "By standing: money paid or signed for, pledged, and in talks are never added together.")
        #expect(Array(lines[caption + 3...caption + 7]) == ["Paid or signed", "Pledged", "In talks", "Status “rumour & hearsay”", "Status not given"])
        let received = lines.firstIndex(of: "Investment received").map { Array(lines[$0...$0 + 5]) }
        // The pledge's amount is `planned`, and its total says so.
        #expect(received == ["Investment received", "> $4 billion", "up to $2 billion (planned)", "≥ $1 billion", "$1 billion", "—"])
        #expect(!lines.contains { $0.contains("~$7") || $0.contains("~$8") })
    }

    /// A deal with no amount has no colon; a cluster with no units has no empty part; the
    /// per-unit power keeps the one unit it has.
    @Test func missingValuesDropWithTheirSeparators() {
        let att = site.lines("companies/att/index.html")
        #expect(att.contains("AT&T <Labs> → Q&A \"Co\" (cloud, signed, 2025)"))
        #expect(att.contains("disclosed February 2025: AT&T <Labs> → Q&A \"Co\": $3 billion (compute, signed)"))
        // `modality: { power: estimate }`: the power, and what is derived from it, say so.
        #expect(att.contains("Big & <Bold>: 1,000 units, 2 MW (estimate), all-in 2 kW per unit (estimate)"))
        #expect(site.lines("companies/obrien/index.html").contains("Power only: 30 MW"))
        // Nowhere on any page: an empty value between separators, empty parentheses, a
        // colon or comma ending a line, a unit written twice.
        let patterns = [#",\s*,"#, #"[,:]\s*\("#, #"\(\s*\)"#, #"\bper \w+ per \w+"#, #"[,:]\s*$"#, #"\s,"#]
        for path in FixtureSite.files(in: site.fixture.output) where path.hasSuffix(".html") {
            for line in site.lines(path) {
                for pattern in patterns where line.range(of: pattern, options: .regularExpression) != nil {
                    Issue.record("\(path): '\(line)' matches \(pattern)")
                }
            }
        }
    }

    /// A deal with no name, title or label is named by its parties on /deals/, not by its id.
    @Test func aDealWithoutANameIsNamedByItsParties() {
        let html = site.fixture.read("deals/index.html")
        #expect(html.contains(#"<tr id="att-obrien"><td class="deal-name">AT&amp;T &lt;Labs&gt; → O&#39;Brien &amp; Sons</td>"#))
    }

    @Test func datesPrintAtTheirPrecision() {
        let deals = site.lines("deals/index.html")
        // year, month, day, and a deal with only `as_of`.
        for date in ["2025", "February 2025", "January 15, 2025", "as of March 1, 2025"] {
            #expect(deals.contains(date), "\(date)")
        }
        #expect(!site.text("deals/index.html").contains("2025-01-01"))
        // The disclosed deal keeps its date column beside "disclosed February 2025".
        #expect(deals.contains("signed; disclosed February 2025"))
        #expect(site.fixture.read("deals/index.html").contains(#"<time datetime="2025">2025</time>"#))
        let sources = site.lines("sources/index.html")
        #expect(sources.contains("Profits & <Losses>, March 2025"))
        #expect(sources.contains("News & Views, 2025"))
        // A date field cited in prose: the year-precision cloud deal.
        #expect(site.text("index.html").contains("The cloud deal dates from 2025."))
    }

    @Test func yearsAreNotQuantities() {
        let figures = site.fixture.read("figures/index.html")
        #expect(figures.contains(#"id="context.conference.attendees""#))
        for field in ["since", "year", "launch_year", "founded", "name"] {
            #expect(!figures.contains(#"id="context.conference.\#(field)""#), "\(field) is listed as a figure")
        }
        for path in ["figures/index.html", "sources/index.html"] {
            for year in ["1,974", "2,017", "2,020", "1,998"] { #expect(!site.text(path).contains(year), "\(year) on \(path)") }
        }
    }

    @Test func everySourceHasAReadableWorkingLink() {
        let html = site.fixture.read("sources/index.html")
        #expect(html.contains(#"<a href="https://example.com/a?x=1&amp;y=2">Chips &amp; &quot;dips&quot; &lt;2025&gt;</a>"#))
        #expect(html.contains(#"<a href="https://news.example.org/story/1">The article on news.example.org</a>"#))
        #expect(!html.contains(#"href="javascript:"#))
        #expect(site.lines("sources/index.html").contains("Address as recorded (not a web link): ftp://archive.example.org/paper.pdf"))
        #expect(site.lines("sources/index.html").contains("No web address is recorded for this article."), "the print-only source says so")
        // No link on the page is empty.
        let empty = try! NSRegularExpression(pattern: #"<a\b[^>]*>\s*</a>"#)
        for path in FixtureSite.files(in: site.fixture.output) where path.hasSuffix(".html") {
            let page = site.fixture.read(path)
            #expect(empty.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)) == nil, "\(path)")
        }
    }

    @Test func theFiguresPageHasContentsByCollection() {
        let html = site.fixture.read("figures/index.html")
        let contents = try! NSRegularExpression(pattern: ##"<li><a href="#(figures-[a-z_-]+)">([^<]+)</a>"##)
        let anchors = contents.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
        // The all-in power per H100 is an assumption taken from a cluster: its value is a figure too.
        #expect(anchors == ["figures-assumptions", "figures-chips", "figures-clusters", "figures-companies", "figures-context", "figures-deals",
                            "figures-fleets", "figures-purchases", "figures-stakes", "figures-training", "figures-valuations"])
        for anchor in anchors { #expect(html.contains(#"<h2 id="\#(anchor)">"#), "\(anchor)") }
        // Text fields are not figures.
        for text in ["deals.qa-att.date", "deals.qa-att.conditions", "companies.att.name", "deals.att-qa.label"] {
            #expect(!html.contains(#"id="\#(text)""#), "\(text)")
        }
        // An unverifiable figure says why.
        #expect(site.text("figures/index.html").contains(
            "It cannot be computed: the deal has no date; its amount is a total reported by March 1, 2025, not dated by payment, so no valuation of AT&T <Labs> from the time of the investment can be chosen."))
    }

    /// O'Brien's only investment in AT&T is in talks: no money is in yet, so its stake has a
    /// value (1% × $100B) but no multiple on money invested, and says why.
    @Test func aMultipleOnMoneyNotYetInvestedIsUnverifiable() {
        #expect(site.lines("companies/obrien/index.html").contains("O'Brien & Sons holds 1% of AT&T <Labs>, worth $1 billion (as of June 2025)"))
        #expect(site.text("figures/index.html").contains(
            "It cannot be computed: none of the holder's investments in the company is paid or signed: obrien-att (in talks)."))
    }

    @Test func modalityIsSaidInWords() {
        let att = site.lines("companies/att/index.html")
        // The purchase's power rests on the cluster's estimated power per unit.
        #expect(att.contains("expected by December 2025: ~5,000 GPUs Widget <X> & Co — spend ~$100 million, power ~10 MW (estimate)"))
        #expect(att.contains("possible: Model <One>: > 10,000 GPUs"), "`could`, in the word the chart labels use")
        #expect(att.contains("planned: Q&A \"Co\" → AT&T <Labs>: up to $2 billion, ≥ 1 GW (investment, pledged — announced, as each gigawatt is deployed & paid, January 15, 2025)"))
        // `disclosed` shows the date it was made public; `as_of` the date the count is for.
        #expect(att.contains("disclosed March 2025: ~8,000 units in Widget <X> & Co equivalents — power ~16 MW (estimate) (as of December 2025)"))
        #expect(site.lines("companies/obrien/index.html").contains("estimate: 200 units Widget <X> & Co — spend $4 million, power 400 kW (as of June 2025)"))
        #expect(site.lines("deals/index.html").contains("pledged — announced; planned; as each gigawatt is deployed & paid"))
    }
}
