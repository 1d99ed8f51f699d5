import Foundation
import Testing
@testable import Serve

@Suite("Watching and rebuilding")
struct WatchingTests {
    static var modes: [WatchMode] {
        #if os(Linux)
        [.inotify, .polling]
        #else
        [.polling]
        #endif
    }

    @Test("a burst of writes gives exactly one rebuild, with the changed paths", arguments: modes)
    func burst(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            for i in 1...5 {
                try site.write("content/power.md", "# Power \(i)\n", in: site.root)
            }
            #expect(await eventually { await recorder.calls.count == 1 })
            try await Task.sleep(for: .milliseconds(600))
            #expect(await recorder.calls == [["content/power.md"]])
        }
    }

    @Test("changes in several folders come sorted, relative to the folders' parent", arguments: modes)
    func severalFolders(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            try site.write("templates/base.html", "<main>{{ body }}</main>\n", in: site.root)
            try site.write("content/b.md", "b\n", in: site.root)
            try site.write("content/a.md", "a\n", in: site.root)
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("power.md"))
            #expect(await eventually { await recorder.calls.count == 1 })
            try await Task.sleep(for: .milliseconds(400))
            #expect(await recorder.calls == [["content/a.md", "content/b.md", "content/power.md", "templates/base.html"]])
        }
    }

    @Test("editor temp files and hidden files are ignored", arguments: modes)
    func ignored(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            for name in [".power.md.swp", "power.md~", ".#power.md", "#power.md#", "notes.swp", ".DS_Store", "4913", ".git/index"] {
                try site.write("content/" + name, "x", in: site.root)
            }
            try await Task.sleep(for: .milliseconds(700))
            #expect(await recorder.calls.isEmpty)
        }
    }

    @Test("new subfolders are watched too", arguments: modes)
    func newSubfolder(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            try FileManager.default.createDirectory(at: site.content.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
            #expect(await eventually { await recorder.calls.count == 1 })
            try await Task.sleep(for: .milliseconds(400))
            try site.write("content/deep/er/page.md", "# Deep\n", in: site.root)
            #expect(await eventually { await recorder.calls.count == 2 })
            #expect(await recorder.calls.last == ["content/deep/er/page.md"])
        }
    }

    @Test("a change during a rebuild leads to another rebuild after it, never at the same time")
    func changeDuringRebuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        await recorder.setDelay(.milliseconds(700))
        try await withServer(site: site, recorder: recorder) { server in
            try site.write("content/a.md", "a\n", in: site.root)
            #expect(await eventually { await recorder.active == 1 })
            try site.write("content/b.md", "b\n", in: site.root)
            try site.write("templates/base.html", "<main></main>\n", in: site.root)
            #expect(await eventually(.seconds(4)) { await recorder.finished == 2 })
            #expect(await recorder.calls == [["content/a.md"], ["content/b.md", "templates/base.html"]])
            #expect(await recorder.maxActive == 1)
        }
    }

    @Test("poller diff: added, removed and modified files; folders only when added or removed")
    func pollerDiff() {
        typealias Entry = Poller.Entry
        let old: [String: Entry] = [
            "/c/a.md": Entry(isDirectory: false, size: 1, seconds: 1, nanoseconds: 0),
            "/c/b.md": Entry(isDirectory: false, size: 1, seconds: 1, nanoseconds: 0),
            "/c/sub": Entry(isDirectory: true, size: 0, seconds: 1, nanoseconds: 0),
        ]
        let new: [String: Entry] = [
            "/c/a.md": Entry(isDirectory: false, size: 1, seconds: 1, nanoseconds: 5),
            "/c/sub": Entry(isDirectory: true, size: 0, seconds: 2, nanoseconds: 0),
            "/c/new.md": Entry(isDirectory: false, size: 3, seconds: 2, nanoseconds: 0),
        ]
        #expect(Poller.diff(old: old, new: new).sorted() == ["/c/a.md", "/c/b.md", "/c/new.md"])
    }

    @Test("ignore rules")
    func ignoreRules() {
        for name in [".x.swp", "x.swp", "x~", ".#x", "#x#", ".hidden", "4913", "x.md___jb_tmp___"] {
            #expect(IgnoreRules.isIgnored(name: name), "\(name)")
        }
        for name in ["x.md", "index.html", "swp", "a#b"] {
            #expect(!IgnoreRules.isIgnored(name: name), "\(name)")
        }
        #expect(IgnoreRules.isIgnored(path: "content/.git/config"))
        #expect(!IgnoreRules.isIgnored(path: "content/power.md"))
    }
}

@Suite("Watching: saves as editors do them")
struct SaveStyleTests {
    @Test("an atomic save (temp file, then rename) reports the saved file only", arguments: WatchingTests.modes)
    func atomicSave(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            try Data("# Power, saved atomically\n".utf8).write(to: site.content.appendingPathComponent("power.md"), options: .atomic)
            #expect(await eventually { await recorder.calls.count == 1 })
            try await Task.sleep(for: .milliseconds(400))
            #expect(await recorder.calls == [["content/power.md"]])
        }
    }

    @Test("a Vim-style save (rename to backup~, write anew, delete backup) reports the saved file only", arguments: WatchingTests.modes)
    func vimSave(mode: WatchMode) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder, watchMode: mode) { server in
            let file = site.content.appendingPathComponent("power.md")
            let backup = site.content.appendingPathComponent("power.md~")
            try Data("probe".utf8).write(to: site.content.appendingPathComponent("4913"))
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("4913"))
            try FileManager.default.moveItem(at: file, to: backup)
            try Data("# Power, saved by Vim\n".utf8).write(to: file)
            try FileManager.default.removeItem(at: backup)
            #expect(await eventually { await recorder.calls.count == 1 })
            try await Task.sleep(for: .milliseconds(400))
            #expect(await recorder.calls == [["content/power.md"]])
        }
    }
}
