import FlyingFox
import FlyingSocks
import Foundation

/// The live-reload side of the server: keeps the last build's state and the open event streams,
/// and tells every open tab to reload (after a good build) or to show the errors (after a failed one).
actor LiveReloadHub {
    /// Path of the server-sent-events endpoint the injected script connects to.
    static let eventsPath = "/__capex/events"

    /// Changes whenever the server restarts, so open tabs reload when they reconnect to a new server.
    let serverID: String
    /// Counts the successful rebuilds; a tab whose page is older than the current one reloads.
    private(set) var generation = 0
    /// The message of the last rebuild if it failed; nil after a good one.
    private(set) var lastFailure: String?
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextClientID = 0
    private var isFinished = false

    init(serverID: String = LiveReloadHub.makeServerID()) {
        self.serverID = serverID
    }

    /// Identifies the build a page was served from; embedded in the injected script.
    var token: String { "\(serverID)-\(generation)" }

    var clientCount: Int { clients.count }

    /// Opens a stream of event-stream bytes for one client. It starts with the retry delay, a `hello` event
    /// carrying the current token, and the last error if the last rebuild failed.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(32))
        guard !isFinished else {
            continuation.finish()
            return stream
        }
        let id = nextClientID
        nextClientID += 1
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        var hello = Array("retry: 1000\n\n".utf8)
        hello += ServerSentEvent.encode(event: "hello", data: token)
        continuation.yield(hello)
        if let lastFailure {
            continuation.yield(ServerSentEvent.encode(event: "build-error", data: lastFailure))
        }
        return stream
    }

    /// Records a rebuild's outcome and tells every open tab.
    func publish(_ outcome: RebuildOutcome) {
        if outcome.succeeded {
            generation += 1
            lastFailure = nil
            broadcast(ServerSentEvent.encode(event: "reload", data: token))
        } else {
            lastFailure = outcome.message
            broadcast(ServerSentEvent.encode(event: "build-error", data: outcome.message))
        }
    }

    /// A comment line, so that connections of closed tabs fail to write and are dropped.
    func heartbeat() {
        broadcast(Array(": ping\n\n".utf8))
    }

    /// Ends every open stream; later subscriptions end at once.
    func finishAll() {
        isFinished = true
        let open = clients.values
        clients = [:]
        for continuation in open { continuation.finish() }
    }

    private func broadcast(_ bytes: [UInt8]) {
        for (id, continuation) in clients {
            if case .terminated = continuation.yield(bytes) {
                clients[id] = nil
            }
        }
    }

    private func remove(_ id: Int) {
        clients[id] = nil
    }

    static func makeServerID() -> String {
        String(UInt32.random(in: .min ... .max), radix: 16)
    }
}

/// Encoding of the `text/event-stream` format.
enum ServerSentEvent {
    static func encode(event: String, data: String) -> [UInt8] {
        var text = "event: \(event)\n"
        for line in lines(of: data) {
            text += "data: \(line)\n"
        }
        text += "\n"
        return Array(text.utf8)
    }

    /// Splits on `\r\n`, `\r` and `\n` (working on scalars: a Swift `Character` joins `\r\n`).
    static func lines(of text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                result.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        result.append(String(current))
        return result
    }
}

/// Bytes of an event stream, for FlyingFox's chunked response body: each `nextBuffer` call waits for the next
/// event and returns it whole (up to the suggested size), so every event is written as soon as it is published.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }

        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let next = await events.next() else { return false }
                pending = next[...]
            }
            return true
        }
    }
}

/// The script served HTML pages get, and how it is put into them.
enum LiveReloadScript {
    static let tokenPlaceholder = "%CAPEX_TOKEN%"

    /// A marker that tests (and people reading page sources) can look for.
    static let marker = "capex live reload"

    /// The `<script>` element for a page served from the build identified by `token`.
    static func tag(token: String) -> String {
        "<script>/* \(marker) */" + source.replacingOccurrences(of: tokenPlaceholder, with: token) + "</script>"
    }

    /// Puts the script before the last `</body>` (any case), or at the end if there is none.
    static func inject(into html: Data, token: String) -> Data {
        let tag = Data(tag(token: token).utf8)
        var result = html
        if let index = lastClosingBody(in: html) {
            result.insert(contentsOf: tag, at: index)
        } else {
            result.append(tag)
        }
        return result
    }

