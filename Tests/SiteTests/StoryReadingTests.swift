import Foundation
import Testing
@testable import Site

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
}