    static func lastClosingBody(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            var matches = true
            for j in 0..<needle.count {
                var byte = bytes[i + j]
                if byte >= 65 && byte <= 90 { byte += 32 }  // ASCII lower-case
                if byte != needle[j] { matches = false; break }
            }
            if matches { return html.startIndex + i }
            i -= 1
        }
        return nil
    }

    /// The script itself: ASCII only, no `</script>` inside, the error text put in with `textContent` only.
    static let source = #"""
(function () {
  "use strict";
  if (window.__capexLiveReload || typeof EventSource === "undefined") { return; }
  window.__capexLiveReload = true;
  var token = "%CAPEX_TOKEN%";
  var overlay = null;
  var css =
    ":host{all:initial}" +
    ".backdrop{position:fixed;inset:0;background:rgba(15,15,20,.45);display:flex;align-items:flex-start;" +
    "justify-content:center;padding:6vh 16px;box-sizing:border-box;overflow:auto;" +
    "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
    ".panel{background:#1e2024;color:#e8e8e8;width:min(980px,100%);border-radius:8px;" +
    "border-top:5px solid #e5484d;box-shadow:0 16px 48px rgba(0,0,0,.45)}" +
    "header{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 18px 8px}" +
    "h1{margin:0;font-size:18px;font-weight:600;color:#ff6b70}" +
    "button{background:#2c2f35;border:1px solid #4a4e57;color:#e8e8e8;border-radius:5px;font:inherit;" +
    "font-size:13px;padding:5px 12px;cursor:pointer}" +
    "button:hover{background:#3a3e46}" +
    "pre{margin:0;padding:10px 18px 16px;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas," +
    "'DejaVu Sans Mono','Liberation Mono',monospace;white-space:pre;overflow:auto;max-height:70vh;tab-size:4}" +
    ".error{color:#ff9494;font-weight:600}.warning{color:#f3d36b}.caret{color:#6ee08a;font-weight:600}" +
    "p{margin:0;padding:0 18px 14px;font-size:12px;color:#9da3ad}";
  var markup =
    "<div class='backdrop'><div class='panel' role='alertdialog' aria-modal='true' aria-label='Build failed'>" +
    "<header><h1>Build failed</h1><button type='button' title='Dismiss (Esc)'>Dismiss &#x2715;</button></header>" +
    "<pre></pre><p>This page is the last good build. Fix the error and save: the page reloads by itself.</p>" +
    "</div></div>";
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(text) {
    hide();
    var host = document.createElement("capex-build-error");
    host.style.cssText = "all:initial;position:fixed;inset:0;z-index:2147483647";
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.innerHTML = "<style>" + css + "</style>" + markup;
    var pre = root.querySelector("pre");
    text.split("\n").forEach(function (line) {
      var span = document.createElement("span");
      span.textContent = line + "\n";
      if (/\berror\b:/.test(line)) { span.className = "error"; }
      else if (/\bwarning\b:/.test(line)) { span.className = "warning"; }
      else if (/^\s*\^[\^~ ]*$/.test(line)) { span.className = "caret"; }
      pre.appendChild(span);
    });
    root.querySelector("button").addEventListener("click", hide);
    root.querySelector(".backdrop").addEventListener("click", function (event) {
      if (event.target === event.currentTarget) { hide(); }
    });
    (document.body || document.documentElement).appendChild(host);
    overlay = host;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
  // Browsers allow about six connections per host over HTTP/1.1, so only visible tabs keep a stream open.
  // A tab that comes back reconnects: "hello" carries the current build, and a newer one reloads the page;
  // if the last build failed, the error follows.
  var source = null;
  function connect() {
    if (source || document.hidden) { return; }
    source = new EventSource("/__capex/events");
    source.addEventListener("hello", function (event) {
      if (event.data !== token) { location.reload(); }
    });
    source.addEventListener("reload", function () { location.reload(); });
    source.addEventListener("build-error", function (event) { show(event.data); });
  }
  function disconnect() {
    if (source) { source.close(); source = null; }
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { disconnect(); } else { connect(); }
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", connect);
  connect();
})();
"""#
}
